"""The scanners behind `find_deadline` / `parse_deadline`: trigger words followed by the pieces
of `deadline_grammar` (dates, periods, times, recurrences), each yielding a `Hit` (a span of
the text and the Deadline it means). Overlapping hits are resolved here, longest first;
choosing among the remaining ones is `deadlines.py`'s business.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator

from desktop.followup import deadline_grammar as g
from desktop.followup.calendar import WorkingCalendar

_I = re.IGNORECASE


@dataclass(frozen=True)
class Deadline:
    text: str | None  # the phrase as written (whitespace collapsed); None when none found
    date: date | None  # due date; None when none/unknown/relative to an unknown event/recurring
    recurrence: str | None  # "hằng tháng", "hằng quý", "hằng năm", "định kỳ 6 tháng", "hằng tuần"
    kind: str  # "date" | "period" | "relative" | "recurring" | "none"
    day_of_period: int | None = None  # "trước ngày 06 hàng tháng" -> 6 (weekly: ISO weekday)
    # the month within the period: yearly "trước ngày 15/12 hằng năm" -> 12; quarterly "trước ngày 30
    # của tháng cuối quý" -> 3 (the third month of each quarter)
    month_of_year: int | None = None


NO_DEADLINE = Deadline(None, None, None, "none")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    deadline: Deadline
    bare_day: int | None = None  # "trước ngày 20" with no month: waits for a recurrence
    no_year: tuple[int, int] | None = None  # (day, month) of a date written without its year


# Trigger words. A date or period must follow them (after fillers: "là", "vào", a time of
# day, a weekday); otherwise nothing is read.
_DUE = re.compile(
    r"(?<!\w)(trước|chậm\s+nhất|muộn\s+nhất|hạn\s+chót|hạn\s+cuối|hạn\s+nộp|không\s+quá|đến\s+hết"
    r"|thời\s+hạn(?:\s+(?:hoàn\s+thành|nộp|gửi|báo\s+cáo|thực\s+hiện))?)(?!\w)\s*:?",
    _I,
)
_FILLER = re.compile(r"(?:[\s:,]+|(?<!\w)(?:là|vào|đến|hết|trước|trong)(?!\w)){0,12}", _I)
# "hạn chót nộp hồ sơ là ...", "thời hạn gửi báo cáo: ...": a few words, then ":" or "là".
_NOMINAL_GAP = re.compile(r"\s*[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,4}?\s*(?::|(?<!\w)là(?!\w))", _I)
_NEXT_YEAR = re.compile(r"\s*(?:của\s+)?năm\s+(?:liền\s+kề|sau|tiếp\s+theo|kế\s+tiếp)(?!\w)", _I)
_PERIOD_JOIN = re.compile(r"\s*(?:và|-|–|đến(?:\s+hết)?)\s*", _I)
_NOT_A_DUE_RANGE = re.compile(
    r"(?:tính|số\s+liệu|kỳ\s+báo\s+cáo|giai\s+đoạn|thời\s+kỳ)(?:\s+[^\s,.;:]+){0,3}\s*$", _I)
_PERIOD_TRIGGER = re.compile(r"(?<!\w)(trong|hết|cuối|đến\s+cuối|trong\s+suốt)\s+", _I)
_RANGE = re.compile(r"(?<!\w)từ\s+", _I)
_RANGE_JOIN = re.compile(r"\s*(?:đến|tới|-|–)\s*(?:hết\s+)?", _I)
_FROM_NOW = re.compile(r"(?:nay|bây\s+giờ)(?!\w)", _I)
_COMPLETION = re.compile(r"(?<!\w)hoàn\s+thành(?!\w)", _I)
_LAST_MONTH_OF_QUARTER = re.compile(
    r"\s*(?:của\s+|trong\s+)?tháng\s+cuối\s+(?:của\s+)?(?:mỗi\s+|hằng\s+|hàng\s+)?qu[ýí](?!\w)", _I)
# Words between "hoàn thành" and its date: not a citation ("số ..."), not another trigger
# (then the trigger's own rule reads the phrase: "hoàn thành trước ngày ..." -> "trước ngày ...").
_GAP_WORD = re.compile(
    r"\s+(?!(?:số|trước|chậm|hạn|thời|trong|từ|đến|hết|kể|tính)(?!\w))[^\s,.;:()/\[\]]+", _I)
_COMPLETION_FILLER = re.compile(r"(?:\s+|(?<!\w)(?:vào|xong|là)(?!\w)){0,8}", _I)
_RECUR_CONTEXT = re.compile(
    r"(?:(?:định\s+kỳ|báo\s+cáo|gửi|nộp|tổng\s+hợp|cập\s+nhật)(?:\s+[^\s,.;:]+){0,3}|(?:^|[.;:\n]|^\s*[-+])\s*)"
    r"\s*,?\s*$",
    _I,
)
_DINH_KY_BEFORE = re.compile(r"định\s+kỳ\s*,?\s*$", _I)
_RELATIVE = re.compile(
    r"(?:(?<!\w)(trong\s+thời\s+hạn|trong\s+vòng|trong\s+phạm\s+vi|trong|chậm\s+nhất(?:\s+là)?(?:\s+sau)?"
    r"|sau|không\s+quá|tối\s+đa)\s+)?"
    r"(?<!\w)(\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s*(ngày\s+làm\s+việc|ngày|tuần|tháng|năm)(?!\w)"
    r"(?:\s*,?\s*(?:kể\s+từ|tính\s+từ|từ|sau)\s+(?:ngày|khi|thời\s+điểm)\s+"
    r"([^\s,.;:()]+(?:\s+(?!để|và|nhằm|theo|gửi|báo)[^\s,.;:()]+){0,7}))?",
    _I,
)
# Larger amounts are read as typos: no date rather than a date centuries away.
_MAX_RELATIVE = {"ngày": 400, "tuần": 60, "tháng": 60, "năm": 10}
_STRONG_RELATIVE = ("trong thời hạn", "trong vòng", "trong phạm vi", "chậm nhất", "không quá", "tối đa")
_SIGNING = re.compile(
    r"(?:được\s+)?(?:ký|ban\s+hành|ký\s+ban\s+hành)(?:\s+(?:văn\s+bản|công\s+văn|kế\s+hoạch|quyết\s+định"
    r"|thông\s+báo|hướng\s+dẫn|chỉ\s+thị))?(?:\s+này)?",
    _I,
)
# After "kể từ ngày ký (văn bản này)": the end of the clause, not the object of another signing.
_CLAUSE_AFTER_SIGNING = re.compile(r"\s*(?:$|[,.;:)]|(?:để|và|các|cho|phải|đến)(?!\w))")
_RELATIVE_WORDS = re.compile(
    r"ngay\s+sau\s+khi\s+nhận\s+được(?:\s+[^\s,.;:()]+){0,3}|chậm\s+nhất\s+là\s+trong\s+ngày\s+làm\s+việc\s+tiếp\s+theo",
    _I,
)


@lru_cache(maxsize=1)
def _default_calendar() -> WorkingCalendar:
    """The built-in calendar (no office overrides), shared: it only caches holiday years."""
    return WorkingCalendar()


def collapse(text: str) -> str:
    return " ".join(text.split())


def _clause_ends(text: str, pos: int) -> bool:
    """True when the words after `pos` start a new clause (punctuation, "các", a capital)."""
    if _CLAUSE_AFTER_SIGNING.match(text, pos):
        return True
    rest = text[pos:].lstrip()
    return bool(rest) and rest[0].isupper()


def _skip_time_weekday(text: str, pos: int) -> int:
    """Skip "9h00, ", "thứ Sáu, ", in either order, before a date."""
    for _ in range(3):
        end = g.time_at(text, pos)
        if end is None:
            wd = g.weekday_at(text, pos)
            end = wd[1] if wd else None
        if end is None:
            return pos
        pos = _FILLER.match(text, end).end()
    return pos


def _recurrence_after(text: str, pos: int) -> tuple[str, int] | None:
    m = re.compile(r"\s*(?:của\s+)?", _I).match(text, pos)
    return g.recurrence_at(text, m.end())


def _dated(start: int, raw: g.RawDate, text: str, doc_date: date | None) -> Hit:
    """A hit for a full date, or a yearly/monthly recurrence when "hằng ..." follows it."""
    rec = _recurrence_after(text, raw.end)
    if rec:
        recurrence, end = rec
        month = raw.month if recurrence == "hằng năm" else None
        return Hit(start, end, Deadline("", None, recurrence, "recurring", raw.day, month))
    end = raw.end
    if raw.year is None:
        nxt = _NEXT_YEAR.match(text, raw.end)  # "trước ngày 10/01 của năm liền kề"
        if nxt and doc_date:
            raw, end = replace(raw, year=doc_date.year + 1), nxt.end()
        elif doc_date is None:
            return Hit(start, end, Deadline("", None, None, "date"), no_year=(raw.day, raw.month))
    due = raw.resolve(doc_date)
    no_year = (raw.day, raw.month) if raw.year is None else None
    return Hit(start, end, Deadline("", due, None, "date" if due else "none"), no_year=no_year)


def _day_or_date(start: int, pos: int, text: str, doc_date: date | None) -> Hit | None:
    raw = g.date_at(text, pos)
    if raw:
        return _dated(start, raw, text, doc_date)
    bare = g.bare_day_at(text, pos)
    if bare:
        day, end = bare
        last = _LAST_MONTH_OF_QUARTER.match(text, end)
        if last:  # "trước ngày 30 của tháng cuối quý": every quarter, in its third month
            return Hit(start, last.end(), Deadline("", None, "hằng quý", "recurring", day, 3))
        rec = _recurrence_after(text, end)
        if rec:
            return Hit(start, rec[1], Deadline("", None, rec[0], "recurring", day))
        return Hit(start, end, Deadline("", None, None, "none"), bare_day=day)
    return None


def _periods(text: str, pos: int, doc_date: date | None) -> g.Period | None:
    """A period, or a chain of them ("trong Quý III và Quý IV/2018"): the last one, with the
    year of the last one for earlier ones that give none."""
    period = g.period_at(text, pos, doc_date)
    while period:
        join = _PERIOD_JOIN.match(text, period.end)
        following = g.period_at(text, join.end(), doc_date) if join else None
        if not following:
            break
        period = following
    return period


def _scan_due(text: str, doc_date: date | None) -> Iterator[Hit]:
    for m in _DUE.finditer(text):
        after = m.end()
        if m.group(1).lower().startswith(("hạn", "thời")):  # "hạn chót nộp hồ sơ là ..."
            gap = _NOMINAL_GAP.match(text, after)
            if gap and not g.date_at(text, _FILLER.match(text, after).end()):
                after = gap.end()
        fill = _FILLER.match(text, after)
        words = [w.lower() for w in re.findall(r"\w+", m.group(1) + " " + fill.group(0))]
        weekday = g.weekday_at(text, fill.end())
        rec = _recurrence_after(text, weekday[1]) if weekday else None
        if weekday and rec and rec[0] == "hằng tuần":  # "trước thứ Sáu hằng tuần"
            yield Hit(m.start(), rec[1], Deadline("", None, rec[0], "recurring", weekday[0]))
            continue
        pos = _skip_time_weekday(text, fill.end())
        hit = _day_or_date(m.start(), pos, text, doc_date)
        if hit:
            yield hit
            continue
        period = _periods(text, pos, doc_date)
        if period:
            # "trước tháng 6/2022" reads as "trước ngày 01/6/2022" (the same convention as
            # "trước ngày X" -> X); every other trigger means "by the end of the period".
            before = words[-1] == "trước" if words else False
            due = period.first if before else period.last
            yield Hit(m.start(), period.end, Deadline("", due, None, "period"))


def _scan_periods(text: str, doc_date: date | None) -> Iterator[Hit]:
    for m in _PERIOD_TRIGGER.finditer(text):
        period = _periods(text, m.end(), doc_date)
        if period:
            yield Hit(m.start(), period.end, Deadline("", period.last, None, "period"))


def _scan_ranges(text: str, doc_date: date | None) -> Iterator[Hit]:
    for m in _RANGE.finditer(text):
        if _NOT_A_DUE_RANGE.search(text[max(0, m.start() - 40):m.start()]):
            continue  # "số liệu tính từ ... đến ...": the period a report covers, not its deadline
        pos = _skip_time_weekday(text, m.end())
        first = g.date_at(text, pos) or g.period_at(text, pos, doc_date)
        if first:
            end_of_first = first.end
        else:
            bare = g.bare_day_at(text, pos)
            now = _FROM_NOW.match(text, pos)
            if not (bare or now):
                continue
            end_of_first = bare[1] if bare else now.end()
        join = _RANGE_JOIN.match(text, end_of_first)
        if not join or join.end() == end_of_first:
            continue
        pos = _skip_time_weekday(text, join.end())
        hit = _day_or_date(m.start(), pos, text, doc_date)
        if hit:
            yield hit
            continue
        period = _periods(text, pos, doc_date)
        if period:
            yield Hit(m.start(), period.end, Deadline("", period.last, None, "period"))


def _scan_recurrences(text: str, lenient: bool) -> Iterator[Hit]:
    for m in g.RECURRENCE.finditer(text):
        if not lenient and not _RECUR_CONTEXT.search(text, max(0, m.start() - 60), m.start()):
            continue  # "Kế hoạch kiểm tra hàng năm" names a plan; it sets no recurring due date
        rec = g.recurrence_at(text, m.start())
        if rec:
            yield Hit(m.start(), rec[1], Deadline("", None, rec[0], "recurring"))


def _scan_relative(text: str, doc_date: date | None, calendar: WorkingCalendar | None) -> Iterator[Hit]:
    for m in _RELATIVE.finditer(text):
        lead, amount, unit, event = m.group(1), g.number(m.group(2)), collapse(m.group(3).lower()), m.group(4)
        strong = lead is not None and collapse(lead.lower()).startswith(_STRONG_RELATIVE)
        if not amount or not (event or strong):
            continue
        due, end = None, m.end()
        signing = _SIGNING.match(text, m.start(4)) if event else None
        if signing and not _clause_ends(text, signing.end()):
            signing = None  # "kể từ ngày ký hợp đồng": some other signing, an unknown day
        if signing:
            end = signing.end()
        if signing and doc_date and amount <= _MAX_RELATIVE[unit.split()[0]]:
            if unit.startswith("ngày làm việc"):
                due = (calendar or _default_calendar()).add_working_days(doc_date, amount)
            elif unit == "ngày":
                due = doc_date + timedelta(days=amount)
            elif unit == "tuần":
                due = doc_date + timedelta(days=7 * amount)
            else:
                due = g.add_months(doc_date, amount * (12 if unit == "năm" else 1))
        yield Hit(m.start(), end, Deadline("", due, None, "relative"))
    for m in _RELATIVE_WORDS.finditer(text):
        yield Hit(m.start(), m.end(), Deadline("", None, None, "relative"))


def _scan_completion(text: str, doc_date: date | None) -> Iterator[Hit]:
    """"hoàn thành <up to 6 words> (vào/trong) ngày 15/12/2022": a date a few words after."""
    for m in _COMPLETION.finditer(text):
        pos = m.end()
        for _ in range(7):
            probe = _COMPLETION_FILLER.match(text, pos).end()
            raw = g.date_at(text, probe)
            if raw:
                yield _dated(m.start(), raw, text, doc_date)
                break
            word = _GAP_WORD.match(text, pos)
            if not word:
                break
            pos = word.end()


def _scan_bare(text: str, doc_date: date | None) -> Iterator[Hit]:
    """Phrases with no trigger at all, accepted by parse_deadline only."""
    for pos in range(len(text)):
        if pos and text[pos - 1].isalnum():
            continue
        raw = g.date_at(text, pos)
        if raw:
            yield _dated(pos, raw, text, doc_date)
            continue
        period = g.period_at(text, pos, doc_date)
        if period:
            yield Hit(pos, period.end, Deadline("", period.last, None, "period"))


def hits(text: str, doc_date: date | None, calendar: WorkingCalendar | None, lenient: bool) -> list[Hit]:
    found = [
        *_scan_due(text, doc_date), *_scan_periods(text, doc_date), *_scan_ranges(text, doc_date),
        *_scan_recurrences(text, lenient), *_scan_relative(text, doc_date, calendar),
        *_scan_completion(text, doc_date),
    ]
    if lenient and not found:
        found = list(_scan_bare(text, doc_date))
    # Overlapping hits: the longest wins ("trước ngày 06 hàng tháng" over "hàng tháng").
    kept: list[Hit] = []
    for hit in sorted(found, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)




def with_dinh_ky(text: str, hit: Hit) -> Hit:
    """A recurring hit grown to take in a "Định kỳ" written just before it."""
    m = _DINH_KY_BEFORE.search(text, max(0, hit.start - 20), hit.start)
    return replace(hit, start=m.start()) if m else hit
