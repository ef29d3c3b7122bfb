"""Editor actions beyond the main path: stale save, return to draft, Nhân bản, Đính chính,
read-only issued documents; the template library's create / duplicate / archive."""
from __future__ import annotations

from desktop.documents import service
from desktop.templates.service import list_templates
from tests.ui.documents.helpers import add_register, click, trigger, type_text
from tests.ui.documents.test_editor import fill_basic, issue_now
from tests.ui.documents.test_numbers_and_recovery import _editor


def test_stale_save_gets_a_clear_message(qtbot, demo_ctx):
    add_register(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor)
    trigger(editor, "save")
    doc_id = editor.document_id
    other = service.load_draft(demo_ctx, doc_id)
    other.data.subject = "người khác sửa"
    service.update_draft(demo_ctx, doc_id, other.data, other.version, "người khác")
    type_text(editor.form.subject, " thêm")
    trigger(editor, "save")
    assert "người khác sửa" in editor.form.notice.text()
    assert service.load_draft(demo_ctx, doc_id).data.subject == "người khác sửa"


def test_return_clone_and_correct(qtbot, demo_ctx):
    add_register(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor, subject="kế hoạch năm 2026")
    trigger(editor, "submit")
    trigger(editor, "return")
    assert editor.loaded.status == "draft" and not editor.form.subject.isReadOnly()
    loaded = issue_now(qtbot, editor)
    assert loaded.status == "issued"
    assert editor.form.body.isReadOnly() and not editor.actions_by_key["submit"].isEnabled()
    trigger(editor, "clone")
    copy = editor.last_opened
    assert copy.document_id != editor.document_id and copy.loaded.status == "draft"
    assert copy.form.subject.text() == "kế hoạch năm 2027"
    trigger(editor, "correct")
    fix = editor.last_opened
    assert fix.loaded.corrects_id == editor.document_id and fix.loaded.correction_kind == "correction"
    assert fix.form.subject.text().startswith("đính chính Công văn số 01/")


def test_issued_document_opens_read_only_from_the_list(qtbot, main_window, demo_ctx):
    add_register(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor, subject="văn bản để mở lại")
    issue_now(qtbot, editor)
    doc_id = editor.document_id
    editor.close()
    outgoing = main_window.section("outgoing")
    outgoing.open_document(doc_id)
    again = outgoing.last_editor
    assert again.loaded.status == "issued"
    assert again.form.subject.isReadOnly() and not again.actions_by_key["save"].isEnabled()
    assert again.actions_by_key["correct"].isEnabled()
    assert "chỉ xem" in again.state_label.text()


def test_template_library_create_duplicate_archive(qtbot, main_window, demo_ctx, monkeypatch):
    templates = main_window.section("templates")
    before = {t.name for t in list_templates(demo_ctx)}
    templates.add_action.trigger()
    dialog = templates.last_template_dialog
    type_text(dialog.name, "Mẫu thư mời họp sơ kết")
    type_text(dialog.subject, "mời họp sơ kết năm {{ nam }}")
    dialog.body.setPlainText("Ban Thi đua mời đại diện đơn vị dự họp sơ kết năm {{ nam }}.")
    dialog.add_placeholder(__import__("desktop.templates.engine", fromlist=["Placeholder"]).Placeholder(
        name="nam", label="Năm", type="year"))
    click(qtbot, dialog.save_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    created = next(t for t in list_templates(demo_ctx) if t.name == "Mẫu thư mời họp sơ kết")
    assert created.placeholder_count == 1
    templates.model.reload()
    row = next(r for r in range(templates.model.rowCount()) if templates.model.id_at(r) == created.id)
    templates.table.selectRow(row)
    templates.duplicate_action.trigger()
    names = {t.name for t in list_templates(demo_ctx)}
    assert "Mẫu thư mời họp sơ kết (bản sao)" in names
    monkeypatch.setattr("ui.templates.section.confirm", lambda *a, **k: True)
    templates.table.selectRow(row)
    templates.archive_action.trigger()
    names = {t.name for t in list_templates(demo_ctx)}
    assert "Mẫu thư mời họp sơ kết" not in names and before <= names | before


def test_issue_dialog_shows_the_upcoming_and_reserved_numbers(qtbot, demo_ctx):
    from datetime import date

    from desktop.documents.numbering import reserve_number

    register_id = add_register(demo_ctx)
    reserve_number(demo_ctx, register_id, date.today().year, "giữ cho tờ trình", "văn thư")
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor)
    trigger(editor, "submit")
    trigger(editor, "sign")
    trigger(editor, "issue")
    dialog = editor.last_issue_dialog
    assert "Số dự kiến: 02" in dialog.check_text.text() and "Số đang giữ: 01" in dialog.check_text.text()
    dialog.manual.setChecked(True)
    dialog.number.setValue(1)
    assert "đang được giữ" in dialog.check_text.text() and dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    assert editor.loaded.number == 1


def test_closing_asks_to_save(qtbot, demo_ctx, monkeypatch):
    add_register(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor, subject="đóng cửa sổ khi chưa lưu")
    monkeypatch.setattr("ui.documents.editor.ask_save", lambda parent: "cancel")
    assert not editor.close() and editor.isVisible()
    monkeypatch.setattr("ui.documents.editor.ask_save", lambda parent: "save")
    editor.close()
    assert editor.document_id is not None
    assert service.load_draft(demo_ctx, editor.document_id).data.subject == "đóng cửa sổ khi chưa lưu"


def test_ctrl_n_and_enter_in_the_picker(qtbot, main_window):
    from PySide6.QtCore import Qt

    outgoing = main_window.section("outgoing")
    qtbot.keyClick(outgoing.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: outgoing.last_editor is not None, timeout=2000)  # a shortcut animates the click
    editor = outgoing.last_editor
    assert editor is not None and editor.form.subject.text() == ""
    click(qtbot, editor.form.distribution.pick_button)
    picker = editor.form.distribution.last_picker
    type_text(picker.filter_box, "tinh doan")
    qtbot.keyClick(picker.filter_box, Qt.Key.Key_Return)
    assert [line.text for line in editor.form.distribution.lines()] == ["Tỉnh đoàn"]
    editor.dirty = False


def test_pasted_control_characters_are_dropped_with_a_message(qtbot, demo_ctx):
    from PySide6.QtWidgets import QApplication

    add_register(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor, subject="kế hoạch năm 2026")
    QApplication.clipboard().setText("dán\x00 từ\x07 nơi khác")
    editor.form.body.moveCursor(editor.form.body.textCursor().MoveOperation.End)
    editor.form.body.paste()
    assert "\x07" in editor.form.body.toPlainText()
    editor.refresh_preview()  # the live page never sees them
    trigger(editor, "save")
    stored = service.load_draft(demo_ctx, editor.document_id).data.body
    assert stored.endswith("dán từ nơi khác") and "\x07" not in editor.form.body.toPlainText()
    assert "«Nội dung»" in editor.statusBar().currentMessage()
