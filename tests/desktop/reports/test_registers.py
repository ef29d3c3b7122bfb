"""Sổ đăng ký văn bản đi / đến: the decree's columns, real dates and numbers, reserved and voided
numbers, the period, print settings, and LibreOffice opening the file."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.documents import numbering
from desktop.reports.period import Period
from desktop.reports.registers import export_register
from tests.desktop.reports.helpers import decree_columns, header_row_of, pdf_pages, pdf_text, reopen, soffice_pdf, table

ALL_YEARS = Period.between(date(2018, 1, 1), date(2026, 12, 31))


def _register_id(ctx, code: str) -> int:
    from sqlalchemy import select

    from db.models import Register

    with ctx.session() as s:
        return s.scalar(select(Register.id).where(Register.code == code))


def test_outgoing_register_has_the_decree_columns_and_typed_cells(demo_ctx, tmp_path):
    out_columns, _ = decree_columns()
    path = export_register(demo_ctx, tmp_path / "so-di.xlsx", "out", ALL_YEARS)
    wb = reopen(path)
    assert wb.sheetnames == ["Sổ công văn đi", "Sổ văn bản đi có tên loại"]  # every outgoing register
    ws = wb["Sổ công văn đi"]
    header = header_row_of(ws, out_columns[0])
    assert [c.value for c in ws[header]] == out_columns
    assert all(c.font.b and c.alignment.wrap_text for c in ws[header])
    assert ws["A1"].value == "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG" and ws["A2"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
    assert ws["A3"].value == "Sổ công văn đi (CV-DI)" and ws["A4"].value == "Từ ngày 01/01/2018 đến ngày 31/12/2026"
    rows = {r[0]: r for r in table(ws, header)}
    seed = rows["2457/UBND-NC"]
    assert seed[1] == datetime(2018, 5, 25)
    assert seed[2].startswith("Công văn V/v đẩy mạnh tổ chức các phong trào thi đua")
    assert seed[3] == "Nguyễn Bốn"
    assert "Các Sở, Ban, ngành, đoàn thể cấp tỉnh" in seed[4] and "Ban Thi đua - Khen thưởng Trung ương (b/c)" in seed[4]
    assert "Như trên" not in seed[4] and "Lưu" not in seed[4]
    assert seed[5] == "VT, NC-Ph" and seed[6] == 60 and isinstance(seed[6], int)
    first = ws.cell(row=header + 1, column=2)
    assert first.is_date and first.number_format == "dd/mm/yyyy"
    assert ws.cell(row=header + 1, column=7).data_type == "n"
    assert all(ws.cell(row=header + 1, column=c).border.left.style == "thin" for c in range(1, 11))
    years = [r[1].year for r in table(ws, header) if r[1]]  # (a voided number has no date)
    assert years == sorted(years)  # number order within the years


def test_print_settings_freeze_panes_and_autofilter(demo_ctx, tmp_path):
    ws = reopen(export_register(demo_ctx, tmp_path / "so.xlsx", "out", ALL_YEARS, "CV-DI")).active
    header = header_row_of(ws, "Số, ký hiệu văn bản")
    last = header + len(table(ws, header))
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${header}:${header}"
    assert "&P" in ws.oddFooter.center.text
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.auto_filter.ref == f"A{header}:J{last}"
    assert ws.print_area == f"'{ws.title}'!$A$1:$J${last}"
    widths = sum(ws.column_dimensions[c].width for c in "ABCDEFGHIJ")
    assert 150 <= widths <= 200  # about 1.2 landscape pages wide at 100 %, fitted to one by the scale


def test_reserved_and_voided_numbers_are_shown_as_such(demo_ctx, tmp_path):
    register_id = _register_id(demo_ctx, "CV-DI")
    reserved, _ = numbering.reserve_number(demo_ctx, register_id, 2026, "Giữ cho báo cáo tổng kết", "vt")
    voided, _ = numbering.reserve_number(demo_ctx, register_id, 2026, "Giữ thử", "vt")
    numbering.void_number(demo_ctx, register_id, 2026, voided, "Không ban hành", "vt")
    ws = reopen(export_register(demo_ctx, tmp_path / "so.xlsx", "out", Period.year(2026), "CV-DI")).active
    header = header_row_of(ws, "Số, ký hiệu văn bản")
    by_number = {}
    for row in ws.iter_rows(min_row=header + 1):
        by_number[row[0].value] = row
    held, gone = by_number[f"{reserved:02d}"], by_number[f"{voided:02d}"]
    assert held[2].value == "(Số giữ trước, chưa có văn bản)" and held[9].value == "Giữ số: Giữ cho báo cáo tổng kết"
    assert gone[2].value == "(Số đã hủy)" and gone[9].value.startswith("Hủy số: Giữ thử; hủy: Không ban hành")
    assert held[0].font.i and gone[0].font.i  # muted rows
    numbers = [int(r[0].value.split("/")[0]) for r in ws.iter_rows(min_row=header + 1) if r[0].value]
    assert numbers == sorted(numbers) and numbers[-2:] == [reserved, voided]


def test_period_filters_on_the_document_date_and_the_arrival_date(fixed_demo_ctx, tmp_path):
    demo_ctx = fixed_demo_ctx  # recent documents dated relative to its day, 30/11/2026
    ws = reopen(export_register(demo_ctx, tmp_path / "m.xlsx", "out", Period.month(2018, 5), "CV-DI")).active
    header = header_row_of(ws, "Số, ký hiệu văn bản")
    rows = table(ws, header)
    assert [r[0] for r in rows] == ["2457/UBND-NC"] and ws["A4"].value == "Tháng 5 năm 2018"
    ws = reopen(export_register(demo_ctx, tmp_path / "in.xlsx", "in", Period.year(2026))).active
    _, in_columns = decree_columns()
    header = header_row_of(ws, in_columns[0])
    assert [c.value for c in ws[header]] == in_columns
    rows = table(ws, header)
    # arrival dates in 2026, in arrival order from 01 (the demo as of 30/11/2026: 2012/HD-BTĐKT is dated
    # 14/11/2026, arrived 18/11/2026); four of them answer (or cite) the recent guidance 19/UBND-NC
    assert [(r[0].date(), r[1], r[3]) for r in rows] == [
        (date(2026, 10, 8), 1, "385/SNV-TĐKT"), (date(2026, 10, 14), 2, "118/BĐN-TS"),
        (date(2026, 10, 18), 3, "410/SYT-TCCB"), (date(2026, 11, 5), 4, "522/STC-VP"),
        (date(2026, 11, 18), 5, "2012/HD-BTĐKT")]
    assert rows[2][2] == "Sở Y tế" and rows[4][5] == "Hướng dẫn công tác thi đua, khen thưởng năm 2027"
    assert rows[4][9] == "Hạn xử lý: 15/12/2026" and isinstance(rows[0][1], int)


def test_an_empty_period_gives_the_table_without_rows(demo_ctx, tmp_path):
    ws = reopen(export_register(demo_ctx, tmp_path / "e.xlsx", "in", Period.year(2000))).active
    header = header_row_of(ws, "Ngày đến")
    assert table(ws, header) == []


def test_unknown_or_wrong_direction_code_is_refused(demo_ctx, tmp_path):
    with pytest.raises(ValueError, match="không có sổ mã «XX»"):
        export_register(demo_ctx, tmp_path / "x.xlsx", "out", ALL_YEARS, "XX")
    with pytest.raises(ValueError, match="sổ văn bản đến"):
        export_register(demo_ctx, tmp_path / "x.xlsx", "out", ALL_YEARS, "VB-DEN")
    assert not (tmp_path / "x.xlsx").exists()


def test_libreoffice_prints_the_register_on_a4_landscape_pages(demo_ctx, tmp_path):
    path = export_register(demo_ctx, tmp_path / "so-di.xlsx", "out", ALL_YEARS, "CV-DI")
    pdf = soffice_pdf(path, tmp_path / "pdf")
    pages, (width, height) = pdf_pages(pdf)
    assert pages >= 2 and round(width) == 842 and round(height) == 595
    text = pdf_text(pdf)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in text and "2457/UBND-NC" in text and "25/05/2018" in text
    assert text.count("Tên loại và trích yếu nội dung") >= pages  # the header on every page
    assert f"Trang {pages}/{pages}" in text


def test_sending_day_and_held_numbers_at_scale(scaled_ctx, tmp_path):
    ws = reopen(export_register(scaled_ctx, tmp_path / "so.xlsx", "out", Period.year(2024), "CV-DI")).active
    header = header_row_of(ws, "Số, ký hiệu văn bản")
    rows = table(ws, header)
    sent = [(r[1], r[7]) for r in rows if r[7] is not None]
    assert len(sent) > len(rows) * 0.9
    assert all(0 <= (day - on).days <= 2 for on, day in sent)  # sent the day it was signed or the next
    notes = [r[9] for r in rows if r[9]]
    assert any(n.startswith(("Giữ số", "Hủy số")) for n in notes)
    numbers = [int(r[0].split("/")[0]) for r in rows]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # no number missing in the book
