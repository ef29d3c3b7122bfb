"""Tasks (nhiệm vụ) that documents assign, the letters that chased them, and the calendar."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamps
from db.types import NFCString, NFCText

TASK_STATUSES = ("open", "done", "cancelled")


class Task(Timestamps, Base):
    """Work a document item gives a unit, with its deadline.

    The source is an outgoing dispatch (we assign units) or an incoming document (a leader's
    instruction to us); at most one of the two. The four official categories (done on time,
    done late, not done within the deadline, not done overdue) are computed from `deadline`,
    `status` and `completed_on` as of a date, never stored.
    """

    __tablename__ = "tasks"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'done', 'cancelled')", name="status"),
        CheckConstraint("NOT (outgoing_id IS NOT NULL AND incoming_id IS NOT NULL)", name="one_source"),
        CheckConstraint("status <> 'done' OR completed_on IS NOT NULL", name="done_has_date"),
        CheckConstraint("role IN ('lead', 'support')", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outgoing_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="CASCADE"), index=True
    )
    incoming_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_documents.id", ondelete="CASCADE"), index=True
    )
    item_label: Mapped[str | None] = mapped_column(String(20))  # "5.1"
    title: Mapped[str] = mapped_column(NFCText, nullable=False)  # the item text or a summary
    assignee_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("units.id", ondelete="SET NULL"), index=True
    )
    assignee_text: Mapped[str | None] = mapped_column(NFCString(250))  # as written in the item
    role: Mapped[str] = mapped_column(String(10), nullable=False, default="lead")  # chủ trì / phối hợp
    movement_id: Mapped[int | None] = mapped_column(ForeignKey("movements.id", ondelete="SET NULL"))
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    deadline_text: Mapped[str | None] = mapped_column(NFCText)  # "trong Quý III/2018"
    recurrence: Mapped[str | None] = mapped_column(NFCString(40))  # "hằng quý"
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")
    completed_on: Mapped[date | None] = mapped_column(Date)
    reply_incoming_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_documents.id", ondelete="SET NULL")
    )
    reply_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(NFCText)
    # A recurring task ("hằng quý") is one row per period: each later occurrence names the first.
    series_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"), index=True)
    search_folded: Mapped[str] = mapped_column(String(2000), default="", nullable=False)
    search_owners = (("task", "id"),)  # an item of the search index (db.search_index)

    def search_parts(self) -> tuple:
        return (self.item_label, self.title, self.assignee_text, self.deadline_text, self.notes)


class TaskChase(Base):
    """A chasing letter (công văn đôn đốc) that chased a task."""

    __tablename__ = "task_chases"
    __table_args__ = (UniqueConstraint("task_id", "outgoing_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False)
    outgoing_id: Mapped[int] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="CASCADE"), nullable=False
    )
    new_deadline: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now(), nullable=False)


class CalendarDay(Base):
    """An editable exception to the working week: a public holiday ("off") or a make-up
    working day ("work"), e.g. the Tết days the Government fixes each year."""

    __tablename__ = "calendar_days"
    __table_args__ = (CheckConstraint("kind IN ('off', 'work')", name="kind"), UniqueConstraint("day"))

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    kind: Mapped[str] = mapped_column(String(4), nullable=False, default="off")
    name: Mapped[str] = mapped_column(NFCString(120), nullable=False)
    user_defined: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
