"""The chasing letter to exactly the units that have not answered a dispatch.

Kính gửi lists the units still waiting (in the order the dispatch printed them, each once). A
unit's open tasks of that dispatch are listed as its pending items (and get a chase link); a
unit without a task owes the answer itself. The draft goes through the normal chasing path
(`desktop.followup.chasing.draft_for_rows`): the office's template, the register, the editor.
"""
from __future__ import annotations

from datetime import date

from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.followup.chasing import ChaseError, draft_for_rows
from desktop.followup.task_query import TaskFilter, TaskRow, task_rows
from desktop.tracking.query import dispatch_tracking

__all__ = ["draft_reply_chase", "chase_rows"]

_OWED = "Gửi văn bản trả lời, báo cáo theo yêu cầu của văn bản"


def chase_rows(ctx: AppContext, outgoing_id: int, as_of: date | None = None) -> list[TaskRow]:
    """What the letter chases, unit by unit: the unit's open tasks, else the answer it owes."""
    tracking = dispatch_tracking(ctx, outgoing_id, as_of)
    pending = tracking.pending_units
    if not pending:
        raise ChaseError("Mọi đơn vị đã trả lời văn bản này; không có đơn vị nào cần đôn đốc.")
    tasks = [t for t in task_rows(ctx, tracking.as_of, TaskFilter(outgoing_id=outgoing_id, existing_only=False))
             if t.status == "open"]
    rows: list[TaskRow] = []
    for unit in pending:
        own = [t for t in tasks if t.unit_id == unit.unit_id]
        rows += own or [TaskRow(
            id=0, document=tracking.label, outgoing_id=outgoing_id, incoming_id=None, document_date=tracking.date,
            document_subject=tracking.subject, item_label=None, title=_OWED, unit_id=unit.unit_id, unit=unit.unit,
            role="lead", deadline=tracking.deadline, deadline_text=None, status="open", completed_on=None,
            category=None, category_label="", due_soon=False, chases=0, movement_id=None, movement=None,
            reply_incoming_id=None, reply_date=None, reply=None, notes=None,
        )]
    return rows


def draft_reply_chase(ctx: AppContext, outgoing_id: int, new_deadline: date, user: str, *,
                      as_of: date | None = None) -> tuple[int, Changes]:
    """A new chasing draft to the units of `outgoing_id` that have not answered; its outgoing id."""
    return draft_for_rows(ctx, chase_rows(ctx, outgoing_id, as_of), new_deadline, user)
