"""Recurring tasks roll over: "hằng quý" gets its next occurrence when its quarter ends, and the board
shows the current period's deadline."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.models import OutgoingDocument, Task
from desktop.followup.recurring import roll_over
from desktop.followup.task_query import TaskFilter, task_rows
from desktop.followup.tasks import TaskInput, add_task, record_progress


def _doc(ctx, number: int) -> int:
    with ctx.session() as s:
        return s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number == number))


def _series(ctx, first: int, as_of: date) -> dict[int, object]:
    with ctx.session() as s:
        ids = [first, *s.scalars(select(Task.id).where(Task.series_id == first))]
    return {r.id: r for r in task_rows(ctx, as_of, TaskFilter(ids=ids, existing_only=False))}


def test_a_quarterly_task_rolls_over_when_its_quarter_ends(demo_ctx):
    # as imported: a recurring item has no deadline of its own
    first, _ = add_task(demo_ctx, TaskInput(title="Tổng hợp, báo cáo tình hình thực hiện hằng quý",
                                            outgoing_id=_doc(demo_ctx, 1607), item_label="6", assignee_text="Sở Nội vụ",
                                            deadline_text="hằng quý", recurrence="hằng quý"), "vt")
    # mid-quarter: it takes this quarter's deadline, which the board shows
    ids, changes = roll_over(demo_ctx, date(2026, 3, 10), "hệ thống")
    assert first not in ids and changes.tasks
    assert [r.deadline for r in _series(demo_ctx, first, date(2026, 3, 10)).values()] == [date(2026, 3, 31)]
    assert first not in roll_over(demo_ctx, date(2026, 3, 31), "hệ thống")[0]  # the quarter's last day: in time
    assert len(_series(demo_ctx, first, date(2026, 3, 31))) == 1
    # the quarter ended: the next occurrence is due at the end of the next one; the first stays overdue
    roll_over(demo_ctx, date(2026, 4, 2), "hệ thống")
    rows = _series(demo_ctx, first, date(2026, 4, 2))
    assert len(rows) == 2 and rows[first].category == "open_overdue" and rows[first].deadline == date(2026, 3, 31)
    (new,) = [r for i, r in rows.items() if i != first]
    assert new.deadline == date(2026, 6, 30) and new.category == "open_in_time"
    assert (new.title, new.unit, new.item_label, new.outgoing_id) == (rows[first].title, rows[first].unit,
                                                                     "6", rows[first].outgoing_id)
    roll_over(demo_ctx, date(2026, 4, 3), "hệ thống")
    assert len(_series(demo_ctx, first, date(2026, 4, 3))) == 2  # once per period
    # done in time, and the next quarter comes all the same
    record_progress(demo_ctx, new.id, done_on=date(2026, 6, 25), user="vt")
    roll_over(demo_ctx, date(2026, 7, 1), "hệ thống")
    rows = _series(demo_ctx, first, date(2026, 7, 1))
    assert rows[new.id].category == "done_on_time"
    assert sorted(r.deadline for r in rows.values()) == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30)]


def test_a_monthly_task_with_its_day_and_what_does_not_roll(demo_ctx):
    oid = _doc(demo_ctx, 1607)
    monthly, _ = add_task(demo_ctx, TaskInput(title="Báo cáo tiến độ thi đua", outgoing_id=oid,
                                              deadline=date(2026, 3, 6), deadline_text="trước ngày 06 hằng tháng",
                                              recurrence="hằng tháng"), "vt")
    weekly, _ = add_task(demo_ctx, TaskInput(title="Cập nhật số liệu", outgoing_id=oid, deadline=date(2026, 3, 6),
                                             deadline_text="thứ Sáu hằng tuần", recurrence="hằng tuần"), "vt")
    plain, _ = add_task(demo_ctx, TaskInput(title="Gửi danh sách", outgoing_id=oid, deadline=date(2026, 3, 6)), "vt")
    ids, _ = roll_over(demo_ctx, date(2026, 3, 10), "hệ thống")
    with demo_ctx.session() as s:
        made = {s.get(Task, i).series_id: s.get(Task, i).deadline for i in ids}
    assert made.get(monthly) == date(2026, 4, 6)  # on the rule's day of the next month
    assert weekly not in made and plain not in made
