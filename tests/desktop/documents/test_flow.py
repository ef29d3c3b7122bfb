"""Dự thảo → Trình ký → Đã ký → Đã ban hành, with audit entries; read-only issued documents;
the optimistic lock; the stored lines of Kính gửi and Nơi nhận."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from db.models import AuditEntry, DocumentRecipient
from desktop.documents import service
from desktop.documents.convert import dispatch_from_outgoing
from desktop.documents.errors import DocumentError, ReadOnlyDocument, StaleVersion
from desktop.documents.inputs import RecipientInput
from tests.desktop.documents.conftest import good_draft
from tests.desktop.documents.helpers import audit_actions


def test_full_flow_records_who_and_each_step(ctx, setup):
    doc_id, changes = service.create_draft(ctx, good_draft(setup), "chuyên viên A")
    assert changes.outgoing
    assert service.load_draft(ctx, doc_id).status_label == "Dự thảo"
    service.submit(ctx, doc_id, "chuyên viên A")
    assert service.load_draft(ctx, doc_id).status == "submitted"
    service.sign(ctx, doc_id, "phó chủ tịch")
    number, changes = service.issue(ctx, doc_id, "văn thư B", on=date(2025, 5, 6))
    assert number == 1 and changes.registers and changes.outgoing
    loaded = service.load_draft(ctx, doc_id)
    assert loaded.status == "issued" and loaded.issued_at is not None and not loaded.editable
    assert audit_actions(ctx, doc_id) == [
        ("create", "chuyên viên A"), ("submit", "chuyên viên A"), ("sign", "phó chủ tịch"), ("issue", "văn thư B"),
    ]
    with ctx.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "issue")).one()
        details = json.loads(entry.details)
        assert entry.at is not None
    assert (details["from"], details["to"], details["number"]) == ("signed", "issued", 1)


def test_issued_document_is_read_only(ctx, setup):
    doc_id, _ = service.create_draft(ctx, good_draft(setup), "cv")
    service.submit(ctx, doc_id, "cv")
    service.sign(ctx, doc_id, "ld")
    service.issue(ctx, doc_id, "vt", on=date(2025, 5, 6))
    loaded = service.load_draft(ctx, doc_id)
    loaded.data.subject = "sửa sau khi ban hành"
    with pytest.raises(ReadOnlyDocument, match="đã ban hành"):
        service.update_draft(ctx, doc_id, loaded.data, loaded.version, "cv")
    with pytest.raises(DocumentError, match="Đã ban hành"):
        service.return_to_draft(ctx, doc_id, "cv")
    assert service.load_draft(ctx, doc_id).data.subject == good_draft(setup).subject


def test_wrong_order_of_steps_is_refused(ctx, setup):
    doc_id, _ = service.create_draft(ctx, good_draft(setup), "cv")
    with pytest.raises(DocumentError, match="«Dự thảo»"):
        service.sign(ctx, doc_id, "ld")
    with pytest.raises(DocumentError):
        service.issue(ctx, doc_id, "vt")
    service.submit(ctx, doc_id, "cv")
    service.return_to_draft(ctx, doc_id, "ld", "sửa lại đoạn 2")
    assert service.load_draft(ctx, doc_id).status == "draft"
    assert [a for a, _ in audit_actions(ctx, doc_id)] == ["create", "submit", "return_to_draft"]


def test_optimistic_lock_refuses_a_stale_save(ctx, setup):
    doc_id, _ = service.create_draft(ctx, good_draft(setup), "cv")
    first = service.load_draft(ctx, doc_id)
    second = service.load_draft(ctx, doc_id)
    first.data.subject = "bản của người thứ nhất"
    new_version, _ = service.update_draft(ctx, doc_id, first.data, first.version, "cv1")
    assert new_version > first.version
    second.data.subject = "bản của người thứ hai"
    with pytest.raises(StaleVersion, match="Văn bản đã được người khác sửa"):
        service.update_draft(ctx, doc_id, second.data, second.version, "cv2")
    assert service.load_draft(ctx, doc_id).data.subject == "bản của người thứ nhất"
    # a save that only changes the lines still moves the version
    reloaded = service.load_draft(ctx, doc_id)
    reloaded.data.recipients.append(RecipientInput("Sở Tài chính", unit_id=setup.units["Sở Tài chính"]))
    version, _ = service.update_draft(ctx, doc_id, reloaded.data, reloaded.version, "cv1")
    assert version > reloaded.version


def test_lines_group_printed_as_one_line_and_distribution_completed(ctx, setup):
    doc_id, _ = service.create_draft(ctx, good_draft(setup, drafter_initials="NVB", copies=30), "cv")
    loaded = service.load_draft(ctx, doc_id)
    assert [r.text for r in loaded.data.recipients] == ["Các Sở, Ban, ngành, đoàn thể cấp tỉnh", "Sở Y tế"]
    assert loaded.data.recipients[0].group_id == setup.group_id
    assert [r.text for r in loaded.data.distribution] == ["Ban Thi đua - Khen thưởng Trung ương"]
    assert loaded.printed_distribution == [
        "Như trên", "Ban Thi đua - Khen thưởng Trung ương (b/c)", "Lưu: VT, NC (2) NVB.(30)",
    ]
    with ctx.session() as s:
        dispatch = dispatch_from_outgoing(s, doc_id)
    assert dispatch.recipients[0] == "Các Sở, Ban, ngành, đoàn thể cấp tỉnh"
    assert dispatch.issuer.name == "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG" and dispatch.place == "Đắk Nông"
    assert dispatch.signer.title_lines[-1] == "PHÓ CHỦ TỊCH" and dispatch.signer.name == "Trần Văn Một"
    assert service.expand_group(ctx, setup.group_id) == ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế"]
    # saving the loaded form again does not double "Như trên" or the "Lưu" line
    service.update_draft(ctx, doc_id, loaded.data, loaded.version, "cv")
    with ctx.session() as s:
        assert s.scalars(select(DocumentRecipient).where(DocumentRecipient.role == "distribution")).all().__len__() == 3


def test_symbol_is_built_from_office_and_unit(ctx, setup):
    assert service.suggest_symbol(ctx, setup.unit_nc) == "UBND-NC"
    assert service.suggest_symbol(ctx, setup.unit_nc, "Kế hoạch") == "KH-UBND"
    doc_id, _ = service.create_draft(ctx, good_draft(setup, doc_type="Kế hoạch"), "cv")
    assert service.load_draft(ctx, doc_id).data.symbol == "KH-UBND"


def test_signer_snapshot_is_frozen_at_issue(ctx, setup):
    from db.models import Signer

    doc_id, _ = service.create_draft(ctx, good_draft(setup), "cv")
    service.submit(ctx, doc_id, "cv")
    service.sign(ctx, doc_id, "ld")
    service.issue(ctx, doc_id, "vt", on=date(2025, 5, 6))
    with ctx.session() as s:
        s.get(Signer, setup.signer_id).name = "Tên mới"
        s.commit()
    assert service.load_draft(ctx, doc_id).signer_name == "Trần Văn Một"


def test_preview_of_unsaved_form_matches_the_stored_document(ctx, setup):
    from desktop.documents.preview import preview_dispatch

    data = good_draft(setup, urgency="khan")
    preview = preview_dispatch(ctx, data)
    doc_id, _ = service.create_draft(ctx, data, "cv")
    with ctx.session() as s:
        stored = dispatch_from_outgoing(s, doc_id)
    assert preview.to_json_dict() == stored.to_json_dict()
    assert preview.urgency == "Khẩn" and preview.distribution[0] == "Như trên"
    assert [p.label for p in preview.body] == [None, "1", "2"]


def test_the_archive_line_is_the_office_setting(ctx, setup):
    from desktop.core.settings.office_store import save_office_value

    save_office_value(ctx, "documents/archive_line", "Lưu: VT-TH", "vt")
    doc_id, _ = service.create_draft(ctx, good_draft(setup), "cv")
    assert service.load_draft(ctx, doc_id).printed_distribution[-1] == "Lưu: VT-TH, NC (2)"
