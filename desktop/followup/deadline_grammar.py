"""The pieces of Vietnamese deadline phrases: dates, periods, times of day, recurrences.

Each `*_at(text, pos)` function tries to read one piece starting exactly at `pos` and returns
the piece with the position just after it, or None. They never raise and never invent a
date: an impossible day (31/02) or a missing year without a document date gives None.
`deadlines.py` strings these pieces together after trigger words.
"""
from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta

_I = re.IGNORECASE

# A calendar date: "ngày 05 tháng 12 năm 2022", "ngày12 tháng 5", "15/10/2021", "20.7.2020",
# "ngày 30/6". The numeric form refuses a two-digit year ("15/10/21") rather than guess.
_WORD_DATE = re.compile(
    r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})(?:\s*(?:,\s*)?(?:năm|/)\s*(\d{4}))?(?!\d)", _I
)
_NUM_DATE_SLASH = re.compile(
    r"(?:ngày\s*)?(?<!\d)(?P<d>\d{1,2})\s?/\s?(?P<m>\d{1,2})"
    r"(?:\s?/\s?(?P<y>\d{4})|\s*,?\s+năm\s+(?P<y2>\d{4}))?(?!\d)(?!\s?/\s?\d)",
    _I,
)
_NUM_DATE_DOT = re.compile(
    r"(?:ngày\s*)?(?<!\d)(?P<d>\d{1,2})(?P<sep>[.\-])(?P<m>\d{1,2})"
    r"(?:(?P=sep)(?P<y>\d{4})|\s*,?\s+năm\s+(?P<y2>\d{4}))?(?!\d)(?![.\-]\d)",
    _I,
)
# A day of the month alone: "ngày 06" (in "trước ngày 06 hàng tháng").
_BARE_DAY = re.compile(r"ngày\s*(\d{1,2})(?!\d)(?!\s*(?:tháng|[/.\-]\s*\d))", _I)
# Time of day before a date: "9h00", "16h", "7 giờ 30 phút", "06h30 phút", "17 giờ 00".
_TIME = re.compile(
    r"(?:(?:lúc|hồi|vào)\s+)?\d{1,2}\s*(?:h|giờ|g)(?:\s*\d{1,2})?(?:\s*(?:phút|'))?"
    r"(?:\s+(?:sáng|chiều|tối|trưa))?(?!\w)",
    _I,
)
_WEEKDAY = re.compile(
    r"\(?\s*(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)(?!\w)\s*\)?", _I
)
_ISO_WEEKDAY = {"hai": 1, "2": 1, "ba": 2, "3": 2, "tư": 3, "4": 3, "năm": 4, "5": 4,
                "sáu": 5, "6": 5, "bảy": 6, "7": 6}

# Periods, read to their last day.
_MONTH = re.compile(r"tháng\s*(\d{1,2})(?:\s*(?:/|-|năm)\s*(\d{4}))?(?!\d)(?![/.]\d)", _I)
_QUARTER = re.compile(r"qu[ýyíi]\s*(IV|I{1,3}|[1-4])(?!\w)(?:\s*(?:/|-|năm)\s*(\d{4}))?(?!\d)", _I)
_PART_YEAR = re.compile(
    r"(\d{1,2}|ba|sáu|chín)\s*tháng\s*(đầu|cuối)\s*năm(?:\s*(\d{4}))?(?!\d)(?!\s*(?:học|[-–]))", _I
)
_YEAR = re.compile(r"năm\s*(\d{4})(?!\d)(?!\s*[-–]\s*\d)", _I)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                 "chín": 9, "mười": 10}

# Recurrences, normalised with "hằng".
RECURRENCE = re.compile(
    r"(?:định\s*kỳ\s*,?\s*)?(?:hằng|hàng|mỗi)\s*(tháng|quý|quí|năm|tuần|ngày)(?!\w)"
    r"|định\s*kỳ\s*(\d{1,2}|ba|sáu)\s*tháng(?:\s*(?:một|1)\s*lần|\s*/\s*lần)?"
    r"|(\d{1,2}|ba|sáu)\s*tháng\s*(?:(?:một|1)\s*lần|/\s*lần)",
    _I,
)
_RECURRENCE_UNIT = {"tháng": "hằng tháng", "quý": "hằng quý", "quí": "hằng quý", "năm": "hằng năm",
                    "tuần": "hằng tuần", "ngày": "hằng ngày"}
# Months per period of each recurrence (0 for weeks and days).
RECURRENCE_MONTHS = {"hằng tháng": 1, "hằng quý": 3, "hằng năm": 12, "hằng tuần": 0, "hằng ngày": 0}


@dataclass(frozen=True)
class RawDate:
    """A date as written; `year` None when the text gives none."""

    day: int
    month: int
    year: int | None
    end: int

    def resolve(self, doc_date: date | None) -> date | None:
        """The date, taking a missing year from the document's date (even when that puts it
        before the document date: the text says which day, not which year). None if invalid."""
        year = self.year if self.year is not None else (doc_date.year if doc_date else None)
        return valid_date(year, self.month, self.day) if year else None


