"""Making the tracking rows of an issued dispatch (inside the issuing transaction).

Every Kính gửi and Nơi nhận line becomes rows: a unit line one row, a group line one row per
member of the group on the dispatch's date (in the group's order), free text one row without
a unit (the clerk may attach one later). "Như trên" and "Lưu: …" are not tracked. Kính gửi rows
wait for an answer; Nơi nhận rows only when the dispatch has no Kính gửi and the line is not a
copy "(b/c)", "(để biết)".
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import DocumentRecipient, OutgoingDocument, RecipientTracking, Unit
from desktop.core.text import fold
from desktop.recipients.groups import group_members_on

__all__ = ["track_issued", "not_tracked", "informational", "reply_deadline_in_body"]

_INFORMATIONAL = ("b/c", "bc", "de biet", "biet", "theo doi", "chi dao")


def not_tracked(text: str) -> bool:
    """"Như trên" (the Kính gửi again) and the archive line "Lưu: VT, …" are nobody to track."""
    folded = fold(text).rstrip(".;,")
    return folded == "nhu tren" or folded.startswith(("luu:", "luu "))


def informational(purpose: str | None) -> bool:
    """A copy sent to report or for information: "(b/c)", "(để biết)", "(để theo dõi, chỉ đạo)"."""
    folded = fold((purpose or "").strip("() "))
    return any(word in folded for word in _INFORMATIONAL)


def track_issued(session: Session, doc: OutgoingDocument, *, on: date | None = None) -> int:
    """Replace `doc`'s tracking rows with rows for its lines as printed; returns how many.

    Group lines expand with the members as of `on` (default: the dispatch's date).
    """
    lines = session.scalars(
        select(DocumentRecipient).where(DocumentRecipient.outgoing_id == doc.id)
        .order_by(DocumentRecipient.role.desc(), DocumentRecipient.position, DocumentRecipient.id)
    ).all()  # "recipient" sorts after "distribution" in descending order: Kính gửi first
    session.execute(delete(RecipientTracking).where(RecipientTracking.outgoing_id == doc.id))
    has_kinh_gui = any(line.role == "recipient" for line in lines)
    when = on or doc.date
    position = 0
    for line in lines:
        if not_tracked(line.text):
            continue
        awaits = line.role == "recipient" or (not has_kinh_gui and not informational(line.purpose))
        for unit_id, name in _targets(session, line, when):
            session.add(RecipientTracking(outgoing_id=doc.id, line_id=line.id, position=position,
                                          unit_id=unit_id, name=name[:250], awaits_reply=awaits))
            position += 1
    return position


def _targets(session: Session, line: DocumentRecipient, on: date | None) -> list[tuple[int | None, str]]:
    if line.group_id is not None:
        members = group_members_on(session, line.group_id, on)
        if members:
            return [(m.unit_id, m.name) for m in members]
    if line.unit_id is not None:
        unit = session.get(Unit, line.unit_id)
        return [(line.unit_id, unit.name if unit is not None else line.text)]
    return [(None, line.text)]


def reply_deadline_in_body(session: Session, doc: OutgoingDocument) -> date | None:
    """The earliest dated deadline written in the body ("báo cáo trước ngày 15/12/2025"), or None."""
    from desktop.followup.calendar import load_calendar
    from desktop.followup.deadlines import find_deadline

    calendar = load_calendar(session)
    found = [find_deadline(paragraph, doc_date=doc.date, calendar=calendar).date
             for paragraph in (doc.body or "").splitlines() if paragraph.strip()]
    dated = [d for d in found if d is not None and (doc.date is None or d >= doc.date)]
    return min(dated) if dated else None
