"""What a hit shows: its title (the number and symbol, then the subject; a task's unit, then its
text; a unit's name) and a quieter detail line — read from the items themselves, a page at a time."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import IncomingDocument, OutgoingDocument, Task, Unit
from desktop.core.vocabulary import (
    DOCUMENT_STATUS_LABELS,
    TASK_STATUS_LABELS,
    UNIT_KIND_LABELS,
    short_date,
)
from desktop.followup.task_query import document_label

DASH = " — "


def _join(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def _outgoing(session: Session, ids: list[int]):
    d = OutgoingDocument
    for r in session.execute(select(d.id, d.number, d.symbol, d.subject, d.date, d.status).where(d.id.in_(ids))):
        yield r.id, document_label(r.number, r.symbol) + DASH + r.subject, _join(
            short_date(r.date), DOCUMENT_STATUS_LABELS.get(r.status, r.status))


def _incoming(session: Session, ids: list[int]):
    d = IncomingDocument
    query = select(d.id, d.number, d.symbol, d.subject, d.issuer_name, d.arrival_number, d.arrival_date)
    for r in session.execute(query.where(d.id.in_(ids))):
        label = document_label(r.number, r.symbol) if (r.number or r.symbol) else "(không số)"
        arrival = f"đến số {r.arrival_number} ngày {short_date(r.arrival_date)}" if r.arrival_number else ""
        yield r.id, label + DASH + r.subject, _join(r.issuer_name, arrival)


def _task(session: Session, ids: list[int]):
    t, o = Task, OutgoingDocument
    query = (select(t.id, t.title, t.assignee_text, t.deadline, t.status, Unit.name, o.number, o.symbol)
             .outerjoin(Unit, Unit.id == t.assignee_unit_id).outerjoin(o, o.id == t.outgoing_id)
             .where(t.id.in_(ids)))
    for r in session.execute(query):
        unit = r.name or r.assignee_text
        document = document_label(r.number, r.symbol) if r.number or r.symbol else ""
        yield r.id, (unit + DASH if unit else "") + r.title, _join(
            document, f"hạn {short_date(r.deadline)}" if r.deadline else "", TASK_STATUS_LABELS.get(r.status))


def _unit(session: Session, ids: list[int]):
    u = Unit
    for r in session.execute(select(u.id, u.name, u.code, u.kind, u.active).where(u.id.in_(ids))):
        yield r.id, r.name, _join(r.code, UNIT_KIND_LABELS.get(r.kind), "" if r.active else "ngừng hoạt động")


_READERS = {"outgoing": _outgoing, "incoming": _incoming, "task": _task, "unit": _unit}


def titles(session: Session, keys: list[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, str]]:
    """(kind, id) -> (title, detail) for the keys that still exist."""
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for kind, read in _READERS.items():
        ids = [i for k, i in keys if k == kind]
        if ids:
            for item_id, title, detail in read(session, ids):
                out[(kind, item_id)] = (title, detail)
    return out