@dataclass(frozen=True)
class Period:
    """A month, quarter, part of a year or a year: its first and last day (None without a year)."""

    first: date | None
    last: date | None
    end: int


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if 1900 <= year <= 2200 else None
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """Same day `months` later, clamped to the month's last day (31/01 + 1 -> 28 or 29/02)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, _cal.monthrange(year, month + 1)[1]))


def number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def date_at(text: str, pos: int) -> RawDate | None:
    m = _WORD_DATE.match(text, pos)
    if m:
        day, month, year = m.group(1), m.group(2), m.group(3)
    else:
        m = _NUM_DATE_SLASH.match(text, pos) or _NUM_DATE_DOT.match(text, pos)
        if not m:
            return None
        day, month, year = m.group("d"), m.group("m"), m.group("y") or m.group("y2")
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return RawDate(int(day), int(month), int(year) if year else None, m.end())


def bare_day_at(text: str, pos: int) -> tuple[int, int] | None:
    m = _BARE_DAY.match(text, pos)
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1)), m.end()
    return None


def time_at(text: str, pos: int) -> int | None:
    m = _TIME.match(text, pos)
    return m.end() if m else None


def weekday_at(text: str, pos: int) -> tuple[int, int] | None:
    """(ISO weekday, end) for "thứ Sáu" / "(thứ Tư)" / "chủ nhật"."""
    m = _WEEKDAY.match(text, pos)
    if not m:
        return None
    word = m.group(0).strip("() \t\n").lower().split()[-1]
    return (7 if word == "nhật" else _ISO_WEEKDAY[word]), m.end()


def period_at(text: str, pos: int, doc_date: date | None) -> Period | None:
    try:
        period = _period_at(text, pos, doc_date.year if doc_date else None)
    except ValueError:  # "tháng 12/0000": no such year
        return None
    if period and period.last and not 1900 <= period.last.year <= 2200:
        return None
    return period


def _period_at(text: str, pos: int, doc_year: int | None) -> Period | None:
    """period_at without the year checks (a year 0 raises ValueError)."""
    m = _PART_YEAR.match(text, pos)
    if m:
        months = number(m.group(1))
        if not months or not 1 <= months <= 11:
            return None
        year = int(m.group(3)) if m.group(3) else doc_year
        if year is None:
            return Period(None, None, m.end())
        if m.group(2).lower() == "đầu":
            return Period(date(year, 1, 1), month_end(year, months), m.end())
        return Period(date(year, 13 - months, 1), date(year, 12, 31), m.end())
    m = _QUARTER.match(text, pos)
    if m:
        q = m.group(1).lower()
        quarter = int(q) if q.isdigit() else _ROMAN[q]
        year = int(m.group(2)) if m.group(2) else doc_year
        if year is None:
            return Period(None, None, m.end())
        return Period(date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter), m.end())
    m = _MONTH.match(text, pos)
    if m:
        month = int(m.group(1))
        if not 1 <= month <= 12:
            return None
        year = int(m.group(2)) if m.group(2) else doc_year
        if year is None:
            return Period(None, None, m.end())
        return Period(date(year, month, 1), month_end(year, month), m.end())
    m = _YEAR.match(text, pos)
    if m:
        year = int(m.group(1))
        if not 1900 <= year <= 2200:
            return None
        return Period(date(year, 1, 1), date(year, 12, 31), m.end())
    return None


def recurrence_at(text: str, pos: int) -> tuple[str, int] | None:
    """(normalised recurrence, end): "hàng tháng" -> "hằng tháng", "định kỳ 06 tháng" ->
    "định kỳ 6 tháng" (3, 1 and 12 months read as hằng quý / hằng tháng / hằng năm)."""
    m = RECURRENCE.match(text, pos)
    if not m:
        return None
    if m.group(1):
        return _RECURRENCE_UNIT[m.group(1).lower()], m.end()
    months = number(m.group(2) or m.group(3))
    if not months or months > 24:
        return None
    named = {1: "hằng tháng", 3: "hằng quý", 12: "hằng năm"}
    return named.get(months, f"định kỳ {months} tháng"), m.end()


def recurrence_months(recurrence: str) -> int | None:
    """Months in one period of a normalised recurrence; 0 for weekly and daily; None if unknown."""
    if recurrence in RECURRENCE_MONTHS:
        return RECURRENCE_MONTHS[recurrence]
    m = re.fullmatch(r"định kỳ (\d+) tháng", recurrence)
    return int(m.group(1)) if m else None


def period_end_containing(d: date, months: int) -> date:
    """Last day of the period of `months` months (aligned on January) that contains d;
    months == 0 means the ISO week (ending Sunday)."""
    if months <= 0:
        return d + timedelta(days=7 - d.isoweekday())
    if 12 % months:
        months = 12  # periods that do not divide the year: fall back to the year
    last_month = ((d.month - 1) // months + 1) * months
    return month_end(d.year, last_month)
