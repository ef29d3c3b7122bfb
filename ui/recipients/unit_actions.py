"""Gộp đơn vị (merge a duplicate into the unit that stays) and Ngừng hoạt động (deactivate from a
date): small dialogs that say what will happen before anything is written."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from desktop.recipients.directory import UnitChoice, deactivate_unit
from desktop.recipients.merge import merge_units
from ui.common.background import run_write
from ui.common.dates import DateField, dates_ok
from ui.common.forms import ERROR_STYLE
from ui.recipients.unit_picker import UnitPicker
from ui.common.window_size import fit_window


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
    buttons.rejected.connect(dialog.reject)
    return buttons


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


class MergeDialog(QDialog):
    """Merge `unit` into the unit chosen in the list (the survivor)."""

    def __init__(self, ctx, unit: UnitChoice, units: list[UnitChoice], parent=None):
        super().__init__(parent)
        self.ctx, self.unit = ctx, unit
        self.merged_into: int | None = None
        self.setWindowTitle("Gộp đơn vị")
        fit_window(self, "unit-merge", 620, 560)
        intro = QLabel(
            f"Gộp <b>{unit.name}</b> (mã {unit.code}) vào đơn vị chọn dưới đây.<br>"
            "Mọi văn bản, nhiệm vụ, nhóm và cụm, khối đang trỏ tới đơn vị này sẽ chuyển sang đơn vị được chọn; "
            f"tên «{unit.name}» trở thành tên gọi khác của đơn vị đó. Văn bản cũ vẫn in đúng như đã in. "
            "Thao tác này không hoàn tác được.")
        intro.setWordWrap(True)
        self.picker = UnitPicker([u for u in units if u.id != unit.id])
        self.error = _error_label()
        buttons = _buttons(self, "Gộp")
        self.merge_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.merge)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def merge(self) -> None:
        chosen = self.picker.selected_ids()
        if not chosen:
            self.error.setText("Chọn đơn vị được giữ lại.")
            return
        ctx, loser, survivor = self.ctx, self.unit.id, chosen[0]
        self.merge_button.setEnabled(False)
        run_write(lambda: merge_units(ctx, loser, survivor, ctx.user), self._done, self._failed)

    def _done(self, result) -> None:
        self.merged_into = result.survivor_id
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.merge_button.setEnabled(True)
        self.error.setText(str(exc))


class DeactivateDialog(QDialog):
    """Deactivate `unit`: its last working day; it leaves its groups after that day."""

    def __init__(self, ctx, unit: UnitChoice, parent=None):
        super().__init__(parent)
        self.ctx, self.unit = ctx, unit
        self.done_on: date | None = None
        self.setWindowTitle("Ngừng hoạt động")
        intro = QLabel(
            f"<b>{unit.name}</b> (mã {unit.code}) ngừng hoạt động sau ngày chọn dưới đây: đơn vị rời các nhóm "
            "từ hôm sau và không còn trong danh sách chọn khi soạn văn bản. Văn bản, nhiệm vụ cũ giữ nguyên.")
        intro.setWordWrap(True)
        self.last_day = DateField()
        self.error = _error_label()
        form = QFormLayout()
        form.addRow("Hoạt động đến hết ngày", self.last_day)
        buttons = _buttons(self, "Ngừng hoạt động")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.deactivate)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def deactivate(self) -> None:
        if not dates_ok(self):
            return
        ctx, unit_id, day = self.ctx, self.unit.id, self.last_day.date().toPython()
        self.ok_button.setEnabled(False)

        def done(_changes) -> None:
            self.done_on = day
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.error.setText(str(exc))

        run_write(lambda: deactivate_unit(ctx, unit_id, day, ctx.user), done, failed)
