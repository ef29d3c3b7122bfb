"""Working days in Vietnam: weekends, public holidays (Tết and Giỗ Tổ from the lunar calendar)
and the office's own exceptions.

Precedence, strongest first:
1. `overrides` (the `calendar_days` table: a day the office marks "off" or "work");
2. `calendar_defaults.json` (Tết breaks the Government fixed, known with certainty);
3. the `holidays` package (country VN, Vietnamese names): public holidays and their observed
   days; a substituted day off named "Ngày nghỉ (thay cho ngày dd/mm/yyyy)" makes that
   dd/mm/yyyy (a Saturday) a make-up working day;
4. Saturday and Sunday off, Monday to Friday working.
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from desktop.core.vocabulary import short_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["WorkingCalendar", "load_calendar", "OFFICE_OFF_NAME"]

OFFICE_OFF_NAME = "Ngày nghỉ (cơ quan quy định)"
_SUBSTITUTED = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")
# The package writes "Tết Nguyên Đán"; Vietnamese official texts write "Tết Nguyên đán".
_NAME_FIXES = (("Nguyên Đán", "Nguyên đán"),)
# Guard for add_working_days: a calendar with no working day in ten years is broken.
_MAX_SCAN_DAYS = 3660


@lru_cache(maxsize=1)
def _load_defaults() -> tuple[dict[date, str], dict[date, str]]:
    """(day -> "off"/"work", day -> name) from the packaged calendar_defaults.json (read once;
    callers never mutate the dicts)."""
    raw = json.loads(resources.files(__package__).joinpath("calendar_defaults.json").read_text("utf-8"))
    kinds: dict[date, str] = {}
    names: dict[date, str] = {}
    for kind in ("off", "work"):
        for entry in raw.get(kind, []):
            day, last = date.fromisoformat(entry["from"]), date.fromisoformat(entry["to"])
            while day <= last:
                kinds[day] = kind
                names[day] = entry["name"]
                day += timedelta(days=1)
    return kinds, names


class WorkingCalendar:
    """Answers "is this a working day?" and counts working days.

    `overrides` maps a date to "off" or "work"; `names` (optional) gives the names of
    overridden days for `holidays_in`. Pure Python after construction; the `holidays`
    package is imported on first use of a year and cached.
    """

    def __init__(self, overrides: dict[date, str] | None = None, *, names: dict[date, str] | None = None):
        self._overrides: dict[date, str] = {}
        for day, kind in (overrides or {}).items():
            if kind not in ("off", "work"):
                raise ValueError(f"Loại ngày không hợp lệ: {kind!r} (chỉ 'off' hoặc 'work')")
            self._overrides[day] = kind
        self._override_names = dict(names or {})
        self._default_kinds, self._default_names = _load_defaults()
        self._package_years: set[int] = set()
        self._package_off: dict[date, str] = {}
        self._package_work: dict[date, str] = {}

    # -- the package, one year at a time ------------------------------------------------
    def _ensure_year(self, year: int) -> None:
        # Substitutions can cross a year boundary (a Monday off in one year, the make-up
        # Saturday in the previous one), so a year's answer needs its neighbours loaded.
        for y in (year - 1, year, year + 1):
            if y in self._package_years or not 1995 <= y <= 2100:
                continue
            self._package_years.add(y)
            import holidays  # imported lazily: ~90 ms, not needed at start-up

            for day, name in holidays.country_holidays("VN", years=y, language="vi").items():
                for old, new in _NAME_FIXES:
                    name = name.replace(old, new)
                self._package_off[day] = name
                match = _SUBSTITUTED.search(name)
                if match:
                    dd, mm, yyyy = (int(g) for g in match.groups())
                    self._package_work[date(yyyy, mm, dd)] = f"Làm việc bù cho ngày {short_date(day)}"

    def is_working_day(self, d: date) -> bool:
        if d in self._overrides:
            return self._overrides[d] == "work"
        if d in self._default_kinds:
            return self._default_kinds[d] == "work"
        self._ensure_year(d.year)
        if d in self._package_work:
            return True
        if d in self._package_off:
            return False
        return d.weekday() < 5

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (start itself not counted); n = 0 gives `start`;
        a negative n counts backwards."""
        step = 1 if n >= 0 else -1
        remaining, day, scanned = abs(n), start, 0
        while remaining:
            day += timedelta(days=step)
            scanned += 1
            if scanned > _MAX_SCAN_DAYS:
                raise ValueError("Lịch làm việc không có ngày làm việc nào trong 10 năm")
            if self.is_working_day(day):
                remaining -= 1
        return day

    def holidays_in(self, year: int) -> list[tuple[date, str]]:
        """Every named day off of the year (weekend days inside a break included), sorted;
        days the office marks "work" are left out."""
        self._ensure_year(year)
        named: dict[date, str] = {}
        for source in (self._package_off, self._default_names):
            for day, name in source.items():
                if day.year == year and day not in named:
                    named[day] = name
        for day, kind in self._default_kinds.items():
            if day.year == year and kind == "work":
                named.pop(day, None)
        for day, kind in self._overrides.items():
            if day.year != year:
                continue
            if kind == "off":
                named[day] = self._override_names.get(day) or named.get(day) or OFFICE_OFF_NAME
            else:
                named.pop(day, None)
        return sorted(named.items())

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how many `add_working_days` steps lead from one to the other."""
        if end <= start:
            return 0
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count


def load_calendar(session: Session) -> WorkingCalendar:
    """A calendar with the office's `calendar_days` rows (kind "off"/"work") as overrides."""
    from sqlalchemy import select

    from db.models import CalendarDay

    rows = session.execute(select(CalendarDay.day, CalendarDay.kind, CalendarDay.name)).all()
    return WorkingCalendar({r.day: r.kind for r in rows}, names={r.day: r.name for r in rows})
