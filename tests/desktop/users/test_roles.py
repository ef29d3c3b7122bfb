"""Roles in the service layer: with two users, a chuyên viên cannot sign, issue, reserve or void a number or
change settings; each right belongs to its role; the audit log records who signed in and who acted. A
single-user office works without logging in, as before."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, RegisterEntry, User
from desktop.core.access import PermissionDenied
from desktop.core.context import open_context
from desktop.core.settings.office_store import read_office_value, save_office_value
from desktop.documents import numbering, service
from desktop.users.login import LoginFailed, needs_login, sign_in
from tests.desktop.documents.conftest import good_draft, make_setup
from tests.desktop.documents.helpers import audit_actions
from tests.desktop.users.conftest import Office, add_people, password


def _submitted(office: Office, setup) -> int:
    office.as_("an")
    doc_id, _ = service.create_draft(office.ctx, good_draft(setup), "an")
    service.submit(office.ctx, doc_id, "an")
    return doc_id


def _audit_count(ctx) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def test_a_chuyen_vien_drafts_but_cannot_sign_or_issue(office):
    ctx = office.ctx
    setup = make_setup(ctx)
    doc_id = _submitted(office, setup)
    before = _audit_count(ctx)
    with pytest.raises(PermissionDenied, match="Chỉ lãnh đạo mới được ký duyệt"):
        service.sign(ctx, doc_id, "an")
    assert service.load_draft(ctx, doc_id).status == "submitted" and _audit_count(ctx) == before
    office.as_("lan")
    service.sign(ctx, doc_id, "lan")
    office.as_("an")
    with pytest.raises(PermissionDenied, match="Chỉ văn thư mới được cấp số, ban hành"):
        service.issue(ctx, doc_id, "an", on=date(2026, 3, 2))
    with pytest.raises(PermissionDenied, match="Chỉ lãnh đạo"):
        service.return_to_draft(ctx, doc_id, "an")
    with pytest.raises(PermissionDenied, match="Chỉ lãnh đạo"):
        service.cancel(ctx, doc_id, "an")  # a signed letter: cancelling undoes the signature
    loaded = service.load_draft(ctx, doc_id)
    assert loaded.status == "signed" and loaded.number is None
    with ctx.session() as s:
        assert s.scalar(select(func.count()).select_from(RegisterEntry)) == 0
    office.as_("vt")
    number, _ = service.issue(ctx, doc_id, "vt", on=date(2026, 3, 2))
    assert number == 1
    assert audit_actions(ctx, doc_id) == [("create", "an"), ("submit", "an"), ("sign", "lan"), ("issue", "vt")]


def test_each_right_belongs_to_its_role(office):
    ctx = office.ctx
    setup = make_setup(ctx)
    office.as_("lan")  # lãnh đạo signs but gives no numbers
    with pytest.raises(PermissionDenied, match="Chỉ văn thư"):
        numbering.reserve_number(ctx, setup.register_id, 2026, "giữ cho tờ trình", "lan")
    office.as_("vt")
    assert numbering.reserve_number(ctx, setup.register_id, 2026, "giữ cho tờ trình", "vt")[0] == 1
    office.as_("an")
    with pytest.raises(PermissionDenied, match="Chỉ văn thư"):
        numbering.void_number(ctx, setup.register_id, 2026, 1, "không dùng", "an")
    with pytest.raises(PermissionDenied, match="Chỉ quản trị"):
        save_office_value(ctx, "followup/soon_days", 10, "an")
    assert read_office_value(ctx, "followup/soon_days") == 7
    office.as_("quantri")  # the administrator changes settings but does not draft
    save_office_value(ctx, "followup/soon_days", 10, "quantri")
    with pytest.raises(PermissionDenied, match="Chỉ chuyên viên, văn thư hoặc lãnh đạo"):
        service.create_draft(ctx, good_draft(setup), "quantri")
    office.as_("vt")
    numbering.void_number(ctx, setup.register_id, 2026, 1, "không dùng", "vt")


def test_the_service_writes_only_as_the_user_who_signed_in(office):
    ctx = office.ctx
    setup = make_setup(ctx)
    doc_id = _submitted(office, setup)
    with pytest.raises(PermissionDenied, match="không thể ghi thay cho «lan»"):
        service.sign(ctx, doc_id, "lan")  # the chuyên viên passing the lãnh đạo's name
    assert service.load_draft(ctx, doc_id).status == "submitted"


def test_nobody_signed_in_may_write_in_a_shared_office(office, tmp_path):
    office.ctx.close()
    ctx = open_context(office.ctx.url)  # a second program on the same database
    try:
        assert needs_login(ctx) and ctx.actor.user_id is None and not ctx.actor.roles
        setup = make_setup(ctx)
        with pytest.raises(PermissionDenied, match="hãy đăng nhập"):
            service.create_draft(ctx, good_draft(setup), ctx.user)
    finally:
        ctx.close()


def test_a_locked_user_loses_the_right_at_once(office):
    from desktop.users.service import UserInput, update_user

    ctx = office.ctx
    setup = make_setup(ctx)
    office.as_("an")
    doc_id, _ = service.create_draft(ctx, good_draft(setup), "an")
    an = office.ctx.actor
    office.as_("quantri")
    update_user(ctx, office.ids["an"], UserInput("an", "Trần Văn An", ("chuyen_vien",), active=False), "quantri")
    ctx.actor = an  # a program where "an" signed in earlier
    with pytest.raises(PermissionDenied, match="đã bị khóa"):
        service.submit(ctx, doc_id, "an")
    with pytest.raises(LoginFailed, match="đã bị khóa"):
        sign_in(ctx, "an", password("an"))


def test_wrong_passwords_are_refused_and_logged(office):
    ctx = office.ctx
    with pytest.raises(LoginFailed, match="Tên đăng nhập hoặc mật khẩu không đúng"):
        sign_in(ctx, "lan", "sai")
    with pytest.raises(LoginFailed, match="Tên đăng nhập hoặc mật khẩu không đúng"):
        sign_in(ctx, "khong-co", "sai")
    assert sign_in(ctx, "LAN", password("lan")).name == "lan"  # the name in any case
    with ctx.session() as s:
        logged = s.execute(select(AuditEntry.user, AuditEntry.action).where(AuditEntry.entity == "user")
                           .where(AuditEntry.action.like("login%")).order_by(AuditEntry.id)).all()
        stored = s.scalar(select(User.password_hash).where(User.name == "lan"))
    assert logged[-3:] == [("lan", "login_failed"), ("khong-co", "login_failed"), ("lan", "login")]
    assert stored.startswith("scrypt$") and "mật khẩu" not in stored and password("lan") not in stored


def test_a_single_user_office_runs_without_logging_in(ctx):
    setup = make_setup(ctx)
    assert not needs_login(ctx) and ctx.actor.may("sign") and ctx.actor.may("admin")
    doc_id, _ = service.create_draft(ctx, good_draft(setup), ctx.user)
    service.submit(ctx, doc_id, ctx.user)
    service.sign(ctx, doc_id, ctx.user)
    assert service.issue(ctx, doc_id, ctx.user, on=date(2026, 1, 5))[0] == 1
    assert audit_actions(ctx, doc_id)[-1] == ("issue", "kiểm thử")  # TDKT_USER, as before


def test_the_first_user_is_the_administrator_and_the_office_stays_single(ctx):
    from desktop.users.service import UserError, UserInput, add_user

    with pytest.raises(UserError, match="Người dùng đầu tiên là quản trị"):
        add_user(ctx, UserInput("an", "", ("chuyen_vien",)), "mật khẩu an", ctx.user)
    add_user(ctx, UserInput("quantri", "Nguyễn Quản Trị", ("quan_tri",)), "mật khẩu quantri", ctx.user)
    assert ctx.user == "quantri" and ctx.actor.may("sign") and not needs_login(ctx)
    setup = make_setup(ctx)
    doc_id, _ = service.create_draft(ctx, good_draft(setup), ctx.user)  # one user: still everything
    assert audit_actions(ctx, doc_id) == [("create", "quantri")]
    ctx.close()
    again = open_context(ctx.url)
    try:
        assert again.user == "quantri" and again.actor.may("register")
    finally:
        again.close()


def test_the_office_keeps_an_administrator(office):
    from desktop.users.service import UserError, UserInput, update_user

    ctx = office.ctx
    office.as_("quantri")
    with pytest.raises(UserError, match="ít nhất một quản trị"):
        update_user(ctx, office.ids["quantri"], UserInput("quantri", "", ("lanh_dao",)), "quantri")
    with pytest.raises(UserError, match="tự khóa"):
        update_user(ctx, office.ids["quantri"], UserInput("quantri", "", ("quan_tri",), active=False), "quantri")
    update_user(ctx, office.ids["lan"], UserInput("lan", "Lê Thị Lan", ("lanh_dao", "quan_tri")), "quantri")
    update_user(ctx, office.ids["quantri"], UserInput("quantri", "", ("van_thu",)), "quantri")
    assert ctx.actor.roles == frozenset({"van_thu"})  # the context follows its own user's change
    office.as_("an")
    with pytest.raises(PermissionDenied, match="Chỉ quản trị"):
        update_user(ctx, office.ids["an"], UserInput("an", "", ("lanh_dao",)), "an")


def test_passwords(office):
    from desktop.users.service import UserError, set_password

    ctx = office.ctx
    office.as_("an")
    with pytest.raises(UserError, match="ít nhất 6"):
        set_password(ctx, office.ids["an"], "ngắn", "an", old=password("an"))
    with pytest.raises(UserError, match="Mật khẩu cũ không đúng"):
        set_password(ctx, office.ids["an"], "mới hơn nhiều", "an", old="sai")
    set_password(ctx, office.ids["an"], "mới hơn nhiều", "an", old=password("an"))
    with pytest.raises(PermissionDenied, match="Chỉ quản trị"):
        set_password(ctx, office.ids["lan"], "đổi giùm lan", "an")
    assert sign_in(ctx, "an", "mới hơn nhiều").name == "an"
    office.as_("quantri")
    set_password(ctx, office.ids["an"], "quản trị đặt", "quantri")
    assert sign_in(ctx, "an", "quản trị đặt").name == "an"


@pytest.mark.postgres
def test_roles_on_postgresql(pg_ctx):
    office = Office(pg_ctx, add_people(pg_ctx))
    setup = make_setup(pg_ctx)
    doc_id = _submitted(office, setup)
    with pytest.raises(PermissionDenied):
        service.sign(pg_ctx, doc_id, "an")
    office.as_("lan")
    service.sign(pg_ctx, doc_id, "lan")
    office.as_("vt")
    assert service.issue(pg_ctx, doc_id, "vt", on=date(2026, 3, 2))[0] == 1
    assert audit_actions(pg_ctx, doc_id) == [("create", "an"), ("submit", "an"), ("sign", "lan"), ("issue", "vt")]
