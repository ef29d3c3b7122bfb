"""Who is working: signing in to a shared office, and the CLI's --user.

An office with at most one active user needs no login (its administrator does everything, as the
program always did). With two or more, the GUI asks who is working (ui/users/login_dialog.py) and the
CLI acts as `--user NAME` (or TDKT_USER) with the password typed on the terminal or taken from
TDKT_PASSWORD. `sign_in` puts the user into the context (`ctx.actor`) and writes "login" to the audit
log; a wrong name or password is one message that does not say which of the two was wrong.
"""
from __future__ import annotations

import getpass
import os
import sys
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from db.models import ROLES, User
from desktop.core.access import Actor, PermissionDenied, active_roles
from desktop.core.audit import record
from desktop.core.context import AppContext, login_name
from desktop.core.text import nfc
from desktop.users.passwords import hash_password, verify_password

WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
_DUMMY_HASH: list[str] = []  # a hash to check against for an unknown name (same time as a known one)


class LoginFailed(PermissionDenied):
    """Wrong name or password, a locked user, no password given."""


def needs_login(ctx: AppContext) -> bool:
    """True when the office has two or more active users (a shared office)."""
    with ctx.session() as session:
        return (session.scalar(select(func.count()).select_from(User).where(User.active.is_(True))) or 0) > 1


def login_choices(ctx: AppContext) -> list[tuple[str, str]]:
    """(login name, full name) of the active users, by name: what the login dialog offers."""
    with ctx.session() as session:
        return [(n, f) for n, f in session.execute(
            select(User.name, User.full_name).where(User.active.is_(True)).order_by(User.name))]


def sign_in(ctx: AppContext, name: str, password: str) -> Actor:
    """Check `name` and `password`; the user becomes `ctx.actor` (and "login" is audited).
    LoginFailed otherwise (a failed attempt is audited too, under the name typed)."""
    name = nfc((name or "").strip())
    with ctx.write_session() as session:
        row = session.scalars(select(User).options(selectinload(User.roles))
                              .where(func.lower(User.name) == name.lower())).first()
        ok = verify_password(password or "", row.password_hash if row is not None else _dummy_hash())
        if row is None or not ok or not row.active:
            record(session, name[:60] or "?", "login_failed", "user", row.id if row is not None else None)
            session.commit()
            raise LoginFailed(WRONG if row is None or not ok else f"Tài khoản «{row.name}» đã bị khóa.")
        shared = len(active_roles(session)) > 1
        roles = frozenset(r.role for r in row.roles) if shared else frozenset(ROLES)
        actor = Actor(row.name, row.full_name, roles, row.id)
        record(session, row.name, "login", "user", row.id)
        session.commit()
    ctx.actor = actor
    return actor


def refresh_actor(ctx: AppContext) -> Actor:
    """Read the context's user again after the users changed: roles, full name, the office's mode."""
    me = ctx.actor
    with ctx.session() as session:
        users = active_roles(session)
        names = dict(session.execute(select(User.id, User.full_name).where(User.id.in_(list(users)))).all())
    if me.user_id in users:
        name, roles = users[me.user_id]
        ctx.actor = (Actor.everything(name, names[me.user_id], me.user_id) if len(users) == 1
                     else Actor(name, names[me.user_id], roles, me.user_id))
    elif not users:
        ctx.actor = Actor.everything(login_name())
    elif len(users) == 1:
        (user_id, (name, _roles)), = users.items()
        ctx.actor = Actor.everything(name, names[user_id], user_id)
    else:
        ctx.actor = Actor(me.name)  # nobody signed in
    return ctx.actor


def sign_in_cli(ctx: AppContext, name: str | None, *, ask: Callable[[str], str] | None = None) -> Actor:
    """The CLI's identity: in a single-user office the administrator (as today); in a shared one
    `name` (--user, else TDKT_USER) with TDKT_PASSWORD, else the password asked on the terminal.
    LoginFailed (a one-line message) when no name, no password or a wrong one."""
    if not needs_login(ctx):
        return ctx.actor
    name = name or os.environ.get("TDKT_USER")
    if not name:
        raise LoginFailed("Cơ quan có nhiều người dùng: cần --user TÊN (hoặc biến môi trường TDKT_USER).")
    password = os.environ.get("TDKT_PASSWORD")
    if password is None:
        if ask is None and not sys.stdin.isatty():
            raise LoginFailed(f"Cần mật khẩu của «{name}»: chạy lệnh ở cửa sổ dòng lệnh để nhập, "
                              "hoặc đặt biến môi trường TDKT_PASSWORD.")
        password = (ask or getpass.getpass)(f"Mật khẩu của {name}: ")
    from desktop.core.writes import perform

    return perform(lambda: sign_in(ctx, name, password))


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password(login_name() + "-no-such-user"))
    return _DUMMY_HASH[0]


__all__ = ["LoginFailed", "WRONG", "needs_login", "login_choices", "sign_in", "sign_in_cli", "refresh_actor"]
