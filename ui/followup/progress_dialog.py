""""Cập nhật tiến độ…": report received (the incoming document that answers, its date),
notes, done (with its date), or reopen a done task."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.vocabulary import short_date
from desktop.followup.board import incoming_choices
from desktop.followup.task_query import TaskRow
from desktop.followup.tasks import record_progress, reopen
from ui.common.background import run_read, run_write
from ui.common.dates import DateField, dates_ok
from ui.common.messages import show_error
from ui.common.window_size import fit_window


def _pydate(edit: DateField) -> date:
    return edit.date().toPython()


class ProgressDialog(QDialog):
    saved = Signal(int)  # the task id

    def __init__(self, ctx, task: TaskRow, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.task = task
        self.setWindowTitle("Cập nhật tiến độ nhiệm vụ")
        fit_window(self, "task-progress", 720, 420)
        info = QLabel(
            f"<b>{task.unit}</b> – {task.document}{' mục ' + task.item_label if task.item_label else ''}<br>"
            f"{task.title}<br>Hạn: {short_date(task.deadline)}" if task.deadline else
            f"<b>{task.unit}</b> – {task.document}<br>{task.title}<br>Hạn: (không có)")
        info.setWordWrap(True)
        self.status_label = QLabel(f"Tình trạng: <b>{task.category_label}</b>")
        today = date.today()
        self.reply_box = QCheckBox("Đã nhận báo cáo")
        self.reply_combo = QComboBox()
        self.reply_combo.setMinimumWidth(480)
        self.reply_combo.addItem("(không liên kết văn bản đến)", None)
        self.reply_date = DateField(task.reply_date or today)
        self.notes = QPlainTextEdit(task.notes or "")
        self.notes.setPlaceholderText("Ghi chú tiến độ…")
        self.done_box = QCheckBox("Đã hoàn thành, ngày")
        self.done_date = DateField(task.completed_on or today)
        self.reply_box.setChecked(task.reply_incoming_id is not None or task.reply_date is not None)
        self.done_box.setChecked(task.status == "done")
        self.reply_combo.currentIndexChanged.connect(self._reply_chosen)

        form = QFormLayout()
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply_combo, 1)
        reply_row.addWidget(QLabel("ngày"))
        reply_row.addWidget(self.reply_date)
        form.addRow(self.reply_box, reply_row)
        form.addRow("Ghi chú:", self.notes)
        done_row = QHBoxLayout()
        done_row.addWidget(self.done_date)
        done_row.addStretch(1)
        form.addRow(self.done_box, done_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.reopen_button = QPushButton("Mở lại nhiệm vụ")
        buttons.addButton(self.reopen_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.reopen_button.setVisible(task.status != "open")  # after addButton, which shows it
        self.reopen_button.clicked.connect(self.reopen)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.status_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        run_read(lambda: incoming_choices(ctx, issuer_unit_id=task.unit_id), self._choices_loaded)

    def _choices_loaded(self, rows) -> None:
        self._arrivals = {}
        for doc_id, label, arrival in rows:
            self.reply_combo.addItem(label, doc_id)
            self._arrivals[doc_id] = arrival
        if self.task.reply_incoming_id is not None:
            self.select_reply(self.task.reply_incoming_id)

    def select_reply(self, incoming_id: int) -> None:
        index = self.reply_combo.findData(incoming_id)
        if index >= 0:
            self.reply_combo.setCurrentIndex(index)

    def _reply_chosen(self, _index: int) -> None:
        doc_id = self.reply_combo.currentData()
        if doc_id is not None:
            self.reply_box.setChecked(True)
            arrival = getattr(self, "_arrivals", {}).get(doc_id)
            if arrival is not None:
                self.reply_date.setDate(arrival)

    def save(self) -> None:
        if not dates_ok(self):
            return
        reply_id = self.reply_combo.currentData() if self.reply_box.isChecked() else None
        reply_date = _pydate(self.reply_date) if self.reply_box.isChecked() else None
        notes = self.notes.toPlainText()
        notes_arg = notes if notes.strip() != (self.task.notes or "").strip() else None
        done_on = _pydate(self.done_date) if self.done_box.isChecked() and self.task.status != "done" else None
        task_id, user = self.task.id, self.ctx.user
        if reply_id == self.task.reply_incoming_id:
            reply_id = None
        if reply_date == self.task.reply_date:
            reply_date = None
        if reply_id is None and reply_date is None and notes_arg is None and done_on is None:
            self.reject()  # nothing changed
            return
        self.save_button.setEnabled(False)
        run_write(lambda: record_progress(self.ctx, task_id, reply_incoming_id=reply_id, reply_date=reply_date,
                                          notes=notes_arg, done_on=done_on, user=user),
                  lambda _c: self._finish(), self._failed)

    def reopen(self) -> None:
        task_id, user = self.task.id, self.ctx.user
        run_write(lambda: reopen(self.ctx, task_id, user), lambda _c: self._finish(), self._failed)

    def _finish(self) -> None:
        self.saved.emit(self.task.id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, str(exc))
