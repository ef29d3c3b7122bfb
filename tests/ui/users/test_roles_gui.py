"""Users in the GUI: the login dialog of a shared office, a chuyên viên who cannot sign or issue (the
actions are disabled with the reason, and the service refuses when the GUI is bypassed), the Nhật ký
screen showing who did it (filters, Excel), the users dialog, and the single-user office unchanged."""
from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog

from desktop.core.access import PermissionDenied
from desktop.documents import service
from desktop.users.login import needs_login
from desktop.users.service import list_users
from tests.desktop.reports.helpers import header_row_of, table
from tests.ui.documents.helpers import add_register, click, trigger, type_text
from tests.ui.documents.test_editor import fill_basic
from tests.desktop.users.conftest import Office, add_people, password


def _office(ctx) -> Office:
    return Office(ctx, add_people(ctx))


def _submitted_by_an(qtbot, office: Office) -> int:
    from ui.app import make_app
    from ui.documents.editor import open_editor

    make_app()
    add_register(office.ctx)
    office.as_("an")
    editor = open_editor(office.ctx)
    fill_basic(qtbot, editor, subject="đề nghị khen thưởng tập thể lao động xuất sắc")
    trigger(editor, "submit")
    assert editor.loaded.status == "submitted", editor.form.notice.text()
    doc_id = editor.document_id
    editor.dirty = False
    editor.close()
    return doc_id


def test_the_login_dialog_signs_in_and_refuses_a_wrong_password(qtbot, demo_ctx):
    from ui.users.login_dialog import LoginDialog

    _office(demo_ctx)
    assert needs_login(demo_ctx)
    dialog = LoginDialog(demo_ctx, name="lan")
    qtbot.addWidget(dialog)
    assert dialog.user.currentText() == "Lê Thị Lan (lan)"
    type_text(dialog.password, "sai mật khẩu")
    click(qtbot, dialog.ok_button)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "Tên đăng nhập hoặc mật khẩu không đúng." and not dialog.password.text()
    type_text(dialog.password, password("lan"))
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert demo_ctx.user == "lan" and demo_ctx.actor.may("sign") and not demo_ctx.actor.may("register")


def test_a_chuyen_vien_cannot_sign_or_issue_through_the_gui(qtbot, demo_ctx):
    from ui.documents.editor import open_editor

    office = _office(demo_ctx)
    doc_id = _submitted_by_an(qtbot, office)
    editor = open_editor(demo_ctx, doc_id)
    qtbot.waitUntil(lambda: editor.loaded is not None)
    sign = editor.actions_by_key["sign"]
    assert not sign.isEnabled() and "Chỉ lãnh đạo mới được ký duyệt" in sign.toolTip()
    assert not editor.actions_by_key["issue"].isEnabled()
    assert "Chỉ văn thư" in editor.actions_by_key["issue"].toolTip()
    editor.sign()  # the GUI bypassed: the service refuses, the clerk reads why, nothing changes
    assert "Chỉ lãnh đạo mới được ký duyệt" in editor.form.notice.text()
    assert service.load_draft(demo_ctx, doc_id).status == "submitted"
    editor.close()

    office.as_("lan")
    editor = open_editor(demo_ctx, doc_id)
    qtbot.waitUntil(lambda: editor.loaded is not None)
    assert not editor.form.subject.isReadOnly() or editor.loaded.status != "draft"
    trigger(editor, "sign")
    assert editor.loaded.status == "signed"
    issue = editor.actions_by_key["issue"]
    assert not issue.isEnabled() and "Chỉ văn thư" in issue.toolTip()
    editor.close()

    office.as_("vt")
    editor = open_editor(demo_ctx, doc_id)
    qtbot.waitUntil(lambda: editor.loaded is not None)
    assert not editor.actions_by_key["sign"].isEnabled()
    trigger(editor, "issue")
    click(qtbot, editor.last_issue_dialog.ok_button)
    assert editor.loaded.status == "issued"
    editor.close()


