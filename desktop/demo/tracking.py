"""The demo office's tracking: every issued dispatch has its rows (group lines per member), its
group tasks split per unit, the modelled dispatches sent through the axis on their day and
acknowledged the next morning, and the reply letters linked by themselves (some units answered,
one late, a letter from a unit that was not a recipient waiting for the clerk)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DocumentReference, IncomingDocument, OutgoingDocument, RecipientTracking
from desktop.followup.group_tasks import split_group_tasks
from desktop.tracking.replies import link_citations
from desktop.tracking.rows import track_issued

__all__ = ["add_reference", "add_tracking"]


def add_reference(session: Session, incoming: IncomingDocument, cites: list) -> None:
    """The dispatch a reply letter cites: [type, number, symbol, ISO date or null]."""
    kind, number, symbol, on = cites
    session.add(DocumentReference(incoming_id=incoming.id, position=0, ref_type=kind, ref_number=number,
                                  ref_symbol=symbol, ref_date=date.fromisoformat(on) if on else None,
                                  raw=f"{kind} số {number}/{symbol}"))


def add_tracking(session: Session, modelled: set[int]) -> None:
    """Rows for every issued dispatch; `modelled` (outgoing ids) were sent and acknowledged."""
    session.flush()
    for doc in session.scalars(select(OutgoingDocument).where(OutgoingDocument.status == "issued")):
        if doc.id in modelled:
            split_group_tasks(session, doc.id)
        track_issued(session, doc)
    session.flush()
    for row, issued_at in session.execute(
            select(RecipientTracking, OutgoingDocument.issued_at)
            .join(OutgoingDocument, OutgoingDocument.id == RecipientTracking.outgoing_id)
            .where(RecipientTracking.outgoing_id.in_(modelled))):
        sent = (issued_at or datetime.now()).replace(microsecond=0) + timedelta(minutes=40)
        row.sent_at, row.channel = sent, "axis"
        if row.position % 5:  # most units confirm receipt the next morning
            row.acknowledged_at = datetime.combine(sent.date() + timedelta(days=1), time(8, 15))
    replies = session.scalars(select(IncomingDocument).where(IncomingDocument.id.in_(
        select(DocumentReference.incoming_id).where(DocumentReference.incoming_id.is_not(None))))).all()
    for letter in sorted(replies, key=lambda d: (d.arrival_date, d.id)):
        link_citations(session, letter, "văn thư", now=datetime.combine(letter.arrival_date, time(9, 30)))
