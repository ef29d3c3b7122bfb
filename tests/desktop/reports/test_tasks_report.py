"""Báo cáo tình hình thực hiện nhiệm vụ: the four official categories per unit agree with the
follow-up dashboard, every task is listed with its reply and days late, overdue rows highlighted."""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from desktop.followup.dashboard import dashboard
from desktop.followup.categories import CATEGORY_LABELS, CATEGORY_ORDER
from desktop.reports.period import Period
from desktop.reports.tasks_report import export_tasks
from tests.desktop.reports.conftest import SCALE_TODAY
from tests.desktop.reports.helpers import header_row_of, pdf_text, reopen, soffice_pdf, table

EVERYTHING = Period.between(date(2000, 1, 1), date(2030, 12, 31))
SUMMARY_HEADER = ["STT", "Đơn vị", "Tổng số nhiệm vụ", *CATEGORY_LABELS.values(), "Tỷ lệ hoàn thành đúng hạn"]


def _summary(path):
    ws = reopen(path)["Tổng hợp"]
    header = header_row_of(ws, "STT")
    assert [c.value for c in ws[header]] == SUMMARY_HEADER
    rows = table(ws, header)
    return ws, header, rows[:-1], rows[-1]


def _as_counts(rows) -> dict[str, tuple[int, ...]]:
    return {r[1]: tuple(r[3:7]) for r in rows}


@pytest.mark.parametrize("as_of", [date(2019, 2, 1), date(2026, 6, 30)])
def test_counts_agree_with_the_dashboard_on_the_demo(demo_ctx, tmp_path, as_of):
    path = export_tasks(demo_ctx, tmp_path / "nv.xlsx", EVERYTHING, as_of)
    _, _, rows, total = _summary(path)
    board = dashboard(demo_ctx, as_of)
    assert _as_counts(rows) == {u.unit: tuple(u.counts[k] for k in CATEGORY_ORDER) for u in board.by_unit}
    assert tuple(total[3:7]) == tuple(board.by_category[k] for k in CATEGORY_ORDER) and total[2] == board.total
    assert total[1] == "Tổng cộng"


@pytest.mark.parametrize("as_of", [date(2024, 3, 31), SCALE_TODAY])
def test_counts_agree_with_the_dashboard_at_scale(scaled_ctx, tmp_path, as_of):
    path = export_tasks(scaled_ctx, tmp_path / "nv.xlsx", EVERYTHING, as_of)
    _, _, rows, total = _summary(path)
    board = dashboard(scaled_ctx, as_of)
    assert _as_counts(rows) == {u.unit: tuple(u.counts[k] for k in CATEGORY_ORDER) for u in board.by_unit}
    assert tuple(total[3:7]) == tuple(board.by_category[k] for k in CATEGORY_ORDER)
    assert all(n > 0 for n in board.by_category.values())  # every category is exercised


def test_period_keeps_the_tasks_of_the_dispatches_dated_in_it(demo_ctx, tmp_path):
    path = export_tasks(demo_ctx, tmp_path / "nv.xlsx", Period.year(2018), date(2019, 2, 1))
    ws = reopen(path)["Chi tiết"]
    header = header_row_of(ws, "STT")
    rows = table(ws, header)
    assert {r[1] for r in rows} == {"2457/UBND-NC"} and [r[3] for r in rows] == ["5.1", "5.2", "5.3", "5.4", "5.5"]
    assert ws["A3"].value == "Nhiệm vụ giao tại các văn bản năm 2018" and ws["A4"].value == "Tính đến ngày 01/02/2019"


def test_detail_lists_each_task_with_reply_and_days_late(scaled_ctx, tmp_path):
    path = export_tasks(scaled_ctx, tmp_path / "nv.xlsx", Period.between(date(2025, 7, 1), SCALE_TODAY), SCALE_TODAY)
    ws = reopen(path)["Chi tiết"]
    header = header_row_of(ws, "STT")
    assert [c.value for c in ws[header]] == ["STT", "Văn bản giao", "Ngày văn bản", "Mục", "Nhiệm vụ",
                                             "Đơn vị thực hiện", "Hạn", "Tình trạng", "Ngày hoàn thành",
                                             "Văn bản báo cáo", "Ngày báo cáo", "Số ngày quá hạn"]
    seen = set()
    for row in ws.iter_rows(min_row=header + 1):
        values = [c.value for c in row]
        status = values[7]
        seen.add(status)
        assert date(2025, 7, 1) <= values[2].date() <= SCALE_TODAY and isinstance(values[6], datetime)
        if status == "Chưa hoàn thành, quá hạn":
            assert values[11] == (SCALE_TODAY - values[6].date()).days > 0
            assert row[0].fill.fgColor.rgb.endswith("F8D7DA")  # highlighted
        elif status == "Hoàn thành quá hạn":
            assert values[11] == (values[8] - values[6]).days > 0 and not row[0].fill.fgColor.rgb.endswith("F8D7DA")
        else:
            assert values[11] is None
        if values[9]:
            assert re.fullmatch(r"\d+/\S+", values[9]) and values[10] is not None  # the report's number/symbol
    assert seen == set(CATEGORY_LABELS.values())


def test_summary_has_a_chart_and_prints(demo_ctx, tmp_path):
    path = export_tasks(demo_ctx, tmp_path / "nv.xlsx", EVERYTHING, date(2026, 6, 30))
    ws, header, rows, _ = _summary(path)
    assert reopen(path).sheetnames == ["Tổng hợp", "Biểu đồ", "Chi tiết"]
    [chart] = reopen(path)["Biểu đồ"]._charts
    assert chart.grouping == "stacked" and len(chart.series) == 4
    assert ws.auto_filter.ref == f"A{header}:H{header + len(rows)}"  # the totals line stays out of the filter
    assert ws.page_setup.fitToWidth == 1 and ws.print_title_rows == f"${header}:${header}"
    text = pdf_text(soffice_pdf(path, tmp_path / "pdf"))
    assert "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ" in text and "Tổng cộng" in text
    assert "Chưa hoàn thành, quá hạn" in text and "Sở Nội vụ" in text
