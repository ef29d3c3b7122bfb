"""Reading the tracking of a dispatch: rows in printed order, their status, the header counts.

The late rule (also in SQL, `lists.py`): a row that waits for an answer (Kính gửi, a unit
attached) is late when the dispatch has a reply deadline and the answer is dated after it, or
there is no answer yet and the deadline has passed. The reply deadline is the one the clerk set
(`reply_deadline`), else the earliest deadline of the dispatch's tasks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import DocumentRecipient, DocumentReference, IncomingDocument, OutgoingDocument, RecipientTracking, Task
from desktop.core.context import AppContext
from desktop.core.vocabulary import TRACKING_STATUS_LABELS, decree_date, pad2, short_date
from desktop.documents.convert import recipient_line

__all__ = ["TrackingRow", "DispatchTracking", "Citation", "dispatch_tracking",
           "effective_deadline", "is_late", "dispatch_title", "incoming_label"]

R = RecipientTracking


@dataclass
class TrackingRow:
    id: int
    position: int
    unit_id: int | None
    unit: str
    line: str  # the line as printed ("Các Sở, Ban, ngành, đoàn thể cấp tỉnh", "Sở Y tế (b/c)")
    role: str  # "recipient" (Kính gửi) | "distribution" (Nơi nhận)
    awaits_reply: bool
    backfilled: bool
    sent_at: datetime | None
    channel: str | None
    acknowledged_at: datetime | None
    replied_at: datetime | None
    answered_on: date | None
    reply_id: int | None
    reply_number: str | None
    reply_symbol: str | None
    reply_date: date | None
    reply_link: str | None
    late: bool = False
    status: str = "waiting"  # a key of TRACKING_STATUS_LABELS

    @property
    def waits(self) -> bool:
        """Tracked for an answer: a unit is attached and the row waits for a reply."""
        return self.awaits_reply and self.unit_id is not None

    @property
    def replied(self) -> bool:
        return self.replied_at is not None

    @property
    def pending(self) -> bool:
        return self.waits and not self.replied

    @property
    def status_label(self) -> str:
        return TRACKING_STATUS_LABELS[self.status]

    @property
    def reply_label(self) -> str:
        if self.reply_id is None:
            return short_date(self.answered_on) if self.replied else ""
        number = "/".join(p for p in (self.reply_number, self.reply_symbol) if p) or f"đến #{self.reply_id}"
        return f"{number} ({short_date(self.reply_date)})" if self.reply_date else number


@dataclass
class Citation:
    """An incoming letter that cites the dispatch but is linked to no row (the clerk decides)."""

    incoming_id: int
    label: str
    issuer: str


@dataclass
class DispatchTracking:
    outgoing_id: int
    title: str  # "Công văn số 812/UBND-NC ngày 02/03/2026"
    label: str  # "812/UBND-NC"
    date: date | None
    subject: str
    status: str
    deadline: date | None
    deadline_set: bool  # the clerk set it (else it comes from the tasks)
    as_of: date
    rows: list[TrackingRow] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def count(self, what: str) -> int:
        """Header counts: "rows", "sent", "acknowledged" count rows; "units", "replied", "pending"
        and "late" count the units that wait for an answer (a unit printed twice counts once)."""
        if what in ("rows", "sent", "acknowledged"):
            column = {"rows": "id", "sent": "sent_at", "acknowledged": "acknowledged_at"}[what]
            return sum(getattr(r, column) is not None for r in self.rows)
        units: dict[int, TrackingRow] = {}
        for row in self.rows:
            if row.waits:
                units.setdefault(row.unit_id, row)  # type: ignore[arg-type]
        test = {"units": lambda r: True, "replied": lambda r: r.replied, "pending": lambda r: r.pending,
                "late": lambda r: r.late}[what]
        return sum(1 for r in units.values() if test(r))

    @property
    def pending_units(self) -> list[TrackingRow]:
        """The rows still waiting for an answer, one per unit, in printed order."""
        seen: set[int] = set()
        out = []
        for row in self.rows:
            if row.pending and row.unit_id not in seen:
                seen.add(row.unit_id)  # type: ignore[arg-type]
                out.append(row)
        return out


def is_late(waits: bool, answered_on: date | None, replied: bool, deadline: date | None, as_of: date) -> bool:
    if not waits or deadline is None:
        return False
    if replied:
        return answered_on is not None and answered_on > deadline
    return as_of > deadline


def _status(row: TrackingRow) -> str:
    if row.unit_id is None:
        return "untracked"
    if not row.awaits_reply:
        return "replied" if row.replied else "copy"
    if row.replied:
        return "late_reply" if row.late else "on_time"
    return "overdue" if row.late else "waiting"


def effective_deadline(session: Session, doc: OutgoingDocument) -> date | None:
    if doc.reply_deadline is not None:
        return doc.reply_deadline
    return session.scalar(select(func.min(Task.deadline)).where(
        Task.outgoing_id == doc.id, Task.status != "cancelled"))


def number_label(doc: OutgoingDocument) -> str:
    """"812/UBND-NC" ("(chưa cấp số)/UBND-NC" before it is issued)."""
    return f"{pad2(doc.number)}/{doc.symbol}" if doc.number else f"(chưa cấp số)/{doc.symbol or ''}"


def dispatch_title(doc: OutgoingDocument) -> str:
    when = f" ngày {short_date(doc.date)}" if doc.date else ""
    return f"{doc.doc_type} số {number_label(doc)}{when}"


def citation_text(doc: OutgoingDocument) -> str:
    """"Công văn số 812/UBND-NC ngày 02 tháng 3 năm 2026", as a reply cites it."""
    number = f"{pad2(doc.number)}/{doc.symbol}" if doc.number else (doc.symbol or "")
    return f"{doc.doc_type} số {number}" + (f" {decree_date(doc.date)}" if doc.date else "")


def incoming_label(doc: IncomingDocument) -> str:
    number = "/".join(p for p in (doc.number, doc.symbol) if p) or "(không số)"
    when = f" ngày {short_date(doc.date)}" if doc.date else ""
    return f"{doc.doc_type} số {number}{when}"


def rows_in_session(session: Session, doc: OutgoingDocument, as_of: date) -> list[TrackingRow]:
    deadline = effective_deadline(session, doc)
    query = (
        select(R, DocumentRecipient, IncomingDocument.number, IncomingDocument.symbol, IncomingDocument.date)
        .join(DocumentRecipient, DocumentRecipient.id == R.line_id)
        .outerjoin(IncomingDocument, IncomingDocument.id == R.reply_incoming_id)
        .where(R.outgoing_id == doc.id)
        .order_by(R.position, R.id)
    )
    out = []
    for row, line, number, symbol, reply_date in session.execute(query):
        item = TrackingRow(
            id=row.id, position=row.position, unit_id=row.unit_id, unit=row.name, line=recipient_line(line),
            role=line.role, awaits_reply=row.awaits_reply, backfilled=row.backfilled, sent_at=row.sent_at,
            channel=row.channel, acknowledged_at=row.acknowledged_at, replied_at=row.replied_at,
            answered_on=row.answered_on, reply_id=row.reply_incoming_id, reply_number=number,
            reply_symbol=symbol, reply_date=reply_date, reply_link=row.reply_link,
        )
        answered = item.answered_on or (item.replied_at.date() if item.replied_at else None)
        item.late = is_late(item.waits, answered, item.replied, deadline, as_of)
        item.status = _status(item)
        out.append(item)
    return out


def _citations(session: Session, doc_id: int) -> list[Citation]:
    linked = select(R.reply_incoming_id).where(R.outgoing_id == doc_id, R.reply_incoming_id.is_not(None))
    docs = session.scalars(
        select(IncomingDocument).join(DocumentReference, DocumentReference.incoming_id == IncomingDocument.id)
        .where(DocumentReference.target_outgoing_id == doc_id, IncomingDocument.id.not_in(linked))
        .order_by(IncomingDocument.arrival_date, IncomingDocument.id)
    ).unique().all()
    return [Citation(d.id, incoming_label(d), d.issuer_name) for d in docs]


def dispatch_tracking(ctx: AppContext, outgoing_id: int, as_of: date | None = None) -> DispatchTracking:
    """The Phản hồi of one dispatch; LookupError when there is no such outgoing document."""
    as_of = as_of or date.today()
    with ctx.session() as session:
        doc = session.get(OutgoingDocument, outgoing_id)
        if doc is None:
            raise LookupError(f"Không có văn bản đi số định danh {outgoing_id}.")
        return DispatchTracking(
            outgoing_id=doc.id, title=dispatch_title(doc), label=number_label(doc), date=doc.date,
            subject=doc.subject, status=doc.status,
            deadline=effective_deadline(session, doc), deadline_set=doc.reply_deadline is not None, as_of=as_of,
            rows=rows_in_session(session, doc, as_of), citations=_citations(session, doc.id),
        )
