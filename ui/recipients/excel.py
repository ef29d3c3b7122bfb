"""Danh bạ ⇄ Excel in the GUI: export with a progress dialog, and import in two steps: a preview
of every row (Thêm / Sửa / Không đổi / Lỗi and why), then "Nhập" writes all of it or nothing."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.recipients.excel_import import ImportReport, import_directory
from ui.common.background import run_write
from ui.common.window_size import fit_window

_COLOURS = {"error": "#fde7e9", "add": "#e7f5e9", "change": "#fff6db"}


class ImportPreviewDialog(QDialog):
    """Checks `path` (a dry run on the write lane) and shows the outcome of every row."""

    def __init__(self, ctx, path, parent=None):
        super().__init__(parent)
        self.ctx, self.path = ctx, path
        self.report: ImportReport | None = None
        self.imported = False
        self.setWindowTitle(f"Nhập danh bạ từ Excel – {getattr(path, 'name', path)}")
        fit_window(self, "unit-excel-import", 1000, 600)
        self.summary = QLabel("Đang kiểm tra tệp…")
        self.summary.setWordWrap(True)
        self.only_changes = QCheckBox("Chỉ hiện dòng thêm, sửa hoặc lỗi")
        self.only_changes.setChecked(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Sheet", "Dòng", "Kết quả", "Đối tượng", "Chi tiết"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for col in (0, 1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(3, 320)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Nhập")
        self.import_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Đóng")
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_changes)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.only_changes.toggled.connect(lambda _on: self._fill())
        ctx = self.ctx
        run_write(lambda: import_directory(ctx, path, ctx.user, dry_run=True), self._checked, self._failed)

    def _checked(self, report: ImportReport) -> None:
        self.report = report
        errors = report.errors
        if errors:
            self.summary.setText(f"<b>{len(errors)} dòng có lỗi</b>: sửa tệp rồi nhập lại; chưa ghi gì. "
                                 f"Các dòng đúng: {report.summary()}.")
        elif report.added or report.changed:
            self.summary.setText(f"Sẵn sàng nhập: {report.summary()}. Bấm «Nhập» để ghi tất cả.")
        else:
            self.summary.setText("Tệp khớp với danh bạ: không có gì thay đổi.")
        self.import_button.setEnabled(not errors and bool(report.added or report.changed))
        self._fill()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(f"<span style='color:#b00020'>{exc}</span>")

    def _fill(self) -> None:
        if self.report is None:
            return
        rows = [o for o in self.report.outcomes if not self.only_changes.isChecked() or o.status != "same"]
        self.table.setRowCount(len(rows))
        for r, o in enumerate(rows):
            values = (o.sheet, str(o.row or ""), o.status_label, o.subject, o.message)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if o.status in _COLOURS:
                    item.setBackground(QBrush(QColor(_COLOURS[o.status])))
                if c == 4:
                    item.setToolTip(value)
                self.table.setItem(r, c, item)

    def shown_rows(self) -> list[tuple[str, ...]]:
        return [tuple(self.table.item(r, c).text() for c in range(5)) for r in range(self.table.rowCount())]

    def run_import(self) -> None:
        ctx, path = self.ctx, self.path
        self.import_button.setEnabled(False)

        def done(report: ImportReport) -> None:
            self.report = report
            self.imported = report.written
            if report.errors:  # the file changed between the preview and now
                self._checked(report)
                return
            self.accept()

        run_write(lambda: import_directory(ctx, path, ctx.user), done, self._failed)
