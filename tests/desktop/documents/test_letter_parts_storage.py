"""A draft's secrecy, address footer and appendices: stored, read back, printed, previewed, cloned,
and kept when an imported letter is saved as outgoing."""
from __future__ import annotations

from desktop.documents import service
from desktop.documents.convert import printable
from desktop.documents.inputs import AppendixInput, draft_from_payload, draft_to_payload
from desktop.documents.preview import preview_dispatch
from tests.desktop.documents.conftest import good_draft

CONTACT = ["Địa chỉ: 1 Lê Lợi, phường Nghĩa Đức", "Điện thoại: 0261 3544 123; Email: vanthu@example.gov.vn"]


def parts_draft(setup, **overrides):
    values = {"secrecy": "toi_mat", "contact": CONTACT, "appendices": [
        AppendixInput(subtitle="Danh sách đơn vị", body="Các đơn vị sau:\n1. Sở Y tế.\nSTT | Đơn vị\n1 | Sở Y tế"),
        AppendixInput(subtitle="Mẫu báo cáo", body="Báo cáo theo mẫu."),
        AppendixInput(subtitle="", body="  "),  # an empty one is dropped
    ]}
    return good_draft(setup, **{**values, **overrides})


def test_stored_read_back_and_printed(ctx, setup):
    doc_id, _ = service.create_draft(ctx, parts_draft(setup), "cv")
    loaded = service.load_draft(ctx, doc_id).data
    assert loaded.secrecy == "toi_mat" and loaded.contact == CONTACT
    assert [(a.subtitle, a.title) for a in loaded.appendices] == [("Danh sách đơn vị", None), ("Mẫu báo cáo", None)]
    dispatch, _settings = printable(ctx, doc_id)
    assert dispatch.secrecy == "Tối mật" and dispatch.contact == CONTACT
    assert [a.title for a in dispatch.appendices] == ["Phụ lục I", "Phụ lục II"]
    assert [(p.label, p.text) for p in dispatch.appendices[0].body][:2] == [(None, "Các đơn vị sau:"), ("1", "Sở Y tế.")]
    preview = preview_dispatch(ctx, loaded)
    assert (preview.secrecy, preview.contact, preview.appendices) == (dispatch.secrecy, dispatch.contact,
                                                                      dispatch.appendices)
    # one appendix alone is "Phụ lục"
    service.update_draft(ctx, doc_id, parts_draft(setup, appendices=[AppendixInput("Danh sách", "x")]),
                         service.load_draft(ctx, doc_id).version, "cv")
    assert [a.title for a in printable(ctx, doc_id)[0].appendices] == ["Phụ lục"]


def test_autosave_payload_and_clone_keep_them(ctx, setup):
    data = parts_draft(setup)
    assert draft_from_payload(draft_to_payload(data)) == data
    doc_id, _ = service.create_draft(ctx, data, "cv")
    copy_id, _ = service.clone(ctx, doc_id, "cv")
    copy = service.load_draft(ctx, copy_id).data
    assert copy.secrecy == "toi_mat" and copy.contact == CONTACT and len(copy.appendices) == 2


def test_a_wrong_secrecy_is_refused_on_its_field(ctx, setup):
    errors = service.validate(ctx, parts_draft(setup, secrecy="bi_mat"))
    assert list(errors) == ["secrecy"] and "Tối mật" in errors["secrecy"]
    errors = service.validate(ctx, parts_draft(setup, appendices=[AppendixInput("Mẫu", "Hạn [[Chưa điền: hạn]]")]))
    assert list(errors) == ["appendices"]


def test_an_imported_letter_saved_as_outgoing_keeps_them(ctx, setup, tmp_path):
    from desktop.core.dispatch import Dispatch
    from desktop.importing import read_dispatch
    from desktop.importing.save import save_import
    from desktop.letters.pdf import render_pdf
    from tests.desktop.letters.pdftools import FIXTURES

    original = Dispatch.from_json((FIXTURES / "cong_van_mat_phu_luc.json").read_text(encoding="utf-8"))
    path = tmp_path / "mat.pdf"
    path.write_bytes(render_pdf(original))
    result = read_dispatch(path)
    outcome = save_import(ctx, result, "out")
    dispatch, _ = printable(ctx, outcome.document_id)
    assert dispatch.secrecy == "Tối mật" and dispatch.contact == original.contact
    assert dispatch.appendices == original.appendices
