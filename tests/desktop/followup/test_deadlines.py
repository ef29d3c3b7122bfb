"""Vietnamese deadline phrases: a table of phrasings, paragraphs, the real corpus and seeds."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.followup.calendar import WorkingCalendar
from desktop.followup.deadlines import NO_DEADLINE, Deadline, find_deadline, next_due, parse_deadline

D = date  # short constructor for the tables
DOC = D(2020, 10, 12)  # a Monday

# (phrase, doc_date, due date, kind, recurrence, day_of_period)
PARSE_TABLE = [
    # explicit dates after "trước ngày"
    ("trước ngày 15/10/2021", None, D(2021, 10, 15), "date", None, None),
    ("trước ngày 05/6/2017", None, D(2017, 6, 5), "date", None, None),
    ("trước ngày 5/6/2017", None, D(2017, 6, 5), "date", None, None),
    ("trước ngày 31/01/2010", None, D(2010, 1, 31), "date", None, None),
    ("Trước ngày 18/12/2016", None, D(2016, 12, 18), "date", None, None),
    ("trước ngày 20.7.2020", None, D(2020, 7, 20), "date", None, None),
    ("trước ngày 20.07.2020", None, D(2020, 7, 20), "date", None, None),
    ("trước ngày 01-02-2023", None, D(2023, 2, 1), "date", None, None),
    ("trước ngày12/5/2026", None, D(2026, 5, 12), "date", None, None),
    ("trước 15/10/2021", None, D(2021, 10, 15), "date", None, None),
    ("trước ngày 10 tháng 5 năm 2026", None, D(2026, 5, 10), "date", None, None),
    ("trước ngày 15 tháng 01 năm 2013", None, D(2013, 1, 15), "date", None, None),
    ("trước ngày 05 tháng 02 năm 2024", None, D(2024, 2, 5), "date", None, None),
    ("trước ngày 5 tháng 2 năm 2024", None, D(2024, 2, 5), "date", None, None),
    ("trước ngày12 tháng 5 năm 2026", None, D(2026, 5, 12), "date", None, None),
    ("TRƯỚC NGÀY 15/10/2021", None, D(2021, 10, 15), "date", None, None),
    # chậm nhất / hạn chót / thời hạn
    ("chậm nhất ngày 05 tháng 12 năm 2022", None, D(2022, 12, 5), "date", None, None),
    ("chậm nhất là ngày 05/12/2022", None, D(2022, 12, 5), "date", None, None),
    ("chậm nhất vào ngày 5/12/2022", None, D(2022, 12, 5), "date", None, None),
    ("chậm nhất là 17h00 ngày 05/12/2022", None, D(2022, 12, 5), "date", None, None),
    ("chậm nhất trước ngày 30/11/2022", None, D(2022, 11, 30), "date", None, None),
    ("hạn chót: 30/11/2022", None, D(2022, 11, 30), "date", None, None),
    ("hạn chót ngày 30 tháng 11 năm 2022", None, D(2022, 11, 30), "date", None, None),
    ("thời hạn hoàn thành: ngày 15/12/2022", None, D(2022, 12, 15), "date", None, None),
    ("thời hạn nộp: trước ngày 15/12/2022", None, D(2022, 12, 15), "date", None, None),
    ("không quá ngày 31/12/2022", None, D(2022, 12, 31), "date", None, None),
    # time of day and weekday before the date
    ("trước 9h00, ngày 13 tháng 10 năm 2020", None, D(2020, 10, 13), "date", None, None),
    ("trước 9h, ngày 13/10/2020", None, D(2020, 10, 13), "date", None, None),
    ("trước 17 giờ 00 ngày 13/10/2020", None, D(2020, 10, 13), "date", None, None),
    ("trước 16 giờ 30 phút, ngày 13/10/2020", None, D(2020, 10, 13), "date", None, None),
    ("trước 17h00 thứ Sáu, ngày 16/10/2020", None, D(2020, 10, 16), "date", None, None),
    ("trước thứ Sáu, ngày 16/10/2020", None, D(2020, 10, 16), "date", None, None),
    # no year: the document's year (even if that is before the document date)
    ("trước ngày 30/6", D(2021, 3, 1), D(2021, 6, 30), "date", None, None),
    ("trước ngày 30/6", D(2021, 8, 1), D(2021, 6, 30), "date", None, None),
    ("trước ngày 15 tháng 11", DOC, D(2020, 11, 15), "date", None, None),
    ("trước ngày 10/07", DOC, D(2020, 7, 10), "date", None, None),
    ("trước ngày 30/6", None, None, "date", None, None),
    # invalid dates are no dates
    ("trước ngày 31/02/2021", None, None, "none", None, None),
    ("trước ngày 30/02/2024", None, None, "none", None, None),
    ("trước ngày 32/1/2021", None, None, "none", None, None),
    ("trước ngày 15/13/2021", None, None, "none", None, None),
    ("trước ngày 29/02/2023", None, None, "none", None, None),
    ("trước ngày 29/02/2024", None, D(2024, 2, 29), "date", None, None),
    ("trước ngày 15/10/21", None, None, "none", None, None),
    # months
    ("trong tháng 12/2018", None, D(2018, 12, 31), "period", None, None),
    ("trong tháng 01/2019", None, D(2019, 1, 31), "period", None, None),
    ("trong tháng 1/2019", None, D(2019, 1, 31), "period", None, None),
    ("trong tháng 02/2024", None, D(2024, 2, 29), "period", None, None),
    ("trong tháng 02/2023", None, D(2023, 2, 28), "period", None, None),
    ("tháng 12 năm 2018", None, D(2018, 12, 31), "period", None, None),
    ("trong tháng 12 năm 2018", None, D(2018, 12, 31), "period", None, None),
    ("trong tháng 11", DOC, D(2020, 11, 30), "period", None, None),
    ("đến hết tháng 01/2021", None, D(2021, 1, 31), "period", None, None),
    ("chậm nhất trong tháng 6/2022", None, D(2022, 6, 30), "period", None, None),
    ("trước tháng 6/2022", None, D(2022, 6, 1), "period", None, None),
    ("cuối tháng 9/2022", None, D(2022, 9, 30), "period", None, None),
    # quarters, Roman and Arabic
    ("trong Quý III/2018", None, D(2018, 9, 30), "period", None, None),
    ("trong quý III/2018", None, D(2018, 9, 30), "period", None, None),
    ("trong Quý I/2019", None, D(2019, 3, 31), "period", None, None),
    ("trong Quý II năm 2019", None, D(2019, 6, 30), "period", None, None),
    ("Quý IV năm 2023", None, D(2023, 12, 31), "period", None, None),
    ("quý 3/2018", None, D(2018, 9, 30), "period", None, None),
    ("trong quý 4 năm 2023", None, D(2023, 12, 31), "period", None, None),
    ("trong quý IV", D(2023, 2, 1), D(2023, 12, 31), "period", None, None),
    ("trong quí II/2020", None, D(2020, 6, 30), "period", None, None),
    # parts of a year and years
    ("6 tháng đầu năm 2022", None, D(2022, 6, 30), "period", None, None),
    ("trong 6 tháng đầu năm 2022", None, D(2022, 6, 30), "period", None, None),
    ("6 tháng cuối năm 2022", None, D(2022, 12, 31), "period", None, None),
    ("9 tháng đầu năm", D(2022, 3, 3), D(2022, 9, 30), "period", None, None),
    ("06 tháng đầu năm 2021", None, D(2021, 6, 30), "period", None, None),
    ("trong năm 2021", None, D(2021, 12, 31), "period", None, None),
    ("cuối năm 2021", None, D(2021, 12, 31), "period", None, None),
    ("năm 2021", None, D(2021, 12, 31), "period", None, None),
    # recurrences
    ("hằng tháng", None, None, "recurring", "hằng tháng", None),
    ("hàng tháng", None, None, "recurring", "hằng tháng", None),
    ("hằng quý", None, None, "recurring", "hằng quý", None),
    ("hàng quý", None, None, "recurring", "hằng quý", None),
    ("hàng năm", None, None, "recurring", "hằng năm", None),
    ("hằng năm", None, None, "recurring", "hằng năm", None),
    ("hằng tuần", None, None, "recurring", "hằng tuần", None),
    ("định kỳ 6 tháng", None, None, "recurring", "định kỳ 6 tháng", None),
    ("định kỳ 06 tháng", None, None, "recurring", "định kỳ 6 tháng", None),
    ("định kỳ hằng quý", None, None, "recurring", "hằng quý", None),
    ("định kỳ 3 tháng", None, None, "recurring", "hằng quý", None),
    ("trước ngày 06 hàng tháng", None, None, "recurring", "hằng tháng", 6),
    ("trước ngày 6 hằng tháng", None, None, "recurring", "hằng tháng", 6),
    ("trước ngày 20 hằng quý", None, None, "recurring", "hằng quý", 20),
    ("định kỳ từ ngày 1 đến ngày 5 hằng tháng", None, None, "recurring", "hằng tháng", 5),
    ("từ ngày 01 đến ngày 05 hàng tháng", None, None, "recurring", "hằng tháng", 5),
    ("trước ngày 15/12 hằng năm", None, None, "recurring", "hằng năm", 15),
    ("trước thứ Sáu hằng tuần", None, None, "recurring", "hằng tuần", 5),
    # relative deadlines
    ("trong thời hạn 15 ngày kể từ ngày ký", D(2021, 3, 1), D(2021, 3, 16), "relative", None, None),
    ("trong thời hạn 15 ngày kể từ ngày ký", None, None, "relative", None, None),
    ("trong thời hạn 03 tháng kể từ ngày ký", D(2021, 1, 31), D(2021, 4, 30), "relative", None, None),
    ("trong vòng 10 ngày kể từ ngày nhận được văn bản", D(2021, 3, 1), None, "relative", None, None),
    ("15 ngày làm việc kể từ ngày ký", D(2021, 3, 1), D(2021, 3, 22), "relative", None, None),
    ("trong 02 tuần kể từ ngày ban hành", D(2021, 3, 1), D(2021, 3, 15), "relative", None, None),
    ("trong thời hạn 01 năm kể từ ngày ký hợp đồng", D(2021, 3, 1), None, "relative", None, None),
    ("trong thời hạn 05 ngày làm việc", D(2021, 3, 1), None, "relative", None, None),
    ("trong thời hạn mười ngày kể từ ngày ký", D(2021, 3, 1), D(2021, 3, 11), "relative", None, None),
    ("chậm nhất sau 05 ngày kể từ ngày kết thúc hội nghị", D(2021, 3, 1), None, "relative", None, None),
    ("định kỳ 6 tháng/lần", None, None, "recurring", "định kỳ 6 tháng", None),
    ("trước ngày 15/10 năm 2021", None, D(2021, 10, 15), "date", None, None),
    ("ngay sau khi nhận được văn bản", D(2021, 3, 1), None, "relative", None, None),
    # ranges: the end
    ("từ ngày 10/5/2026 đến hết ngày 14/5/2026", None, D(2026, 5, 14), "date", None, None),
    ("từ ngày 05/10/2020 đến ngày 15/10/2020", None, D(2020, 10, 15), "date", None, None),
    ("từ ngày 10 đến ngày 14/5/2026", None, D(2026, 5, 14), "date", None, None),
    ("từ 10/5/2026 - 14/5/2026", None, D(2026, 5, 14), "date", None, None),
    ("từ ngày 10/5 đến ngày 14/5", D(2026, 1, 5), D(2026, 5, 14), "date", None, None),
    # bare dates (parse_deadline only) and unknown phrasing
    ("ngày 13 tháng 10 năm 2020", None, D(2020, 10, 13), "date", None, None),
    ("15/10/2021", None, D(2021, 10, 15), "date", None, None),
    ("càng sớm càng tốt", None, None, "none", None, None),
    ("theo tiến độ của Ban Chỉ đạo", None, None, "none", None, None),
    ("trong năm học 2020-2021", None, None, "none", None, None),
    ("thường xuyên", None, None, "none", None, None),
]


@pytest.mark.parametrize("phrase, doc_date, due, kind, recurrence, day", PARSE_TABLE)
def test_parse_deadline_table(phrase, doc_date, due, kind, recurrence, day):
    result = parse_deadline(phrase, doc_date=doc_date)
    assert (result.date, result.kind, result.recurrence, result.day_of_period) == (due, kind, recurrence, day)
    assert result.text == " ".join(phrase.split())  # the phrase is kept, as written


def test_parse_table_is_big_enough():
    assert len(PARSE_TABLE) >= 80


def test_parse_empty_phrase_is_no_deadline():
    assert parse_deadline("") == NO_DEADLINE
    assert parse_deadline("   ") == NO_DEADLINE


def test_yearly_recurrence_keeps_its_month():
    assert parse_deadline("trước ngày 15/12 hằng năm").month_of_year == 12


# Paragraphs written for these tests: (paragraph, phrase found, due date)
FIND_TABLE = [
    ("Sở Nội vụ tổng hợp, gửi kết quả về Ban trước ngày 15/10/2021 qua thư điện tử.",
     "trước ngày 15/10/2021", D(2021, 10, 15)),
    ("Các đơn vị báo cáo bằng văn bản trước ngày 20.7.2020 để tổng hợp.", "trước ngày 20.7.2020", D(2020, 7, 20)),
    ("Đề nghị gửi ý kiến góp ý chậm nhất là ngày 05 tháng 12 năm 2022.",
     "chậm nhất là ngày 05 tháng 12 năm 2022", D(2022, 12, 5)),
    ("Gửi câu hỏi về Phòng theo địa chỉ thư điện tử trước 9h00, ngày 13 tháng 10 năm 2020 để tổng hợp.",
     "trước 9h00, ngày 13 tháng 10 năm 2020", D(2020, 10, 13)),
    ("Chủ trì tham mưu tổ chức hội nghị sơ kết trong tháng 12/2018.", "trong tháng 12/2018", D(2018, 12, 31)),
    ("Tham mưu sơ kết phong trào trong Quý III/2018.", "trong Quý III/2018", D(2018, 9, 30)),
    ("Hoàn thành việc rà soát hồ sơ trong năm 2021 theo kế hoạch.", "trong năm 2021", D(2021, 12, 31)),
    ("Nộp hồ sơ khen thưởng từ ngày 05/10/2020 đến ngày 15/10/2020 tại Phòng Nội vụ.",
     "từ ngày 05/10/2020 đến ngày 15/10/2020", D(2020, 10, 15)),
    ("Các cơ quan treo cờ từ ngày 10/5/2026 đến hết ngày 14/5/2026.",
     "từ ngày 10/5/2026 đến hết ngày 14/5/2026", D(2026, 5, 14)),
    ("Báo cáo sơ kết gửi trước ngày\n   31/5/2021", "trước ngày 31/5/2021", D(2021, 5, 31)),
    ("Thực hiện theo Kế hoạch số 12/KH-UBND ngày 09/10/2017; báo cáo trước ngày 30/11/2017.",
     "trước ngày 30/11/2017", D(2017, 11, 30)),
    ("Hoàn thành việc chấm điểm ngày 15/12/2022.", "Hoàn thành việc chấm điểm ngày 15/12/2022", D(2022, 12, 15)),
    ("Báo cáo cả năm gửi về Sở trước ngày 10/01 của năm liền kề.", "trước ngày 10/01 của năm liền kề",
     D(2021, 1, 10)),
    ("Hạn cuối nhận hồ sơ đăng ký là ngày 20/11/2020.", "Hạn cuối nhận hồ sơ đăng ký là ngày 20/11/2020",
     D(2020, 11, 20)),
    ("Hạn chót nộp hồ sơ: 30/11/2020.", "Hạn chót nộp hồ sơ: 30/11/2020", D(2020, 11, 30)),
    ("Các trường gửi sản phẩm chậm nhất đến hết ngày 20/11/2020.", "chậm nhất đến hết ngày 20/11/2020",
     D(2020, 11, 20)),
    ("Tổ chức hội thi trong tháng 10 và tháng 11/2021.", "trong tháng 10 và tháng 11/2021", D(2021, 11, 30)),
    ("Kiểm tra chéo trong Quý III và Quý IV/2018.", "trong Quý III và Quý IV/2018", D(2018, 12, 31)),
    ("Triển khai thí điểm từ tháng 10/2020 đến tháng 12/2020.", "từ tháng 10/2020 đến tháng 12/2020",
     D(2020, 12, 31)),
    ("Gửi báo cáo trước ngày 5/10/2020 (số liệu tính từ ngày 01/01/2020 đến ngày 30/9/2020).",
     "trước ngày 5/10/2020", D(2020, 10, 5)),
    ("Phấn đấu hoàn thành trước ngày 15/10/2021.", "trước ngày 15/10/2021", D(2021, 10, 15)),
    ("Nộp bản đăng ký trước ngày 30 / 6 / 2021.", "trước ngày 30 / 6 / 2021", D(2021, 6, 30)),
    ("Các đơn vị phải gửi hồ sơ trong thời hạn 10 ngày kể từ ngày ký văn bản này.",
     "trong thời hạn 10 ngày kể từ ngày ký văn bản này", D(2020, 10, 22)),
    # several phrases: the last one wins
    ("Gửi dự thảo trước ngày 01/3/2022; gửi bản chính thức trước ngày 15/3/2022.",
     "trước ngày 15/3/2022", D(2022, 3, 15)),
    ("Đăng ký trong tháng 01/2022, hoàn thiện hồ sơ trong Quý II/2022.", "trong Quý II/2022", D(2022, 6, 30)),
]


@pytest.mark.parametrize("paragraph, phrase, due", FIND_TABLE)
def test_find_deadline_in_paragraph(paragraph, phrase, due):
    result = find_deadline(paragraph, doc_date=DOC)
    assert (result.text, result.date) == (phrase, due)


NOT_DEADLINES = [
    "Thời gian: 7 giờ 30 phút, ngày 14 tháng 10 năm 2020 (thứ Tư), tại hội trường lớn.",
    "Hội nghị khai mạc vào hồi 7 giờ 30 phút, ngày 14 tháng 10 năm 2020 tại hội trường.",
    "Kiểm tra đường truyền bắt đầu từ 16h00, ngày 13/10/2020.",
    "Tiếp tục thực hiện Kế hoạch số 536/KH-UBND ngày 09/10/2017 của UBND tỉnh.",
    "Căn cứ Thông báo số 63/TB-VPCP ngày 26/3/2021, Ủy ban tổ chức họp.",
    "Đắk Nông, ngày 25 tháng 5 năm 2018",
    "Tập trung hoàn thành xuất sắc nhiệm vụ trọng tâm năm 2020.",
    "Lồng ghép nội dung vào Kế hoạch kiểm tra hàng năm của Hội đồng.",
    "Phấn đấu hoàn thành chỉ tiêu trong năm học 2020 - 2021.",
    "Tổ chức tuyên truyền trong 6 tháng kể cả ngày nghỉ.",
    "Số liệu tính đến ngày 30/9/2020.",
    "Số liệu báo cáo tính từ ngày 01/01/2020 đến ngày 30/9/2020.",
    "Hoàn thành nhiệm vụ được giao theo Kế hoạch số 12/KH-UBND ngày 5/6/2020.",
    "Quyết định này có hiệu lực kể từ ngày ký.",
    "Áp dụng kể từ ngày 01/01/2021.",
    "Gửi giấy mời trước 2 tuần.",
    "Trước tình hình dịch bệnh, ngày 15/3/2020 Ủy ban đã họp.",
    "Tổ chức hội nghị tổng kết hằng năm tại tỉnh.",
    "",
]


@pytest.mark.parametrize("paragraph", NOT_DEADLINES)
def test_find_deadline_ignores_non_deadlines(paragraph):
    assert find_deadline(paragraph, doc_date=DOC) == NO_DEADLINE


def test_find_invalid_date_keeps_the_phrase_without_a_date():
    result = find_deadline("Gửi báo cáo trước ngày 31/02/2021.")
    assert (result.text, result.date, result.kind) == ("trước ngày 31/02/2021", None, "none")


def test_find_bare_day_takes_the_paragraph_recurrence():
    result = find_deadline("Hằng tháng, các đơn vị gửi báo cáo tiến độ trước ngày 20.")
    assert (result.text, result.recurrence, result.day_of_period, result.date) == (
        "trước ngày 20", "hằng tháng", 20, None)


def test_find_recurrence_after_a_reporting_verb():
    result = find_deadline("Các sở báo cáo kết quả hằng quý về Ủy ban nhân dân tỉnh.")
    assert (result.text, result.recurrence, result.kind) == ("hằng quý", "hằng quý", "recurring")


def test_find_recurrence_keeps_dinh_ky():
    result = find_deadline("Định kỳ từ ngày 1 đến ngày 5 hằng tháng, các đơn vị gửi số liệu.")
    assert result.text == "Định kỳ từ ngày 1 đến ngày 5 hằng tháng"
    assert (result.recurrence, result.day_of_period) == ("hằng tháng", 5)


# -- working days in relative deadlines -----------------------------------------------------
@pytest.mark.parametrize(
    "phrase, signed, due",
    [
        # Friday before the Tết Ất Tỵ break (25/01-02/02/2025): the 5th working day is 07/02
        ("trong 05 ngày làm việc kể từ ngày ký", D(2025, 1, 24), D(2025, 2, 7)),
        # across Giỗ Tổ 2024 (Thursday 18/4): 16, 17, 19, 22 -> the 4th is Monday 22/4
        ("04 ngày làm việc kể từ ngày ký", D(2024, 4, 15), D(2024, 4, 22)),
        # a weekend only
        ("02 ngày làm việc kể từ ngày ký", D(2021, 3, 5), D(2021, 3, 9)),
        # calendar days ignore holidays
        ("trong thời hạn 05 ngày kể từ ngày ký", D(2025, 1, 24), D(2025, 1, 29)),
    ],
)
def test_working_day_deadlines(phrase, signed, due):
    assert parse_deadline(phrase, doc_date=signed).date == due


def test_working_day_deadline_uses_office_overrides():
    calendar = WorkingCalendar({D(2021, 3, 8): "off", D(2021, 3, 6): "work"})
    # Friday 05/03 signed; Saturday 06/03 is a make-up working day, Monday 08/03 a day off
    assert parse_deadline("02 ngày làm việc kể từ ngày ký", doc_date=D(2021, 3, 5), calendar=calendar).date == D(
        2021, 3, 9)


# -- next_due ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "phrase, as_of, due",
    [
        ("trước ngày 06 hàng tháng", D(2024, 3, 1), D(2024, 3, 6)),
        ("trước ngày 06 hàng tháng", D(2024, 3, 6), D(2024, 3, 6)),
        ("trước ngày 06 hàng tháng", D(2024, 3, 7), D(2024, 4, 6)),
        ("trước ngày 31 hàng tháng", D(2024, 2, 10), D(2024, 2, 29)),
        ("trước ngày 06 hàng tháng", D(2024, 12, 20), D(2025, 1, 6)),
        ("hằng tháng", D(2024, 2, 10), D(2024, 2, 29)),
        ("hằng quý", D(2024, 5, 2), D(2024, 6, 30)),
        ("định kỳ 6 tháng", D(2024, 7, 1), D(2024, 12, 31)),
        ("hằng năm", D(2024, 7, 1), D(2024, 12, 31)),
        ("trước ngày 15/12 hằng năm", D(2024, 12, 16), D(2025, 12, 15)),
        ("trước thứ Sáu hằng tuần", D(2024, 3, 4), D(2024, 3, 8)),
        ("hằng tuần", D(2024, 3, 4), D(2024, 3, 10)),
        ("trước ngày 20 hằng quý", D(2024, 3, 4), None),
        ("trước ngày 15/10/2021", D(2024, 3, 4), D(2021, 10, 15)),
    ],
)
def test_next_due(phrase, as_of, due):
    assert next_due(parse_deadline(phrase), as_of) == due


# -- robustness ---------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.text())
def test_find_deadline_never_raises(text):
    result = find_deadline(text, doc_date=DOC)
    assert isinstance(result, Deadline)
    assert result.kind in {"date", "period", "relative", "recurring", "none"}


_NO_DIGITS = st.lists(
    st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạếềệọớờủứừ ,.;:/-()\n"))
    | st.sampled_from(["trước ngày ", "chậm nhất ", "tháng ", "quý ", "năm ", "hằng tháng ", "trong ", "từ ",
                       "đến ", "mười ngày kể từ ngày ký ", "Quý IV ", "thứ Sáu "]),
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NO_DIGITS)
def test_find_deadline_gives_no_date_without_digits(text):
    assert find_deadline(text).date is None
    assert parse_deadline(text).date is None


def test_decomposed_text_is_read_as_nfc():
    import unicodedata

    text = unicodedata.normalize("NFD", "Gửi báo cáo trước ngày 15/10/2021.")
    result = find_deadline(text)
    assert (result.text, result.date) == ("trước ngày 15/10/2021", D(2021, 10, 15))
    assert parse_deadline(unicodedata.normalize("NFD", "trong Quý III/2018")).date == D(2018, 9, 30)


_PIECES = st.sampled_from([
    "trước ngày ", "trước ", "chậm nhất là ", "hạn chót: ", "trong tháng ", "trong Quý ", "quý ", "năm ",
    "từ ngày ", " đến hết ngày ", "hằng tháng", "hàng năm", "định kỳ ", "tháng ", "ngày ", "kể từ ngày ký",
    "trong thời hạn ", "ngày làm việc ", "hoàn thành ", "h", "giờ ", "/", ".", "-", " ", ",", "IV", "III",
    "đầu năm ", "cuối năm ", "của năm liền kề", "thứ Sáu ", "(", ")",
])
_NUMBERS = st.integers(min_value=0, max_value=10000).map(str) | st.sampled_from(["0000", "00", "31", "29", "02"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES | _NUMBERS, max_size=25).map("".join),
       st.none() | st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_deadline_like_noise_never_raises(text, doc_date):
    for result in (find_deadline(text, doc_date=doc_date), parse_deadline(text, doc_date=doc_date)):
        assert result.kind in {"date", "period", "relative", "recurring", "none"}
        if result.date is not None:
            assert D(1900, 1, 1) <= result.date <= D(2300, 12, 31)
        next_due(result, D(2024, 2, 29))


def test_find_yearless_date_takes_a_yearly_recurrence():
    result = find_deadline("Hằng năm, trước ngày 15/11, các sở gửi hồ sơ đề nghị khen thưởng.", doc_date=DOC)
    assert (result.text, result.date, result.recurrence, result.day_of_period, result.month_of_year) == (
        "trước ngày 15/11", None, "hằng năm", 15, 11)
    assert next_due(result, D(2024, 11, 16)) == D(2025, 11, 15)
