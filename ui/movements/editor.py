"""The movement form (phong trào thi đua): name, period, launching document, monitoring unit,
review dates (sơ kết / tổng kết), notes. Errors appear next to the form; nothing half-saved."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from desktop.movements.service import MovementInput, MovementRow, create_movement, update_movement
from ui.common.background import run_write
from ui.common.dates import dates_ok, optional_date, optional_date_edit, set_optional_date
from ui.common.forms import ERROR_STYLE, clear_when_edited
from ui.common.window_size import fit_window


def _year_spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1999, 2100)
    spin.setSpecialValueText("—")
    spin.setValue(1999)
    return spin


class MovementDialog(QDialog):
    def __init__(self, ctx, units: list[tuple[int, str]], dispatches: list[tuple[int, str]],
                 existing: MovementRow | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.existing = existing
        self.saved_id: int | None = None
        self.setWindowTitle("Sửa phong trào thi đua" if existing else "Thêm phong trào thi đua")
        fit_window(self, "movement", 640, 480)
        self.name = QLineEdit()
        self.start, self.end = _year_spin(), _year_spin()
        self.launching = QComboBox()
        self.launching.addItem("(không chọn)", None)
        for doc_id, label in dispatches:
            self.launching.addItem(label, doc_id)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("Kế hoạch số 536/KH-UBND ngày 09/10/2017")
        self.monitor = QComboBox()
        self.monitor.addItem("(chưa giao)", None)
        for unit_id, name in units:
            self.monitor.addItem(name, unit_id)
        self.interim, self.final = optional_date_edit("chưa định"), optional_date_edit("chưa định")
        self.active = QCheckBox("Đang diễn ra")
        self.active.setChecked(True)
        self.notes = QPlainTextEdit()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)

        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow("Tên phong trào *", self.name)
        form.addRow("", self.error)
        form.addRow("Giai đoạn", period)
        form.addRow("Văn bản phát động", self.launching)
        form.addRow("hoặc ghi số, ngày", self.reference)
        form.addRow("Đơn vị theo dõi", self.monitor)
        form.addRow("Sơ kết", self.interim)
        form.addRow("Tổng kết", self.final)
        form.addRow("", self.active)
        form.addRow("Ghi chú", self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        clear_when_edited(self.error, self.name, self.start, self.end, self.launching, self.reference,
                          self.monitor, self.interim, self.final)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if existing is not None:
            self._fill(existing.data)

    def _fill(self, data: MovementInput) -> None:
        self.name.setText(data.name)
        self.start.setValue(data.period_start or 1999)
        self.end.setValue(data.period_end or 1999)
        self.launching.setCurrentIndex(max(0, self.launching.findData(data.launching_outgoing_id)))
        self.reference.setText(data.launching_reference or "")
        self.monitor.setCurrentIndex(max(0, self.monitor.findData(data.monitoring_unit_id)))
        set_optional_date(self.interim, data.interim_review_date)
        set_optional_date(self.final, data.final_review_date)
        self.active.setChecked(data.active)
        self.notes.setPlainText(data.notes or "")

    def value(self) -> MovementInput:
        def year(spin: QSpinBox) -> int | None:
            return None if spin.value() == spin.minimum() else spin.value()

        return MovementInput(
            name=self.name.text().strip(), period_start=year(self.start), period_end=year(self.end),
            launching_outgoing_id=self.launching.currentData(),
            launching_reference=self.reference.text().strip() or None,
            monitoring_unit_id=self.monitor.currentData(),
            interim_review_date=optional_date(self.interim.date()),
            final_review_date=optional_date(self.final.date()),
            active=self.active.isChecked(), notes=self.notes.toPlainText().strip() or None,
        )

    def save(self) -> None:
        if not dates_ok(self):
            return
        data = self.value()
        if not data.name:
            self.error.setText("Cần nhập tên phong trào.")
            self.name.setFocus()
            return
        ctx, user, existing = self.ctx, self.ctx.user, self.existing
        self.save_button.setEnabled(False)

        def write():
            if existing is None:
                return create_movement(ctx, data, user)
            return existing.id, update_movement(ctx, existing.id, data, user)

        run_write(write, self._saved, self._failed)

    def _saved(self, movement_id: int) -> None:
        self.saved_id = movement_id
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(str(exc))
