"""The dispatch editor driven through its widgets: type, preview, save, flow, issue, register."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.documents.numbering import register_entries
from tests.ui.documents.helpers import add_register, choose, click, pdf_text, trigger, type_text


@pytest.fixture
def editor(qtbot, demo_ctx):
    from ui.app import make_app
    from ui.documents.editor import open_editor

    make_app()
    register_id = add_register(demo_ctx)
    window = open_editor(demo_ctx)
    window.register_id = register_id
    return window


def fill_basic(qtbot, editor, subject="tăng cường kiểm tra hồ sơ khen thưởng"):
    form = editor.form
    choose(form.register, "CV-THU")
    choose(form.drafting_unit, "NC")
    choose(form.signer, form.signer.itemText(1))
    type_text(form.subject, subject)
    form.body.setFocus()
    type_text(form.body, "Ban Thi đua đề nghị các đơn vị rà soát hồ sơ.\n1. Gửi danh sách trước ngày 20.")
    type_text(form.recipients.free_text, "Các sở, ban, ngành tỉnh")
    qtbot.keyClick(form.recipients.free_text, Qt.Key.Key_Return)


def issue_now(qtbot, editor, on=None, number=None):
    trigger(editor, "submit")
    assert editor.loaded.status == "submitted", editor.form.notice.text()
    trigger(editor, "sign")
    assert editor.loaded.status == "signed"
    trigger(editor, "issue")
    dialog = editor.last_issue_dialog
    if on is not None:
        from PySide6.QtCore import QDate
        dialog.date.setDate(QDate(on.year, on.month, on.day))
    if number is not None:
        dialog.manual.setChecked(True)
        dialog.number.setValue(number)
    click(qtbot, dialog.ok_button)
    return editor.loaded


def test_type_preview_save_issue(qtbot, editor, demo_ctx, tmp_path):
    fill_basic(qtbot, editor)
    editor.refresh_preview()  # what the 700 ms timer does
    assert editor.preview.page_count() > 0
    text = pdf_text(editor.preview.pdf_bytes(), tmp_path)
    assert "tăng cường kiểm tra hồ sơ khen thưởng" in text
    assert "rà soát hồ sơ" in text and "Như trên" in text and "-NC" in text
    loaded = issue_now(qtbot, editor)
    assert loaded.status == "issued" and loaded.number == 1
    assert f"Đã ban hành số 01/{loaded.data.symbol}" in editor.form.notice.text()
    assert editor.form.subject.isReadOnly() and not editor.actions_by_key["save"].isEnabled()
    issued_text = pdf_text(editor.preview.pdf_bytes(), tmp_path)  # the page now carries number and date
    today = date.today()
    assert f"Số: 01/{loaded.data.symbol}" in issued_text
    assert "năm 20.." not in issued_text and f"năm {today.year}" in issued_text
    rows = register_entries(demo_ctx, editor.register_id, date.today().year)
    assert [(r.number, r.status, r.outgoing_id) for r in rows] == [(1, "issued", editor.document_id)]
