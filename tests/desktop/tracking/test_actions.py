"""Bulk actions on a selection of tracking rows, and their undo; attaching a unit; the deadline."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry
from desktop.tracking.actions import TrackingError, attach_unit, bulk_mark, set_reply_deadline
from desktop.tracking.query import dispatch_tracking
from desktop.tracking.undo import UndoError, undo

NOW = datetime(2025, 12, 2, 9, 30)


def rows(ctx, issued):
    return dispatch_tracking(ctx, issued.outgoing_id, as_of=date(2025, 12, 2)).rows


def test_sent_through_the_axis_today_then_undo(ctx, issued):
    chosen = [r.id for r in rows(ctx, issued)[:3]]
    done, changes = bulk_mark(ctx, chosen, "sent_axis", "văn thư", now=NOW)
    assert changes.outgoing and done.count == 3 and done.message.startswith("Đã gửi qua trục liên thông hôm nay")
    after = rows(ctx, issued)
    assert [(r.sent_at, r.channel) for r in after[:3]] == [(NOW, "axis")] * 3
    assert after[3].sent_at is None
    undo(ctx, done.undo_id, "văn thư")
    assert all(r.sent_at is None and r.channel is None for r in rows(ctx, issued))
    with pytest.raises(UndoError, match="đã được hoàn tác"):
        undo(ctx, done.undo_id, "văn thư")


def test_received_keeps_the_first_date_and_undo_restores_only_what_it_changed(ctx, issued):
    first = rows(ctx, issued)[0].id
    bulk_mark(ctx, [first], "acknowledged", "văn thư", now=NOW)
    later = datetime(2025, 12, 3, 8, 0)
    done, _ = bulk_mark(ctx, [r.id for r in rows(ctx, issued)[:2]], "acknowledged", "văn thư", now=later)
    assert done.count == 1
    assert [r.acknowledged_at for r in rows(ctx, issued)[:2]] == [NOW, later]
    undo(ctx, done.undo_id, "văn thư")
    assert [r.acknowledged_at for r in rows(ctx, issued)[:2]] == [NOW, None]
    with pytest.raises(TrackingError, match="đều đã"):
        bulk_mark(ctx, [first], "acknowledged", "văn thư")


def test_attach_a_unit_to_a_free_text_line_makes_it_tracked(ctx, issued):
    free = next(r for r in rows(ctx, issued) if r.unit_id is None)
    unit_id = issued.setup.units["Sở Y tế"]
    done, _ = attach_unit(ctx, free.id, unit_id, "văn thư")
    again = next(r for r in rows(ctx, issued) if r.id == free.id)
    assert (again.unit_id, again.unit, again.status) == (unit_id, "Sở Y tế", "copy")
    undo(ctx, done.undo_id, "văn thư")
    again = next(r for r in rows(ctx, issued) if r.id == free.id)
    assert (again.unit_id, again.unit) == (None, "Ban Thi đua - Khen thưởng Trung ương")


def test_bulk_actions_are_audited_and_refuse_bad_input(ctx, issued):
    with pytest.raises(TrackingError, match="Chưa chọn"):
        bulk_mark(ctx, [], "sent_axis", "văn thư")
    with pytest.raises(TrackingError, match="không còn"):
        bulk_mark(ctx, [999999], "sent_axis", "văn thư")
    with ctx.session() as s:
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.entity == "recipient_tracking")) == 0


def test_reply_deadline_set_by_the_clerk(ctx, issued):
    set_reply_deadline(ctx, issued.outgoing_id, date(2025, 12, 31), "văn thư")
    tracking = dispatch_tracking(ctx, issued.outgoing_id, as_of=date(2026, 1, 2))
    assert tracking.deadline == date(2025, 12, 31) and tracking.count("late") == 3
    with pytest.raises(TrackingError, match="trước ngày của văn bản"):
        set_reply_deadline(ctx, issued.outgoing_id, date(2025, 11, 1), "văn thư")
