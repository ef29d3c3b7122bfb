"""Outgoing and incoming documents and the references between documents."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamps
from db.types import NFCString, NFCText

# dự thảo -> trình ký -> đã ký -> đã ban hành; "cancelled" for a draft given up.
DOCUMENT_STATUSES = ("draft", "submitted", "signed", "issued", "cancelled")
URGENCIES = ("khan", "thuong_khan", "hoa_toc")  # Khẩn, Thượng khẩn, Hỏa tốc
SECRECY_LEVELS = ("mat", "toi_mat", "tuyet_mat")  # Mật, Tối mật, Tuyệt mật


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (%s)" % ", ".join(f"'{v}'" for v in values)


class OutgoingDocument(Timestamps, Base):
    """A document the office issues (văn bản đi); a công văn unless `doc_type` says otherwise."""

    __tablename__ = "outgoing_documents"
    __table_args__ = (
        UniqueConstraint("register_id", "year", "number"),
        CheckConstraint(_in("status", DOCUMENT_STATUSES), name="status"),
        CheckConstraint("urgency IS NULL OR " + _in("urgency", URGENCIES), name="urgency"),
        CheckConstraint("secrecy IS NULL OR " + _in("secrecy", SECRECY_LEVELS), name="secrecy"),
        CheckConstraint("number IS NULL OR number >= 1", name="number_positive"),
        CheckConstraint("copies >= 0", name="copies"),
        CheckConstraint(
            "correction_kind IS NULL OR correction_kind IN ('correction', 'replacement')",
            name="correction_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_type: Mapped[str] = mapped_column(NFCString(50), nullable=False, default="Công văn")
    register_id: Mapped[int | None] = mapped_column(ForeignKey("registers.id"))
    year: Mapped[int | None] = mapped_column(Integer)  # the register year of `number`
    number: Mapped[int | None] = mapped_column(Integer)  # null until issued
    symbol: Mapped[str | None] = mapped_column(NFCString(50))  # "UBND-NC"
    date: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(NFCString(100))
    issuer_name: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    issuer_parent: Mapped[str | None] = mapped_column(NFCString(200))
    subject: Mapped[str] = mapped_column(NFCText, nullable=False)  # trích yếu, without "V/v"
    urgency: Mapped[str | None] = mapped_column(String(12))
    secrecy: Mapped[str | None] = mapped_column(String(12))
    # Body as text: one paragraph per line; numbered items keep their label ("5.1. ...").
    body: Mapped[str] = mapped_column(NFCText, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="draft")
    signer_id: Mapped[int | None] = mapped_column(ForeignKey("signers.id", ondelete="SET NULL"))
    # Snapshot of the signer as printed, so an issued document never changes with the directory.
    signer_name: Mapped[str | None] = mapped_column(NFCString(100))
    signer_title_lines: Mapped[str | None] = mapped_column(NFCText)
    drafting_unit_id: Mapped[int | None] = mapped_column(ForeignKey("drafting_units.id"))
    drafter: Mapped[str | None] = mapped_column(NFCString(100))  # người soạn thảo
    drafter_initials: Mapped[str | None] = mapped_column(NFCString(10))  # ô 12
    copies: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # số lượng bản phát hành
    file_copies: Mapped[int | None] = mapped_column(Integer)  # "Lưu: VT, NC (2)"
    template_id: Mapped[int | None] = mapped_column(ForeignKey("templates.id", ondelete="SET NULL"))
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="SET NULL")
    )
    correction_kind: Mapped[str | None] = mapped_column(String(12))
    issued_at: Mapped[datetime | None] = mapped_column(DateTime)
    # When the recipients must answer (tracking: late or on time); null = the earliest deadline
    # of the dispatch's tasks.
    reply_deadline: Mapped[date | None] = mapped_column(Date)
    source_file: Mapped[str | None] = mapped_column(NFCString(500))  # when imported
    # The address footer (ô 13), one line per line; the appendices as JSON [{title, subtitle, body}]
    # (desktop.documents.parts).
    contact: Mapped[str | None] = mapped_column(NFCText)
    appendices: Mapped[str | None] = mapped_column(NFCText)
    search_folded: Mapped[str] = mapped_column(String(2000), default="", nullable=False)
    search_owners = (("outgoing", "id"),)  # an item of the search index (db.search_index)

    def search_parts(self) -> tuple:
        number = f"{self.number:02d}/{self.symbol}" if self.number else self.symbol
        return (number, self.doc_type, self.subject, self.signer_name, self.drafter)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class IncomingDocument(Timestamps, Base):
    """A document the office receives (văn bản đến), with its arrival number (số đến)."""

    __tablename__ = "incoming_documents"
    __table_args__ = (
        UniqueConstraint("register_id", "arrival_year", "arrival_number"),
        CheckConstraint("arrival_number IS NULL OR arrival_number >= 1", name="arrival_positive"),
        CheckConstraint("urgency IS NULL OR " + _in("urgency", URGENCIES), name="urgency"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int | None] = mapped_column(ForeignKey("registers.id"))
    arrival_year: Mapped[int | None] = mapped_column(Integer)
    arrival_number: Mapped[int | None] = mapped_column(Integer)
    arrival_date: Mapped[date | None] = mapped_column(Date)
    doc_type: Mapped[str] = mapped_column(NFCString(50), nullable=False, default="Công văn")
    issuer_name: Mapped[str] = mapped_column(NFCString(200), nullable=False)
    issuer_parent: Mapped[str | None] = mapped_column(NFCString(200))
    issuer_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    number: Mapped[str | None] = mapped_column(String(20))  # as written, leading zeros kept
    symbol: Mapped[str | None] = mapped_column(NFCString(50))
    date: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(NFCString(100))
    subject: Mapped[str] = mapped_column(NFCText, nullable=False)
    urgency: Mapped[str | None] = mapped_column(String(12))
    body: Mapped[str | None] = mapped_column(NFCText)
    signer_name: Mapped[str | None] = mapped_column(NFCString(100))
    signer_title_lines: Mapped[str | None] = mapped_column(NFCText)
    handling_deadline: Mapped[date | None] = mapped_column(Date)  # thời hạn giải quyết
    handler: Mapped[str | None] = mapped_column(NFCString(100))
    instructions: Mapped[str | None] = mapped_column(NFCText)  # ý kiến phân phối, chỉ đạo
    source_file: Mapped[str | None] = mapped_column(NFCString(500))
    # The original file kept as an attachment in the user-data folder (desktop.incoming.files).
    file_name: Mapped[str | None] = mapped_column(NFCString(255))  # as the clerk knew it
    file_path: Mapped[str | None] = mapped_column(String(300))  # relative to the data folder
    file_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    search_folded: Mapped[str] = mapped_column(String(2000), default="", nullable=False)
    search_owners = (("incoming", "id"),)

    def search_parts(self) -> tuple:
        number = f"{self.number}/{self.symbol}" if self.number else self.symbol
        return (number, self.doc_type, self.issuer_name, self.subject, self.arrival_number)


# The lists' default order (desktop.documents.lists), so their first screen is read from an index:
# newest first, a draft (no date yet) by the day it was started.
Index("ix_outgoing_documents_listed",
      func.coalesce(OutgoingDocument.date, func.date(OutgoingDocument.created_at)), OutgoingDocument.number)
Index("ix_incoming_documents_listed", IncomingDocument.arrival_date, IncomingDocument.arrival_number)


class DocumentReference(Base):
    """A document cited by another: "Thông báo số 63/TB-VPCP ngày 26/3/2021".

    The citing document is outgoing or incoming (exactly one); the cited one is kept as written
    and linked to a stored document when it is known.
    """

    __tablename__ = "document_references"
    __table_args__ = (
        CheckConstraint(
            "(outgoing_id IS NOT NULL AND incoming_id IS NULL)"
            " OR (outgoing_id IS NULL AND incoming_id IS NOT NULL)",
            name="one_source",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outgoing_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="CASCADE")
    )
    incoming_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_documents.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    ref_type: Mapped[str | None] = mapped_column(NFCString(50))  # "Thông báo"
    ref_number: Mapped[str | None] = mapped_column(String(20))  # "63", leading zeros kept
    ref_symbol: Mapped[str | None] = mapped_column(NFCString(50))  # "TB-VPCP"
    ref_date: Mapped[date | None] = mapped_column(Date)
    ref_issuer: Mapped[str | None] = mapped_column(NFCString(200))
    raw: Mapped[str | None] = mapped_column(NFCText)
    target_outgoing_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_documents.id", ondelete="SET NULL")
    )
    target_incoming_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_documents.id", ondelete="SET NULL")
    )
