"""What the reports read of the tracking of issued dispatches: per dispatch, the units asked to answer
and what each did (`tracking_rows`, the answers matrix), and the day it was first sent (`first_sent`,
the register's "Ngày chuyển").

These two functions are the only readers of the tracking rows (`RecipientTracking`, desktop.tracking):
the units that wait for an answer — Kính gửi units, a group line as its members on the dispatch's date,
a free-text line once the clerk attached a unit — each once, in the order printed, with their sent /
acknowledged / replied dates and the linked reply. The reply deadline of a row is the earliest deadline
of the dispatch's tasks for that unit, else the dispatch's reply deadline (the clerk's, else the earliest
of its tasks); without one a row is never late.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import IncomingDocument, OutgoingDocument, RecipientTracking, Task
from desktop.followup.task_query import document_label


@dataclass
class TrackingRow:
    outgoing_id: int
    unit: str  # the unit's (or group's) name as the directory has it, else the line as printed
    unit_id: int | None
    sent: date | None
    acknowledged: date | None
    replied: date | None
    reply_id: int | None
    reply: str | None  # "356/BC-SKHĐT"
    reply_date: date | None  # the reply letter's own date
    deadline: date | None


def _day(value: datetime | date | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def tracking_rows(session: Session, outgoing_ids: list[int]) -> dict[int, list[TrackingRow]]:
    """The units asked to answer each dispatch, once each, in the order they are printed."""
    r = RecipientTracking
    out: dict[int, list[TrackingRow]] = {i: [] for i in outgoing_ids}
    if not outgoing_ids:
        return out
    rows = session.execute(
        select(r.outgoing_id, r.unit_id, r.name, r.sent_at, r.acknowledged_at, r.replied_at, r.reply_incoming_id,
               IncomingDocument.number, IncomingDocument.symbol, IncomingDocument.date)
        .outerjoin(IncomingDocument, IncomingDocument.id == r.reply_incoming_id)
        .where(r.outgoing_id.in_(outgoing_ids), r.awaits_reply.is_(True), r.unit_id.is_not(None))
        .order_by(r.outgoing_id, r.position, r.id)
    ).all()
    deadlines = _deadlines(session, outgoing_ids)
    seen: set[tuple[int, int]] = set()
    for (outgoing_id, unit_id, name, sent, acknowledged, replied, reply_id, reply_no, reply_symbol,
         reply_date) in rows:
        if (outgoing_id, unit_id) in seen:
            continue  # a unit printed twice (in a group and on its own line) answers once
        seen.add((outgoing_id, unit_id))
        out[outgoing_id].append(TrackingRow(
            outgoing_id=outgoing_id, unit=name, unit_id=unit_id,
            sent=_day(sent), acknowledged=_day(acknowledged), replied=_day(replied), reply_id=reply_id,
            reply=document_label(reply_no, reply_symbol) if reply_id else None, reply_date=reply_date,
            deadline=deadlines.get((outgoing_id, unit_id)) or deadlines.get((outgoing_id, None)),
        ))
    return out


def first_sent(session: Session, outgoing_ids: list[int]) -> dict[int, date]:
    """The day each dispatch was first sent to one of its recipients (dispatches never sent: absent)."""
    r = RecipientTracking
    rows = session.connection().execute(
        select(r.outgoing_id, func.min(r.sent_at)).where(r.outgoing_id.in_(outgoing_ids), r.sent_at.is_not(None))
        .group_by(r.outgoing_id))
    return {outgoing_id: _day(sent) for outgoing_id, sent in rows if sent is not None}


def _deadlines(session: Session, outgoing_ids: list[int]) -> dict[tuple[int, int | None], date]:
    """Earliest task deadline per (dispatch, unit); per (dispatch, None) the dispatch's reply deadline
    (the clerk's, else the earliest of its tasks)."""
    found: dict[tuple[int, int | None], date] = {}
    rows = session.execute(
        select(Task.outgoing_id, Task.assignee_unit_id, func.min(Task.deadline))
        .where(Task.outgoing_id.in_(outgoing_ids), Task.deadline.is_not(None), Task.status != "cancelled")
        .group_by(Task.outgoing_id, Task.assignee_unit_id)
    )
    for outgoing_id, unit_id, deadline in rows:
        if unit_id is not None:
            found[(outgoing_id, unit_id)] = deadline
        whole = found.get((outgoing_id, None))
        found[(outgoing_id, None)] = deadline if whole is None else min(whole, deadline)
    for outgoing_id, deadline in session.execute(select(OutgoingDocument.id, OutgoingDocument.reply_deadline).where(
            OutgoingDocument.id.in_(outgoing_ids), OutgoingDocument.reply_deadline.is_not(None))):
        found[(outgoing_id, None)] = deadline
    return found
