"""What the reports read of the tracking of issued dispatches: per dispatch, the units asked to answer
and what each did (`tracking_rows`, the answers matrix), and the day it was first sent (`first_sent`,
the register's "Ngày chuyển").

These two functions are the only readers of the tracking columns, so the reports follow the per-unit
tracking rows of the recipients feature when they arrive. Today they read `document_recipients`: the Kính gửi
lines (role "recipient") that name a unit or a group (a group line is one row, as printed;
free-text lines are not tracked), with their sent / acknowledged / replied dates and the
linked reply. The reply deadline of a row is the earliest deadline of the dispatch's tasks for
that unit, else of the dispatch's tasks; without one a row is never late.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import DocumentRecipient, IncomingDocument, Task, Unit, UnitGroup
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
    """The tracked recipients of each dispatch, in the order the lines are printed."""
    r = DocumentRecipient
    out: dict[int, list[TrackingRow]] = {i: [] for i in outgoing_ids}
    if not outgoing_ids:
        return out
    rows = session.execute(
        select(r.outgoing_id, r.unit_id, r.text, Unit.name, UnitGroup.name, r.sent_at, r.acknowledged_at,
               r.replied_at, r.reply_incoming_id, IncomingDocument.number, IncomingDocument.symbol,
               IncomingDocument.date)
        .outerjoin(Unit, Unit.id == r.unit_id).outerjoin(UnitGroup, UnitGroup.id == r.group_id)
        .outerjoin(IncomingDocument, IncomingDocument.id == r.reply_incoming_id)
        .where(r.outgoing_id.in_(outgoing_ids), r.role == "recipient",
               or_(r.unit_id.is_not(None), r.group_id.is_not(None)))
        .order_by(r.outgoing_id, r.position, r.id)
    ).all()
    deadlines = _deadlines(session, outgoing_ids)
    for (outgoing_id, unit_id, text, unit_name, group_name, sent, acknowledged, replied, reply_id, reply_no,
         reply_symbol, reply_date) in rows:
        own = deadlines.get((outgoing_id, unit_id)) if unit_id is not None else None
        out[outgoing_id].append(TrackingRow(
            outgoing_id=outgoing_id, unit=unit_name or group_name or text, unit_id=unit_id,
            sent=_day(sent), acknowledged=_day(acknowledged), replied=_day(replied), reply_id=reply_id,
            reply=document_label(reply_no, reply_symbol) if reply_id else None, reply_date=reply_date,
            deadline=own or deadlines.get((outgoing_id, None)),
        ))
    return out


def first_sent(session: Session, outgoing_ids: list[int]) -> dict[int, date]:
    """The day each dispatch was first sent to one of its recipients (dispatches never sent: absent)."""
    r = DocumentRecipient
    rows = session.connection().execute(
        select(r.outgoing_id, func.min(r.sent_at)).where(r.outgoing_id.in_(outgoing_ids), r.sent_at.is_not(None))
        .group_by(r.outgoing_id))
    return {outgoing_id: _day(sent) for outgoing_id, sent in rows if sent is not None}


def _deadlines(session: Session, outgoing_ids: list[int]) -> dict[tuple[int, int | None], date]:
    """Earliest task deadline per (dispatch, unit) and per (dispatch, None) for the whole dispatch."""
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
    return found
