"""Reading tasks as of a date: the board's filters as SQL, and plain rows for small sets.

`TaskFilter` is shared by the lazy board list (`conditions`) and `task_rows` (the CLI, the
dashboard, the grouped view), so both always select the same tasks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterator, Sequence

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import IncomingDocument, Movement, OutgoingDocument, Task, TaskChase, Unit
from desktop.core.context import AppContext
from desktop.core.settings.office_store import office_value
from desktop.followup.categories import category_label, category_of, category_where, due_soon
from desktop.core.search import matches_words

__all__ = ["TaskFilter", "TaskRow", "conditions", "board_filter", "task_rows", "task_row", "document_label",
           "stream_rows"]

T = Task


@dataclass
class TaskFilter:
    unit_id: int | None = None
    category: str | None = None  # a category code (categories.CATEGORY_LABELS)
    movement_id: int | None = None
    outgoing_id: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    overdue: bool = False  # open and past its deadline (same as category "open_overdue")
    text: str = ""
    ids: list[int] = field(default_factory=list)  # only these tasks (empty: no restriction)
    include_cancelled: bool = False
    # Leave out tasks of documents dated after the as-of date (they did not exist yet).
    existing_only: bool = True


@dataclass
class TaskRow:
    id: int
    document: str  # "2457/UBND-NC" (or "đến 1204: 356/BC-SKHĐT")
    outgoing_id: int | None
    incoming_id: int | None
    document_date: date | None
    document_subject: str
    item_label: str | None
    title: str
    unit_id: int | None
    unit: str  # the directory name, else the text as written
    role: str
    deadline: date | None
    deadline_text: str | None
    status: str
    completed_on: date | None
    category: str | None  # a category code (categories.CATEGORY_LABELS); None when cancelled
    category_label: str
    due_soon: bool  # open, due within the office's reminder window (followup/soon_days)
    chases: int
    movement_id: int | None
    movement: str | None
    reply_incoming_id: int | None
    reply_date: date | None
    reply: str | None  # "356/BC-SKHĐT" of the answering document
    notes: str | None

    @property
    def overdue(self) -> bool:
        return self.category == "open_overdue"


def document_label(number, symbol: str | None) -> str:
    if number is None:
        return f"(dự thảo) {symbol or ''}".strip()
    text = f"{number:02d}" if isinstance(number, int) else str(number)
    return f"{text}/{symbol}" if symbol else text


def conditions(flt: TaskFilter | None, as_of: date) -> list[ColumnElement[bool]]:
    flt = flt or TaskFilter()
    out: list[ColumnElement[bool]] = []
    if not flt.include_cancelled:
        out.append(T.status != "cancelled")
    if flt.unit_id is not None:
        out.append(T.assignee_unit_id == flt.unit_id)
    if flt.movement_id is not None:
        out.append(T.movement_id == flt.movement_id)
    if flt.outgoing_id is not None:
        out.append(T.outgoing_id == flt.outgoing_id)
    if flt.due_from is not None:
        out.append(T.deadline >= flt.due_from)
    if flt.due_to is not None:
        out.append(T.deadline <= flt.due_to)
    if flt.category:
        out.append(category_where(flt.category, as_of))
    if flt.overdue:
        out.append(category_where("open_overdue", as_of))
    if flt.ids:
        out.append(T.id.in_(flt.ids))
    if flt.existing_only:
        out.append(or_(T.outgoing_id.is_(None), T.outgoing_id.not_in(
            select(OutgoingDocument.id).where(OutgoingDocument.date > as_of))))
        out.append(or_(T.incoming_id.is_(None), T.incoming_id.not_in(
            select(IncomingDocument.id).where(IncomingDocument.date > as_of))))
    matching = matches_words(T.search_folded, flt.text)
    if matching is not None:
        out.append(matching)
    return out


def board_filter(flt: TaskFilter | None = None, **changes) -> TaskFilter:
    """The board's reading of `flt` (a copy, with `changes` applied): as of today every stored
    task exists, whatever its document's date. The board's list, its banner and the start-up
    reminder all count through this, so their numbers agree."""
    out = TaskFilter(**{**vars(flt or TaskFilter()), **changes})
    out.ids = list(out.ids)
    out.existing_only = False
    return out


_REPLY = aliased(IncomingDocument)


def _query(where: list[ColumnElement[bool]]):
    chases = select(func.count(TaskChase.id)).where(TaskChase.task_id == T.id).scalar_subquery()
    return (
        select(T, Unit.name, Movement.name, OutgoingDocument.number, OutgoingDocument.symbol, OutgoingDocument.date,
               OutgoingDocument.subject, IncomingDocument.number, IncomingDocument.symbol, IncomingDocument.date,
               IncomingDocument.subject, _REPLY.number, _REPLY.symbol, chases)
        .select_from(T)
        .outerjoin(Unit, Unit.id == T.assignee_unit_id)
        .outerjoin(Movement, Movement.id == T.movement_id)
        .outerjoin(OutgoingDocument, OutgoingDocument.id == T.outgoing_id)
        .outerjoin(IncomingDocument, IncomingDocument.id == T.incoming_id)
        .outerjoin(_REPLY, _REPLY.id == T.reply_incoming_id)
        .where(*where)
        .order_by(T.deadline.is_(None), T.deadline, OutgoingDocument.date, T.item_label, Unit.sort_key, T.id)
    )


def _row(r, as_of: date, soon_days: int) -> TaskRow:
    (task, unit, movement, out_no, out_sym, out_date, out_subj, in_no, in_sym, in_date, in_subj,
     reply_no, reply_sym, chases) = r
    category = category_of(task, as_of)
    if task.incoming_id is not None:
        document, doc_date, subject = f"đến: {document_label(in_no, in_sym)}", in_date, in_subj or ""
    elif task.outgoing_id is not None:
        document, doc_date, subject = document_label(out_no, out_sym), out_date, out_subj or ""
    else:
        document, doc_date, subject = "", None, ""
    return TaskRow(
        id=task.id, document=document, outgoing_id=task.outgoing_id, incoming_id=task.incoming_id,
        document_date=doc_date, document_subject=subject, item_label=task.item_label, title=task.title,
        unit_id=task.assignee_unit_id, unit=unit or task.assignee_text or "", role=task.role,
        deadline=task.deadline, deadline_text=task.deadline_text, status=task.status,
        completed_on=task.completed_on, category=category,
        category_label=category_label(category),
        due_soon=due_soon(task.deadline, task.status, as_of, soon_days), chases=int(chases or 0),
        movement_id=task.movement_id, movement=movement, reply_incoming_id=task.reply_incoming_id,
        reply_date=task.reply_date, reply=document_label(reply_no, reply_sym) if task.reply_incoming_id else None,
        notes=task.notes,
    )


def rows_in_session(session: Session, as_of: date, flt: TaskFilter | None = None) -> list[TaskRow]:
    soon_days = office_value(session, "followup/soon_days")
    return [_row(r, as_of, soon_days) for r in session.execute(_query(conditions(flt, as_of)))]


def stream_rows(session: Session, as_of: date, flt: TaskFilter | None = None, *,
                where: Sequence[ColumnElement[bool]] = (), order_by: Sequence = ()) -> Iterator[TaskRow]:
    """`rows_in_session` as a stream (reports over every task): `where` adds conditions,
    `order_by` replaces the deadline order."""
    soon_days = office_value(session, "followup/soon_days")
    query = _query(conditions(flt, as_of) + list(where))
    if order_by:
        query = query.order_by(None).order_by(*order_by, T.id)
    for r in session.execute(query.execution_options(yield_per=1000)):
        yield _row(r, as_of, soon_days)


def task_rows(ctx: AppContext, as_of: date, filters: TaskFilter | None = None) -> list[TaskRow]:
    """The matching tasks with their category as of `as_of`, by deadline (none last).

    For small sets (the CLI, the grouped view, a dispatch's tasks); the board's flat list is lazy.
    """
    with ctx.session() as session:
        return rows_in_session(session, as_of, filters)


def task_row(ctx: AppContext, task_id: int, as_of: date) -> TaskRow | None:
    rows = task_rows(ctx, as_of, TaskFilter(ids=[task_id], include_cancelled=True))
    return rows[0] if rows else None
