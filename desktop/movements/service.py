"""The movement register (phong trào thi đua): list, create, edit, and link dispatches and tasks.

A movement has a name, a period (years), a launching document (a stored outgoing document or
its citation as written), a monitoring unit and its review dates: sơ kết (interim) and tổng
kết (final). Every write is one transaction with an audit entry and returns a `Changes`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from db.models import Movement, MovementDocument, OutgoingDocument, Task, Unit
from desktop.core.access import DRAFT, require
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.text import fold, nfc

__all__ = ["MovementInput", "MovementRow", "MovementError", "list_movements", "get_movement", "create_movement",
           "update_movement", "link_documents", "unlink_document", "assign_tasks"]
ENTITY = "movement"


class MovementError(ValueError):
    """A refused movement write, with a Vietnamese message; nothing was written."""


@dataclass
class MovementInput:
    name: str
    period_start: int | None = None
    period_end: int | None = None
    launching_outgoing_id: int | None = None
    launching_reference: str | None = None  # "Kế hoạch số 536/KH-UBND ngày 09/10/2017"
    monitoring_unit_id: int | None = None
    interim_review_date: date | None = None  # sơ kết
    final_review_date: date | None = None  # tổng kết
    active: bool = True
    notes: str | None = None


@dataclass
class MovementRow:
    id: int
    data: MovementInput
    monitoring_unit: str | None
    document_ids: list[int] = field(default_factory=list)
    task_count: int = 0


def _check(session, data: MovementInput, except_id: int | None = None) -> str:
    name = " ".join(nfc(data.name or "").split())
    if not name:
        raise MovementError("Phong trào cần có tên.")
    for year in (data.period_start, data.period_end):
        if year is not None and not 1945 <= year <= 2200:
            raise MovementError(f"Năm {year} không hợp lệ (cần bốn chữ số).")
    if data.period_start and data.period_end and data.period_end < data.period_start:
        raise MovementError("Năm kết thúc giai đoạn trước năm bắt đầu.")
    if data.interim_review_date and data.final_review_date and data.final_review_date < data.interim_review_date:
        raise MovementError("Ngày tổng kết trước ngày sơ kết.")
    if data.monitoring_unit_id is not None and session.get(Unit, data.monitoring_unit_id) is None:
        raise MovementError(f"Không có đơn vị số định danh {data.monitoring_unit_id}.")
    if data.launching_outgoing_id is not None and session.get(OutgoingDocument, data.launching_outgoing_id) is None:
        raise MovementError(f"Không có văn bản đi số định danh {data.launching_outgoing_id}.")
    for other_id, other in session.execute(select(Movement.id, Movement.name)):
        if other_id != except_id and fold(other) == fold(name):
            raise MovementError(f"Đã có phong trào «{other}».")
    return name


def _write(row: Movement, data: MovementInput, name: str) -> None:
    row.name = name
    row.period_start, row.period_end = data.period_start, data.period_end
    row.launching_outgoing_id = data.launching_outgoing_id
    row.launching_reference = nfc(data.launching_reference or "").strip() or None
    row.monitoring_unit_id = data.monitoring_unit_id
    row.interim_review_date, row.final_review_date = data.interim_review_date, data.final_review_date
    row.active = data.active
    row.notes = nfc(data.notes or "").strip() or None


def _to_row(session, m: Movement) -> MovementRow:
    unit = session.get(Unit, m.monitoring_unit_id) if m.monitoring_unit_id else None
    docs = list(session.scalars(select(MovementDocument.outgoing_id).where(MovementDocument.movement_id == m.id)
                                .order_by(MovementDocument.id)))
    count = session.scalar(select(func.count(Task.id)).where(Task.movement_id == m.id)) or 0
    data = MovementInput(m.name, m.period_start, m.period_end, m.launching_outgoing_id, m.launching_reference,
                         m.monitoring_unit_id, m.interim_review_date, m.final_review_date, m.active, m.notes)
    return MovementRow(m.id, data, unit.name if unit else None, docs, int(count))


def list_movements(ctx: AppContext, *, active_only: bool = False) -> list[MovementRow]:
    with ctx.session() as session:
        query = select(Movement).order_by(Movement.name)
        if active_only:
            query = query.where(Movement.active.is_(True))
        return [_to_row(session, m) for m in session.scalars(query)]


def get_movement(ctx: AppContext, movement_id: int) -> MovementRow:
    with ctx.session() as session:
        m = session.get(Movement, movement_id)
        if m is None:
            raise MovementError(f"Không có phong trào số định danh {movement_id}.")
        return _to_row(session, m)


def create_movement(ctx: AppContext, data: MovementInput, user: str) -> tuple[int, Changes]:
    require(ctx, DRAFT, user)
    with ctx.write_session() as session:
        name = _check(session, data)
        row = Movement(name=name)
        _write(row, data, name)
        session.add(row)
        session.flush()
        if data.launching_outgoing_id is not None:
            session.add(MovementDocument(movement_id=row.id, outgoing_id=data.launching_outgoing_id))
        record(session, user, "create", ENTITY, row.id, name=name)
        session.commit()
        return row.id, Changes(movements=True)


def update_movement(ctx: AppContext, movement_id: int, data: MovementInput, user: str) -> Changes:
    require(ctx, DRAFT, user)
    with ctx.write_session() as session:
        row = session.get(Movement, movement_id)
        if row is None:
            raise MovementError(f"Không có phong trào số định danh {movement_id}.")
        name = _check(session, data, except_id=movement_id)
        _write(row, data, name)
        record(session, user, "update", ENTITY, row.id, name=name)
        session.commit()
    return Changes(movements=True)


def link_documents(ctx: AppContext, movement_id: int, outgoing_ids: list[int], user: str) -> Changes:
    """Attach dispatches to the movement (already linked ones are left as they are)."""
    require(ctx, DRAFT, user)
    with ctx.write_session() as session:
        if session.get(Movement, movement_id) is None:
            raise MovementError(f"Không có phong trào số định danh {movement_id}.")
        linked = set(session.scalars(select(MovementDocument.outgoing_id).where(MovementDocument.movement_id == movement_id)))
        for outgoing_id in dict.fromkeys(outgoing_ids):
            if session.get(OutgoingDocument, outgoing_id) is None:
                raise MovementError(f"Không có văn bản đi số định danh {outgoing_id}.")
            if outgoing_id not in linked:
                session.add(MovementDocument(movement_id=movement_id, outgoing_id=outgoing_id))
        record(session, user, "link_documents", ENTITY, movement_id, outgoing_ids=list(outgoing_ids))
        try:
            session.commit()
        except IntegrityError:
            raise MovementError("Không liên kết được văn bản (trùng liên kết).") from None
    return Changes(movements=True)


def unlink_document(ctx: AppContext, movement_id: int, outgoing_id: int, user: str) -> Changes:
    require(ctx, DRAFT, user)
    with ctx.write_session() as session:
        session.execute(delete(MovementDocument).where(
            MovementDocument.movement_id == movement_id, MovementDocument.outgoing_id == outgoing_id))
        record(session, user, "unlink_document", ENTITY, movement_id, outgoing_id=outgoing_id)
        session.commit()
    return Changes(movements=True)


def assign_tasks(ctx: AppContext, movement_id: int | None, task_ids: list[int], user: str) -> Changes:
    """Put tasks under a movement (None: under none)."""
    require(ctx, DRAFT, user)
    with ctx.write_session() as session:
        if movement_id is not None and session.get(Movement, movement_id) is None:
            raise MovementError(f"Không có phong trào số định danh {movement_id}.")
        for task in session.scalars(select(Task).where(Task.id.in_(task_ids))):
            task.movement_id = movement_id
        record(session, user, "assign_tasks", ENTITY, movement_id, task_ids=list(task_ids))
        session.commit()
    return Changes(movements=True, tasks=True)
