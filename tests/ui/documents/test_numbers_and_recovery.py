"""Numbers 01, 02 and a new year from 01 through the editor; the register view; a killed editor's
text comes back; bad input is refused next to its field and nothing is stored."""
from __future__ import annotations

from datetime import date

import pytest

from desktop.documents.autosave import load_autosave
from desktop.documents.numbering import register_entries
from desktop.templates.service import list_templates
from tests.ui.documents.helpers import add_register, choose, click, trigger, type_text
from tests.ui.documents.test_editor import fill_basic, issue_now


def _editor(qtbot, ctx, document_id=None):
    from ui.app import make_app
    from ui.documents.editor import open_editor

    make_app()
    window = open_editor(ctx, document_id)
    return window


def _count_outgoing(ctx) -> int:
    from sqlalchemy import func, select

    from db.models import OutgoingDocument

    with ctx.session() as session:
        return session.scalar(select(func.count()).select_from(OutgoingDocument))


def test_two_issues_give_01_02_and_a_new_year_starts_at_01(qtbot, demo_ctx):
    register_id = add_register(demo_ctx)
    today = date.today()
    last_year = date(today.year - 1, 12, 30)
    numbers = []
    for on in (last_year, None, None):
        editor = _editor(qtbot, demo_ctx)
        fill_basic(qtbot, editor, subject=f"thử cấp số {len(numbers) + 1}")
        loaded = issue_now(qtbot, editor, on=on)
        numbers.append((loaded.year, loaded.number))
        editor.close()
    assert numbers == [(today.year - 1, 1), (today.year, 1), (today.year, 2)]
    assert [r.number for r in register_entries(demo_ctx, register_id, today.year)] == [1, 2]


def test_manual_duplicate_number_is_refused(qtbot, demo_ctx):
    add_register(demo_ctx)
    first = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, first)
    issue_now(qtbot, first)
    second = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, second, subject="văn bản thứ hai")
    trigger(second, "submit")
    trigger(second, "sign")
    trigger(second, "issue")
    dialog = second.last_issue_dialog
    dialog.manual.setChecked(True)
    dialog.number.setValue(1)
    assert "đã được cấp" in dialog.check_text.text()
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    assert second.loaded.status == "signed" and second.loaded.number is None


def test_register_view_reserves_voids_and_checks(qtbot, main_window, demo_ctx, monkeypatch):
    register_id = add_register(demo_ctx)
    reports = main_window.section("reports")
    dialog = reports.open_register()
    dialog.select_register(register_id)
    click(qtbot, dialog.reserve_button)
    assert "lý do" in dialog.reserve_result.text()
    type_text(dialog.reserve_reason, "giữ cho quyết định khen thưởng")
    click(qtbot, dialog.reserve_button)
    assert dialog.reserve_result.text() == "Đã giữ số 01."
    monkeypatch.setattr("ui.reports.register_dialog.confirm", lambda *a, **k: True)
    dialog.void_number.setValue(1)
    type_text(dialog.void_reason, "không dùng nữa")
    click(qtbot, dialog.void_button)
    assert dialog.void_result.text() == "Đã hủy số 01."
    rows = register_entries(demo_ctx, register_id, date.today().year)
    assert [(r.number, r.status) for r in rows] == [(1, "voided")]
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "Hủy số"
    dialog.manual_number.setValue(1)
    click(qtbot, dialog.manual_button)
    assert "đã bị hủy" in dialog.manual_result.text()
    dialog.manual_number.setValue(4)
    click(qtbot, dialog.manual_button)
    assert "bỏ trống" in dialog.manual_result.text()


