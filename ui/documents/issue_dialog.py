"""Ban hành: confirm the issue date and the number (next in the register, or one typed by hand
for a back-dated entry, checked with `numbering.check_manual_number`)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from desktop.documents.numbering import check_manual_number
from desktop.documents.editor_data import upcoming_number
from ui.common.background import run_read
from ui.common.dates import DateField, dates_ok
from ui.common.forms import ERROR_STYLE
from ui.common.window_size import fit_window


class IssueDialog(QDialog):
    """`chosen()` -> (date, number or None) once accepted."""

    def __init__(self, ctx, register_id: int, register_name: str, on: date, parent=None):
        super().__init__(parent)
        self.ctx, self.register_id = ctx, register_id
        self.setWindowTitle("Ban hành văn bản")
        self.date = DateField(on)
        self.date.setMaximumDate(date.today())
        self.manual = QCheckBox("Dùng số giữ trước hoặc số ghi tay (vào sổ bổ sung)")
        self.number = QSpinBox()
        self.number.setRange(1, 99999)
        self.number.setEnabled(False)
        self.check_text = QLabel()
        self.check_text.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Ban hành")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Sổ đăng ký:", QLabel(register_name))
        form.addRow("Ngày ban hành:", self.date)
        form.addRow(self.manual)
        form.addRow("Số:", self.number)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Sau khi ban hành, văn bản không sửa được nữa. Kiểm tra lại trước khi cấp số."))
        layout.addLayout(form)
        layout.addWidget(self.check_text)
        layout.addWidget(self.buttons)
        self.manual.toggled.connect(self._manual_toggled)
        self.number.valueChanged.connect(lambda _v: self._check())
        self.date.dateChanged.connect(lambda _d: self._check())
        self._next_text = "Số sẽ là số kế tiếp trong sổ của năm ban hành."
        self.check_text.setText(self._next_text)
        self._show_upcoming()
        fit_window(self, "issue")

    def _show_upcoming(self) -> None:
        register_id, year = self.register_id, self.chosen_date().year

        def show(result) -> None:
            number, reserved = result
            text = f"Số dự kiến: {number:02d} (số kế tiếp của sổ năm {year})."
            if reserved:
                text += " Số đang giữ: " + ", ".join(f"{n:02d}" for n in reserved) + "."
            self._next_text = text
            if not self.manual.isChecked():
                self.check_text.setText(text)
        run_read(lambda: upcoming_number(self.ctx, register_id, year), show)

    def chosen_date(self) -> date:
        return self.date.date().toPython()

    def accept(self) -> None:
        if dates_ok(self):
            super().accept()

    def chosen(self) -> tuple[date, int | None]:
        return self.chosen_date(), self.number.value() if self.manual.isChecked() else None

    def _manual_toggled(self, on: bool) -> None:
        self.number.setEnabled(on)
        self._check()

    def _check(self) -> None:
        if not self.manual.isChecked():
            self.ok_button.setEnabled(True)
            self.check_text.setStyleSheet("")
            self.check_text.setText(self._next_text)
            self._show_upcoming()
            return
        when, number = self.chosen_date(), self.number.value()
        run_read(lambda: check_manual_number(self.ctx, self.register_id, when.year, number, when), self._show)

    def _show(self, verdict) -> None:
        lines = verdict.errors + verdict.warnings
        self.ok_button.setEnabled(verdict.ok)
        self.check_text.setStyleSheet(ERROR_STYLE if verdict.errors else "color: #8a5a00;")
        self.check_text.setText("\n".join(lines) or "Số hợp lệ.")
