"""The office's users (quản trị only): list, add, change roles and full name, lock, passwords.

The first user added is the office's administrator (quản trị), and the person at the computer becomes
that user; with one user the office still runs without logging in. Every user has a password (hashed,
desktop/users/passwords.py), so that once a second user exists each can sign in. A login name never
changes (the audit log records it); a user is locked rather than deleted. The office always keeps at
least one active quản trị, and nobody locks themselves out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from db.models import ROLES, User, UserRole
from desktop.core.access import ADMIN, Actor, PermissionDenied, check_right
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.text import nfc
from desktop.core.vocabulary import ROLE_LABELS
from desktop.users.login import refresh_actor
from desktop.users.passwords import hash_password, password_problem, verify_password

ENTITY = "user"
_NAME = re.compile(r"^[\w.\-]{2,60}$")


class UserError(ValueError):
    """A refused change of the users (message in Vietnamese); `errors` maps a field to its message."""

    def __init__(self, message: str, errors: dict[str, str] | None = None):
        self.errors = dict(errors or {})
        super().__init__(message)


@dataclass
class UserInput:
    name: str
    full_name: str = ""
    roles: tuple[str, ...] = ()
    active: bool = True


@dataclass
class UserInfo:
    id: int
    name: str
    full_name: str
    roles: tuple[str, ...] = field(default_factory=tuple)
    active: bool = True
    has_password: bool = False

    @property
    def role_text(self) -> str:
        return ", ".join(ROLE_LABELS[r] for r in ROLES if r in self.roles)

    @property
    def display(self) -> str:
        return f"{self.full_name} ({self.name})" if self.full_name else self.name


def _info(row: User) -> UserInfo:
    return UserInfo(row.id, row.name, row.full_name, tuple(r for r in ROLES if r in {x.role for x in row.roles}),
                    row.active, bool(row.password_hash))


def list_users(ctx: AppContext, *, active_only: bool = False) -> list[UserInfo]:
    """Every user (active ones first, then by name)."""
    with ctx.session() as session:
        query = select(User).options(selectinload(User.roles)).order_by(User.active.desc(), User.name)
        if active_only:
            query = query.where(User.active.is_(True))
        return [_info(row) for row in session.scalars(query)]


def check_input(data: UserInput, *, new: bool) -> dict[str, str]:
    """Field -> Vietnamese message."""
    errors: dict[str, str] = {}
    name = nfc((data.name or "").strip())
    if new and not _NAME.match(name):
        errors["name"] = "Tên đăng nhập gồm 2–60 chữ, chữ số, dấu chấm, gạch nối hoặc gạch dưới, không có dấu cách."
    if len(data.full_name or "") > 120:
        errors["full_name"] = "Họ tên dài quá 120 ký tự."
    unknown = [r for r in data.roles if r not in ROLES]
    if unknown:
        errors["roles"] = f"Vai trò không có: {', '.join(unknown)}."
    elif not data.roles:
        errors["roles"] = "Cần chọn ít nhất một vai trò."
    return errors


def add_user(ctx: AppContext, data: UserInput, password: str, user: str) -> tuple[int, Changes]:
    """A new user with `password`. The first user must be a quản trị and becomes the person at the
    computer. UserError (nothing written) for a bad field, a name taken, a weak password."""
    errors = check_input(data, new=True)
    problem = password_problem(password or "")
    if problem:
        errors["password"] = problem
    if errors:
        raise UserError("; ".join(errors.values()), errors)
    name = nfc(data.name.strip())
    with ctx.write_session() as session:
        check_right(session, ctx.actor, ADMIN, user)
        first = not session.scalar(select(func.count()).select_from(User))
        if first and "quan_tri" not in data.roles:
            raise UserError("Người dùng đầu tiên là quản trị của cơ quan: hãy chọn vai trò Quản trị.",
                            {"roles": "Người dùng đầu tiên cần vai trò Quản trị."})
        if session.scalar(select(User.id).where(func.lower(User.name) == name.lower())) is not None:
            raise UserError(f"Tên đăng nhập «{name}» đã có.", {"name": f"Tên đăng nhập «{name}» đã có."})
        row = User(name=name, full_name=nfc((data.full_name or "").strip()), active=data.active,
                   password_hash=hash_password(password))
        row.roles = [UserRole(role=r) for r in ROLES if r in data.roles]
        session.add(row)
        session.flush()
        record(session, user, "create", ENTITY, row.id, name=name, roles=list(data.roles), active=data.active)
        session.commit()
        user_id = row.id
    if first:  # the single-user office now has a name for its administrator
        ctx.actor = Actor.everything(name, nfc(data.full_name.strip()), user_id)
    else:
        refresh_actor(ctx)
    return user_id, Changes(users=True)


def update_user(ctx: AppContext, user_id: int, data: UserInput, user: str) -> Changes:
    """Change full name, roles and whether the user may work (the login name stays)."""
    errors = check_input(data, new=False)
    if errors:
        raise UserError("; ".join(errors.values()), errors)
    with ctx.write_session() as session:
        check_right(session, ctx.actor, ADMIN, user)
        row = _get(session, user_id)
        if row.id == ctx.actor.user_id and not data.active:
            raise UserError("Không thể tự khóa tài khoản của mình.", {"active": "Không thể tự khóa tài khoản của mình."})
        before = _info(row)
        if "quan_tri" in before.roles and before.active and not ("quan_tri" in data.roles and data.active):
            if _other_admins(session, row.id) == 0:
                raise UserError("Cơ quan cần ít nhất một quản trị đang hoạt động.",
                                {"roles": "Đây là quản trị duy nhất: không bỏ được vai trò Quản trị."})
        row.full_name = nfc((data.full_name or "").strip())
        row.active = data.active
        wanted = set(data.roles)
        row.roles = [r for r in row.roles if r.role in wanted] + [
            UserRole(role=r) for r in ROLES if r in wanted and r not in before.roles]
        session.flush()
        after = _info(row)
        record(session, user, "update", ENTITY, row.id, name=row.name,
               before={"roles": list(before.roles), "active": before.active, "full_name": before.full_name},
               after={"roles": list(after.roles), "active": after.active, "full_name": after.full_name})
        session.commit()
    refresh_actor(ctx)
    return Changes(users=True)


def set_password(ctx: AppContext, user_id: int, password: str, user: str, *, old: str | None = None) -> Changes:
    """A new password: a quản trị sets anyone's; a user changes their own with the old one (`old`)."""
    problem = password_problem(password or "")
    if problem:
        raise UserError(problem, {"password": problem})
    with ctx.write_session() as session:
        row = _get(session, user_id)
        own = ctx.actor.user_id == user_id and old is not None
        if own:
            if not verify_password(old, row.password_hash):
                raise UserError("Mật khẩu cũ không đúng.", {"old": "Mật khẩu cũ không đúng."})
        else:
            check_right(session, ctx.actor, ADMIN, user)
        row.password_hash = hash_password(password)
        record(session, user, "set_password", ENTITY, row.id, name=row.name, own=own)
        session.commit()
    return Changes(users=True)


def _get(session: Session, user_id: int) -> User:
    row = session.get(User, user_id, options=[selectinload(User.roles)])
    if row is None:
        raise UserError(f"Không có người dùng số {user_id}.")
    return row


def _other_admins(session: Session, user_id: int) -> int:
    return session.scalar(
        select(func.count()).select_from(User).join(UserRole, UserRole.user_id == User.id)
        .where(User.active.is_(True), UserRole.role == "quan_tri", User.id != user_id)) or 0


__all__ = ["UserInput", "UserInfo", "UserError", "PermissionDenied", "list_users", "check_input", "add_user",
           "update_user", "set_password"]
