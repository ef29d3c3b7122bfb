"""The audit log: who changed what, when."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.types import NFCString


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now(), nullable=False, index=True)
    user: Mapped[str] = mapped_column(NFCString(100), nullable=False, index=True)
    action: Mapped[str] = mapped_column(String(40), nullable=False)  # "create", "issue", "delete" ...
    entity: Mapped[str] = mapped_column(String(40), nullable=False)  # "outgoing_document", "task" ...
    entity_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str | None] = mapped_column(Text)  # JSON: changed fields, old -> new
