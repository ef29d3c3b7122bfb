"""Issuing a dispatch makes its tracking rows: a unit line one row, a group line one row per
member as of the dispatch date, free text one untracked row; "Như trên" and "Lưu" none."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.models import RecipientTracking, UnitGroupMember
from desktop.documents import service
from desktop.tracking.query import dispatch_tracking
from desktop.tracking.rows import informational, not_tracked
from tests.desktop.tracking.conftest import ISSUED_ON, issue_dispatch


def test_issue_makes_one_row_per_unit_in_printed_order(ctx, issued):
    tracking = dispatch_tracking(ctx, issued.outgoing_id, as_of=ISSUED_ON)
    units = issued.setup.units
    assert [(r.unit, r.unit_id, r.line) for r in tracking.rows] == [
        ("Sở Nội vụ", units["Sở Nội vụ"], "Các Sở, Ban, ngành, đoàn thể cấp tỉnh"),
        ("Sở Tài chính", units["Sở Tài chính"], "Các Sở, Ban, ngành, đoàn thể cấp tỉnh"),
        ("Sở Y tế", units["Sở Y tế"], "Các Sở, Ban, ngành, đoàn thể cấp tỉnh"),
        ("Sở Y tế", units["Sở Y tế"], "Sở Y tế"),
        ("Ban Thi đua - Khen thưởng Trung ương", None, "Ban Thi đua - Khen thưởng Trung ương (b/c)"),
        ("Ủy ban nhân dân xã Quảng Sơn", units["Ủy ban nhân dân xã Quảng Sơn"], "Ủy ban nhân dân xã Quảng Sơn"),
    ]  # "Như trên" and "Lưu: VT, NC (2)" have no rows
    kinds = [(r.role, r.awaits_reply, r.status) for r in tracking.rows]
    assert kinds[:4] == [("recipient", True, "waiting")] * 4
    assert kinds[4] == ("distribution", False, "untracked")  # free text: no unit to track yet
    assert kinds[5] == ("distribution", False, "copy")  # a copy in Nơi nhận waits for nothing
    # the reply deadline is the one written in the body ("trước ngày 15/12/2025")
    assert tracking.deadline == date(2025, 12, 15) and tracking.deadline_set
    # Sở Y tế is printed twice (in the group and on its own line) and counts once
    assert (tracking.count("rows"), tracking.count("units"), tracking.count("pending")) == (6, 3, 3)
    assert [r.unit for r in tracking.pending_units] == ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế"]


def test_group_members_are_taken_as_of_the_dispatch_date(ctx, setup):
    issued = issue_dispatch(ctx, setup)
    with ctx.session() as s:  # the group changes after the dispatch went out
        s.add(UnitGroupMember(group_id=setup.group_id, unit_id=setup.units["Ủy ban nhân dân xã Quảng Sơn"],
                              position=9))
        s.commit()
    tracking = dispatch_tracking(ctx, issued.outgoing_id)
    assert sum(r.line.startswith("Các Sở") for r in tracking.rows) == 3  # not re-expanded


def test_drafts_have_no_rows_and_a_returned_draft_issues_once(ctx, setup):
    from tests.desktop.documents.conftest import good_draft

    doc_id, _ = service.create_draft(ctx, good_draft(setup), "chuyên viên")
    with ctx.session() as s:
        assert s.scalar(select(RecipientTracking.id).where(RecipientTracking.outgoing_id == doc_id)) is None


def test_lines_that_are_not_tracked_and_copies():
    assert not_tracked("Như trên;") and not_tracked("Lưu: VT, NC (2)") and not_tracked("Lưu VT")
    assert not not_tracked("Sở Nội vụ")
    assert informational("(b/c)") and informational("(để biết)") and informational("(để theo dõi, chỉ đạo)")
    assert not informational("(Cụm trưởng)") and not informational(None)
