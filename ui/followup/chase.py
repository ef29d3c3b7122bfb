""""Soạn công văn đôn đốc": ask the new deadline, draft the letter through the service (on
the write lane), then show it in the print preview. `ChaseRunner.drafted(outgoing_id)` lets
the dispatch editor open the new draft once it exists."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from desktop.followup.chasing import chase_overdue_of_dispatch, draft_chasing_letter
from ui.common.background import run_write
from ui.common.dates import DateField, dates_ok
from ui.common.messages import show_error
from ui.common.window_size import fit_window


class DeadlineDialog(QDialog):
    def __init__(self, summary: str, parent=None, default: date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Soạn công văn đôn đốc")
        d = default or date.today() + timedelta(days=15)
        self.deadline = DateField(d)
        text = QLabel(summary)
        text.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Hạn mới để các đơn vị hoàn thành, báo cáo:", self.deadline)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Soạn dự thảo")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, "chase-deadline")

    def value(self) -> date:
        return self.deadline.date().toPython()

    def accept(self) -> None:
        if dates_ok(self):
            super().accept()


class ChaseRunner(QObject):
    drafted = Signal(int)  # the new draft's outgoing id (hook for the dispatch editor)

    def __init__(self, ctx, parent_widget):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.last_outgoing_id: int | None = None
        self.last_editor = None
        self.open_in_editor = True

    def chase_tasks(self, task_ids: list[int], new_deadline: date) -> None:
        user = self.ctx.user
        run_write(lambda: draft_chasing_letter(self.ctx, task_ids, new_deadline, user), self._drafted, self._failed)

    def chase_dispatch(self, outgoing_id: int, new_deadline: date) -> None:
        user = self.ctx.user
        run_write(lambda: chase_overdue_of_dispatch(self.ctx, outgoing_id, new_deadline, user),
                  self._drafted, self._failed)

    def run(self, draft) -> None:
        """Any chasing draft: `draft()` (a service call returning (outgoing id, Changes)) on the write lane."""
        run_write(draft, self._drafted, self._failed)

    def _drafted(self, outgoing_id: int) -> None:
        """The chasing letter is an ordinary draft: open it in the dispatch editor (live preview,
        Trình ký → Ký → Ban hành with a number from the register)."""
        from ui.documents.editor import open_editor

        self.last_outgoing_id = outgoing_id
        self.drafted.emit(outgoing_id)
        if self.open_in_editor:
            self.last_editor = open_editor(self.ctx, outgoing_id)

    def _failed(self, exc: BaseException) -> None:
        show_error(self.parent_widget, str(exc))
