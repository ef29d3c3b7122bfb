"""The office's follow-up dashboard ("Tổng quan") and the start-up / daily notice.

Counts per official category (desktop.followup.categories) and per unit as of a date, the tasks
due within the office's reminder window (setting followup/soon_days) and the overdue ones. Read only;
one session per call.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.core.context import AppContext
from desktop.core.settings.office_store import office_value
from desktop.core.vocabulary import short_date
from desktop.followup.categories import CATEGORY_ORDER
from desktop.followup.task_query import TaskFilter, TaskRow, board_filter, rows_in_session

__all__ = ["UnitCounts", "Dashboard", "Notices", "dashboard", "notices"]


@dataclass
class UnitCounts:
    unit_id: int | None
    unit: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORY_ORDER, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def overdue(self) -> int:
        return self.counts["open_overdue"]


@dataclass
class Dashboard:
    as_of: date
    by_category: dict[str, int]
    by_unit: list[UnitCounts]  # most overdue first, then most tasks
    due_soon: list[TaskRow]
    overdue: list[TaskRow]
    soon_days: int  # the reminder window `due_soon` was taken with

    @property
    def total(self) -> int:
        return sum(self.by_category.values())


def summarize(rows: list[TaskRow], as_of: date, soon_days: int) -> Dashboard:
    by_category = dict.fromkeys(CATEGORY_ORDER, 0)
    units: dict[object, UnitCounts] = {}
    for row in rows:
        if row.category is None:
            continue
        by_category[row.category] += 1
        key = row.unit_id if row.unit_id is not None else row.unit
        units.setdefault(key, UnitCounts(row.unit_id, row.unit or "(chưa xác định)")).counts[row.category] += 1
    ranked = sorted(units.values(), key=lambda u: (-u.overdue, -u.total, u.unit))
    return Dashboard(
        as_of=as_of, by_category=by_category, by_unit=ranked,
        due_soon=[r for r in rows if r.due_soon], overdue=[r for r in rows if r.overdue], soon_days=soon_days,
    )


def dashboard(ctx: AppContext, as_of: date, filters: TaskFilter | None = None) -> Dashboard:
    """The dashboard of the tasks `filters` selects (all but cancelled ones by default)."""
    with ctx.session() as session:
        rows = rows_in_session(session, as_of, filters)
        soon_days = office_value(session, "followup/soon_days")
    return summarize(rows, as_of, soon_days)


@dataclass
class Notices:
    as_of: date
    since: date | None
    became_overdue: list[TaskRow]  # open tasks whose deadline passed after `since` (all when None)
    due_soon: list[TaskRow]  # open tasks due within the reminder window, not yet overdue
    soon_days: int
    overdue: list[TaskRow] = field(default_factory=list)  # every overdue task: the board's "Quá hạn"

    @property
    def empty(self) -> bool:
        return not self.became_overdue and not self.due_soon

    @property
    def message(self) -> str:
        """One Vietnamese sentence for the banner; "" when there is nothing to say. The overdue
        count is the board's own (the rows "Quá hạn" shows), whatever became new since."""
        parts = []
        if self.became_overdue:
            text = f"{len(self.overdue)} nhiệm vụ đã quá hạn"
            if self.since is not None:
                text += f" ({len(self.became_overdue)} mới quá hạn từ {short_date(self.since)})"
            parts.append(text)
        if self.due_soon:
            parts.append(f"{len(self.due_soon)} nhiệm vụ đến hạn trong {self.soon_days} ngày tới")
        return ("; ".join(parts) + ".") if parts else ""


def notices(ctx: AppContext, as_of: date, since: date | None) -> Notices:
    """Every overdue task and what became overdue since the last notice (`since`, exclusive;
    None: every overdue task), and what falls due within the office's reminder window
    (followup/soon_days), as of `as_of`. The board's filters (`board_filter`) select them, so
    the banner counts what the board shows."""
    with ctx.session() as session:
        soon_days = office_value(session, "followup/soon_days")
        overdue = rows_in_session(session, as_of, board_filter(category="open_overdue"))
        soon = rows_in_session(session, as_of, board_filter(
            category="open_in_time", due_from=as_of, due_to=as_of + timedelta(days=soon_days)))
    new = [r for r in overdue if since is None or r.deadline >= since]
    return Notices(as_of, since, new, soon, soon_days, overdue)
