"""The whole path a clerk takes: template → form → editor → recipients → body → preview →
Trình ký → Ký → Ban hành → the number in the register (Báo cáo)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from desktop.documents.numbering import register_entries
from tests.ui.documents.helpers import add_register, choose, click, pdf_text, trigger, type_text
from tests.ui.documents.test_editor import issue_now


def test_template_to_issued_number(qtbot, main_window, demo_ctx, tmp_path):
    register_id = add_register(demo_ctx)
    templates = main_window.section("templates")
    templates.compose_selected()
    dialog = templates.last_fill_dialog
    dialog.select_template("Triển khai Thông báo kết luận")
    type_text(dialog.field("tb_so"), "321/TB-VPCP")
    dialog.field("tb_ngay").setDate(QDate(2026, 3, 9))
    dialog.field("phien_hop").setValue(7)
    dialog.field("han_bao_cao").setDate(QDate(2026, 11, 30))
    click(qtbot, dialog.ok_button)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.problems.text()
    editor = templates.last_editor
    form = editor.form
    assert "321/TB-VPCP" in form.subject.text() and "09/03/2026" in form.subject.text()
    assert "{{" not in form.body.toPlainText() and "[[" not in form.body.toPlainText()

    choose(form.register, "CV-THU")
    choose(form.signer, "Nguyễn Bốn")
    # Kính gửi: one group from the directory (accent-insensitive filter) and one unit
    form.recipients.set_lines([])
    click(qtbot, form.recipients.pick_button)
    picker = form.recipients.last_picker
    type_text(picker.filter_box, "so, ban")
    assert picker.list.count() >= 1
    picker.list.item(0).setSelected(True)
    group_label = picker.list.item(0).text()
    picker.accept()
    lines = form.recipients.lines()
    assert lines and lines[0].group_id is not None
    click(qtbot, form.recipients.pick_button)
    picker = form.recipients.last_picker
    type_text(picker.filter_box, "cong an")
    picker.select_label("Công an tỉnh")
    picker.accept()
    assert [line.text for line in form.recipients.lines()][-1] == "Công an tỉnh"
    # move the unit above the group
    form.recipients.list.setCurrentRow(1)
    click(qtbot, form.recipients.up)
    assert form.recipients.lines()[0].text == "Công an tỉnh"

    form.body.setFocus()
    form.body.moveCursor(form.body.textCursor().MoveOperation.End)
    type_text(form.body, "\nĐề nghị gửi kết quả qua hộp thư điện tử của Ban.")
    editor.refresh_preview()
    assert editor.preview.page_count() > 0
    text = pdf_text(editor.preview.pdf_bytes(), tmp_path)
    assert "hộp thư điện tử của Ban" in text
    assert "Công an tỉnh" in text and "321/TB-VPCP" in text
    assert group_label.split(":", 1)[1].split("(")[0].strip() in text

    loaded = issue_now(qtbot, editor)
    assert loaded.status == "issued" and loaded.number == 1
    assert editor.form.notice.text() == f"Đã ban hành số 01/{loaded.data.symbol}"
    rows = register_entries(demo_ctx, register_id, date.today().year)
    assert [(r.number, r.outgoing_id) for r in rows] == [(1, editor.document_id)]
    reports = main_window.section("reports")
    reports.filter_box.setText(loaded.data.subject[:30])
    reports._apply_filter()
    assert reports.model.rowCount() >= 1
