"""Any list → .xlsx: the list's columns, search, filter, sort (or the selection), typed cells."""
from __future__ import annotations

import re
from datetime import datetime

from desktop.core.browse import Browser
from desktop.documents.lists import OUTGOING
from desktop.followup.board import TaskBrowser
from desktop.reports.list_export import ListView, export_list
from desktop.reports.lists import REGISTER_ENTRIES
from tests.desktop.reports.helpers import header_row_of, reopen, table


def test_the_list_as_seen_search_filter_sort_and_column_order(demo_ctx, tmp_path):
    browser = Browser(demo_ctx, OUTGOING)
    view = ListView("Danh sách văn bản đi", text="thi dua", sort_key="number", descending=False, filter_key="issued",
                    column_keys=["symbol", "number", "date", "subject"], description=["Tìm: «thi dua»"])
    ws = reopen(export_list(demo_ctx, browser, tmp_path / "vbdi.xlsx", view)).active
    assert ws.title == "Danh sách văn bản đi" and ws["A2"].value == "DANH SÁCH VĂN BẢN ĐI"
    assert ws["A3"].value == "Tìm: «thi dua»"
    assert re.fullmatch(r"\d+ dòng, xuất ngày \d\d/\d\d/\d{4} lúc \d\d:\d\d", ws["A4"].value)
    header = header_row_of(ws, "Ký hiệu")
    assert [c.value for c in ws[header]] == ["Ký hiệu", "Số", "Ngày", "Trích yếu"]
    rows = table(ws, header)
    expected = browser.ids("thi dua", "number", False, "issued")
    assert len(rows) == len(expected) > 10 and ws["A4"].value.startswith(f"{len(expected)} dòng")
    assert [r[1] for r in rows] == sorted(r[1] for r in rows) and all(isinstance(r[1], int) for r in rows)
    assert all(isinstance(r[2], datetime) for r in rows) and ws.cell(header + 1, 3).number_format == "dd/mm/yyyy"
    assert ws.freeze_panes == f"A{header + 1}" and ws.auto_filter.ref.startswith(f"A{header}:D")


def test_only_the_selection_when_asked(demo_ctx, tmp_path):
    browser = Browser(demo_ctx, REGISTER_ENTRIES)
    ids = browser.ids()
    picked = [ids[3], ids[0]]  # screen order of the selection
    ws = reopen(export_list(demo_ctx, browser, tmp_path / "so.xlsx",
                            ListView("Sổ đăng ký văn bản", selected_ids=picked))).active
    header = header_row_of(ws, "Sổ")
    rows = table(ws, header)
    values = browser.values(picked, [c.key for c in browser.columns])
    assert len(rows) == 2 and [r[2] for r in rows] == [values[picked[0]][2], values[picked[1]][2]]
    assert isinstance(rows[0][2], int)  # the register number as a number, not "05"


def test_the_board_keeps_its_filter_and_its_red_rows(demo_ctx, tmp_path):
    from sqlalchemy import select

    from db.models import OutgoingDocument
    from desktop.followup.task_query import TaskFilter

    with demo_ctx.session() as s:
        seed = s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number == 2457))
    browser = TaskBrowser(demo_ctx)
    browser.task_filter = TaskFilter(outgoing_id=seed)  # items 5.1-5.4 overdue, 5.5 has no deadline
    ws = reopen(export_list(demo_ctx, browser, tmp_path / "nv.xlsx", ListView("Danh sách nhiệm vụ"))).active
    header = header_row_of(ws, "Văn bản giao")
    rows = list(ws.iter_rows(min_row=header + 1))
    assert len(rows) == len(browser.ids()) == 5
    status = [c.value for c in ws[header]].index("Tình trạng")
    for row in rows:
        red = row[0].fill.fgColor.rgb.endswith("F8D7DA")
        assert red == (row[status].value == "Chưa hoàn thành, quá hạn")
    assert sum(row[0].fill.fgColor.rgb.endswith("F8D7DA") for row in rows) == 4
