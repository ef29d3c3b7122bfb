"""Field checks: each problem named on its field, in Vietnamese; a failed submit changes nothing."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.documents import service
from desktop.documents.symbols import build_symbol
from desktop.documents.validation import symbol_problem
from tests.desktop.documents.conftest import good_draft
from tests.desktop.documents.helpers import audit_actions


def test_a_good_draft_has_no_errors(ctx, setup):
    assert service.validate(ctx, good_draft(setup)) == {}
    assert service.validate(ctx, good_draft(setup), for_issue=True, on=date(2025, 1, 2)) == {}


@pytest.mark.parametrize("overrides, field, words", [
    ({"subject": "  "}, "subject", "Chưa nhập trích yếu"),
    ({"subject": "V/v đôn đốc báo cáo"}, "subject", "V/v"),
    ({"symbol": "UBND - NC"}, "symbol", "khoảng trắng"),
    ({"symbol": "UBND/NC"}, "symbol", "«/»"),
    ({"recipients": []}, "recipients", "ít nhất một nơi nhận"),
    ({"signer_id": None}, "signer_id", "Chưa chọn người ký"),
    ({"body": ""}, "body", "Chưa có nội dung"),
    ({"body": "Gửi trước ngày [[Chưa điền: Hạn]]"}, "body", "chưa điền"),
    ({"urgency": "gấp"}, "urgency", "Khẩn"),
])
def test_each_problem_is_reported_on_its_field(ctx, setup, overrides, field, words):
    errors = service.validate(ctx, good_draft(setup, **overrides))
    assert list(errors) == [field]
    assert words in errors[field]


def test_issuer_is_required_without_office_profile(ctx):
    from desktop.documents.inputs import DraftInput, RecipientInput

    errors = service.validate(ctx, DraftInput(subject="x", body="y", recipients=[RecipientInput("Sở Y tế")]))
    assert "issuer" in errors and "hồ sơ cơ quan" in errors["issuer"]
    assert "signer_id" in errors and "symbol" in errors


def test_future_date_is_refused_only_for_issue(ctx, setup):
    tomorrow = date.today() + timedelta(days=1)
    data = good_draft(setup, date=tomorrow)
    assert service.validate(ctx, data) == {}
    errors = service.validate(ctx, data, for_issue=True)
    assert list(errors) == ["date"] and "tương lai" in errors["date"]


def test_failed_submit_raises_with_all_fields_and_changes_nothing(ctx, setup):
    doc_id, _ = service.create_draft(ctx, good_draft(setup, subject="", symbol="UB ND", recipients=[], signer_id=None), "cv")
    before = service.load_draft(ctx, doc_id)
    with pytest.raises(service.ValidationFailed) as failed:
        service.submit(ctx, doc_id, "cv")
    assert set(failed.value.errors) == {"subject", "symbol", "recipients", "signer_id"}
    assert "Chưa nhập trích yếu" in str(failed.value)
    after = service.load_draft(ctx, doc_id)
    assert (after.status, after.version) == ("draft", before.version)
    assert [a for a, _ in audit_actions(ctx, doc_id)] == ["create"]


def test_unstorable_values_are_refused_at_save(ctx, setup):
    with pytest.raises(service.ValidationFailed) as failed:
        service.create_draft(ctx, good_draft(setup, copies=-1, register_id=777), "cv")
    assert set(failed.value.errors) == {"copies", "register_id"}


def test_symbols():
    assert build_symbol("UBND", "NC", "Công văn") == "UBND-NC"
    assert build_symbol("UBND", "NC", "Kế hoạch") == "KH-UBND"
    assert build_symbol("SNV", "BTĐKT", "công văn") == "SNV-BTĐKT"
    assert build_symbol("UBND", None, "Công văn") == "UBND"
    assert build_symbol("HĐTĐKT", "NC", "Quy định") == "QyĐ-HĐTĐKT"
    assert symbol_problem("PGD&ĐT") is None and symbol_problem("SNV-BTĐKT") is None
    assert symbol_problem("UBND-") is not None


def test_dangling_ids_are_refused_at_save(ctx, setup):
    from desktop.documents.inputs import RecipientInput

    data = good_draft(setup, drafting_unit_id=99, signer_id=98)
    data.distribution.append(RecipientInput("Đơn vị đã xóa", unit_id=97))
    with pytest.raises(service.ValidationFailed) as failed:
        service.create_draft(ctx, data, "cv")
    assert set(failed.value.errors) == {"drafting_unit_id", "signer_id", "distribution"}
