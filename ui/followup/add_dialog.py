""""Thêm nhiệm vụ…": a task typed by hand, optionally from an incoming document (a leader's
instruction: its handling deadline is proposed)."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from desktop.followup.board import incoming_choices, movement_choices, unit_choices
from desktop.followup.tasks import TaskInput, add_task
from ui.common.background import run_read, run_write
from ui.common.dates import DateField, dates_ok
from ui.common.messages import show_error
from ui.common.window_size import fit_window


class AddTaskDialog(QDialog):
    saved = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Thêm nhiệm vụ")
        fit_window(self, "task-add", 680, 260)
        self.title = QLineEdit()
        self.title.setPlaceholderText("Nội dung nhiệm vụ")
        self.unit_combo = QComboBox()
        self.unit_combo.addItem("(chưa chọn đơn vị)", None)
        self.incoming_combo = QComboBox()
        self.incoming_combo.addItem("(không có)", None)
        self.incoming_combo.setMinimumWidth(460)
        self.movement_combo = QComboBox()
        self.movement_combo.addItem("(không thuộc phong trào)", None)
        self.has_deadline = QCheckBox("Có hạn")
        self.has_deadline.setChecked(True)
        d = date.today() + timedelta(days=15)
        self.deadline = DateField(d)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        form = QFormLayout()
        form.addRow("Nội dung:", self.title)
        form.addRow("Đơn vị thực hiện:", self.unit_combo)
        form.addRow("Theo văn bản đến:", self.incoming_combo)
        form.addRow("Phong trào:", self.movement_combo)
        form.addRow(self.has_deadline, self.deadline)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        run_read(lambda: (unit_choices(ctx), incoming_choices(ctx), movement_choices(ctx)), self._loaded)

    def _loaded(self, result) -> None:
        units, incoming, movements = result
        for uid, name in units:
            self.unit_combo.addItem(name, uid)
        for doc_id, label, _arrival in incoming:
            self.incoming_combo.addItem(label, doc_id)
        for mid, name in movements:
            self.movement_combo.addItem(name, mid)

    def save(self) -> None:
        if not dates_ok(self):
            return
        d = self.deadline.date()
        data = TaskInput(
            title=self.title.text(), unit_id=self.unit_combo.currentData(),
            incoming_id=self.incoming_combo.currentData(), movement_id=self.movement_combo.currentData(),
            deadline=date(d.year(), d.month(), d.day()) if self.has_deadline.isChecked() else None,
        )
        if not data.title.strip():
            show_error(self, "Nhập nội dung nhiệm vụ.")
            return
        user = self.ctx.user
        run_write(lambda: add_task(self.ctx, data, user), self._done, lambda exc: show_error(self, str(exc)))

    def _done(self, task_id: int) -> None:
        self.saved.emit(task_id)
        self.accept()
