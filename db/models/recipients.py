"""Who a document goes to: Kính gửi (recipients) and Nơi nhận (distribution) lines."""
from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.types import NFCString, NFCText


class DocumentRecipient(Base):
    """One printed line of Kính gửi (role "recipient") or Nơi nhận (role "distribution")
    of an outgoing document, or of an incoming one (as read from the received letter).

    A line names a unit, a group (printed as the group's name) or free text; `text` is always
    the line as printed, so a renamed unit never changes an issued letter. Delivery,
    acknowledgement and reply are tracked per unit in `RecipientTracking` (a group line has
    one tracking row per member).
    """

    __tablename__ = "document_recipients"
    __table_args__ = (
        CheckConstraint("role IN ('recipient', 'distribution')", name="role"),
        CheckConstraint("NOT (unit_id IS NOT NULL AND group_id IS NOT NULL)", name="unit_or_group"),
        CheckConstraint(
            "(outgoing_id IS NOT NULL AND incoming_id IS NULL)"
            " OR (outgoing_id IS NULL AND incoming_id IS NOT NULL)",
            name="one_document",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outgoing_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="CASCADE"), index=True
    )
    incoming_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_documents.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(12), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("unit_groups.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(NFCText, nullable=False)  # "Ban TĐKT Trung ương"
    purpose: Mapped[str | None] = mapped_column(NFCString(40))  # "(b/c)", "(Cụm trưởng)"
    notes: Mapped[str | None] = mapped_column(NFCText)