def test_the_audit_screen_shows_who_did_it(qtbot, demo_ctx, main_window, tmp_path, monkeypatch):
    office = _office(demo_ctx)
    doc_id = _submitted_by_an(qtbot, office)
    office.as_("lan")
    service.sign(demo_ctx, doc_id, "lan")
    office.as_("vt")
    service.issue(demo_ctx, doc_id, "vt")
    section = main_window.section("audit")
    section.model.reload()
    type_text(section.filter_box, "lao dong xuat sac")
    section._apply_filter()
    rows = [[section.model.data(section.model.index(r, c)) for c in range(7)]
            for r in range(section.model.rowCount())]
    assert [(r[1], r[2]) for r in rows] == [("vt", "Ban hành"), ("lan", "Ký"), ("an", "Trình ký"), ("an", "Tạo")]
    assert rows[0][4].startswith("01/") and rows[0][5] == "đề nghị khen thưởng tập thể lao động xuất sắc"
    assert section.user_choice.findText("lan") >= 0
    section.user_choice.setCurrentIndex(section.user_choice.findText("lan"))
    assert [section.model.data(section.model.index(r, 2)) for r in range(section.model.rowCount())] == ["Ký"]
    target = tmp_path / "ai-lam-gi.xlsx"
    monkeypatch.setattr("ui.common.export_job.ask_save_path", lambda *a: target)
    section.exporter.export(False)
    sheet = load_workbook(target).active
    header = header_row_of(sheet, "Thời gian")
    assert [row[1:3] for row in table(sheet, header)] == [("lan", "Ký")]
    assert "Người dùng: lan" in [sheet.cell(r, 1).value for r in range(1, header)]


def test_menus_and_buttons_say_what_the_role_cannot_do(qtbot, demo_ctx):
    from ui.app import make_app
    from ui.common.user_settings import user_settings
    from ui.main_window import MainWindow
    from ui.reports.register_dialog import RegisterDialog

    office = _office(demo_ctx)
    office.as_("an")
    make_app()
    window = MainWindow(demo_ctx, user_settings())
    qtbot.addWidget(window)
    users = window.registered_actions["users"]
    assert not users.isEnabled() and "Chỉ quản trị" in users.toolTip()
    restore = window.registered_actions["restore_backup"]  # Khôi phục… replaces every document
    assert not restore.isEnabled() and "Chỉ quản trị" in restore.toolTip()
    assert window.registered_actions["backup_now"].isEnabled()  # a backup changes nothing
    assert "Trần Văn An (Chuyên viên)" in window.user_label.text()
    dialog = RegisterDialog(demo_ctx, window)
    qtbot.addWidget(dialog)
    assert not dialog.reserve_button.isEnabled() and "Chỉ văn thư" in dialog.void_button.toolTip()
    outgoing = window.section("outgoing")
    assert outgoing.template_action.isEnabled()  # a chuyên viên drafts
    office.as_("quantri")
    other = MainWindow(demo_ctx, user_settings())
    qtbot.addWidget(other)
    assert other.registered_actions["users"].isEnabled()
    assert other.registered_actions["restore_backup"].isEnabled()
    assert not other.section("outgoing").template_action.isEnabled()  # the administrator does not draft


def test_the_users_dialog_makes_a_shared_office(qtbot, demo_ctx):
    from ui.users.users_dialog import UsersDialog

    assert not needs_login(demo_ctx)
    dialog = UsersDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "kiểm thử" and all(box.isChecked() for box in dialog.role_boxes.values())
    assert "chưa có người dùng" in dialog.note.text()
    dialog.name.setText("quantri")
    type_text(dialog.full_name, "Nguyễn Quản Trị")
    type_text(dialog.password, "bí mật 1")
    type_text(dialog.repeat, "bí mật 2")
    click(qtbot, dialog.save_button)
    assert dialog.errors["password"].text() == "Hai lần nhập mật khẩu không giống nhau." and not list_users(demo_ctx)
    dialog.repeat.clear()
    type_text(dialog.repeat, "bí mật 1")
    click(qtbot, dialog.save_button)
    assert [u.name for u in list_users(demo_ctx)] == ["quantri"] and demo_ctx.user == "quantri"
    assert not needs_login(demo_ctx) and "Một người dùng" in dialog.note.text()
    click(qtbot, dialog.new_button)
    dialog.name.setText("an")
    dialog.role_boxes["chuyen_vien"].setChecked(True)
    click(qtbot, dialog.save_button)
    assert "ít nhất 6" in dialog.errors["password"].text()
    type_text(dialog.password, "mật khẩu an")
    type_text(dialog.repeat, "mật khẩu an")
    click(qtbot, dialog.save_button)
    assert needs_login(demo_ctx) and dialog.table.rowCount() == 2
    assert "mỗi lần mở chương trình sẽ hỏi" in dialog.note.text()
    # the only quản trị cannot drop the role: the message sits under the roles
    dialog.table.selectRow([u.name for u in dialog.users].index("quantri"))
    dialog.role_boxes["quan_tri"].setChecked(False)
    click(qtbot, dialog.save_button)
    assert "quản trị duy nhất" in dialog.errors["roles"].text()


