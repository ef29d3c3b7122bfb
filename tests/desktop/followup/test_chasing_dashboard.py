"""Chasing letters, the dashboard, notices and the movement register on the demo database."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.models import OutgoingDocument, TaskChase
from desktop.documents.convert import printable
from desktop.documents.service import load_draft
from desktop.followup.chasing import ChaseError, chase_overdue_of_dispatch, chased_tasks, draft_chasing_letter
from desktop.followup.dashboard import dashboard, notices
from desktop.followup.task_query import TaskFilter, task_rows
from desktop.followup.tasks import record_progress
from desktop.core.vocabulary import decree_date, short_date
from tests.desktop.letters.pdftools import text as pdf_text


def rows_2457(ctx, as_of=date(2019, 2, 1)):
    with ctx.session() as s:
        oid = s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number == 2457))
    return oid, {r.item_label: r for r in task_rows(ctx, as_of, TaskFilter(outgoing_id=oid))}


def test_chasing_letter_for_two_units_renders_with_their_items(demo_ctx, tmp_path):
    from desktop.letters.pdf import render_pdf

    _, rows = rows_2457(demo_ctx)
    chosen = [rows["5.2"].id, rows["5.4"].id]
    # WHEN a chasing letter is drafted for Sở KH&ĐT (5.2) and Sở Nội vụ (5.4)
    outgoing_id, changes = draft_chasing_letter(demo_ctx, chosen, date(2019, 3, 15), "thư ký")
    assert changes.outgoing and changes.tasks
    # THEN it is a draft of the normal flow, Kính gửi exactly those two units
    loaded = load_draft(demo_ctx, outgoing_id)
    assert loaded.status == "draft" and loaded.data.register_id is not None
    assert [(r.text, r.unit_id) for r in loaded.data.recipients] == [
        ("Sở Kế hoạch và Đầu tư", rows["5.2"].unit_id), ("Sở Nội vụ", rows["5.4"].unit_id)]
    dispatch, settings = printable(demo_ctx, outgoing_id)
    assert dispatch.recipients == ["Sở Kế hoạch và Đầu tư", "Sở Nội vụ"]
    assert "2457/UBND-NC ngày 25 tháng 5 năm 2018" in dispatch.subject
    body = "\n".join(p.text for p in dispatch.body)
    assert "Công văn số 2457/UBND-NC" in body and "đẩy mạnh tổ chức các phong trào thi đua" in body
    assert "15/03/2019" in body and "mục 5.2" in body and "mục 5.4" in body and "mục 5.3" not in body
    # rendered by the letter layout, the PDF shows the same
    pdf = tmp_path / "chase.pdf"
    pdf.write_bytes(render_pdf(dispatch, settings))
    words = " ".join(pdf_text(pdf).split())
    for needle in ("Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "2457/UBND-NC ngày 25 tháng 5 năm 2018",
                   "tham mưu sơ kết phong trào doanh nghiệp hội nhập và phát triển",
                   "tham mưu sơ kết phong trào cải cách thủ tục hành chính", "15/03/2019"):
        assert needle in words, needle
    assert "Lao động - Thương binh" not in words
    # the chases are linked and counted on the board
    assert chased_tasks(demo_ctx, outgoing_id) == sorted(chosen)
    _, rows = rows_2457(demo_ctx)
    assert (rows["5.2"].chases, rows["5.4"].chases, rows["5.3"].chases) == (1, 1, 0)
    draft_chasing_letter(demo_ctx, [rows["5.2"].id], date(2019, 4, 15), "thư ký")
    _, rows = rows_2457(demo_ctx)
    assert rows["5.2"].chases == 2


def test_chase_all_overdue_of_one_dispatch_and_refusals(demo_ctx):
    oid, rows = rows_2457(demo_ctx)
    record_progress(demo_ctx, rows["5.1"].id, done_on=date(2019, 1, 10), user="x")
    outgoing_id, _ = chase_overdue_of_dispatch(demo_ctx, oid, date(2019, 3, 1), "x", as_of=date(2019, 2, 1))
    assert chased_tasks(demo_ctx, outgoing_id) == sorted(rows[k].id for k in ("5.2", "5.3", "5.4"))
    assert len(load_draft(demo_ctx, outgoing_id).data.recipients) == 3
    with pytest.raises(ChaseError):
        draft_chasing_letter(demo_ctx, [rows["5.1"].id], date(2019, 3, 1), "x")  # done: nothing to chase
    with pytest.raises(ChaseError):
        chase_overdue_of_dispatch(demo_ctx, oid, date(2018, 7, 1), "x", as_of=date(2018, 7, 1))
    with demo_ctx.session() as s:
        assert s.query(TaskChase).count() == 3


def test_chasing_items_of_two_dispatches_cites_both(demo_ctx):
    _, rows = rows_2457(demo_ctx)
    today = date.today()  # the demo's recent dispatch is dated relative to the day it was built
    other = [r for r in task_rows(demo_ctx, today, TaskFilter(overdue=True))
             if r.document_subject.startswith("hướng dẫn đăng ký thi đua")][0]
    new_deadline = today + timedelta(days=10)
    outgoing_id, _ = draft_chasing_letter(demo_ctx, [rows["5.4"].id, other.id], new_deadline, "x")
    dispatch, _ = printable(demo_ctx, outgoing_id)
    body = " ".join(p.text for p in dispatch.body)
    assert "Công văn số 2457/UBND-NC ngày 25 tháng 5 năm 2018" in body
    assert f"{other.document} {decree_date(other.document_date)}" in body and short_date(new_deadline) in body


def test_dashboard_counts_and_notices(demo_ctx):
    _, rows = rows_2457(demo_ctx)
    board = dashboard(demo_ctx, date(2019, 2, 1))
    assert board.by_category == {"done_on_time": 0, "done_late": 0, "open_in_time": 1, "open_overdue": 4}
    assert board.total == 5  # tasks of documents dated after 1/2/2019 do not exist yet
    assert {u.unit for u in board.by_unit if u.overdue} == {
        "Văn phòng Điều phối nông thôn mới tỉnh", "Sở Kế hoạch và Đầu tư",
        "Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"}
    record_progress(demo_ctx, rows["5.2"].id, done_on=date(2018, 11, 20), user="x")
    record_progress(demo_ctx, rows["5.3"].id, done_on=date(2018, 9, 20), user="x")
    board = dashboard(demo_ctx, date(2019, 2, 1))
    assert board.by_category == {"done_on_time": 1, "done_late": 1, "open_in_time": 1, "open_overdue": 2}
    assert [r.item_label for r in board.overdue] == ["5.1", "5.4"]
    # notices: 5.4 (due 31/1/2019) became overdue since 15/1; due soon = within 7 days
    n = notices(demo_ctx, date(2019, 2, 1), date(2019, 1, 15))
    assert [r.item_label for r in n.became_overdue] == ["5.4"] and n.due_soon == []
    assert [r.item_label for r in n.overdue] == ["5.1", "5.4"]
    assert n.message == "2 nhiệm vụ đã quá hạn (1 mới quá hạn từ 15/01/2019)."
    n = notices(demo_ctx, date(2019, 1, 26), date(2019, 1, 25))
    assert n.became_overdue == [] and [r.item_label for r in n.due_soon] == ["5.4"]
    assert "đến hạn trong 7 ngày tới" in n.message



def test_the_reminder_window_is_one_office_setting(demo_ctx):
    from desktop.core.settings.office_store import save_office_value

    as_of = date(2019, 1, 20)  # 5.4 is due on 31/01/2019: 11 days ahead
    assert notices(demo_ctx, as_of, None).due_soon == [] and dashboard(demo_ctx, as_of).due_soon == []
    save_office_value(demo_ctx, "followup/soon_days", 14, "vt")
    n = notices(demo_ctx, as_of, None)
    assert [r.item_label for r in n.due_soon] == ["5.4"] and "đến hạn trong 14 ngày tới" in n.message
    board = dashboard(demo_ctx, as_of)
    assert [r.item_label for r in board.due_soon] == ["5.4"] and board.soon_days == 14
    _, rows = rows_2457(demo_ctx, as_of)
    assert rows["5.4"].due_soon and not rows["5.1"].due_soon

def test_movement_register(demo_ctx):
    from desktop.movements.service import (
        MovementError,
        MovementInput,
        assign_tasks,
        create_movement,
        get_movement,
        link_documents,
        list_movements,
        update_movement,
    )

    oid, rows = rows_2457(demo_ctx)
    assert len(list_movements(demo_ctx)) == 4
    mid, changes = create_movement(demo_ctx, MovementInput(
        "Thi đua chuyển đổi số", 2026, 2030, launching_reference="Kế hoạch số 10/KH-UBND",
        interim_review_date=date(2028, 6, 30), final_review_date=date(2030, 12, 31)), "x")
    assert changes.movements
    with pytest.raises(MovementError):
        create_movement(demo_ctx, MovementInput("thi đua chuyen doi so"), "x")  # same name, accents aside
    with pytest.raises(MovementError):
        create_movement(demo_ctx, MovementInput("Khác", 2030, 2026), "x")
    link_documents(demo_ctx, mid, [oid, oid], "x")
    assign_tasks(demo_ctx, mid, [rows["5.5"].id], "x")
    row = get_movement(demo_ctx, mid)
    assert row.document_ids == [oid] and row.task_count == 1
    data = row.data
    data.final_review_date = date(2030, 11, 30)
    update_movement(demo_ctx, mid, data, "x")
    assert get_movement(demo_ctx, mid).data.final_review_date == date(2030, 11, 30)
    _, rows = rows_2457(demo_ctx)
    assert rows["5.5"].movement == "Thi đua chuyển đổi số"
