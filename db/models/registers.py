"""Registers (sổ đăng ký văn bản) and the numbers given in them, per register and year."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.types import NFCString, NFCText


class Register(Base):
    """A numbering series. Outgoing numbers restart at 01 each 1 January (ND30 §1.6);
    incoming registers give arrival numbers (số đến) the same way."""

    __tablename__ = "registers"
    __table_args__ = (
        CheckConstraint("direction IN ('out', 'in')", name="direction"),
        UniqueConstraint("code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), nullable=False)  # "CV-DI", "VB-DEN"
    name: Mapped[str] = mapped_column(NFCString(200), nullable=False)  # "Sổ văn bản đi"
    direction: Mapped[str] = mapped_column(String(3), nullable=False)
    # The document type this series is for; null = a shared series for all types.
    doc_type: Mapped[str | None] = mapped_column(NFCString(50))
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class RegisterEntry(Base):
    """One number of one register in one year: issued to a document, reserved, or voided.

    The unique constraint (register, year, number) is what makes a number impossible to give
    twice, whichever process or client asks.
    """

    __tablename__ = "register_entries"
    __table_args__ = (
        UniqueConstraint("register_id", "year", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("status IN ('issued', 'reserved', 'voided')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id"), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="issued")
    outgoing_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="SET NULL")
    )
    incoming_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_documents.id", ondelete="SET NULL")
    )
    manual: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)  # back-dated entry
    reason: Mapped[str | None] = mapped_column(NFCText)  # why reserved / voided
    created_by: Mapped[str | None] = mapped_column(NFCString(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now(), nullable=False)
