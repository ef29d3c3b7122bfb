"""Vietnamese deadline phrases -> due dates.

`find_deadline` scans an item of a dispatch for a deadline phrase introduced by a trigger
("trước ngày", "chậm nhất", "hạn chót", "trong tháng/quý/năm", "từ ... đến ...", "định kỳ",
"hằng ...", "trong thời hạn N ngày kể từ ...", "hoàn thành ... ngày ...") and returns it as
written with its date. Dates with no trigger (a meeting time, a start "từ 16h00, ngày ...",
a citation "Kế hoạch số 536/KH-UBND ngày 09/10/2017", the document's own date) are not
deadlines. When several phrases occur, the last one wins: items usually end with the final
reporting date. `parse_deadline` reads a phrase the caller already isolated (the bare forms
"tháng 12 năm 2018", "Quý IV năm 2023", "hàng năm" are accepted there). Pure functions.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from desktop.followup import deadline_grammar as g
from desktop.followup.calendar import WorkingCalendar
from desktop.followup.deadline_scan import NO_DEADLINE, Deadline, Hit, collapse, hits, with_dinh_ky
from desktop.core.text import nfc

__all__ = ["Deadline", "parse_deadline", "find_deadline", "next_due", "NO_DEADLINE"]


def _choose(text: str, found: list[Hit]) -> Hit | None:
    """The last usable hit. A bare "trước ngày 20" takes the paragraph's recurrence ("Hằng
    tháng, ... trước ngày 20"); a date without its year takes a yearly one ("Hằng năm, ...
    trước ngày 15/11")."""
    if not found:
        return None
    recurrences = [h.deadline.recurrence for h in found if h.deadline.recurrence]
    resolved = []
    for hit in found:
        if hit.bare_day is not None and recurrences:
            hit = replace(hit, deadline=Deadline("", None, recurrences[-1], "recurring", hit.bare_day))
        elif hit.no_year is not None and "hằng năm" in recurrences:
            day, month = hit.no_year
            hit = replace(hit, deadline=Deadline("", None, "hằng năm", "recurring", day, month))
        resolved.append(hit)
    usable = [h for h in resolved if h.deadline.kind != "none"]
    hit = (usable or resolved)[-1]
    if hit.deadline.kind == "recurring":
        hit = with_dinh_ky(text, hit)
    return hit


def find_deadline(text: str, *, doc_date: date | None = None, calendar: WorkingCalendar | None = None) -> Deadline:
    """The (last) deadline phrase of a paragraph, as written, with its date; NO_DEADLINE if none."""
    if not text:
        return NO_DEADLINE
    text = nfc(text)  # PDF text layers sometimes come decomposed (NFD)
    hit = _choose(text, hits(text, doc_date, calendar, lenient=False))
    if hit is None:
        return NO_DEADLINE
    return replace(hit.deadline, text=collapse(text[hit.start:hit.end]))


def parse_deadline(phrase: str, *, doc_date: date | None = None, calendar: WorkingCalendar | None = None) -> Deadline:
    """Read one deadline phrase. Unknown phrasing keeps the text with no date, never a wrong one."""
    text = collapse(nfc(phrase or ""))
    if not text:
        return NO_DEADLINE
    hit = _choose(text, hits(text, doc_date, calendar, lenient=True))
    if hit is None:
        return Deadline(text, None, None, "none")
    return replace(hit.deadline, text=text)


def next_due(deadline: Deadline, as_of: date) -> date | None:
    """For a recurring deadline, the next due date on or after `as_of` (no day given: the last
    day of the current period); otherwise `deadline.date`. None when the rule is ambiguous
    (a day within a quarter, a day of the year without its month)."""
    if deadline.kind != "recurring" or not deadline.recurrence:
        return deadline.date
    months = g.recurrence_months(deadline.recurrence)
    day = deadline.day_of_period
    if months is None:
        return None
    if deadline.recurrence == "hằng ngày":
        return as_of
    if day is None:
        return g.period_end_containing(as_of, months)
    if months == 0:  # weekly, day = ISO weekday
        return as_of + timedelta(days=(day - as_of.isoweekday()) % 7) if 1 <= day <= 7 else None
    if months == 1:
        for step in (0, 1):
            first = g.add_months(as_of.replace(day=1), step)
            due = first.replace(day=min(day, g.month_end(first.year, first.month).day))
            if due >= as_of:
                return due
    if months == 3 and deadline.month_of_year:  # a day of the n-th month of each quarter
        start = g.add_months(as_of.replace(day=1), -((as_of.month - 1) % 3))
        for step in (0, 3):
            month = g.add_months(start, step + deadline.month_of_year - 1)
            due = month.replace(day=min(day, g.month_end(month.year, month.month).day))
            if due >= as_of:
                return due
    if months == 12 and deadline.month_of_year:
        for year in (as_of.year, as_of.year + 1):
            last = g.month_end(year, deadline.month_of_year).day
            due = date(year, deadline.month_of_year, min(day, last))
            if due >= as_of:
                return due
    return None
