"""The follow-up reminder: on start, and once a day while the program is open, roll recurring tasks over
to their current period and tell the clerk what became overdue or falls due within the office's reminder
window (setting followup/soon_days; a notice in the main window, never a dialog)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer

from desktop.core.vocabulary import short_date
from desktop.followup.dashboard import Notices, notices
from desktop.followup.recurring import roll_over
from ui.common.background import run_read, run_write


class Reminder(QObject):
    def __init__(self, ctx, notify, parent=None):
        super().__init__(parent)
        self._ctx = ctx
        self._notify = notify  # notify(section_key, message)
        self._day: date | None = None
        self.last: Notices | None = None
        self._timer = QTimer(self, interval=60 * 60 * 1000)  # hourly: has the day changed?
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.check()

    def check(self, today: date | None = None) -> None:
        """Once per new day: recurring tasks get their current period (desktop.followup.recurring), then
        the notice says what is overdue and due soon."""
        today = today or date.today()
        if self._day == today:
            return
        since, self._day = self._day, today
        ctx = self._ctx
        run_write(lambda: roll_over(ctx, today, ctx.user),
                  lambda _ids: run_read(lambda: notices(ctx, today, since), self._show))

    def _show(self, found: Notices) -> None:
        self.last = found
        if not found.empty:
            self._notify("tasks", f"Nhắc việc ngày {short_date(found.as_of)}: {found.message}")


def start_reminder(ctx, window) -> Reminder:
    return Reminder(ctx, window.notify, window)
