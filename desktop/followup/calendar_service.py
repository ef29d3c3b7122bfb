"""The office's working-day calendar as editable data: the built-in public holidays (Tết and
Giỗ Tổ from the lunar calendar) plus the days the office records itself — the Tết break the
Government fixes each year, a make-up working Saturday, a local day off."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, select

from db.models import CalendarDay
from desktop.core.access import ADMIN, require
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.followup.calendar import load_calendar
from desktop.core.text import nfc
from desktop.core.vocabulary import short_date


class CalendarError(ValueError):
    """A refused calendar change (the message is for the user)."""


@dataclass(frozen=True)
class CalendarEntry:
    day: date
    name: str
    off: bool  # a day off (True) or a make-up working day (False)
    office: bool  # recorded by the office (editable), not a built-in default


def calendar_year(ctx: AppContext, year: int) -> list[CalendarEntry]:
    """Every day off of `year` and the office's make-up working days, in date order."""
    with ctx.session() as session:
        rows = session.scalars(select(CalendarDay).where(extract("year", CalendarDay.day) == year)).all()
        calendar = load_calendar(session)
    office = {r.day: r for r in rows}
    entries = [CalendarEntry(day, name, True, day in office) for day, name in calendar.holidays_in(year)]
    entries += [CalendarEntry(r.day, r.name, False, True) for r in rows if r.kind == "work"]
    return sorted(entries, key=lambda e: e.day)


def set_office_day(ctx: AppContext, day: date, kind: str, name: str, user: str) -> Changes:
    """Record (or change) one office day: kind "off" (nghỉ) or "work" (làm bù)."""
    require(ctx, ADMIN, user)
    name = " ".join(nfc(name or "").split())
    if kind not in ("off", "work"):
        raise CalendarError("Loại ngày phải là ngày nghỉ hoặc ngày làm bù.")
    if not name:
        raise CalendarError("Cần ghi tên ngày (ví dụ: Nghỉ Tết Nguyên đán).")
    if not 1995 <= day.year <= 2100:
        raise CalendarError("Năm phải trong khoảng 1995-2100.")
    with ctx.write_session() as session:
        row = session.scalar(select(CalendarDay).where(CalendarDay.day == day))
        before = {"kind": row.kind, "name": row.name} if row else None
        if row is None:
            row = CalendarDay(day=day, kind=kind, name=name, user_defined=True)
            session.add(row)
        else:
            row.kind, row.name = kind, name
        session.flush()
        record(session, user, "update" if before else "create", "calendar_day", row.id,
               day=day.isoformat(), kind=kind, name=name, before=before)
        session.commit()
    return Changes(office=True)


def remove_office_day(ctx: AppContext, day: date, user: str) -> Changes:
    """Forget an office day (the built-in calendar applies again to that date)."""
    require(ctx, ADMIN, user)
    with ctx.write_session() as session:
        row = session.scalar(select(CalendarDay).where(CalendarDay.day == day))
        if row is None:
            raise CalendarError(f"Ngày {short_date(day)} không phải ngày do cơ quan ghi.")
        record(session, user, "delete", "calendar_day", row.id, day=day.isoformat(), kind=row.kind, name=row.name)
        session.delete(row)
        session.commit()
    return Changes(office=True)
