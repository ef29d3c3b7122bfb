"""The numbering register: 01, 02 ...; a new year from 01; reserve, void, manual numbers."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db.models import OutgoingDocument, RegisterEntry
from desktop.documents import numbering, service
from desktop.documents.errors import DocumentError
from tests.desktop.documents.conftest import good_draft
from tests.desktop.documents.helpers import signed_document


def _count_entries(ctx) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(RegisterEntry))


def test_issuing_two_documents_gives_01_and_02(ctx, setup):
    first, second = signed_document(ctx, setup), signed_document(ctx, setup)
    assert service.issue(ctx, first, "văn thư", on=date(2025, 3, 4))[0] == 1
    assert service.issue(ctx, second, "văn thư", on=date(2025, 3, 5))[0] == 2
    loaded = service.load_draft(ctx, second)
    assert (loaded.status, loaded.year, loaded.number, loaded.data.date) == ("issued", 2025, 2, date(2025, 3, 5))
    assert loaded.number_label == "02/UBND-NC"
    rows = numbering.register_entries(ctx, setup.register_id, 2025)
    assert [(r.number_label, r.status, r.outgoing_id) for r in rows] == [("01", "issued", first), ("02", "issued", second)]
    assert rows[1].subject == loaded.data.subject and rows[1].date == date(2025, 3, 5)


def test_a_new_year_starts_again_at_01(ctx, setup):
    docs = [signed_document(ctx, setup) for _ in range(3)]
    assert service.issue(ctx, docs[0], "vt", on=date(2024, 12, 30))[0] == 1
    assert service.issue(ctx, docs[1], "vt", on=date(2024, 12, 31))[0] == 2
    assert service.issue(ctx, docs[2], "vt", on=date(2025, 1, 2))[0] == 1
    with ctx.session() as s:
        assert numbering.next_number(s, setup.register_id, 2024) == 3
        assert numbering.next_number(s, setup.register_id, 2025) == 2
        assert numbering.next_number(s, setup.register_id, 2026) == 1


def test_reserved_number_is_used_later_and_voided_number_stays(ctx, setup):
    reserved, changes = numbering.reserve_number(ctx, setup.register_id, 2025, "giữ cho quyết định khen thưởng", "vt")
    assert reserved == 1 and changes.registers
    a, b = signed_document(ctx, setup), signed_document(ctx, setup)
    assert service.issue(ctx, a, "vt", on=date(2025, 2, 1))[0] == 2  # the reserved one is skipped
    numbering.void_number(ctx, setup.register_id, 2025, 3, "in hỏng phôi", "vt")
    assert service.issue(ctx, b, "vt", on=date(2025, 2, 3), number=1)[0] == 1  # uses the reserved number
    rows = {r.number: r for r in numbering.register_entries(ctx, setup.register_id, 2025)}
    assert [(n, r.status) for n, r in sorted(rows.items())] == [(1, "issued"), (2, "issued"), (3, "voided")]
    assert rows[1].outgoing_id == b and rows[1].reason == "giữ cho quyết định khen thưởng"
    assert rows[3].reason == "in hỏng phôi" and rows[3].status_label == "Hủy số"
    with ctx.session() as s:
        assert numbering.next_number(s, setup.register_id, 2025) == 4  # gap-free: 3 stays taken


def test_void_refuses_an_issued_number_a_gap_and_a_missing_reason(ctx, setup):
    doc = signed_document(ctx, setup)
    service.issue(ctx, doc, "vt", on=date(2025, 2, 1))
    with pytest.raises(DocumentError, match="đã cấp cho một văn bản"):
        numbering.void_number(ctx, setup.register_id, 2025, 1, "nhầm", "vt")
    with pytest.raises(DocumentError, match="làm hở sổ"):
        numbering.void_number(ctx, setup.register_id, 2025, 5, "nhầm", "vt")
    with pytest.raises(DocumentError, match="lý do"):
        numbering.void_number(ctx, setup.register_id, 2025, 2, "  ", "vt")
    assert _count_entries(ctx) == 1


def test_duplicate_manual_number_is_refused_and_nothing_is_written(ctx, setup):
    first, second = signed_document(ctx, setup), signed_document(ctx, setup)
    service.issue(ctx, first, "vt", on=date(2025, 4, 1))
    check = numbering.check_manual_number(ctx, setup.register_id, 2025, 1, date(2025, 3, 1))
    assert not check.ok and "đã được cấp" in check.errors[0]
    with pytest.raises(DocumentError, match="Số 01 năm 2025 đã được cấp"):
        service.issue(ctx, second, "vt", on=date(2025, 3, 1), number=1)
    loaded = service.load_draft(ctx, second)
    assert (loaded.status, loaded.number, loaded.data.date) == ("signed", None, None)
    assert _count_entries(ctx) == 1


def test_manual_number_out_of_order_gets_a_warning(ctx, setup):
    docs = [signed_document(ctx, setup) for _ in range(2)]
    service.issue(ctx, docs[0], "vt", on=date(2025, 3, 10))
    service.issue(ctx, docs[1], "vt", on=date(2025, 3, 20))
    # number 03 dated before 02: allowed, with a warning naming 02's date
    check = numbering.check_manual_number(ctx, setup.register_id, 2025, 3, date(2025, 3, 15))
    assert check.ok and len(check.warnings) == 1
    assert "số 02" in check.warnings[0] and "20/03/2025" in check.warnings[0]
    # number 05 leaves 03-04 empty
    gap = numbering.check_manual_number(ctx, setup.register_id, 2025, 5, date(2025, 3, 25))
    assert gap.ok and any("03–04" in w for w in gap.warnings)
    # a date in another year is an error
    assert not numbering.check_manual_number(ctx, setup.register_id, 2025, 3, date(2024, 12, 1)).ok
    # in order: no warning
    assert numbering.check_manual_number(ctx, setup.register_id, 2025, 3, date(2025, 3, 21)).warnings == []


def test_manual_back_dated_issue_is_marked_manual(ctx, setup):
    doc = signed_document(ctx, setup)
    assert service.issue(ctx, doc, "vt", on=date(2025, 1, 6), number=1)[0] == 1
    (row,) = numbering.register_entries(ctx, setup.register_id, 2025)
    assert row.manual and row.outgoing_id == doc


def test_unknown_register_is_a_clear_error(ctx, setup):
    with pytest.raises(DocumentError, match="Không có sổ đăng ký"):
        numbering.reserve_number(ctx, 999, 2025, "thử", "vt")


def test_no_step_leads_to_a_dead_end_without_a_register(ctx, setup):
    from sqlalchemy import update

    doc, _ = service.create_draft(ctx, good_draft(setup, register_id=None), "cv")  # a draft may lack it
    # Trình ký wants the register that issuing will take the number from
    with pytest.raises(service.ValidationFailed) as failed:
        service.submit(ctx, doc, "cv")
    assert list(failed.value.errors) == ["register_id"]
    assert "Chưa chọn sổ đăng ký" in failed.value.errors["register_id"]
    # a document signed without one (by an older version) is told the way out
    with ctx.session() as s:
        s.execute(update(OutgoingDocument).where(OutgoingDocument.id == doc).values(status="signed"))
        s.commit()
    with pytest.raises(service.ValidationFailed) as failed:
        service.issue(ctx, doc, "vt", on=date(2025, 1, 6))
    assert "Trả lại dự thảo" in failed.value.errors["register_id"]
    with ctx.session() as s:
        assert s.get(OutgoingDocument, doc).status == "signed"


def test_sign_checks_the_signer_again(ctx, setup):
    from sqlalchemy import update

    doc, _ = service.create_draft(ctx, good_draft(setup), "cv")
    service.submit(ctx, doc, "cv")
    with ctx.session() as s:  # the signer was removed from the directory meanwhile
        s.execute(update(OutgoingDocument).where(OutgoingDocument.id == doc).values(signer_id=None))
        s.commit()
    with pytest.raises(service.ValidationFailed) as failed:
        service.sign(ctx, doc, "lđ")
    assert list(failed.value.errors) == ["signer_id"]
    with ctx.session() as s:
        assert s.get(OutgoingDocument, doc).status == "submitted"
