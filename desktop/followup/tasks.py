"""Task follow-up service: store confirmed proposals, add tasks by hand or from an incoming
document, record progress (report received, notes, done) and reopen.

Every write is one transaction with an audit entry and returns a `Changes`. Reading the board
is in `desktop.followup.task_query` (re-exported here); proposing in `proposals`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import IncomingDocument, Movement, MovementDocument, OutgoingDocument, RecipientTracking, Task, Unit
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.followup.proposals import ProposedTask, propose_tasks
from desktop.followup.task_query import TaskFilter, TaskRow, task_row, task_rows
from desktop.core.text import nfc
from desktop.core.vocabulary import short_date
from desktop.followup.group_tasks import split_proposals

__all__ = [
    "ProposedTask", "TaskInput", "TaskFilter", "TaskRow", "TaskError", "propose_tasks", "save_tasks",
    "add_task", "tasks_from_incoming", "record_progress", "reopen", "task_rows", "task_row",
]
ENTITY = "task"


class TaskError(ValueError):
    """A task write refused, with a Vietnamese message; nothing was written."""


@dataclass
class TaskInput:
    """A task typed by hand (or built from an incoming document)."""

    title: str
    outgoing_id: int | None = None
    incoming_id: int | None = None
    item_label: str | None = None
    unit_id: int | None = None
    assignee_text: str | None = None
    role: str = "lead"
    movement_id: int | None = None
    deadline: date | None = None
    deadline_text: str | None = None
    recurrence: str | None = None
    notes: str | None = None


def _clean(text: str | None) -> str | None:
    text = " ".join(nfc(text or "").split())
    return text or None


def _check_refs(session: Session, data: TaskInput) -> None:
    if not _clean(data.title):
        raise TaskError("Nhiệm vụ cần có nội dung.")
    if data.outgoing_id is not None and data.incoming_id is not None:
        raise TaskError("Một nhiệm vụ chỉ thuộc một văn bản: văn bản đi hoặc văn bản đến.")
    if data.role not in ("lead", "support"):
        raise TaskError(f"Vai trò không hợp lệ: {data.role!r}.")
    for model, value, what in (
        (OutgoingDocument, data.outgoing_id, "văn bản đi"), (IncomingDocument, data.incoming_id, "văn bản đến"),
        (Unit, data.unit_id, "đơn vị"), (Movement, data.movement_id, "phong trào"),
    ):
        if value is not None and session.get(model, value) is None:
            raise TaskError(f"Không có {what} số định danh {value}.")


def _new_task(session: Session, data: TaskInput) -> Task:
    _check_refs(session, data)
    unit = session.get(Unit, data.unit_id) if data.unit_id is not None else None
    task = Task(
        outgoing_id=data.outgoing_id, incoming_id=data.incoming_id, item_label=_clean(data.item_label),
        title=_clean(data.title), assignee_unit_id=data.unit_id,
        assignee_text=_clean(data.assignee_text) or (unit.name if unit else None), role=data.role,
        movement_id=data.movement_id, deadline=data.deadline, deadline_text=_clean(data.deadline_text),
        recurrence=_clean(data.recurrence), status="open", notes=(nfc(data.notes).strip() or None) if data.notes else None,
    )
    session.add(task)
    return task


def _link_movement(session: Session, movement_id: int | None, outgoing_id: int | None) -> None:
    if movement_id is None or outgoing_id is None:
        return
    linked = session.scalar(select(MovementDocument.id).where(
        MovementDocument.movement_id == movement_id, MovementDocument.outgoing_id == outgoing_id))
    if linked is None:
        session.add(MovementDocument(movement_id=movement_id, outgoing_id=outgoing_id))


def save_tasks(ctx: AppContext, outgoing_id: int, confirmed: list[ProposedTask], user: str, *,
               replace: bool = False) -> tuple[list[int], Changes]:
    """Store the included proposals as tasks of `outgoing_id`, in one transaction.

    Stored tasks stay untouched, and a proposal for the same item and unit as a stored task is
    skipped, unless `replace` (then the document's stored tasks, and their chase links, go
    first). Returns the new task ids.
    """
    with ctx.write_session() as session:
        if session.get(OutgoingDocument, outgoing_id) is None:
            raise TaskError(f"Không có văn bản đi số định danh {outgoing_id}.")
        if replace:
            removed = session.execute(delete(Task).where(Task.outgoing_id == outgoing_id)).rowcount
            record(session, user, "replace", ENTITY, None, outgoing_id=outgoing_id, removed=removed)
        stored = set() if replace else {
            (label, unit_id or text) for label, unit_id, text in session.execute(
                select(Task.item_label, Task.assignee_unit_id, Task.assignee_text).where(Task.outgoing_id == outgoing_id))
        }
        created: list[Task] = []
        doc_date = session.get(OutgoingDocument, outgoing_id).date
        for p in split_proposals(session, [p for p in confirmed if p.include], doc_date):
            if not replace and (p.existing_task_id is not None or (p.item_label, p.unit_id or p.assignee_text) in stored):
                continue
            created.append(_new_task(session, TaskInput(
                title=p.title, outgoing_id=outgoing_id, item_label=p.item_label, unit_id=p.unit_id,
                assignee_text=p.assignee_text if p.unit_id is None else (p.unit_name or p.assignee_text),
                role=p.role, movement_id=p.movement_id, deadline=p.deadline, deadline_text=p.deadline_text,
                recurrence=p.recurrence,
            )))
            stored.add((p.item_label, p.unit_id or p.assignee_text))
            _link_movement(session, p.movement_id, outgoing_id)
        session.flush()
        ids = [t.id for t in created]
        record(session, user, "create", ENTITY, None, outgoing_id=outgoing_id, task_ids=ids)
        session.commit()
    return ids, Changes(tasks=True, movements=True)


def add_task(ctx: AppContext, data: TaskInput, user: str) -> tuple[int, Changes]:
    """Store one task typed by hand."""
    with ctx.write_session() as session:
        task = _new_task(session, data)
        _link_movement(session, data.movement_id, data.outgoing_id)
        session.flush()
        record(session, user, "create", ENTITY, task.id, source="manual")
        session.commit()
        return task.id, Changes(tasks=True)


def tasks_from_incoming(ctx: AppContext, incoming_id: int, *, title: str | None = None, unit_id: int | None = None,
                        deadline: date | None = None, user: str) -> tuple[int, Changes]:
    """A task from a leader's instruction on an incoming document (văn bản đến).

    The deadline is `deadline`, else the document's handling deadline (thời hạn giải quyết),
    else a deadline phrase of its instructions; the title defaults to its subject.
    """
    from desktop.followup.calendar import load_calendar
    from desktop.followup.deadlines import find_deadline

    with ctx.session() as session:
        doc = session.get(IncomingDocument, incoming_id)
        if doc is None:
            raise TaskError(f"Không có văn bản đến số định danh {incoming_id}.")
        found = find_deadline(doc.instructions or "", doc_date=doc.date, calendar=load_calendar(session))
        subject, handler, handling = doc.subject, doc.handler, doc.handling_deadline
    due = deadline or handling or found.date
    text = found.text if deadline is None and handling is None else None
    data = TaskInput(title=title or subject[:1].upper() + subject[1:], incoming_id=incoming_id, unit_id=unit_id,
                     assignee_text=None if unit_id else handler, deadline=due, deadline_text=text,
                     recurrence=found.recurrence if text else None)
    with ctx.write_session() as session:
        task = _new_task(session, data)
        session.flush()
        record(session, user, "create", ENTITY, task.id, source="incoming", incoming_id=incoming_id)
        session.commit()
        return task.id, Changes(tasks=True)


def _get(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise TaskError(f"Không có nhiệm vụ số định danh {task_id}.")
    return task


def record_progress(ctx: AppContext, task_id: int, *, reply_incoming_id: int | None = None,
                    reply_date: date | None = None, notes: str | None = None, done_on: date | None = None,
                    user: str) -> Changes:
    """Report received (the incoming document that answers and its date), notes, done.

    `notes` replaces the stored notes ("" clears them; None keeps them). A linked reply also
    marks the unit's tracking rows of the source dispatch as replied.
    """
    with ctx.write_session() as session:
        task = _get(session, task_id)
        if task.status == "cancelled":
            raise TaskError("Nhiệm vụ đã hủy; không cập nhật tiến độ được.")
        details: dict[str, object] = {}
        if reply_incoming_id is not None:
            reply = session.get(IncomingDocument, reply_incoming_id)
            if reply is None:
                raise TaskError(f"Không có văn bản đến số định danh {reply_incoming_id}.")
            task.reply_incoming_id = reply_incoming_id
            task.reply_date = reply_date or reply.arrival_date or reply.date
            details.update(reply_incoming_id=reply_incoming_id, reply_date=task.reply_date)
            _mark_line_replied(session, task, reply, user)
        elif reply_date is not None:
            task.reply_date = reply_date
            details["reply_date"] = reply_date
        if notes is not None:
            task.notes = nfc(notes).strip() or None
            details["notes"] = True
        if done_on is not None:
            if task.outgoing_id is not None:
                issued = session.scalar(select(OutgoingDocument.date).where(OutgoingDocument.id == task.outgoing_id))
                if issued is not None and done_on < issued:
                    raise TaskError(f"Ngày hoàn thành {short_date(done_on)} trước ngày của văn bản giao ({short_date(issued)}).")
            task.status, task.completed_on = "done", done_on
            details["done_on"] = done_on
        if not details:
            raise TaskError("Chưa có gì để cập nhật.")
        record(session, user, "progress", ENTITY, task.id, **details)
        session.commit()
    return Changes(tasks=True, outgoing=reply_incoming_id is not None)


def _mark_line_replied(session: Session, task: Task, reply: IncomingDocument, user: str) -> None:
    """The unit's tracking rows of the source dispatch become replied by `reply` (unless they are)."""
    if task.outgoing_id is None or task.assignee_unit_id is None:
        return
    from desktop.tracking.replies import mark_replied

    session.flush()
    rows = session.scalars(select(RecipientTracking).where(
        RecipientTracking.outgoing_id == task.outgoing_id, RecipientTracking.unit_id == task.assignee_unit_id,
        RecipientTracking.replied_at.is_(None))).all()
    mark_replied(session, list(rows), reply, "manual", user)


def reopen(ctx: AppContext, task_id: int, user: str) -> Changes:
    """A done (or cancelled) task becomes open again; its completion date is cleared."""
    with ctx.write_session() as session:
        task = _get(session, task_id)
        if task.status == "open":
            raise TaskError("Nhiệm vụ đang mở.")
        before = task.status
        task.status, task.completed_on = "open", None
        record(session, user, "reopen", ENTITY, task.id, **{"from": before})
        session.commit()
    return Changes(tasks=True)
