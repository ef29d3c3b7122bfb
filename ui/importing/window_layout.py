"""The widgets and layout of the import screen (behaviour is in window.py)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.banner import Banner
from ui.common.icons import icon
from ui.importing.fields import FieldsForm
from ui.importing.page_view import PageView
from ui.importing.tasks import DEADLINE, RECURRENCE, UNIT, WIDTHS, DateDelegate, RecurrenceDelegate, TaskTableModel, UnitDelegate

EMPTY_SOURCE = ("Kéo thả một tệp .txt, .md, .docx hoặc .pdf vào cửa sổ này, hoặc bấm “Mở tệp…”.\n\n"
                "Kéo thả một thư mục để nhập tất cả các tệp trong đó.")


class ImportWindowLayout:
    """Builds the screen into `dialog` and keeps references to the widgets."""

    def __init__(self, dialog: QDialog):
        self.open_button = QPushButton(icon("file-upload"), "Mở tệp…")
        self.open_button.setToolTip("Chọn tệp văn bản cần nhập (Ctrl+O)")
        self.folder_button = QPushButton(icon("file-import"), "Nhập cả thư mục…")
        self.folder_button.setToolTip("Đọc và lưu tất cả các tệp trong một thư mục, có báo cáo từng tệp")
        self.file_label = QLabel("Chưa mở tệp nào")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.folder_button)
        top.addSpacing(10)
        top.addWidget(self.file_label, 1)
        self.source_label = QLabel()  # where the text came from: "Chữ đọc bằng OCR", "ô ký số"
        self.source_label.setVisible(False)
        top.addWidget(self.source_label)

        self.banner = Banner()

        # reading a scan: progress per page and Hủy, in the window (what is read stays usable)
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(14)
        self.cancel_button = QPushButton(icon("x"), "Hủy")
        self.cancel_button.setToolTip("Dừng nhận dạng các trang còn lại")
        self.progress_box = QWidget()
        strip = QHBoxLayout(self.progress_box)
        strip.setContentsMargins(0, 0, 0, 0)
        strip.addWidget(self.progress_label)
        strip.addWidget(self.progress, 1)
        strip.addWidget(self.cancel_button)
        self.progress_box.setVisible(False)

        self.source = QPlainTextEdit()
        self.source.setReadOnly(True)
        self.source.setAcceptDrops(False)  # drops go to the window
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.source.setPlaceholderText(EMPTY_SOURCE)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        palette = self.source.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#ffd966"))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#000000"))
        self.source.setPalette(palette)
        source_box = QWidget()
        source_layout = QVBoxLayout(source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(_caption("Văn bản gốc (chỉ đọc) – trường đang chọn được tô vàng"))
        source_layout.addWidget(self.source, 1)
        self.page_view = PageView()
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(source_box, "Văn bản đọc được")
        self.left_tabs.addTab(self.page_view, "Ảnh trang")
        self.left_tabs.setTabEnabled(1, False)

        self.form = FieldsForm()
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(self.form)

        self.tasks = TaskTableModel(dialog)
        self.task_view = QTableView()
        self.task_view.setModel(self.tasks)
        self.task_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.task_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.task_view.setAlternatingRowColors(True)
        self.task_view.setWordWrap(False)
        self.task_view.verticalHeader().setVisible(False)
        self.task_view.verticalHeader().setDefaultSectionSize(self.task_view.fontMetrics().height() + 10)
        header = self.task_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        scale = max(1.0, self.task_view.fontMetrics().height() / 16)
        for col, width in enumerate(WIDTHS):
            self.task_view.setColumnWidth(col, int(width * scale))
        self.unit_delegate = UnitDelegate(self.task_view)
        self.date_delegate = DateDelegate(self.task_view)
        self.recurrence_delegate = RecurrenceDelegate(self.task_view)
        self.task_view.setItemDelegateForColumn(UNIT, self.unit_delegate)
        self.task_view.setItemDelegateForColumn(DEADLINE, self.date_delegate)
        self.task_view.setItemDelegateForColumn(RECURRENCE, self.recurrence_delegate)
        tasks_box = QWidget()
        tasks_layout = QVBoxLayout(tasks_box)
        tasks_layout.setContentsMargins(4, 4, 4, 4)
        tasks_layout.addWidget(_caption("Nhiệm vụ đọc từ các mục đánh số. Nhấp đúp để sửa; bỏ dấu ở cột "
                                        "“Lưu” để không lưu nhiệm vụ đó. Tên đơn vị màu nâu: chưa khớp danh mục."))
        tasks_layout.addWidget(self.task_view, 3)
        self.task_text = QPlainTextEdit()
        self.task_text.setPlaceholderText("Chọn một nhiệm vụ trong bảng để xem và sửa nội dung đầy đủ.")
        self.task_text.setTabChangesFocus(True)
        self.task_text.setEnabled(False)
        tasks_layout.addWidget(_caption("Nội dung nhiệm vụ đang chọn:"))
        tasks_layout.addWidget(self.task_text, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.form_scroll, "Thông tin văn bản")
        self.tabs.addTab(tasks_box, "Nhiệm vụ")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)

        self.save_in = QPushButton(icon("file-import"), "Lưu là văn bản đến")
        self.save_in.setToolTip("Lưu vào sổ văn bản đến, kèm các nhiệm vụ được đánh dấu")
        self.save_out = QPushButton(icon("file-export"), "Lưu là văn bản đi")
        self.save_out.setToolTip("Lưu vào sổ văn bản đi (đã ban hành), kèm các nhiệm vụ được đánh dấu")
        self.close_button = QPushButton("Đóng")
        bottom = QHBoxLayout()
        bottom.addWidget(_caption("Trường tô vàng: chưa đọc được – hãy nhập, hoặc đánh dấu “Để trống”."), 1)
        bottom.addWidget(self.save_in)
        bottom.addWidget(self.save_out)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(dialog)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    label.setStyleSheet("color: #555;")
    return label
