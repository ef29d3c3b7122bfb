"""The deadline reader: deadline-like phrases, any text, and a task's typed deadline always give a
Deadline of a known kind, a date in a sane range, and a next due date that is not before its as-of day."""
from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop.followup.calendar import WorkingCalendar
from desktop.followup.deadlines import find_deadline, next_due, parse_deadline
from tests.fuzz import fuzz

KINDS = {"date", "period", "relative", "recurring", "none"}
PIECES = st.sampled_from([
    "trước ngày ", "trước ", "chậm nhất là ", "chậm nhất ngày ", "hạn chót: ", "trong tháng ", "trong Quý ",
    "quý ", "năm ", "từ ngày ", " đến hết ngày ", " đến ngày ", "hằng tháng", "hàng tháng", "hằng quý", "hàng năm",
    "hằng tuần", "định kỳ ", "6 tháng đầu năm", "6 tháng cuối năm", "tháng ", "ngày ", "kể từ ngày ký",
    "kể từ ngày nhận được văn bản", "trong thời hạn ", "ngày làm việc ", "làm việc", "hoàn thành ", "h", "giờ ",
    "/", ".", "-", " ", ",", "I", "II", "III", "IV", "V", "X", "đầu năm ", "cuối năm ", "giữa năm ",
    "của năm liền kề", "năm sau", "năm nay", "thứ Hai ", "thứ Sáu ", "Chủ nhật ", "(", ")", "\n", "Tết",
    "mười", "hai mươi", "ba mươi", "tuần", "tuần đầu", "tuần cuối", "Báo cáo gửi về Sở ", "đôn đốc ",
])
NUMBERS = st.integers(min_value=0, max_value=100_000).map(str) | st.sampled_from(
    ["0000", "00", "31", "30", "29", "28", "02", "12", "13", "2024", "9999", "1900", "0", "-1"])
PHRASES = st.lists(PIECES | NUMBERS, max_size=30).map("".join)
DOC_DATES = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
AS_OF = st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31))
CALENDAR = WorkingCalendar()  # the public holidays and the decreed Tết days


def _sane(result, as_of: date) -> None:
    assert result.kind in KINDS
    if result.date is not None:
        assert date(1900, 1, 1) <= result.date <= date(2300, 12, 31), result
    due = next_due(result, as_of)
    assert due is None or isinstance(due, date)


@fuzz("deadline_pieces")
@given(PHRASES, DOC_DATES, AS_OF)
def test_deadline_like_phrases(text, doc_date, as_of):
    for result in (find_deadline(text, doc_date=doc_date), parse_deadline(text, doc_date=doc_date)):
        _sane(result, as_of)


@fuzz("deadline_text")
@given(st.text(max_size=300), DOC_DATES, AS_OF)
def test_any_text(text, doc_date, as_of):
    _sane(find_deadline(text, doc_date=doc_date), as_of)
    _sane(parse_deadline(text, doc_date=doc_date), as_of)


@fuzz("deadline_typed")
@given(PHRASES.map(lambda t: t[:60]), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), AS_OF)
def test_with_the_office_calendar(text, doc_date, as_of):
    _sane(find_deadline(text, doc_date=doc_date, calendar=CALENDAR), as_of)
