""""Soạn công văn đôn đốc": ask the new deadline, draft the letter through the service (on
the write lane), then show it in the print preview. `ChaseRunner.drafted(outgoing_id)` lets
the dispatch editor open the new draft once it exists."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from desktop.documents.convert import printable
from desktop.followup.chasing import chase_overdue_of_dispatch, draft_chasing_letter
from ui.common.background import run_read, run_write
from ui.common.messages import show_error


class DeadlineDialog(QDialog):
    def __init__(self, summary: str, parent=None, default: date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Soạn công văn đôn đốc")
        d = default or date.today() + timedelta(days=15)
        self.deadline = QDateEdit(QDate(d.year, d.month, d.day))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd/MM/yyyy")
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

    def value(self) -> date:
        d = self.deadline.date()
        return date(d.year(), d.month(), d.day())


class ChaseRunner(QObject):
    drafted = Signal(int)  # the new draft's outgoing id (hook for the dispatch editor)

    def __init__(self, ctx, parent_widget):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.last_outgoing_id: int | None = None
        self.last_preview = None
        self.show_preview = True

    def chase_tasks(self, task_ids: list[int], new_deadline: date) -> None:
        user = self.ctx.user
        run_write(lambda: draft_chasing_letter(self.ctx, task_ids, new_deadline, user), self._drafted, self._failed)

    def chase_dispatch(self, outgoing_id: int, new_deadline: date) -> None:
        user = self.ctx.user
        run_write(lambda: chase_overdue_of_dispatch(self.ctx, outgoing_id, new_deadline, user),
                  self._drafted, self._failed)

    def _drafted(self, outgoing_id: int) -> None:
        self.last_outgoing_id = outgoing_id
        self.drafted.emit(outgoing_id)
        if self.show_preview:
            run_read(lambda: printable(self.ctx, outgoing_id), self._open_preview)

    def _open_preview(self, result) -> None:
        from ui.letters.preview import PreviewDialog  # QtPdf is loaded only when a preview opens

        dispatch, settings = result
        dialog = PreviewDialog(dispatch, self.parent_widget, settings=settings)
        dialog.setWindowTitle("Công văn đôn đốc (dự thảo) – xem trước bản in")
        dialog.open()
        self.last_preview = dialog

    def _failed(self, exc: BaseException) -> None:
        show_error(self.parent_widget, str(exc))
