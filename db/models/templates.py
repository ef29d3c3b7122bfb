"""Templates for recurring dispatches, and autosaved drafts of the editor."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamps
from db.types import NFCString, NFCText


class Template(Timestamps, Base):
    """A dispatch template: subject and body with placeholders, default recipients and signer.

    Placeholders are data (`placeholders` JSON: name, label, type, default) filled through a
    sandboxed engine; a template is never code.
    """

    __tablename__ = "templates"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    doc_type: Mapped[str] = mapped_column(NFCString(50), nullable=False, default="Công văn")
    subject: Mapped[str] = mapped_column(NFCText, nullable=False)
    body: Mapped[str] = mapped_column(NFCText, nullable=False)
    recipients: Mapped[str] = mapped_column(Text, nullable=False, default="[]")  # JSON list
    distribution: Mapped[str] = mapped_column(Text, nullable=False, default="[]")  # JSON list
    placeholders: Mapped[str] = mapped_column(Text, nullable=False, default="[]")  # JSON list
    signer_id: Mapped[int | None] = mapped_column(ForeignKey("signers.id", ondelete="SET NULL"))
    drafting_unit_id: Mapped[int | None] = mapped_column(ForeignKey("drafting_units.id"))
    archived: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    search_folded: Mapped[str] = mapped_column(String(1000), default="", nullable=False)

    def search_parts(self) -> tuple:
        return (self.name, self.doc_type, self.subject)


class DraftAutosave(Base):
    """The editor's last autosaved state (JSON), so a crash never loses typed text."""

    __tablename__ = "draft_autosaves"

    id: Mapped[int] = mapped_column(primary_key=True)
    outgoing_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="CASCADE"), unique=True
    )
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    saved_by: Mapped[str | None] = mapped_column(NFCString(100))
    saved_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now(), nullable=False)
