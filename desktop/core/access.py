"""Who may do what: the roles, the permission each action needs, and the check every service makes.

Roles (a user may hold several): chuyên viên drafts; văn thư registers, gives, reserves and voids
numbers and issues; lãnh đạo approves and signs; quản trị manages users, office settings and restore.

    DRAFT     drafts, submitting, templates, tasks, the directory, movements   chuyên viên, văn thư, lãnh đạo
    SIGN      Ký (submitted -> signed), sending back to draft                  lãnh đạo
    REGISTER  Ban hành with its number, giữ số / hủy số, incoming letters       văn thư
    ADMIN     users, office settings and days off, backup restore               quản trị

An office with at most one active user runs without logging in, as the program always did: the
person at the computer is its administrator and may do everything (`Actor.everything`). Once a
second active user exists, the context carries the user who signed in (`desktop.users.login`), and
each service calls `require(ctx, PERMISSION, user)` before it writes: the roles are read again
from the database (a user locked or changed meanwhile loses the right at once), and `user` (the
name the service writes into the audit log) must be the one who signed in. The GUI also disables
what the user cannot do (`Actor.may`, `refusal`), but the service is the guard.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from db.models import ROLES, User, UserRole
from desktop.core.vocabulary import ROLE_LABELS, enumeration

if TYPE_CHECKING:
    from desktop.core.context import AppContext

DRAFT, SIGN, REGISTER, ADMIN = "draft", "sign", "register", "admin"
PERMISSIONS: dict[str, tuple[str, ...]] = {
    DRAFT: ("chuyen_vien", "van_thu", "lanh_dao"),
    SIGN: ("lanh_dao",),
    REGISTER: ("van_thu",),
    ADMIN: ("quan_tri",),
}
# What the permission lets one do, as the refusal says it ("Chỉ … mới được <this>.")
PERMISSION_LABELS = {
    DRAFT: "soạn, sửa văn bản và dữ liệu nghiệp vụ",
    SIGN: "ký duyệt văn bản",
    REGISTER: "cấp số, ban hành, giữ số, hủy số và vào sổ văn bản đến",
    ADMIN: "quản lý người dùng, thiết lập của cơ quan và khôi phục dữ liệu",
}


class PermissionDenied(ValueError):
    """The user may not do this (the message, in Vietnamese, says who may)."""


@dataclass(frozen=True)
class Actor:
    """The person the program acts for. `user_id` None: nobody signed in (a single-user office's
    administrator, or a shared office before its login)."""

    name: str
    full_name: str = ""
    roles: frozenset[str] = frozenset()
    user_id: int | None = None

    @classmethod
    def everything(cls, name: str, full_name: str = "", user_id: int | None = None) -> Actor:
        """The single-user office's administrator: every role."""
        return cls(name, full_name, frozenset(ROLES), user_id)

    @property
    def display(self) -> str:
        return self.full_name or self.name

    @property
    def role_text(self) -> str:
        return ", ".join(ROLE_LABELS[r] for r in ROLES if r in self.roles) or "chưa có vai trò"

    def may(self, permission: str) -> bool:
        return bool(self.roles & set(PERMISSIONS[permission]))


def refusal(permission: str, roles: frozenset[str] | set[str] = frozenset()) -> str:
    """The one Vietnamese sentence that refuses `permission` to a holder of `roles`."""
    who = enumeration([ROLE_LABELS[r].lower() for r in PERMISSIONS[permission]], "hoặc")
    held = ", ".join(ROLE_LABELS[r] for r in ROLES if r in roles) or "chưa có vai trò"
    return f"Chỉ {who} mới được {PERMISSION_LABELS[permission]} (vai trò của anh/chị: {held})."


def active_roles(session) -> dict[int, tuple[str, frozenset[str]]]:
    """user id -> (name, roles) of every active user."""
    found: dict[int, tuple[str, set[str]]] = {}
    rows = session.execute(
        select(User.id, User.name, UserRole.role).outerjoin(UserRole, UserRole.user_id == User.id)
        .where(User.active.is_(True))
    )
    for user_id, name, role in rows:
        found.setdefault(user_id, (name, set()))[1].update([role] if role else [])
    return {k: (name, frozenset(roles)) for k, (name, roles) in found.items()}


def check_right(session, actor: Actor, permission: str, user: str | None = None) -> None:
    """`require` inside the caller's session (PermissionDenied, nothing read twice)."""
    if permission not in PERMISSIONS:
        raise KeyError(permission)
    users = active_roles(session)
    if len(users) <= 1:
        return  # a single-user office: its administrator does everything
    if actor.user_id is None:
        raise PermissionDenied("Cơ quan có nhiều người dùng: hãy đăng nhập trước khi làm việc.")
    if actor.user_id not in users:
        raise PermissionDenied(f"Tài khoản «{actor.name}» đã bị khóa hoặc không còn; hãy đăng nhập lại.")
    name, roles = users[actor.user_id]
    if user is not None and user != name:
        raise PermissionDenied(f"Người đang đăng nhập là «{name}», không thể ghi thay cho «{user}».")
    if not roles & set(PERMISSIONS[permission]):
        raise PermissionDenied(refusal(permission, roles))


def require(ctx: AppContext, permission: str, user: str | None = None) -> None:
    """Refuse (PermissionDenied) unless the context's user may do `permission`; see the module
    docstring. `user` is the name the service is about to write into the audit log."""
    with ctx.session() as session:
        check_right(session, ctx.actor, permission, user)


__all__ = ["DRAFT", "SIGN", "REGISTER", "ADMIN", "PERMISSIONS", "Actor", "PermissionDenied", "refusal",
           "require", "check_right", "active_roles"]
