"""Incoming letters as records: typed, edited, their file kept, duplicates refused, deleted."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, IncomingDocument, RecipientTracking, RegisterEntry, Task
from desktop.followup.tasks import tasks_from_incoming
from desktop.incoming import files
from desktop.incoming.inputs import DuplicateIncoming, IncomingInput, IncomingInvalid
from desktop.incoming.removal import delete_incoming, deletion_impact
from desktop.incoming.service import attach_file, create_incoming, load_incoming, original_file, update_incoming
from desktop.tracking.query import dispatch_tracking
from tests.desktop.tracking.conftest import issued, setup  # noqa: F401


def typed(**overrides) -> IncomingInput:
    data = IncomingInput(issuer_name="Sở Y tế", number="415", symbol="SYT-TCCB", date=date(2025, 12, 10),
                         subject="báo cáo kết quả thi đua năm 2025", arrival_date=date(2025, 12, 11),
                         body="Thực hiện Công văn số 01/UBND-NC ngày 01/12/2025 của UBND tỉnh, Sở Y tế báo cáo…",
                         handler="Nguyễn Thị Hà", instructions="Giao Ban TĐKT tổng hợp trước ngày 20/12/2025.")
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def test_a_typed_reply_links_itself_and_an_edit_of_its_issuer_unlinks_it(ctx, issued):
    saved, changes = create_incoming(ctx, typed(), "văn thư")
    assert changes.incoming and changes.outgoing and saved.arrival_number == 1
    assert [link.linked for link in saved.links] == [True]
    assert dispatch_tracking(ctx, issued.outgoing_id).count("replied") == 1
    loaded = load_incoming(ctx, saved.id)
    assert loaded.data.handler == "Nguyễn Thị Hà" and loaded.data.instructions.startswith("Giao Ban TĐKT")
    # the clerk corrects the issuer: the letter came from Sở Tài chính (also a recipient)
    data = loaded.data
    data.issuer_name, data.issuer_unit_id = "Sở Tài chính", None
    links, _ = update_incoming(ctx, saved.id, data, "văn thư")
    by_unit = {r.unit: r for r in dispatch_tracking(ctx, issued.outgoing_id).rows if r.line.startswith("Các")}
    assert by_unit["Sở Y tế"].reply_id is None and by_unit["Sở Tài chính"].reply_id == saved.id
    assert [link.unit for link in links] == ["Sở Tài chính"]
    with ctx.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
        assert '"issuer_name"' in entry.details


def test_bad_fields_are_refused_with_a_message_per_field(ctx):
    with pytest.raises(IncomingInvalid) as info:
        create_incoming(ctx, typed(issuer_name=" ", subject="", arrival_date=date(2025, 12, 1)), "văn thư")
    assert set(info.value.errors) == {"issuer_name", "subject", "arrival_date"}
    with ctx.session() as s:
        assert s.scalar(select(func.count(IncomingDocument.id))) == 0


def test_the_same_letter_twice_is_refused_unless_allowed(ctx, tmp_path):
    scan = tmp_path / "cv-415.pdf"
    scan.write_bytes(b"%PDF-1.4 a scanned letter")
    first, _ = create_incoming(ctx, typed(source_file=str(scan)), "văn thư")
    with pytest.raises(DuplicateIncoming, match="cùng tệp gốc") as info:
        create_incoming(ctx, typed(number="999", source_file=str(scan)), "văn thư")
    assert info.value.existing[0][0] == first.id
    with pytest.raises(DuplicateIncoming, match="cùng cơ quan ban hành, số, ký hiệu và ngày"):
        create_incoming(ctx, typed(number="0415", issuer_name="SỞ Y TẾ"), "văn thư")
    second, _ = create_incoming(ctx, typed(), "văn thư", allow_duplicate=True)
    assert second.id != first.id
    create_incoming(ctx, typed(date=date(2025, 12, 12), arrival_date=date(2025, 12, 12)), "văn thư")  # another letter


def test_the_original_is_kept_with_its_checksum_and_a_changed_copy_is_noticed(ctx, tmp_path):
    scan = tmp_path / "cv-415.pdf"
    scan.write_bytes(b"%PDF-1.4 a scanned letter")
    saved, _ = create_incoming(ctx, typed(source_file=str(scan)), "văn thư")
    kept = original_file(ctx, saved.id)
    assert kept.read_bytes() == scan.read_bytes() and kept != scan
    assert load_incoming(ctx, saved.id).file_name == "cv-415.pdf"
    kept.write_bytes(b"tampered")
    with pytest.raises(files.AttachmentError, match="không khớp"):
        original_file(ctx, saved.id)
    other = tmp_path / "cv-415-ban-ro.pdf"
    other.write_bytes(b"%PDF-1.4 a clearer scan")
    attach_file(ctx, saved.id, other, "văn thư")
    assert original_file(ctx, saved.id).read_bytes() == other.read_bytes()


def test_delete_says_what_goes_with_it_then_is_audited(ctx, issued, tmp_path):
    scan = tmp_path / "cv-415.pdf"
    scan.write_bytes(b"%PDF-1.4 a scanned letter")
    saved, _ = create_incoming(ctx, typed(source_file=str(scan)), "văn thư")
    tasks_from_incoming(ctx, saved.id, user="văn thư")
    kept = original_file(ctx, saved.id)
    impact = deletion_impact(ctx, saved.id)
    assert (impact.replies, impact.tasks, impact.has_file) == (2, 1, True)  # Sở Y tế is printed twice
    assert "trở lại “chưa trả lời”" in impact.warning and "sẽ bị xóa theo" in impact.warning
    delete_incoming(ctx, saved.id, "văn thư")
    with ctx.session() as s:
        assert s.get(IncomingDocument, saved.id) is None
        assert s.scalar(select(func.count(Task.id)).where(Task.incoming_id == saved.id)) == 0
        assert s.scalar(select(func.count(RecipientTracking.id)).where(RecipientTracking.replied_at.is_not(None))) == 0
        entry = s.scalars(select(RegisterEntry).where(RegisterEntry.number == saved.arrival_number,
                                                      RegisterEntry.outgoing_id.is_(None))).one()
        assert entry.status == "voided" and entry.reason == "văn bản đến đã xóa"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).one()
        assert audit.entity == "incoming_document" and audit.entity_id == saved.id and "415" in audit.details
    assert not kept.exists()
    assert dispatch_tracking(ctx, issued.outgoing_id).count("pending") == 3
