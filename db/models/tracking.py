"""Tracking per unit: who an issued dispatch went to, how, and who has answered.

A printed Kính gửi / Nơi nhận line (`DocumentRecipient`) stays what was printed; its tracking
rows say, unit by unit, what happened after: a unit line is one row, a group line one row per
member of the group on the dispatch's date, free text one row without a unit (until the clerk
attaches one). "Như trên" and "Lưu: …" have no rows.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.types import NFCString, NFCText

CHANNELS = ("post", "email", "axis", "hand")  # bưu điện, thư điện tử, trục liên thông, trực tiếp
REPLY_LINKS = ("auto", "manual")  # linked by itself (a cited dispatch) or by the clerk


class RecipientTracking(Base):
    """One unit (or one untracked free-text line) an issued dispatch went to."""

    __tablename__ = "recipient_tracking"
    __table_args__ = (
        CheckConstraint("channel IS NULL OR channel IN (%s)" % ", ".join(f"'{c}'" for c in CHANNELS),
                        name="channel"),
        CheckConstraint("reply_link IS NULL OR reply_link IN ('auto', 'manual')", name="reply_link"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outgoing_id: Mapped[int] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="CASCADE"), nullable=False, index=True
    )
    line_id: Mapped[int] = mapped_column(
        ForeignKey("document_recipients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # printed order
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(NFCString(250), nullable=False)  # the unit as of the dispatch
    # Kính gửi rows wait for an answer; copies "(b/c)" and the like do not.
    awaits_reply: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    # Made by the 0004 migration for a dispatch issued earlier: a group line was expanded with
    # the members of the migration day, not of the dispatch's date.
    backfilled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    channel: Mapped[str | None] = mapped_column(String(8))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime)  # when the reply was recorded
    answered_on: Mapped[date | None] = mapped_column(Date)  # the reply letter's date (late or not)
    reply_incoming_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_documents.id", ondelete="SET NULL"), index=True
    )
    reply_link: Mapped[str | None] = mapped_column(String(8))
    notes: Mapped[str | None] = mapped_column(NFCText)
