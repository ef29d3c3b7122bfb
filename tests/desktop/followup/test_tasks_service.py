"""Task follow-up services on the demo database (dispatch 2457/UBND-NC of 25/5/2018)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.models import AuditEntry, DocumentRecipient, IncomingDocument, OutgoingDocument, RecipientTracking, Task
from desktop.followup.categories import task_category
from desktop.followup.task_query import TaskFilter, task_row, task_rows
from desktop.followup.tasks import (
    TaskError,
    TaskInput,
    add_task,
    propose_tasks,
    record_progress,
    reopen,
    save_tasks,
    tasks_from_incoming,
)


def outgoing_id(ctx, number: int) -> int:
    with ctx.session() as s:
        return s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number == number))


def incoming_id(ctx, number: str) -> int:
    with ctx.session() as s:
        return s.scalar(select(IncomingDocument.id).where(IncomingDocument.number == number))


def kinh_gui_units(ctx, oid: int) -> list[int]:
    """The units of the Kính gửi lines, a group line as its members on the dispatch's date, in printed order."""
    from desktop.recipients.groups import group_members_on

    with ctx.session() as s:
        on = s.get(OutgoingDocument, oid).date
        lines = s.execute(select(DocumentRecipient.unit_id, DocumentRecipient.group_id).where(
            DocumentRecipient.outgoing_id == oid, DocumentRecipient.role == "recipient")
            .order_by(DocumentRecipient.position)).all()
        out = []
        for unit_id, group_id in lines:
            out += [m.unit_id for m in group_members_on(s, group_id, on)] if group_id else [unit_id]
    return out


def by_label(proposals, label):
    return [p for p in proposals if p.item_label == label]


def test_propose_from_2457_gives_units_and_deadlines_of_items_5(demo_ctx):
    # GIVEN the stored dispatch 2457/UBND-NC WHEN tasks are proposed
    proposals = propose_tasks(demo_ctx, outgoing_id(demo_ctx, 2457))
    # THEN 5.1-5.4 name their department and the period's last day, 5.5 has no deadline
    expected = {
        "5.1": ("Văn phòng Điều phối nông thôn mới tỉnh", date(2018, 12, 31), "trong tháng 12/2018"),
        "5.2": ("Sở Kế hoạch và Đầu tư", date(2018, 9, 30), "trong Quý III/2018"),
        "5.3": ("Sở Lao động - Thương binh và Xã hội", date(2018, 9, 30), "trong Quý III/2018"),
        "5.4": ("Sở Nội vụ", date(2019, 1, 31), "trong tháng 01/2019"),
    }
    for label, (unit, deadline, text) in expected.items():
        [p] = by_label(proposals, label)
        assert (p.unit_name, p.deadline, p.deadline_text) == (unit, deadline, text)
        assert p.unit_id is not None and p.movement_name is not None
        assert p.existing_task_id is not None and not p.include  # the demo already stores them
    [p55] = by_label(proposals, "5.5")
    assert p55.unit_name == "Ban Thi đua - Khen thưởng tỉnh" and p55.deadline is None
    assert p55.role == "support"
    # the heading "5. Giao nhiệm vụ ..." proposes nothing; item 1 addresses every Kính gửi line,
    # a group line once per member unit (so the board and the chasing letter are per unit)
    assert by_label(proposals, "5") == []
    item1 = by_label(proposals, "1")
    assert [p.unit_id for p in item1] == kinh_gui_units(demo_ctx, outgoing_id(demo_ctx, 2457))
    assert all(p.unit_id is not None and p.assignee_text == p.unit_name for p in item1)
    assert by_label(proposals, "4")[0].unit_name == "Sở Thông tin và Truyền thông"


def test_save_keeps_stored_tasks_unless_replace(demo_ctx):
    oid = outgoing_id(demo_ctx, 2457)
    proposals = propose_tasks(demo_ctx, oid)
    for p in proposals:
        p.include = True
    before = len(task_rows(demo_ctx, date(2026, 1, 1), TaskFilter(outgoing_id=oid)))
    ids, changes = save_tasks(demo_ctx, oid, proposals, "thư ký")
    assert changes.tasks
    rows = task_rows(demo_ctx, date(2026, 1, 1), TaskFilter(outgoing_id=oid))
    # items 1-3 (one task per Kính gửi unit each) and item 4 are new; 5.1-5.5 were not duplicated
    units = len(set(kinh_gui_units(demo_ctx, oid)))
    assert len(ids) == 3 * units + 1 and len(rows) == before + 3 * units + 1
    assert sum(1 for r in rows if r.item_label == "5.2") == 1
    ids, _ = save_tasks(demo_ctx, oid, [p for p in proposals if p.item_label.startswith("5.")], "thư ký",
                        replace=True)
    rows = task_rows(demo_ctx, date(2026, 1, 1), TaskFilter(outgoing_id=oid))
    assert len(ids) == 5 and sorted(r.item_label for r in rows) == ["5.1", "5.2", "5.3", "5.4", "5.5"]
    with demo_ctx.session() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.entity == "task", AuditEntry.action == "replace"))


