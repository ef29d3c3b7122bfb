"""The four official categories of assigned tasks (done on time / late, open within the
deadline / overdue), computed as of a date and never stored.

A deadline day itself is in time: a task is overdue from the next day. A task with no
deadline can never be late.
"""
from __future__ import annotations

from datetime import date, timedelta

from desktop.core.settings import default

__all__ = ["CATEGORY_LABELS", "CATEGORY_ORDER", "task_category", "due_soon"]

CATEGORY_LABELS = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "open_in_time": "Chưa hoàn thành, trong hạn",
    "open_overdue": "Chưa hoàn thành, quá hạn",
}
CATEGORY_ORDER = tuple(CATEGORY_LABELS)
_STATUSES = ("open", "done", "cancelled")


def _check_status(status: str) -> None:
    if status not in _STATUSES:
        raise ValueError(f"Trạng thái nhiệm vụ không hợp lệ: {status!r} (open, done, cancelled)")


def task_category(deadline: date | None, status: str, completed_on: date | None, as_of: date) -> str | None:
    """"done_on_time" | "done_late" | "open_in_time" | "open_overdue"; None for a cancelled task.

    A done task is judged by its completion date (or `as_of` when none was recorded); it stays
    in its category whatever `as_of` is later on.
    """
    _check_status(status)
    if status == "cancelled":
        return None
    if status == "done":
        finished = completed_on or as_of
        return "done_on_time" if deadline is None or finished <= deadline else "done_late"
    return "open_in_time" if deadline is None or as_of <= deadline else "open_overdue"


def due_soon(deadline: date | None, status: str, as_of: date, days: int | None = None) -> bool:
    """An open task whose deadline falls within the next `days` days (today included), not yet overdue;
    `days` is the office's reminder window (setting followup/soon_days; its default when None)."""
    _check_status(status)
    days = default("followup/soon_days") if days is None else days
    if status != "open" or deadline is None:
        return False
    return as_of <= deadline <= as_of + timedelta(days=days)