def test_killed_editor_offers_the_typed_text_back(qtbot, demo_ctx):
    from ui.common.user_settings import user_settings
    from ui.documents import editor as editor_module
    from ui.main_window import MainWindow

    before = _count_outgoing(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    type_text(editor.form.subject, "bản đang gõ dở")
    editor.form.body.setFocus()
    type_text(editor.form.body, "Nội dung chưa kịp lưu khi máy tắt.")
    qtbot.waitUntil(lambda: load_autosave(demo_ctx, None, demo_ctx.user) is not None, timeout=5000)
    # the crash: the window goes away without closeEvent, nothing saved
    editor_module._open.clear()
    editor.hide()
    editor.deleteLater()
    assert _count_outgoing(demo_ctx) == before  # nothing was saved as a document
    window = MainWindow(demo_ctx, user_settings())
    qtbot.addWidget(window)
    window.show()
    recovery = window.started["documents-recovery"]  # the banner registers as a start-up hook
    assert recovery.isVisible()
    assert "Khôi phục bản tự lưu?" in recovery.text.text() and "bản đang gõ dở" in recovery.text.text()
    click(qtbot, recovery.reopen_button)
    restored = recovery.editors[-1]
    assert restored.form.body.toPlainText() == "Nội dung chưa kịp lưu khi máy tắt."
    assert restored.form.subject.text() == "bản đang gõ dở" and restored.dirty


def test_reopening_a_saved_draft_offers_its_autosave(qtbot, demo_ctx):
    add_register(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor)
    trigger(editor, "save")
    doc_id = editor.document_id
    assert doc_id is not None and not editor.dirty
    editor.form.body.setFocus()
    type_text(editor.form.body, "\nĐoạn thêm sau khi lưu.")
    editor.autosave_now()
    editor.dirty = False  # the crash: no question, no save
    editor.close()
    again = _editor(qtbot, demo_ctx, doc_id)
    assert again.form.autosave_banner.isVisible()
    assert "Đoạn thêm sau khi lưu." not in again.form.body.toPlainText()
    click(qtbot, again.form.restore_button)
    assert again.form.body.toPlainText().endswith("Đoạn thêm sau khi lưu.")


def test_empty_subject_is_refused_and_nothing_saved(qtbot, demo_ctx):
    add_register(demo_ctx)
    before = _count_outgoing(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor, subject="")
    trigger(editor, "submit")
    assert editor.form.error_text("subject") == "Chưa nhập trích yếu nội dung."
    assert editor.form.errors["subject"].isVisibleTo(editor.form)
    assert editor.document_id is None and _count_outgoing(demo_ctx) == before


def test_symbol_with_spaces_is_refused_and_nothing_saved(qtbot, demo_ctx):
    add_register(demo_ctx)
    before = _count_outgoing(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor)
    editor.form.symbol.clear()
    type_text(editor.form.symbol, "UBND NC")
    trigger(editor, "save")
    assert "khoảng trắng" in editor.form.error_text("symbol")
    assert editor.document_id is None and _count_outgoing(demo_ctx) == before


def test_undo_redo_restores_the_form(qtbot, demo_ctx):
    editor = _editor(qtbot, demo_ctx)
    type_text(editor.form.subject, "trích yếu một")
    editor._record_history()
    editor.form.subject.clear()
    type_text(editor.form.subject, "trích yếu hai")
    editor.form.subject.setFocus()
    editor.undo()
    assert editor.form.subject.text() == "trích yếu một"
    editor.redo()
    assert editor.form.subject.text() == "trích yếu hai"


def test_unknown_placeholder_in_a_template_is_refused(qtbot, main_window, demo_ctx):
    templates = main_window.section("templates")
    before = len(list_templates(demo_ctx, include_archived=True))
    templates.edit_template(None)
    dialog = templates.last_template_dialog
    type_text(dialog.name, "Mẫu thử chỗ điền lạ")
    type_text(dialog.subject, "thử mẫu")
    dialog.body.setPlainText("Đề nghị {{ khong_khai_bao }} báo cáo.")
    click(qtbot, dialog.save_button)
    assert "khong_khai_bao" in dialog.errors["placeholders"].text()
    assert dialog.errors["placeholders"].isVisibleTo(dialog)
    assert len(list_templates(demo_ctx, include_archived=True)) == before


def test_unfilled_placeholders_are_listed_before_continuing(qtbot, main_window):
    templates = main_window.section("templates")
    templates.compose_selected()
    dialog = templates.last_fill_dialog
    dialog.select_template("Triển khai Thông báo kết luận")
    click(qtbot, dialog.ok_button)  # tb_so and phien_hop left empty
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Chưa điền: Số, ký hiệu Thông báo" in dialog.problems.text()
    assert dialog.ok_button.text() == "Vẫn soạn"
    click(qtbot, dialog.ok_button)
    editor = templates.last_editor
    assert "[[Chưa điền: Số, ký hiệu Thông báo]]" in editor.form.subject.text()
    assert "{{" not in editor.form.subject.text() + editor.form.body.toPlainText()


def test_two_new_drafts_typed_at_once_both_come_back_after_a_crash(qtbot, demo_ctx):
    """Each new editor autosaves into its own slot: neither overwrites the other."""
    from desktop.documents.autosave import pending_autosaves
    from ui.common.user_settings import user_settings
    from ui.documents import editor as editor_module
    from ui.main_window import MainWindow

    first, second = _editor(qtbot, demo_ctx), _editor(qtbot, demo_ctx)
    for editor, subject in ((first, "công văn thứ nhất"), (second, "công văn thứ hai")):
        type_text(editor.form.subject, subject)
        editor.autosave_now()
    type_text(first.form.subject, " (sửa tiếp)")
    first.autosave_now()  # updates its own slot, not the second editor's
    subjects = sorted(p.subject for p in pending_autosaves(demo_ctx) if p.outgoing_id is None)
    assert subjects == ["công văn thứ hai", "công văn thứ nhất (sửa tiếp)"]
    editor_module._open.clear()  # the crash
    for editor in (first, second):
        editor.hide()
        editor.deleteLater()
    window = MainWindow(demo_ctx, user_settings())
    qtbot.addWidget(window)
    recovery = window.started["documents-recovery"]
    click(qtbot, recovery.reopen_button)
    restored = sorted(e.form.subject.text() for e in recovery.editors)
    assert restored == ["công văn thứ hai", "công văn thứ nhất (sửa tiếp)"]
