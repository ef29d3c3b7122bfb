"""Bảng theo dõi phản hồi: per dispatch, the units asked to answer, what each did as of a date, the
counts, and who has not answered highlighted."""
from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import func, select

from db.models import OutgoingDocument, RecipientTracking
from desktop.reports.period import Period
from desktop.reports.responses import export_responses
from desktop.tracking.query import dispatch_tracking
from tests.desktop.reports.conftest import SCALE_TODAY
from tests.desktop.reports.helpers import header_row_of, pdf_text, reopen, soffice_pdf, table

AMBER, RED = "FFF3CD", "F8D7DA"


def _seed_dispatch(ctx) -> int:
    with ctx.session() as s:
        return s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number == 2457))


def _dispatch_with_mixed_answers(ctx) -> tuple[int, date]:
    """A scaled dispatch where one unit answered and another did not, and when the answer came."""
    r = RecipientTracking
    with ctx.session() as s:
        replied = func.count(r.replied_at)
        row = s.execute(select(r.outgoing_id, func.min(r.replied_at)).where(r.awaits_reply.is_(True))
                        .group_by(r.outgoing_id).having(replied >= 1, replied < func.count(r.id))
                        .order_by(r.outgoing_id)).first()
    return row[0], row[1].date()


def test_one_dispatch_units_and_their_answers(demo_ctx, tmp_path):
    path = export_responses(demo_ctx, tmp_path / "ph.xlsx", date(2019, 2, 1), outgoing_id=_seed_dispatch(demo_ctx))
    wb = reopen(path)
    assert wb.sheetnames == ["Tổng hợp", "Chi tiết"]
    ws = wb["Chi tiết"]
    header = header_row_of(ws, "STT")
    assert [c.value for c in ws[header]] == ["STT", "Đơn vị nhận", "Ngày gửi", "Ngày nhận", "Ngày phản hồi",
                                             "Văn bản phản hồi", "Ngày văn bản phản hồi", "Hạn phản hồi",
                                             "Tình trạng", "Số ngày trễ"]
    rows = table(ws, header)
    tracking = dispatch_tracking(demo_ctx, _seed_dispatch(demo_ctx), as_of=date(2019, 2, 1))
    n = tracking.count("units")  # its groups' members of 25/05/2018 and its own unit line
    assert rows[0][0].startswith("2457/UBND-NC ngày 25/05/2018 – Công văn V/v đẩy mạnh")
    assert rows[0][0].endswith(f"{n} đơn vị nhận: 0 đã phản hồi, {n} chưa phản hồi ({n} quá hạn).")
    units = {r[1]: r for r in rows[1:]}
    assert list(units) == [r.unit for r in tracking.pending_units]  # each unit once, in print order
    own = units["Văn phòng Điều phối nông thôn mới tỉnh"]
    assert own[7] == datetime(2018, 12, 31) and own[8] == "Chưa phản hồi, quá hạn" and own[9] == 32
    district = next(r.unit for r in tracking.rows if r.line == "UBND các huyện, thành phố")
    assert units[district][7] == datetime(2018, 9, 30)  # a group's member: the dispatch's earliest deadline
    summary = table(wb["Tổng hợp"], header_row_of(wb["Tổng hợp"], "STT"))
    sent = sum(r.sent_at is not None for r in tracking.pending_units)  # the demo sent it through the axis
    received = sum(r.acknowledged_at is not None for r in tracking.pending_units)
    assert sent == n and 0 < received < n
    assert summary == [(1, "2457/UBND-NC", datetime(2018, 5, 25), summary[0][3], datetime(2018, 9, 30),
                        n, sent, received, 0, 0, n, n)]


def test_answers_late_and_missing_as_of_two_dates(scaled_ctx, tmp_path):
    outgoing_id, first_answer = _dispatch_with_mixed_answers(scaled_ctx)
    ws = reopen(export_responses(scaled_ctx, tmp_path / "a.xlsx", SCALE_TODAY, outgoing_id=outgoing_id))["Chi tiết"]
    header = header_row_of(ws, "STT")
    rows = list(ws.iter_rows(min_row=header + 2))
    answered = [r for r in rows if r[4].value is not None]
    waiting = [r for r in rows if r[4].value is None]
    assert answered and waiting
    for row in answered:
        assert row[8].value in ("Đã phản hồi", "Phản hồi trễ hạn") and re.fullmatch(r"\d+/\S+", row[5].value)
        assert row[4].is_date and row[6].value is not None
        assert not row[1].fill.fgColor.rgb.endswith((AMBER, RED))
    for row in waiting:
        assert row[8].value in ("Chưa phản hồi", "Chưa phản hồi, quá hạn")
        assert row[1].fill.fgColor.rgb.endswith(RED if row[8].value.endswith("quá hạn") else AMBER)
    # the day before the first answer came, nobody had answered yet
    earlier = reopen(export_responses(scaled_ctx, tmp_path / "b.xlsx", date.fromordinal(first_answer.toordinal() - 1),
                                      outgoing_id=outgoing_id))["Chi tiết"]
    assert all(r[4].value is None for r in earlier.iter_rows(min_row=header + 2))


def test_a_period_lists_the_dispatches_waiting_for_answers(scaled_ctx, tmp_path):
    path = export_responses(scaled_ctx, tmp_path / "p.xlsx", SCALE_TODAY, period=Period.month(2025, 3))
    ws = reopen(path)["Tổng hợp"]
    header = header_row_of(ws, "STT")
    rows = table(ws, header)
    assert rows and all(r[2].year == 2025 and r[2].month == 3 for r in rows)
    assert all(r[4] is not None for r in rows)  # each assigns tasks, so each has a reply deadline
    for r in rows:
        assert r[8] + r[10] == r[5] and r[9] <= r[8] and r[11] <= r[10]
    assert ws["A3"].value == "Công văn chờ phản hồi, ban hành tháng 3 năm 2025"
    text = pdf_text(soffice_pdf(path, tmp_path / "pdf"))
    assert "BẢNG THEO DÕI PHẢN HỒI CÔNG VĂN" in text and "Chưa phản hồi" in text
