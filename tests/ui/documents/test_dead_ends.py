"""No dead ends in the editor: Trình ký names what issuing will need, next to its field, and the
message goes away as soon as the field is fixed."""
from __future__ import annotations

from tests.ui.documents.helpers import choose, trigger
from tests.ui.documents.test_editor import editor, fill_basic  # noqa: F401  (the fixture)


def test_trinh_ky_without_a_register_is_refused_next_to_the_field(qtbot, editor):  # noqa: F811
    fill_basic(qtbot, editor)
    editor.form.register.setCurrentIndex(0)  # "— chọn sổ —"
    trigger(editor, "submit")
    form = editor.form
    assert "Chưa chọn sổ đăng ký" in form.error_text("register_id")
    assert form.errors["register_id"].isVisibleTo(form) and form.notice.isVisibleTo(form)
    assert editor.document_id is None or editor.loaded.status == "draft"
    # choosing a register clears its message and the notice
    choose(form.register, "CV-THU")
    assert form.error_text("register_id") == "" and not form.errors["register_id"].isVisibleTo(form)
    assert not form.notice.isVisibleTo(form)
    trigger(editor, "submit")
    assert editor.loaded.status == "submitted"


def test_a_draft_without_a_register_or_signer_still_saves(qtbot, editor):  # noqa: F811
    fill_basic(qtbot, editor)
    editor.form.register.setCurrentIndex(0)
    editor.form.signer.setCurrentIndex(0)
    trigger(editor, "save")
    assert editor.document_id is not None and editor.loaded.status == "draft"
    trigger(editor, "submit")
    form = editor.form
    assert "Chưa chọn người ký" in form.error_text("signer_id") and "sổ đăng ký" in form.error_text("register_id")
    choose(form.signer, form.signer.itemText(1))
    assert form.error_text("signer_id") == "" and form.notice.isVisibleTo(form)  # the register still lacks