def test_mark_done_with_linked_reply_and_categories_as_of_dates(demo_ctx):
    oid = outgoing_id(demo_ctx, 2457)
    [row52] = [r for r in task_rows(demo_ctx, date(2018, 9, 1), TaskFilter(outgoing_id=oid)) if r.item_label == "5.2"]
    assert row52.category == "open_in_time"
    assert task_row(demo_ctx, row52.id, date(2018, 10, 1)).category == "open_overdue"
    reply = incoming_id(demo_ctx, "356")  # Báo cáo 356/BC-SKHĐT, arrived 20/11/2018
    changes = record_progress(demo_ctx, row52.id, reply_incoming_id=reply, notes="Đã nhận báo cáo sơ kết.",
                              done_on=date(2018, 11, 20), user="thư ký")
    assert changes.tasks
    done = task_row(demo_ctx, row52.id, date(2019, 2, 1))
    assert done.category == "done_late" and done.reply == "356/BC-SKHĐT"
    assert done.reply_date == date(2018, 11, 20) and done.notes == "Đã nhận báo cáo sơ kết."
    assert task_row(demo_ctx, row52.id, date(2030, 1, 1)).category == "done_late"  # stays in its category
    with demo_ctx.session() as s:
        # 2457 addresses groups; Sở KH&ĐT's tracking row (a member of a group line) is marked replied
        rows = s.scalars(select(RecipientTracking).where(RecipientTracking.reply_incoming_id == reply)).all()
        assert [(r.outgoing_id, r.unit_id) for r in rows] == [(oid, row52.unit_id)]
    reopen(demo_ctx, row52.id, "thư ký")
    assert task_row(demo_ctx, row52.id, date(2019, 2, 1)).category == "open_overdue"


def test_progress_refuses_bad_input_and_writes_nothing(demo_ctx):
    [row] = task_rows(demo_ctx, date(2019, 2, 1), TaskFilter(outgoing_id=outgoing_id(demo_ctx, 2457), ids=[1]))
    with pytest.raises(TaskError, match="văn bản đến"):
        record_progress(demo_ctx, row.id, reply_incoming_id=999_999, done_on=date(2019, 1, 1), user="x")
    with pytest.raises(TaskError, match="trước ngày của văn bản"):
        record_progress(demo_ctx, row.id, done_on=date(2017, 1, 1), user="x")
    with pytest.raises(TaskError):
        record_progress(demo_ctx, 999_999, notes="x", user="x")
    assert task_row(demo_ctx, row.id, date(2019, 2, 1)).status == "open"


def test_add_by_hand_and_from_incoming(demo_ctx):
    task_id, _ = add_task(demo_ctx, TaskInput(title="Rà soát hồ sơ khen thưởng", unit_id=None,
                                              assignee_text="Phòng Tổng hợp", deadline=date(2026, 12, 1)), "thư ký")
    assert task_row(demo_ctx, task_id, date(2026, 11, 28)).due_soon
    with pytest.raises(TaskError):
        add_task(demo_ctx, TaskInput(title="  "), "thư ký")
    guide = incoming_id(demo_ctx, "2012")  # Hướng dẫn 2012/HD-BTĐKT, handling deadline 15/12/2026
    task_id, _ = tasks_from_incoming(demo_ctx, guide, user="thư ký")
    row = task_row(demo_ctx, task_id, date(2026, 12, 20))
    assert row.deadline == date(2026, 12, 15) and row.category == "open_overdue"
    assert row.document.startswith("đến: 2012/HD-BTĐKT") and row.title.startswith("Công tác thi đua")


def test_list_category_sql_agrees_with_task_category(demo_ctx):
    """The Nhiệm vụ ListSource's SQL CATEGORY (as of today) equals status.task_category."""
    from desktop.followup.lists import CATEGORY
    from desktop.followup.categories import CATEGORY_LABELS

    oid = outgoing_id(demo_ctx, 2457)
    record_progress(demo_ctx, 2, done_on=date(2018, 11, 20), user="x")  # late
    record_progress(demo_ctx, 3, done_on=date(2018, 9, 1), user="x")  # on time
    with demo_ctx.session() as s:
        today = s.scalar(select(__import__("sqlalchemy").func.current_date()))
        today = date.fromisoformat(str(today))
        rows = s.execute(select(Task.deadline, Task.status, Task.completed_on, CATEGORY)).all()
    assert len(rows) >= 10
    for deadline, status, completed_on, sql_label in rows:
        key = task_category(deadline, status, completed_on, today)
        assert sql_label == CATEGORY_LABELS.get(key or "", "Đã hủy")
    assert oid


def seed_001_body(shared_path) -> str:
    """Seed 001's body as the importer reads it, in the stored form (read at test time, never copied)."""
    from desktop.documents.body import text_from_paragraphs
    from desktop.importing import read_dispatch

    return text_from_paragraphs(read_dispatch(shared_path("seeds", "001_f7e0c988db89172b.txt")).dispatch.body)


def test_propose_from_seed_001_as_a_stored_draft(ctx):
    from desktop.documents.inputs import DraftInput
    from desktop.documents.service import create_draft
    from tests.conftest import shared_path

    body = seed_001_body(shared_path)
    outgoing_id, _ = create_draft(ctx, DraftInput(subject="phong trào thi đua", body=body, date=date(2018, 5, 25)), "x")
    proposals = {p.item_label: p for p in propose_tasks(ctx, outgoing_id) if p.item_label.startswith("5.")}
    # the directory is empty: units stay as written, deadlines still come from the items
    assert {k: (p.assignee_text, p.deadline) for k, p in proposals.items()} == {
        "5.1": ("Văn phòng Điều phối nông thôn mới tỉnh", date(2018, 12, 31)),
        "5.2": ("Sở Kế hoạch và Đầu tư", date(2018, 9, 30)),
        "5.3": ("Sở Lao động - Thương binh và Xã hội", date(2018, 9, 30)),
        "5.4": ("Sở Nội vụ", date(2019, 1, 31)),
        "5.5": ("Ban Thi đua - Khen thưởng tỉnh", None),
    }
    assert all(p.include for p in proposals.values())
