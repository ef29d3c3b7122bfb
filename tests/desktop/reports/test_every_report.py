"""Every report and every sheet prints the same way: A4 landscape fitted to the page width, the
header row repeated on each page, "Trang n/m" in the footer, panes frozen under the header, an
autofilter from the header; and LibreOffice converts each workbook to PDF."""
from __future__ import annotations

from datetime import date

import pytest

from desktop.core.browse import Browser
from desktop.documents.lists import INCOMING
from desktop.reports.list_export import ListView, export_list
from desktop.reports.period import Period
from desktop.reports.registers import export_register
from desktop.reports.responses import export_responses
from desktop.reports.tasks_report import export_tasks
from tests.desktop.reports.helpers import pdf_pages, pdf_text, reopen, soffice_pdf

EVERYTHING = Period.between(date(2018, 1, 1), date(2026, 12, 31))
AS_OF = date(2026, 6, 30)
REPORTS = {
    "register-out": (lambda ctx, p: export_register(ctx, p, "out", EVERYTHING), "SỔ ĐĂNG KÝ VĂN BẢN ĐI"),
    "register-in": (lambda ctx, p: export_register(ctx, p, "in", EVERYTHING), "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"),
    "tasks": (lambda ctx, p: export_tasks(ctx, p, EVERYTHING, AS_OF), "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"),
    "responses": (lambda ctx, p: export_responses(ctx, p, AS_OF, period=EVERYTHING), "BẢNG THEO DÕI PHẢN HỒI"),
    "list": (lambda ctx, p: export_list(ctx, Browser(ctx, INCOMING), p, ListView("Danh sách văn bản đến")),
             "DANH SÁCH VĂN BẢN ĐẾN"),
}


def _header_row(ws) -> int:
    """The first row with a value in its second column (title lines are one merged cell)."""
    return next(r for r in range(1, 12) if ws.cell(r, 2).value is not None)


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_sheet_prints_as_a_bound_register(demo_ctx, tmp_path, name):
    export, title = REPORTS[name]
    path = export(demo_ctx, tmp_path / f"{name}.xlsx")
    for ws in reopen(path).worksheets:
        assert ws["A1"].value == "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG" and ws["A2"].value.startswith(title[:20])
        assert ws.oddFooter.center.text == "Trang &P/&N" and ws.page_setup.orientation == "landscape"
        if ws.auto_filter.ref is None:  # a chart's page: the title block and the chart, on one page
            assert ws._charts and (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 1)
            continue
        header = _header_row(ws)
        assert all(c.font.b for c in ws[header] if c.value is not None)
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.print_title_rows == f"${header}:${header}"
        assert ws.oddFooter.center.text == "Trang &P/&N"
        assert ws.freeze_panes == f"A{header + 1}"
        assert ws.auto_filter.ref.startswith(f"A{header}:")
        assert ws.print_area.startswith(f"'{ws.title}'!$A$1:")
        for row in ws.iter_rows(min_row=header + 1):
            for cell in row:
                if getattr(cell, "is_date", False):
                    assert cell.number_format == "dd/mm/yyyy"
    pdf = soffice_pdf(path, tmp_path / "pdf")
    pages, (width, height) = pdf_pages(pdf)
    assert width > height  # landscape
    text = pdf_text(pdf)
    assert title in text and f"Trang {pages}/{pages}" in text
