"""Nhân bản (next year's copy) and the correction / replacement of an issued document."""
from __future__ import annotations

from datetime import date

import pytest

from desktop.documents import service
from desktop.documents.clone import shift_years
from desktop.documents.errors import DocumentError
from tests.desktop.documents.conftest import good_draft
from tests.desktop.documents.helpers import audit_actions, signed_document


def test_shift_years_moves_dates_not_citations():
    text = (
        "Tổng kết năm 2021; hạn 31/12/2021, trong tháng 12/2021, trong Quý III/2021; ngày 29/02/2024 năm 2024. "
        "Theo Chỉ thị số 34-CT/TW ngày 07/4/2014 và Nghị định 30/2020/NĐ-CP, Thông tư 05/2020/TT-BNV."
    )
    moved = shift_years(text, 1, around=2021)
    assert "Tổng kết năm 2022; hạn 31/12/2022, trong tháng 12/2022, trong Quý III/2022" in moved
    assert "ngày 29/02/2024 năm 2024" in moved  # three years away from 2021: left alone
    assert "ngày 07/4/2014" in moved and "30/2020/NĐ-CP" in moved and "05/2020/TT-BNV" in moved
    assert shift_years("ngày 29/02/2024", 1) == "ngày 28/02/2025"
    assert shift_years("Ngày 06 tháng 4 năm 2021", 2) == "Ngày 06 tháng 4 năm 2023"


def test_clone_makes_a_new_draft_a_year_later(ctx, setup):
    data = good_draft(
        setup,
        subject="hướng dẫn tổng kết công tác thi đua năm 2021",
        body="Gửi báo cáo trước ngày 31/12/2021.\n1. Tổng kết phong trào năm 2021.",
    )
    doc_id, _ = service.create_draft(ctx, data, "cv")
    service.submit(ctx, doc_id, "cv")
    service.sign(ctx, doc_id, "ld")
    service.issue(ctx, doc_id, "vt", on=date(2021, 11, 5))
    new_id, changes = service.clone(ctx, doc_id, "cv2")
    assert changes.outgoing and new_id != doc_id
    copy = service.load_draft(ctx, new_id)
    assert (copy.status, copy.number, copy.year, copy.data.date) == ("draft", None, None, None)
    assert copy.data.subject == "hướng dẫn tổng kết công tác thi đua năm 2022"
    assert copy.data.body == "Gửi báo cáo trước ngày 31/12/2022.\n1. Tổng kết phong trào năm 2022."
    assert [r.text for r in copy.data.recipients] == [r.text for r in service.load_draft(ctx, doc_id).data.recipients]
    assert [a for a, _ in audit_actions(ctx, new_id)] == ["clone"]
    # the copy gets its own number when issued in its year
    service.submit(ctx, new_id, "cv2")
    service.sign(ctx, new_id, "ld")
    assert service.issue(ctx, new_id, "vt", on=date(2022, 11, 4))[0] == 1


def test_correction_and_replacement_are_linked_to_the_issued_document(ctx, setup):
    doc_id = signed_document(ctx, setup)
    with pytest.raises(DocumentError, match="đã ban hành"):
        service.make_correction(ctx, doc_id, "correction", "cv")
    service.issue(ctx, doc_id, "vt", on=date(2025, 6, 3))
    fix_id, _ = service.make_correction(ctx, doc_id, "correction", "cv")
    fix = service.load_draft(ctx, fix_id)
    assert (fix.corrects_id, fix.correction_kind, fix.status) == (doc_id, "correction", "draft")
    assert fix.data.subject == "đính chính Công văn số 01/UBND-NC ngày 03/06/2025"
    # the correction text still has a blank to fill, so it cannot be submitted as is
    errors = service.validate(ctx, fix.data)
    assert list(errors) == ["body"]
    new_id, _ = service.make_correction(ctx, doc_id, "replacement", "cv")
    replacement = service.load_draft(ctx, new_id)
    assert (replacement.corrects_id, replacement.correction_kind) == (doc_id, "replacement")
    assert replacement.data.subject == good_draft(setup).subject
    with pytest.raises(DocumentError):
        service.make_correction(ctx, doc_id, "other", "cv")
