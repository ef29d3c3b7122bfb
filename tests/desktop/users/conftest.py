"""An office with users: a quản trị, a chuyên viên, a lãnh đạo and a văn thư (passwords "mật khẩu <name>")."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop.core.access import Actor
from desktop.users.login import sign_in
from desktop.users.service import UserInput, add_user

PEOPLE = {
    "quantri": ("Nguyễn Quản Trị", ("quan_tri",)),
    "an": ("Trần Văn An", ("chuyen_vien",)),
    "lan": ("Lê Thị Lan", ("lanh_dao",)),
    "vt": ("Phạm Văn Thư", ("van_thu",)),
}


def password(name: str) -> str:
    return f"mật khẩu {name}"


@dataclass
class Office:
    ctx: object
    ids: dict[str, int]

    def as_(self, name: str) -> Actor:
        """Sign `name` in on the office's context."""
        return sign_in(self.ctx, name, password(name))


def add_people(ctx) -> dict[str, int]:
    """The four users, added by the single-user administrator (the first becomes the quản trị)."""
    ids = {}
    for name, (full, roles) in PEOPLE.items():
        ids[name], _ = add_user(ctx, UserInput(name, full, roles), password(name), ctx.user)
    return ids


@pytest.fixture
def office(ctx) -> Office:
    return Office(ctx, add_people(ctx))
