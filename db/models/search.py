"""The search index: one row per outgoing or incoming document, task and unit, holding its text as
folded words (db.text.words) for the one search box (Ctrl+K).

Kept in step by db.listeners (through db.search_index); a row belongs to exactly one item and goes
with it (ON DELETE CASCADE), so a deletion the ORM never saw still leaves no stale hit. On SQLite
an FTS5 table (`search_fts`, external content) indexes `head` and `body`; on PostgreSQL a GIN index
over their tsvector does. Neither is described here: the migration creates them (db.search_index
names them, so the model comparison leaves them alone).
"""
from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base

SEARCH_KINDS = ("outgoing", "incoming", "task", "unit")
_ONE_ITEM = " + ".join(f"(CASE WHEN {k}_id IS NULL THEN 0 ELSE 1 END)" for k in SEARCH_KINDS) + " = 1"


class SearchEntry(Base):
    __tablename__ = "search_entries"
    __table_args__ = (CheckConstraint(_ONE_ITEM, name="one_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    outgoing_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="CASCADE"), unique=True)
    incoming_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_documents.id", ondelete="CASCADE"), unique=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), unique=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), unique=True)
    # "1607 ubnd nc" (db.text.number_key): a query that is this, or its start, is an exact match
    number_key: Mapped[str] = mapped_column(String(120), nullable=False, default="", index=True)
    head: Mapped[str] = mapped_column(Text, nullable=False, default="")  # number, symbol, subject / name / task
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")  # the rest: body, Kính gửi, Nơi nhận…
