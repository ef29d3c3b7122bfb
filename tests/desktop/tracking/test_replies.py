"""A reply letter written as a unit writes it links itself to the dispatch it cites; from a unit
that was not a recipient it is only shown; undo restores the row and the tasks."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.models import AuditEntry, DocumentReference, Task
from desktop.followup.tasks import TaskInput, add_task
from desktop.importing import read_dispatch
from desktop.importing.save import load_units, save_import
from desktop.incoming.service import load_incoming
from desktop.tracking.query import dispatch_tracking
from desktop.tracking.replies import unlink_reply
from tests.desktop.tracking.conftest import reply_letter

HEALTH = ("UBND TỈNH ĐẮK NÔNG", "SỞ Y TẾ")
COMMUNE = ("ỦY BAN NHÂN DÂN", "XÃ QUẢNG SƠN")


def import_letter(ctx, tmp_path, text: str, name: str = "tra-loi.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with ctx.session() as s:
        units = load_units(s)
    return save_import(ctx, read_dispatch(path, units=units), "in")


def row_of(ctx, issued, unit: str):
    return [r for r in dispatch_tracking(ctx, issued.outgoing_id).rows if r.unit == unit]


def test_a_reply_from_a_recipient_links_itself_and_gives_its_tasks_the_report(ctx, issued, tmp_path):
    sy_te = issued.setup.units["Sở Y tế"]
    task_id, _ = add_task(ctx, TaskInput(title="Gửi báo cáo", outgoing_id=issued.outgoing_id, item_label="1",
                                         unit_id=sy_te, deadline=date(2025, 12, 15)), "thư ký")
    cited = f"Công văn số {issued.number:02d}/{issued.symbol} ngày 01/12/2025"
    outcome = import_letter(ctx, tmp_path, reply_letter(HEALTH, "415", "SYT-TCCB", cited))
    assert [link.linked for link in outcome.links] == [True]
    assert "Trả lời Công văn số 01/UBND-NC" in outcome.message and "Sở Y tế đã trả lời" in outcome.message
    rows = row_of(ctx, issued, "Sở Y tế")
    assert len(rows) == 2  # the group member row and its own line
    assert all(r.reply_id == outcome.document_id and r.reply_link == "auto" for r in rows)
    assert rows[0].reply_label == "415/SYT-TCCB (10/12/2025)" and rows[0].status == "on_time"
    with ctx.session() as s:
        task = s.get(Task, task_id)
        assert (task.reply_incoming_id, task.reply_date) == (outcome.document_id, date.today())
        link = s.scalars(select(AuditEntry).where(AuditEntry.action == "link_reply")).one()
        assert f'"incoming_id": {outcome.document_id}' in link.details
    loaded = load_incoming(ctx, outcome.document_id)
    assert loaded.replies_to == [(issued.outgoing_id, "Công văn số 01/UBND-NC ngày 01 tháng 12 năm 2025", "Sở Y tế")]
    tracking = dispatch_tracking(ctx, issued.outgoing_id)
    assert tracking.count("replied") == 1 and tracking.count("pending") == 2

    # undo: the rows wait again and the task has no report again
    unlink_reply(ctx, rows[0].id, "thư ký")
    assert all(r.reply_id is None and r.replied_at is None for r in row_of(ctx, issued, "Sở Y tế"))
    with ctx.session() as s:
        task = s.get(Task, task_id)
        assert (task.reply_incoming_id, task.reply_date) == (None, None)
    assert dispatch_tracking(ctx, issued.outgoing_id).count("pending") == 3


def test_the_same_letter_from_a_unit_that_was_not_a_recipient_is_not_linked(ctx, setup, tmp_path):
    from tests.desktop.tracking.conftest import issue_dispatch

    issued = issue_dispatch(ctx, setup, distribution=[])  # the commune gets no copy this time
    cited = f"Công văn số {issued.number:02d}/{issued.symbol}"  # no date: number and symbol are enough
    outcome = import_letter(ctx, tmp_path, reply_letter(COMMUNE, "27", "UBND-VP", cited))
    [link] = outcome.links
    assert not link.linked and "không có trong danh sách nhận" in link.message
    tracking = dispatch_tracking(ctx, issued.outgoing_id)
    assert tracking.count("replied") == 0
    assert all(r.reply_id is None for r in tracking.rows)
    # shown for the clerk to decide: on the dispatch's Phản hồi and on the letter
    assert [c.incoming_id for c in tracking.citations] == [outcome.document_id]
    assert load_incoming(ctx, outcome.document_id).cited_ours == [
        (issued.outgoing_id, "Công văn số 01/UBND-NC ngày 01 tháng 12 năm 2025")]
    with ctx.session() as s:
        ref = s.scalars(select(DocumentReference).where(DocumentReference.incoming_id == outcome.document_id)).one()
        assert ref.target_outgoing_id == issued.outgoing_id
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "link_reply")) is None


def test_a_letter_citing_another_dispatch_number_links_nothing(ctx, issued, tmp_path):
    cited = f"Công văn số {issued.number + 40}/{issued.symbol} ngày 01/12/2025"
    outcome = import_letter(ctx, tmp_path, reply_letter(HEALTH, "416", "SYT-TCCB", cited))
    assert outcome.links == []
    cited_wrong_date = f"Công văn số {issued.number:02d}/{issued.symbol} ngày 02/12/2025"
    outcome = import_letter(ctx, tmp_path, reply_letter(HEALTH, "417", "SYT-TCCB", cited_wrong_date), "b.txt")
    assert outcome.links == [] and dispatch_tracking(ctx, issued.outgoing_id).count("replied") == 0


def test_a_late_reply_is_late_and_an_unanswered_row_is_late_after_the_deadline(ctx, issued, tmp_path):
    cited = f"Công văn số {issued.number:02d}/{issued.symbol} ngày 01/12/2025"
    import_letter(ctx, tmp_path, reply_letter(HEALTH, "420", "SYT-TCCB", cited, on=date(2025, 12, 20)))
    before = dispatch_tracking(ctx, issued.outgoing_id, as_of=date(2025, 12, 15))
    after = dispatch_tracking(ctx, issued.outgoing_id, as_of=date(2025, 12, 16))
    by_unit = {r.unit: r for r in after.rows if r.line.startswith("Các Sở")}
    assert by_unit["Sở Y tế"].late and by_unit["Sở Y tế"].status == "late_reply"
    assert by_unit["Sở Nội vụ"].late and by_unit["Sở Nội vụ"].status == "overdue"
    assert not any(r.late for r in before.rows if not r.replied)  # the deadline day itself is in time
    assert after.count("late") == 3 and before.count("late") == 1


def test_the_chasing_letter_goes_to_exactly_the_units_that_have_not_answered(ctx, issued, tmp_path):
    from desktop.documents.convert import printable
    from desktop.followup.chasing import chased_tasks
    from desktop.tracking.chase import draft_reply_chase

    noi_vu = issued.setup.units["Sở Nội vụ"]
    task_id, _ = add_task(ctx, TaskInput(title="Gửi báo cáo kết quả", outgoing_id=issued.outgoing_id,
                                         item_label="1", unit_id=noi_vu, deadline=date(2025, 12, 15)), "thư ký")
    cited = f"Công văn số {issued.number:02d}/{issued.symbol} ngày 01/12/2025"
    import_letter(ctx, tmp_path, reply_letter(HEALTH, "415", "SYT-TCCB", cited))
    draft_id, changes = draft_reply_chase(ctx, issued.outgoing_id, date(2025, 12, 31), "thư ký")
    assert changes.outgoing and changes.tasks
    dispatch, _ = printable(ctx, draft_id)
    assert dispatch.recipients == ["Sở Nội vụ", "Sở Tài chính"]  # not Sở Y tế (answered), not the copies
    body = " ".join(p.text for p in dispatch.body)
    assert "Gửi báo cáo kết quả (mục 1, hạn 15/12/2025)".lower()[:20] in body.lower()
    assert "gửi văn bản trả lời, báo cáo theo yêu cầu của văn bản (hạn 15/12/2025)" in body
    assert "01/UBND-NC" in dispatch.subject + body
    assert chased_tasks(ctx, draft_id) == [task_id]


def test_the_clerk_says_a_letter_is_no_reply(ctx, issued, tmp_path):
    from desktop.tracking.replies import unlink_letter

    cited = f"Công văn số {issued.number:02d}/{issued.symbol} ngày 01/12/2025"
    outcome = import_letter(ctx, tmp_path, reply_letter(HEALTH, "415", "SYT-TCCB", cited))
    assert dispatch_tracking(ctx, issued.outgoing_id).count("replied") == 1
    unlink_letter(ctx, outcome.document_id, "thư ký")
    assert all(r.reply_id is None for r in dispatch_tracking(ctx, issued.outgoing_id).rows)
    assert load_incoming(ctx, outcome.document_id).replies_to == []
