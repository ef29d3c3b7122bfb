"""The template library: CRUD, archive, instantiate; the five seed templates fill completely."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db.models import Template
from desktop.documents import service
from desktop.documents.errors import ValidationFailed
from desktop.documents.inputs import RecipientInput
from desktop.templates import service as templates
from desktop.templates.engine import Placeholder
from desktop.templates.seed import seed_files, seed_templates
from tests.desktop.documents.conftest import make_setup

SAMPLE_VALUES = {
    "tb_so": "63/TB-VPCP", "tb_ngay": "26/03/2026", "phien_hop": "12", "nam": 2026,
    "noi_bao_cao": "Sở Nội vụ", "han_bao_cao": "15/10/2026", "han_ho_so": "10/12/2026",
    "van_ban_phat_dong": "Quyết định số 2034/QĐ-UBND ngày 23/11/2016 của UBND tỉnh",
    "phong_trao": ["Đắk Nông chung sức xây dựng nông thôn mới", "Cán bộ, công chức thi đua thực hiện văn hóa công sở"],
    "don_vi_theo_doi": "Sở Nội vụ", "noi_nhan": "Sở Nội vụ", "han_dang_ky": "28/02/2026",
    "email": "tdkt@example.gov.vn", "lien_he": "bà Lê Thị Hai, số điện thoại 0261 000 000", "so_bo": 3,
    "vb_loai": "Công văn", "vb_so": "2457/UBND-NC", "vb_ngay": "25/05/2026",
    "vb_trich_yeu": "đẩy mạnh các phong trào thi đua trọng tâm",
    "don_vi": [{"ten": "Sở Y tế", "viec": "chưa gửi báo cáo sơ kết"}, {"ten": "Sở Tài chính", "viec": "thiếu số liệu quý II"}],
    "han_moi": "20/07/2026",
}


def _seeded(ctx) -> dict[str, int]:
    with ctx.session() as s:
        assert seed_templates(s) == len(seed_files())
        s.commit()
    return {t.name: t.id for t in templates.list_templates(ctx)}


def test_five_seed_templates_load_once_and_fill_completely(ctx):
    make_setup(ctx)
    ids = _seeded(ctx)
    assert len(ids) >= 5
    with ctx.session() as s:
        assert seed_templates(s) == 0  # already there
        assert s.scalar(select(func.count()).select_from(Template)) == len(ids)
    for name, template_id in ids.items():
        record = templates.get_template(ctx, template_id)
        assert templates.check_template(record.data) == {}, name
        assert record.data.drafting_unit_id is not None  # "NC" of the office
        filled = templates.fill_template(ctx, template_id, SAMPLE_VALUES)
        assert filled.complete, (name, filled.missing, filled.unknown, filled.errors)
        draft = filled.draft
        assert "{{" not in draft.body + draft.subject and "[[" not in draft.body + draft.subject
        assert draft.body.endswith("./.") and not draft.subject.startswith("V/v")
        draft.signer_id = _signer(ctx)
        errors = service.validate(ctx, draft)
        assert errors == {}, (name, errors)


def _signer(ctx) -> int:
    from db.models import Signer

    with ctx.session() as s:
        return s.scalars(select(Signer.id)).first()


def test_chasing_template_lists_units_and_addresses_them(ctx):
    setup = make_setup(ctx)
    ids = _seeded(ctx)
    draft = templates.instantiate(ctx, ids["Đôn đốc thực hiện nhiệm vụ"], SAMPLE_VALUES)
    assert draft.subject == "đôn đốc thực hiện Công văn số 2457/UBND-NC ngày 25/05/2026"
    assert "- Sở Y tế: chưa gửi báo cáo sơ kết;\n- Sở Tài chính: thiếu số liệu quý II;" in draft.body
    assert "trước ngày 20/07/2026" in draft.body
    assert [(r.text, r.unit_id) for r in draft.recipients] == [
        ("Sở Y tế", setup.units["Sở Y tế"]), ("Sở Tài chính", setup.units["Sở Tài chính"]),
    ]


def test_missing_values_show_before_saving(ctx):
    make_setup(ctx)
    ids = _seeded(ctx)
    filled = templates.fill_template(ctx, ids["Hướng dẫn đăng ký thi đua năm"], {"nam": 2026, "han_dang_ky": "hôm qua"})
    assert set(filled.missing) == {"Địa chỉ thư điện tử nhận bản đăng ký", "Người liên hệ, số điện thoại"}
    assert filled.errors == {"han_dang_ky": "«Hạn đăng ký» cần một ngày dạng dd/mm/yyyy."}
    assert "[[Chưa điền: Người liên hệ, số điện thoại]]" in filled.draft.body
    assert "body" in service.validate(ctx, filled.draft)  # cannot go to Trình ký like this


def test_template_crud_duplicate_archive(ctx):
    data = templates.TemplateData(
        name="Mời họp Hội đồng", subject="mời họp Hội đồng Thi đua - Khen thưởng tỉnh {{ ky }}",
        body="Kính mời dự họp vào {{ ngay | ngay }}./.",
        recipients=[RecipientInput("Các thành viên Hội đồng Thi đua - Khen thưởng tỉnh")],
        placeholders=[Placeholder("ky", "Kỳ họp"), Placeholder("ngay", "Ngày họp", "date")],
    )
    template_id, changes = templates.create_template(ctx, data, "cv")
    assert changes.templates
    with pytest.raises(ValidationFailed) as failed:
        templates.create_template(ctx, data, "cv")
    assert "name" in failed.value.errors
    data.body = "Họp tại {{ dia_diem }}."
    with pytest.raises(ValidationFailed) as failed:
        templates.update_template(ctx, template_id, data, "cv")
    assert "dia_diem" in failed.value.errors["placeholders"]
    data.body = "Họp tại {% if %}"
    with pytest.raises(ValidationFailed) as failed:
        templates.update_template(ctx, template_id, data, "cv")
    assert "dòng 1" in failed.value.errors["body"]
    copy_id, _ = templates.duplicate_template(ctx, template_id, "cv")
    assert templates.get_template(ctx, copy_id).data.name == "Mời họp Hội đồng (bản sao)"
    templates.archive_template(ctx, template_id, "cv")
    assert [t.id for t in templates.list_templates(ctx)] == [copy_id]
    assert {t.id for t in templates.list_templates(ctx, include_archived=True)} == {template_id, copy_id}
    assert [t.id for t in templates.list_templates(ctx, search="moi hop")] == [copy_id]
    draft = templates.instantiate(ctx, copy_id, {"ky": "cuối năm", "ngay": date(2026, 12, 5)})
    assert draft.body == "Kính mời dự họp vào ngày 05 tháng 12 năm 2026./." and draft.template_id == copy_id