def test_a_single_user_office_needs_no_login(qtbot, demo_ctx, monkeypatch):
    from ui import app

    asked = []
    monkeypatch.setattr("ui.users.login_dialog.ask_login", lambda *a, **k: asked.append(a) or True)
    assert app.who_is_working(demo_ctx) and not asked
    _office(demo_ctx)
    demo_ctx.actor = demo_ctx.actor.__class__("kiểm thử")  # a program started afresh
    assert app.who_is_working(demo_ctx) and asked
    monkeypatch.setenv("TDKT_PASSWORD", password("vt"))
    assert app.who_is_working(demo_ctx, "vt") and demo_ctx.user == "vt" and len(asked) == 1
    try:
        service.sign(demo_ctx, 1, "vt")
    except PermissionDenied as exc:
        assert "Chỉ lãnh đạo" in str(exc)
    else:
        raise AssertionError("a văn thư signed")


def test_a_user_changes_their_own_password(qtbot, demo_ctx):
    from ui.users.password_dialog import PasswordDialog

    office = _office(demo_ctx)
    office.as_("an")
    dialog = PasswordDialog(demo_ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.old, "không phải")
    type_text(dialog.new, "mật khẩu mới của an")
    type_text(dialog.repeat, "mật khẩu mới của an")
    click(qtbot, dialog.save_button)
    assert dialog.errors["old"].text() == "Mật khẩu cũ không đúng." and dialog.result() != QDialog.DialogCode.Accepted
    dialog.old.clear()
    type_text(dialog.old, password("an"))
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert office.ctx.actor.name == "an"
    from desktop.users.login import sign_in

    assert sign_in(demo_ctx, "an", "mật khẩu mới của an").name == "an"


def test_incoming_letters_and_answers_are_read_only_for_who_may_not_record_them(qtbot, demo_ctx):
    """Văn thư registers incoming letters; a drafting role records who answered. Each other role sees the
    same screens with those buttons disabled and the reason as their tooltip (the services refuse anyway)."""
    from ui.app import make_app
    from ui.incoming.editor import IncomingEditor
    from ui.tracking.response_window import ResponseWindow
    from tests.conftest import guidance

    make_app()
    office = _office(demo_ctx)
    dispatch_id = guidance(demo_ctx)[0]
    office.as_("an")  # chuyên viên: reads incoming letters, records answers
    editor = IncomingEditor(demo_ctx, None)
    qtbot.addWidget(editor)
    assert not editor.ui.save.isEnabled() and "Chỉ văn thư" in editor.ui.save.toolTip()
    assert not editor.ui.delete.isEnabled() and not editor.ui.attach.isEnabled()
    window = ResponseWindow(demo_ctx, dispatch_id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.tracking is not None, timeout=10_000)
    assert window.ui.received_button.isEnabled() and window.ui.more_button.isEnabled()
    office.as_("vt")  # văn thư: registers letters
    editor = IncomingEditor(demo_ctx, None)
    qtbot.addWidget(editor)
    assert editor.ui.save.isEnabled() and editor.ui.attach.isEnabled()
    office.as_("quantri")  # the administrator manages the office, records nobody's answers
    window = ResponseWindow(demo_ctx, dispatch_id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.tracking is not None, timeout=10_000)
    assert not window.ui.received_button.isEnabled() and "Chỉ" in window.ui.received_button.toolTip()
    assert not window.ui.chase_button.isEnabled() and not window.ui.save_deadline.isEnabled()
