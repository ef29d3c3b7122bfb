"""The office's own profile and its internal drafting units, signers and settings."""
from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamps
from db.types import NFCString, NFCText


class Office(Timestamps, Base):
    """The issuing body that uses the program (cơ quan ban hành), usually one row."""

    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NFCString(200), nullable=False)  # "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG"
    parent_name: Mapped[str | None] = mapped_column(NFCString(200))  # cơ quan chủ quản, if any
    abbreviation: Mapped[str] = mapped_column(NFCString(30), nullable=False)  # "UBND"
    place: Mapped[str] = mapped_column(NFCString(100), nullable=False)  # địa danh: "Đắk Nông"
    address_lines: Mapped[str | None] = mapped_column(NFCText)  # ô 13, one line per line
    phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(120))
    website: Mapped[str | None] = mapped_column(String(200))


class DraftingUnit(Base):
    """A division of the office that drafts documents (đơn vị soạn thảo), e.g. "NC" Nội chính."""

    __tablename__ = "drafting_units"
    __table_args__ = (UniqueConstraint("office_id", "abbreviation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"), nullable=False)
    name: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    abbreviation: Mapped[str] = mapped_column(NFCString(30), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class Signer(Timestamps, Base):
    """A person who signs for the office, with the title lines printed above the name."""

    __tablename__ = "signers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NFCString(100), nullable=False)
    # One line per line: "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    title_lines: Mapped[str] = mapped_column(NFCText, nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class Setting(Base):
    """Office-adjustable settings (letter layout values, user name ...), JSON values by key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)  # JSON
