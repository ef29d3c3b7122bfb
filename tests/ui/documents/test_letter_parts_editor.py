"""The editor sets the secrecy, the address footer (ô 13) and the appendices; the live page shows them
and the stored draft keeps them."""
from __future__ import annotations

from desktop.documents import service
from tests.ui.documents.helpers import choose, click, pdf_text, trigger, type_text
from tests.ui.documents.test_editor import editor, fill_basic  # noqa: F401  (the fixture)


def test_secrecy_contact_and_appendices_from_the_editor(qtbot, editor, demo_ctx, tmp_path):  # noqa: F811
    fill_basic(qtbot, editor)
    form = editor.form
    choose(form.secrecy, "Tối mật")
    click(qtbot, form.contact_fill)  # the office's address and phone
    assert form.contact.toPlainText().startswith("Địa chỉ: ")
    parts = form.appendices
    click(qtbot, parts.add_button)
    type_text(parts.subtitle, "Danh sách đơn vị")
    parts.body.setFocus()
    type_text(parts.body, "Các đơn vị sau:\nSTT | Đơn vị\n1 | Sở Y tế")
    click(qtbot, parts.add_button)
    type_text(parts.subtitle, "Mẫu báo cáo")
    parts.body.setFocus()
    type_text(parts.body, "Báo cáo theo mẫu.")
    assert [parts.list.item(i).text() for i in range(parts.list.count())] == ["Phụ lục I", "Phụ lục II"]
    parts.list.setCurrentRow(0)
    assert parts.subtitle.text() == "Danh sách đơn vị"  # each keeps its own text
    editor.refresh_preview()
    text = pdf_text(editor.preview.pdf_bytes(), tmp_path)
    assert "TỐI MẬT" in text and "Phụ lục I DANH SÁCH ĐƠN VỊ" in text and "Phụ lục II MẪU BÁO CÁO" in text
    assert "Sở Y tế" in text and "| Sở Y tế" not in text  # the rows as a table
    assert form.contact.toPlainText().splitlines()[0] in text
    trigger(editor, "save")
    data = service.load_draft(demo_ctx, editor.document_id).data
    assert data.secrecy == "toi_mat" and data.contact[0].startswith("Địa chỉ: ")
    assert [(a.subtitle, a.body) for a in data.appendices] == [
        ("Danh sách đơn vị", "Các đơn vị sau:\nSTT | Đơn vị\n1 | Sở Y tế"), ("Mẫu báo cáo", "Báo cáo theo mẫu.")]
    # removing one renumbers the rest: one appendix alone is "Phụ lục"
    parts.list.setCurrentRow(0)
    click(qtbot, parts.remove_button)
    assert [parts.list.item(i).text() for i in range(parts.list.count())] == ["Phụ lục"]
    assert parts.subtitle.text() == "Mẫu báo cáo"
