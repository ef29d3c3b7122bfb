"""Tệp ▸ Thể thức văn bản…: the office adjusts margins, sizes and spacing within the ranges
Decree 30 allows (the spin boxes cannot leave them); the values apply to every letter printed."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from desktop.core.access import ADMIN
from desktop.core.settings import option
from desktop.letters.layout import SETTINGS_KEY, LetterSettings
from desktop.letters.office_settings import letter_overrides, save_letter_overrides
from ui.common.background import run_read, run_write
from ui.common.forms import ERROR_STYLE, clear_when_edited
from ui.common.rights import restrict_all
from ui.common.window_size import fit_window

RED = "#d00000"
# (group, field, step); label, unit and the decree's range come from the settings registry
FIELDS = (
    ("Lề trang", "margin_top_mm", 0.5),
    ("Lề trang", "margin_bottom_mm", 0.5),
    ("Lề trang", "margin_left_mm", 0.5),
    ("Lề trang", "margin_right_mm", 0.5),
    ("Cỡ chữ", "quoc_hieu_size", 0.5),
    ("Cỡ chữ", "tieu_ngu_size", 0.5),
    ("Cỡ chữ", "issuer_size", 0.5),
    ("Cỡ chữ", "subject_size", 0.5),
    ("Cỡ chữ", "recipients_size", 0.5),
    ("Cỡ chữ", "body_size", 0.5),
    ("Cỡ chữ", "signer_size", 0.5),
    ("Đoạn văn", "first_line_indent_cm", 0.01),
    ("Đoạn văn", "paragraph_space_pt", 1.0),
    ("Đoạn văn", "line_spacing", 0.05),
)


class LetterSettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Thể thức văn bản")
        self.spins: dict[str, QDoubleSpinBox] = {}
        defaults = LetterSettings()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Các giá trị chỉ chọn được trong khoảng Nghị định 30/2020/NĐ-CP cho phép; "
                                "áp dụng cho mọi văn bản in ra, xem trước và xuất DOCX."))
        groups: dict[str, QFormLayout] = {}
        row = QHBoxLayout()
        for group, key, step in FIELDS:
            opt = option(f"{SETTINGS_KEY}/{key}")
            label, unit, (low, high) = opt.label, opt.unit, opt.range
            if group not in groups:
                box = QGroupBox(group)
                groups[group] = QFormLayout(box)
                row.addWidget(box)
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setDecimals(2 if step < 0.1 else 1)
            spin.setSuffix(f" {unit}" if unit else "")
            spin.setValue(getattr(defaults, key))
            spin.setToolTip(f"Nghị định 30: {low:g}–{high:g} {unit}".strip())
            groups[group].addRow(label, spin)
            self.spins[key] = spin
        layout.addLayout(row)
        self.red_stamp = QCheckBox("In khung độ khẩn (KHẨN, THƯỢNG KHẨN, HỎA TỐC) màu đỏ")
        layout.addWidget(self.red_stamp)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.defaults_button = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.defaults_button.setText("Giá trị mặc định")
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        restrict_all(ctx, ADMIN, self.save_button, self.defaults_button)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        clear_when_edited(self.error, *self.spins.values(), self.red_stamp)
        run_read(lambda: letter_overrides(ctx), self._show)
        fit_window(self, "letter-settings")

    def _show(self, overrides: dict) -> None:
        for key, spin in self.spins.items():
            if key in overrides:
                spin.setValue(float(overrides[key]))
        self.red_stamp.setChecked(overrides.get("stamp_color", "#000000").lower() == RED)

    def restore_defaults(self) -> None:
        defaults = LetterSettings()
        for key, spin in self.spins.items():
            spin.setValue(getattr(defaults, key))
        self.red_stamp.setChecked(False)

    def values(self) -> dict:
        values = {key: round(spin.value(), 2) for key, spin in self.spins.items()}
        values["stamp_color"] = RED if self.red_stamp.isChecked() else "#000000"
        return values

    def save(self) -> None:
        ctx, values = self.ctx, self.values()
        self.save_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.error.setText(str(exc))

        run_write(lambda: save_letter_overrides(ctx, values, ctx.user), lambda _c: self.accept(), failed)
