"""The people who use the program and their roles (who may draft, register, sign, administer).

No row: a single-user office that runs without logging in, as the program always did. The password
is kept only as a salted KDF hash (desktop/users/passwords.py writes and reads the format).
"""
from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamps
from db.types import NFCString

# chuyên viên (drafts), văn thư (registers, numbers, issues, voids), lãnh đạo (approves and signs),
# quản trị (users, settings, restore)
ROLES = ("chuyen_vien", "van_thu", "lanh_dao", "quan_tri")


class User(Timestamps, Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NFCString(60), nullable=False)  # what is typed at login, shown in the audit
    full_name: Mapped[str] = mapped_column(NFCString(120), nullable=False, default="")
    password_hash: Mapped[str | None] = mapped_column(String(300))  # "scrypt$n$r$p$salt$hash"
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", order_by="UserRole.role"
    )


class UserRole(Base):
    __tablename__ = "user_roles"
    __table_args__ = (
        CheckConstraint("role IN (%s)" % ", ".join(f"'{r}'" for r in ROLES), name="role"),
        UniqueConstraint("user_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False)

    user: Mapped[User] = relationship(back_populates="roles")
