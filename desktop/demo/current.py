"""The demo's present: what is dated relative to "today", and the registers of today's year.

Entries of dispatches.json marked `"relative": true` give their dates as days from today (-75: 75 days
ago) and their texts as templates: {year}, {next_year}, {date:-30} (dd/mm/yyyy), {month:+40} (mm/yyyy)
and {decree:+41} ("ngày 10 tháng 01 năm 2027"); a task's deadline is such a day, or "month:+40" (the
last day of that month); `{"done": -43, "reply": "410/SYT-TCCB"}` after a task records it done then,
answered by that incoming letter. So whenever the demo is built, the board has overdue, due-soon, done
on time and done late tasks (`demo --today` fixes the day, for tests).

The register of today's year is complete: numbers 01, 02 … in the order of the documents' dates, one
of them voided with its reason, no hole. Earlier years hold only the documents the office entered from
its old files, so their numbers are marked as entered by hand ("vào sổ khi nhập văn bản cũ").
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from db.models import IncomingDocument, OutgoingDocument, Register, RegisterEntry
from desktop.core.vocabulary import decree_date, short_date

OLD_FILES = "vào sổ khi nhập văn bản cũ"
VOIDED = "số cấp nhầm cho văn bản không ban hành; hủy theo quy định"
_FIELD = re.compile(r"\{(year|next_year|date|month|decree)(?::([+-]\d+))?\}")


def day(value, today: date) -> date | None:
    """A date of the demo data: days from today (an int), or an ISO date; None for none."""
    if value is None:
        return None
    if isinstance(value, int):
        return today + timedelta(days=value)
    if isinstance(value, str) and value.startswith("month:"):
        when = today + timedelta(days=int(value.split(":", 1)[1]))
        return date(when.year, when.month, calendar.monthrange(when.year, when.month)[1])
    return date.fromisoformat(value)


def fill(text: str | None, today: date) -> str | None:
    """A text of the demo data with its dates as of `today`."""
    if text is None:
        return None

    def one(m: re.Match) -> str:
        kind, offset = m.group(1), int(m.group(2) or 0)
        when = today + timedelta(days=offset)
        if kind == "year":
            return str(today.year)
        if kind == "next_year":
            return str(today.year + 1)
        if kind == "date":
            return short_date(when)
        if kind == "month":
            return f"{when.month:02d}/{when.year}"
        return decree_date(when)

    return _FIELD.sub(one, text)


def number_registers(session: Session, today: date) -> None:
    """Today's year: every register numbered 01… by date, one outgoing number voided; earlier years:
    the numbers entered from old files (a recent document that falls in last year takes the numbers
    after them)."""
    year = today.year
    _number_unnumbered_before(session, year)
    for register in session.scalars(select(Register).order_by(Register.id)):
        session.execute(update(RegisterEntry).where(RegisterEntry.register_id == register.id,
                                                    RegisterEntry.year < year)
                        .values(manual=True, reason=OLD_FILES))
        session.execute(delete(RegisterEntry).where(RegisterEntry.register_id == register.id,
                                                    RegisterEntry.year == year))
        if register.direction == "out":
            docs = session.scalars(select(OutgoingDocument).where(
                OutgoingDocument.register_id == register.id, OutgoingDocument.status == "issued",
                OutgoingDocument.date >= date(year, 1, 1)).order_by(OutgoingDocument.date, OutgoingDocument.id)).all()
            for doc in docs:
                doc.number = None  # the old numbers out of the way of the new ones
            session.flush()
            number = 0
            for i, doc in enumerate(docs):
                if i == len(docs) // 2 and len(docs) > 1:  # a voided number, shown as voided
                    number += 1
                    session.add(RegisterEntry(register_id=register.id, year=year, number=number, status="voided",
                                              reason=VOIDED, created_by="văn thư"))
                number += 1
                doc.year, doc.number = year, number
                session.add(RegisterEntry(register_id=register.id, year=year, number=number, status="issued",
                                          outgoing_id=doc.id, created_by="văn thư"))
        else:
            docs = session.scalars(select(IncomingDocument).where(
                IncomingDocument.register_id == register.id, IncomingDocument.arrival_date >= date(year, 1, 1))
                .order_by(IncomingDocument.arrival_date, IncomingDocument.id)).all()
            for doc in docs:
                doc.arrival_number = None
            session.flush()
            for number, doc in enumerate(docs, start=1):
                doc.arrival_year, doc.arrival_number = year, number
                session.add(RegisterEntry(register_id=register.id, year=year, number=number, status="issued",
                                          incoming_id=doc.id, created_by="văn thư"))


def _number_unnumbered_before(session: Session, year: int) -> None:
    for doc in session.scalars(select(OutgoingDocument).where(
            OutgoingDocument.status == "issued", OutgoingDocument.number.is_(None),
            OutgoingDocument.date < date(year, 1, 1)).order_by(OutgoingDocument.date, OutgoingDocument.id)):
        doc.year = doc.date.year
        doc.number = (session.scalar(select(func.max(RegisterEntry.number)).where(
            RegisterEntry.register_id == doc.register_id, RegisterEntry.year == doc.year)) or 0) + 1
        session.add(RegisterEntry(register_id=doc.register_id, year=doc.year, number=doc.number, status="issued",
                                  outgoing_id=doc.id, created_by="văn thư"))
        session.flush()
    for doc in session.scalars(select(IncomingDocument).where(
            IncomingDocument.arrival_number.is_(None), IncomingDocument.arrival_date < date(year, 1, 1))
            .order_by(IncomingDocument.arrival_date, IncomingDocument.id)):
        doc.arrival_year = doc.arrival_date.year
        doc.arrival_number = (session.scalar(select(func.max(RegisterEntry.number)).where(
            RegisterEntry.register_id == doc.register_id, RegisterEntry.year == doc.arrival_year)) or 0) + 1
        session.add(RegisterEntry(register_id=doc.register_id, year=doc.arrival_year, number=doc.arrival_number,
                                  status="issued", incoming_id=doc.id, created_by="văn thư"))
        session.flush()
