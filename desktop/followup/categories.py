"""A task's reporting category as of a date: the one rule, in Python and beside it in SQL.

The four categories of official reporting (domain spec §3.5): done on time, done late, not done
and within the deadline, not done and overdue. The deadline day itself is in time: an open task
is overdue from the next day. A task without a deadline is "within" until done, then "on time".
A done task is judged by its completion date (or `as_of` when none was recorded) and stays in
its category whatever `as_of` is later on. A cancelled task is in none of the four (None) and
is counted apart. Categories are computed, never stored.

- `category_of(task, as_of)` / `task_category(...)`: in Python, for rows in memory.
- `category_sql(as_of)`: the same rule as a SQLAlchemy CASE over `tasks` giving the code (NULL
  when cancelled), for the lazy lists and reports (SQLite and PostgreSQL);
  `category_label_sql(as_of)` gives the label instead; `category_where(category, as_of)` is the
  same rule as a WHERE clause (index-friendly on the deadline).
Tests check that all of them agree on every case, the as-of boundary days included.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, case, func, literal, null, or_

from db.models import Task
from desktop.core.settings import default
from desktop.core.vocabulary import CATEGORY_LABELS, CATEGORY_ORDER, TASK_STATUS_LABELS

__all__ = [
    "CATEGORY_LABELS", "CATEGORY_ORDER", "CATEGORY_COLOURS", "CANCELLED_LABEL", "task_category", "category_of",
    "category_label", "category_sql", "category_label_sql", "category_where", "due_soon",
]

CANCELLED_LABEL = TASK_STATUS_LABELS["cancelled"]  # what a list shows for a task in no category
# The colour of each category wherever it is drawn (the board's bars, the report's chart).
CATEGORY_COLOURS = {"done_on_time": "#2e7d32", "done_late": "#8d9b3a", "open_in_time": "#1565c0",
                    "open_overdue": "#c62828"}
_STATUSES = ("open", "done", "cancelled")
T = Task


def _check_status(status: str) -> None:
    if status not in _STATUSES:
        raise ValueError(f"Trạng thái nhiệm vụ không hợp lệ: {status!r} (open, done, cancelled)")


def task_category(deadline: date | None, status: str, completed_on: date | None, as_of: date) -> str | None:
    """"done_on_time" | "done_late" | "open_in_time" | "open_overdue"; None for a cancelled task."""
    _check_status(status)
    if status == "cancelled":
        return None
    if status == "done":
        finished = completed_on or as_of
        return "done_on_time" if deadline is None or finished <= deadline else "done_late"
    return "open_in_time" if deadline is None or as_of <= deadline else "open_overdue"


def category_of(task: Any, as_of: date) -> str | None:
    """The category of anything with `deadline`, `status` and `completed_on` (a Task, a TaskRow,
    a result row) as of `as_of`; None when cancelled."""
    return task_category(task.deadline, task.status, task.completed_on, as_of)


def category_label(category: str | None) -> str:
    """The Vietnamese label of a category; a cancelled task's (None) is "Đã hủy"."""
    return CATEGORY_LABELS[category] if category else CANCELLED_LABEL


def _on(as_of: date | ColumnElement) -> ColumnElement:
    return literal(as_of, Date) if isinstance(as_of, date) else as_of


def _done_on_time(as_of: ColumnElement) -> ColumnElement[bool]:
    return or_(T.deadline.is_(None), func.coalesce(T.completed_on, as_of) <= T.deadline)


def category_sql(as_of: date | ColumnElement) -> ColumnElement:
    """SQL for `category_of` over the `tasks` table: the category code, NULL when cancelled.
    `as_of` is a date or a SQL date expression (e.g. a bind parameter taken when the query runs)."""
    on = _on(as_of)
    return case(
        (T.status == "cancelled", null()),
        (and_(T.status == "done", _done_on_time(on)), literal("done_on_time")),
        (T.status == "done", literal("done_late")),
        (or_(T.deadline.is_(None), T.deadline >= on), literal("open_in_time")),
        else_=literal("open_overdue"),
    )


def category_label_sql(as_of: date | ColumnElement) -> ColumnElement:
    """SQL for `category_label(category_of(...))`: the label, "Đã hủy" when cancelled."""
    return case(CATEGORY_LABELS, value=category_sql(as_of), else_=literal(CANCELLED_LABEL))


def category_where(category: str, as_of: date | ColumnElement) -> ColumnElement[bool]:
    """SQL that selects the tasks of one category as of `as_of` (the rule of `category_of`)."""
    on = _on(as_of)
    if category == "done_on_time":
        return and_(T.status == "done", _done_on_time(on))
    if category == "done_late":
        return and_(T.status == "done", T.deadline.is_not(None), func.coalesce(T.completed_on, on) > T.deadline)
    if category == "open_in_time":
        return and_(T.status == "open", or_(T.deadline.is_(None), T.deadline >= on))
    if category == "open_overdue":
        return and_(T.status == "open", T.deadline.is_not(None), T.deadline < on)
    raise ValueError(f"Tình trạng không hợp lệ: {category!r} ({', '.join(CATEGORY_LABELS)})")


def due_soon(deadline: date | None, status: str, as_of: date, days: int | None = None) -> bool:
    """An open task whose deadline falls within the next `days` days (today included), not yet overdue;
    `days` is the office's reminder window (setting followup/soon_days; its default when None)."""
    _check_status(status)
    days = default("followup/soon_days") if days is None else days
    if status != "open" or deadline is None:
        return False
    return as_of <= deadline <= as_of + timedelta(days=days)
