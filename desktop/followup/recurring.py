"""Recurring tasks roll over: a task "hằng quý" (or "hằng tháng", "định kỳ 6 tháng", "hằng năm") is one
row per period. `roll_over(ctx, as_of, user)` gives every series its current period:

- an occurrence without a deadline (a recurring item is imported with none) takes the due date of the
  period that contains `as_of`, so the board shows the current period's deadline;
- when the latest occurrence's period has ended (its deadline is before `as_of`), done or not, the
  series gets its next occurrence: the same item, unit and movement, open, due at the end of the
  period that contains `as_of` (or on the rule's day: "trước ngày 06 hằng tháng"). The one before
  stays as it was — overdue if it was never done.

Weekly and daily tasks are left alone (a row a day is not a task list), and so is a rule whose day
cannot be placed ("ngày 15 hằng quý"). Idempotent: running it twice the same day changes nothing.
The GUI runs it on start and once a day (the reminder); the demo runs it when it is built.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import OutgoingDocument, Task
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.followup import deadline_grammar as g
from desktop.followup.deadlines import Deadline, next_due, parse_deadline

__all__ = ["roll_over", "current_due"]

_COPIED = ("outgoing_id", "incoming_id", "item_label", "title", "assignee_unit_id", "assignee_text", "role",
           "movement_id", "deadline_text", "recurrence")


def current_due(task: Task, as_of: date, doc_date: date | None = None) -> date | None:
    """The due date of the period of `task`'s recurrence that contains `as_of`; None when the task
    does not roll over (no recurrence, weekly or daily, or a day that cannot be placed)."""
    rule = _rule(task, doc_date)
    if rule is None:
        return None
    return next_due(rule, as_of)


def _rule(task: Task, doc_date: date | None) -> Deadline | None:
    if not task.recurrence:
        return None
    months = g.recurrence_months(task.recurrence)
    if not months:  # unknown, weekly (0) or daily (0)
        return None
    read = parse_deadline(task.deadline_text or "", doc_date=doc_date) if task.deadline_text else None
    if read is not None and read.kind == "recurring" and read.recurrence == task.recurrence:
        return read
    return Deadline(task.recurrence, None, task.recurrence, "recurring")


def _latest_occurrences(session: Session) -> list[Task]:
    """The newest occurrence of every recurring series that is not cancelled."""
    rows = session.scalars(select(Task).where(Task.recurrence.is_not(None), Task.status != "cancelled")
                           .order_by(Task.id)).all()
    latest: dict[int, Task] = {}
    for task in rows:
        key = task.series_id or task.id
        best = latest.get(key)
        if best is None or (task.deadline or date.max, task.id) > (best.deadline or date.max, best.id):
            latest[key] = task
    return list(latest.values())


def roll_over(ctx: AppContext, as_of: date, user: str) -> tuple[list[int], Changes]:
    """Give every recurring series its occurrence of the period containing `as_of`; returns the new
    task ids (and Changes(tasks=True) when anything was written)."""
    created: list[Task] = []
    dated: list[int] = []
    with ctx.write_session() as session:
        for task in _latest_occurrences(session):
            doc_date = session.scalar(select(OutgoingDocument.date).where(OutgoingDocument.id == task.outgoing_id)) \
                if task.outgoing_id is not None else None
            due = current_due(task, as_of, doc_date)
            if due is None:
                continue
            if task.deadline is None:
                task.deadline = due
                dated.append(task.id)
            elif task.deadline < as_of:  # its period is over: the period of `as_of` comes next (due >= as_of)
                nxt = Task(**{name: getattr(task, name) for name in _COPIED}, deadline=due, status="open",
                           series_id=task.series_id or task.id)
                session.add(nxt)
                created.append(nxt)
        if not created and not dated:
            return [], Changes()
        session.flush()
        ids = [t.id for t in created]
        record(session, user, "roll_over", "task", None, as_of=as_of, created=ids, dated=dated)
        session.commit()
    return ids, Changes(tasks=True)
