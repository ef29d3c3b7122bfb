"""Nhập cả thư mục: every .txt/.md/.docx/.pdf of a folder read (and saved, as incoming by
default) as a job with progress and Cancel, then a per-file report: imported / needs
attention / failed, with the reason. Double-click a row to open that file in the import screen."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.importing.batch import ATTENTION, DUPLICATE, FAILED, IMPORTED, STATUS_LABELS
from desktop.importing.review import FolderOutcome, import_folder_job
from ui.common.background import run_job
from ui.common.icons import icon
from ui.common.user_settings import user_settings
from ui.importing.openers import open_file
from ui.common.window_size import fit_window

SAVE_CHOICES = (("in", "Lưu là văn bản đến"), ("out", "Lưu là văn bản đi (đã ban hành)"),
                (None, "Chỉ đọc thử, không lưu"))
STATUS_ICONS = {IMPORTED: ("check", "#2e8b57"), ATTENTION: ("alert-triangle", "#b07800"), FAILED: ("x", "#c0392b"),
                DUPLICATE: ("copy", "#6c757d")}


class BatchDialog(QDialog):
    finished_import = Signal(object)  # FolderOutcome

    def __init__(self, ctx, parent: QWidget | None = None, *, save_as: str | None = "in"):
        super().__init__(parent)
        self.ctx = ctx
        self.outcome: FolderOutcome | None = None
        self.token = None
        self.setWindowTitle("Nhập cả thư mục")
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText("Thư mục chứa các tệp .txt, .md, .docx, .pdf")
        self.choose_button = QPushButton("Chọn thư mục…")
        self.save_choice = QComboBox()
        for value, text in SAVE_CHOICES:
            self.save_choice.addItem(text, value)
        self.save_choice.setCurrentIndex(next(i for i, (v, _t) in enumerate(SAVE_CHOICES) if v == save_as))
        self.start_button = QPushButton(icon("file-import"), "Bắt đầu nhập")
        self.summary = QLabel("Chọn một thư mục rồi bấm “Bắt đầu nhập”. Chỉ các tệp ngay trong thư mục "
                              "(không gồm thư mục con) được đọc.")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Tệp", "Kết quả", "Lý do, ghi chú"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        scale = max(1.0, self.fontMetrics().height() / 16)
        self.table.setColumnWidth(0, int(240 * scale))
        self.table.setColumnWidth(1, int(120 * scale))
        self.close_button = QPushButton("Đóng")

        row = QHBoxLayout()
        row.addWidget(QLabel("Thư mục:"))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.save_choice)
        row2.addStretch(1)
        row2.addWidget(self.start_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        fit_window(self, "import-folder", int(900 * scale), int(520 * scale))

        self.choose_button.clicked.connect(self.choose_folder)
        self.start_button.clicked.connect(lambda: self.start(Path(self.folder_edit.text().strip())))
        self.close_button.clicked.connect(self.close)
        self.table.cellDoubleClicked.connect(self._open_row)

    def choose_folder(self) -> None:
        start = self.folder_edit.text() or user_settings().value("import/last_folder")
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục cần nhập", start)
        if folder:
            self.folder_edit.setText(folder)
            user_settings().set_value("import/last_folder", folder)

    @property
    def save_as(self) -> str | None:
        return self.save_choice.currentData()

    def start(self, folder: Path) -> None:
        """Run the import of `folder` as a job (progress dialog with Hủy)."""
        if not str(folder) or str(folder) == "." or not folder.is_dir():
            self.summary.setText(f"Không tìm thấy thư mục “{folder}”. Hãy chọn lại.")
            return
        self.folder_edit.setText(str(folder))
        self.table.setRowCount(0)
        self.start_button.setEnabled(False)
        self.summary.setText("Đang nhập…")
        save_as = self.save_as
        self.token = run_job(
            lambda progress, cancel, write: import_folder_job(self.ctx, folder, save_as, progress=progress,
                                                              cancel=cancel, write=write),
            self._show, self._failed, parent=self, title=f"Đang nhập các tệp trong {folder.name}…", writes=True,
        )

    def _show(self, outcome: FolderOutcome) -> None:
        self.outcome = outcome
        self.start_button.setEnabled(True)
        self.table.setRowCount(len(outcome.reports))
        for row, report in enumerate(outcome.reports):
            name, colour = STATUS_ICONS[report.status]
            file_item = QTableWidgetItem(report.path.name)
            file_item.setToolTip(str(report.path))
            file_item.setData(Qt.ItemDataRole.UserRole, str(report.path))
            status_item = QTableWidgetItem(icon(name, colour), STATUS_LABELS[report.status])
            message_item = QTableWidgetItem(report.message)
            message_item.setToolTip(report.message)
            for col, item in enumerate((file_item, status_item, message_item)):
                self.table.setItem(row, col, item)
        counts = ", ".join(f"{STATUS_LABELS[s]}: {outcome.count(s)}" for s in (IMPORTED, ATTENTION, DUPLICATE, FAILED)
                           if s != DUPLICATE or outcome.count(s))
        where = {"in": "vào sổ văn bản đến", "out": "vào sổ văn bản đi", None: "(chỉ đọc thử, không lưu)"}
        head = "Đã dừng theo yêu cầu" if outcome.cancelled else "Xong"
        self.summary.setText(f"{head}: {len(outcome.reports)} tệp {where[outcome.save_as]} – {counts}. "
                             "Nhấp đúp một dòng để mở tệp trong màn hình Nhập văn bản.")
        self.finished_import.emit(outcome)  # the lists refresh from run_job's announcement, not from here

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.summary.setText(f"Không nhập được thư mục: {exc}")

    def _open_row(self, row: int, _col: int) -> None:
        item = self.table.item(row, 0)
        if item is None:
            return
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        open_file(self.ctx, self.parentWidget() or self, path, self.save_as or "in")
