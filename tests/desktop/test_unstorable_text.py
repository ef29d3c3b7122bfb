"""Characters no store can hold (NUL, control characters, lone surrogates) are refused at the services'
door with a message naming the field, stripped by the importer and by the storage floor, and never reach
a PDF or DOCX; on SQLite and PostgreSQL alike."""
from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import select

from db.models import OutgoingDocument, Unit
from db.text import storable, unstorable
from desktop.cli import main
from desktop.core.dispatch import Dispatch
from desktop.documents import service
from desktop.documents.errors import ValidationFailed
from desktop.documents.inputs import RecipientInput, storable_input, unstorable_fields
from desktop.importing import parse_text
from desktop.templates.service import TemplateData, create_template
from tests.desktop.documents.conftest import good_draft, make_setup
from tests.desktop.letters.pdftools import FIXTURES

BAD = ["\x00", "\x07", "\x1b", "\ud800", "\uffff", "\x7f"]


@pytest.fixture(params=["sqlite", "postgresql"])
def any_ctx(request):
    return request.getfixturevalue("ctx" if request.param == "sqlite" else "pg_ctx")


@pytest.mark.parametrize("char", BAD)
def test_the_pure_rules(char):
    text = f"Trích{char} yếu"
    assert unstorable(text) == [char] and storable(text) == "Trích yếu"
    assert storable("trang một\x0ctrang hai") == "trang một\ntrang hai"  # a PDF page end: a line break
    assert storable("Tab\tand\nline\r\n") == "Tab\tand\nline\r\n" and unstorable("Đắk Nông") == []


@pytest.mark.parametrize("field,label", [("subject", "Trích yếu"), ("body", "Nội dung"), ("drafter", "Người soạn thảo")])
def test_the_drafting_service_refuses_with_the_field_named_and_stores_nothing(any_ctx, field, label):
    setup = make_setup(any_ctx)
    data = good_draft(setup, **{field: "có NUL\x00 ở giữa"})
    with pytest.raises(ValidationFailed) as caught:
        service.create_draft(any_ctx, data, "cv")
    message = caught.value.errors[field]
    assert f"«{label}»" in message and "U+0000" in message and "\x00" not in message
    with any_ctx.session() as s:
        assert s.scalars(select(OutgoingDocument)).all() == []
    # what the editor does with the same form: the characters out, then it is stored
    assert unstorable_fields(data) == {field: ["\x00"]}
    doc_id, _ = service.create_draft(any_ctx, storable_input(data), "cv")
    assert getattr(service.load_draft(any_ctx, doc_id).data, field) == "có NUL ở giữa"


def test_recipient_lines_are_checked_too(ctx):
    setup = make_setup(ctx)
    data = good_draft(setup, distribution=[RecipientInput(text="Sở\x0b Tư pháp")])
    with pytest.raises(ValidationFailed) as caught:
        service.create_draft(ctx, data, "cv")
    assert "«Nơi nhận»" in caught.value.errors["distribution"]


def test_the_storage_floor_strips_what_a_service_let_through(any_ctx):
    with any_ctx.write_session() as s:
        s.add(Unit(name="Sở\x00 Nội vụ\ud800", kind="department"))
        s.commit()
    with any_ctx.session() as s:
        unit = s.scalars(select(Unit)).one()
        assert unit.name == "Sở Nội vụ" and "\x00" not in unit.search_folded


def test_templates_refuse_them(ctx):
    with pytest.raises(ValidationFailed) as caught:
        create_template(ctx, TemplateData(name="Mẫu\x01", subject="báo cáo", body="Nội dung"), "cv")
    assert "U+0001" in caught.value.errors["name"]


def test_the_importer_strips_them_and_page_breaks_become_line_breaks():
    result = parse_text("ỦY BAN NHÂN DÂN\x00\nSố: 12/UBND-VP\x0cV/v thử\x07 nghiệm\n")
    assert unstorable(result.source_text) == [] and "UBND-VP\nV/v" in result.source_text
    assert "\x00" not in json.dumps(result.dispatch.to_json_dict())


def test_letters_render_a_form_holding_them():
    from docx import Document

    from desktop.letters.docx import render_docx
    from desktop.letters.pdf import render_pdf

    d = Dispatch.from_json((FIXTURES / "cong_van_phong_trao.json").read_text(encoding="utf-8"))
    d.subject = "trích\x00 yếu\x1b có ký tự lạ\ud800"
    d.recipients = ["Sở\x0c Nội vụ", "Sở Y tế"]
    doc = Document(io.BytesIO(render_docx(d)))
    assert any("trích yếu có ký tự lạ" in c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert render_pdf(d).startswith(b"%PDF")


def test_the_dispatch_json_door_names_the_field(tmp_path, capsys):
    data = json.loads((FIXTURES / "cong_van_phong_trao.json").read_text(encoding="utf-8"))
    data["recipients"][0] += "\u0000"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["render", "--json", str(source), "--pdf", str(tmp_path / "out.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Lỗi: recipients[0]: ") and "U+0000" in err and "\n" not in err
    assert not (tmp_path / "out.pdf").exists()
