"""Emulation movements (phong trào thi đua) and the documents that belong to them."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamps
from db.types import NFCString, NFCText


class Movement(Timestamps, Base):
    """A movement launched by a document and monitored by one unit, with its review dates."""

    __tablename__ = "movements"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NFCString(300), nullable=False)
    period_start: Mapped[int | None] = mapped_column(Integer)  # year, "giai đoạn 2016 - 2020"
    period_end: Mapped[int | None] = mapped_column(Integer)
    launching_outgoing_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="SET NULL")
    )
    launching_reference: Mapped[str | None] = mapped_column(NFCText)  # "Quyết định số 2034/QĐ-UBND ..."
    monitoring_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    interim_review_date: Mapped[date | None] = mapped_column(Date)  # sơ kết
    final_review_date: Mapped[date | None] = mapped_column(Date)  # tổng kết
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    notes: Mapped[str | None] = mapped_column(NFCText)
    search_folded: Mapped[str] = mapped_column(NFCString(1000), default="", nullable=False)

    def search_parts(self) -> tuple:
        return (self.name, self.launching_reference)


class MovementDocument(Base):
    __tablename__ = "movement_documents"
    __table_args__ = (UniqueConstraint("movement_id", "outgoing_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    movement_id: Mapped[int] = mapped_column(ForeignKey("movements.id", ondelete="CASCADE"), nullable=False)
    outgoing_id: Mapped[int] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="CASCADE"), nullable=False
    )
