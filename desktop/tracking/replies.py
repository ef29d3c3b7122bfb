"""Replies link themselves: an incoming letter that cites one of our dispatches ("Thực hiện Công
văn số 812/UBND-NC ngày 02/3/2026 của UBND tỉnh…") and comes from one of that dispatch's
recipient units answers it. Its tracking row is marked replied and linked, the unit's tasks
of that dispatch get the letter as their report, and the link is audited (undo restores
everything). A cited dispatch whose recipients do not include the issuer is only noted on the
reference (`target_outgoing_id`) and shown for the clerk to decide; it is never linked.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, DocumentReference, IncomingDocument, OutgoingDocument, RecipientTracking, Task, Unit
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.text import fold
from desktop.recipients.names import unit_names
from desktop.tracking.query import citation_text
from desktop.tracking.undo import TRACKING_ENTITY, UndoError, remember, snapshot, undo_in_session, undone_ids

__all__ = ["LinkOutcome", "link_citations", "link_by_hand", "unlink_reply", "issuer_unit", "replies_of",
           "ROW_FIELDS", "drop_stale_links", "mark_replied", "unlink_letter"]

ROW_FIELDS = ("replied_at", "answered_on", "reply_incoming_id", "reply_link")
TASK_FIELDS = ("reply_incoming_id", "reply_date")


@dataclass
class LinkOutcome:
    """What the cited dispatch and the letter's issuer gave."""

    outgoing_id: int
    citation: str  # "Công văn số 812/UBND-NC ngày 02 tháng 3 năm 2026"
    unit: str | None  # the issuer's directory unit, when known
    linked: bool  # a tracking row was marked replied by this letter
    undo_id: int | None = None
    reason: str = ""  # why not linked, in Vietnamese

    @property
    def message(self) -> str:
        if self.linked:
            return f"Trả lời {self.citation}: đã ghi nhận {self.unit} đã trả lời."
        return f"Dẫn chiếu {self.citation} của cơ quan: {self.reason}"


def issuer_unit(session: Session, doc: IncomingDocument) -> int | None:
    """The directory unit that issued `doc` (its stored unit, else its name or an alias)."""
    if doc.issuer_unit_id is not None:
        return doc.issuer_unit_id
    from desktop.followup.assignees import match_unit

    units = unit_names(session, active_only=False)
    for name in (doc.issuer_name, " ".join(p for p in (doc.issuer_name, doc.issuer_parent) if p)):
        if name and (found := match_unit(name, units)) is not None:
            return found
    return None


def _symbol_key(symbol: str | None) -> str:
    return re.sub(r"\s+", "", fold(symbol or ""))


def _cited_dispatches(session: Session, ref: DocumentReference) -> list[OutgoingDocument]:
    if not ref.ref_number or not ref.ref_number.isdigit() or not ref.ref_symbol:
        return []
    query = select(OutgoingDocument).where(
        OutgoingDocument.status == "issued", OutgoingDocument.number == int(ref.ref_number))
    if ref.ref_date is not None:
        query = query.where(OutgoingDocument.date == ref.ref_date)
    wanted = _symbol_key(ref.ref_symbol)
    found = [d for d in session.scalars(query) if _symbol_key(d.symbol) == wanted]
    return sorted(found, key=lambda d: d.date or date.min, reverse=True)  # the latest first


def _rows_of(session: Session, outgoing_id: int, unit_id: int) -> list[RecipientTracking]:
    return list(session.scalars(select(RecipientTracking).where(
        RecipientTracking.outgoing_id == outgoing_id, RecipientTracking.unit_id == unit_id)
        .order_by(RecipientTracking.position)))


def mark_replied(session: Session, rows: list[RecipientTracking], reply: IncomingDocument, how: str,
                 user: str, now: datetime | None = None) -> int | None:
    """Mark `rows` (one dispatch, one unit) replied by `reply` and give the unit's tasks of that
    dispatch the letter as their report; one audit entry with the old values (the undo id)."""
    if not rows:
        return None
    now = (now or datetime.now()).replace(microsecond=0)
    outgoing_id, unit_id = rows[0].outgoing_id, rows[0].unit_id
    before_rows, before_tasks = {}, {}
    for row in rows:
        before_rows[row.id] = snapshot(row, ROW_FIELDS)
        row.replied_at, row.answered_on = now, reply.date or reply.arrival_date or now.date()
        row.reply_incoming_id, row.reply_link = reply.id, how
    tasks = session.scalars(select(Task).where(
        Task.outgoing_id == outgoing_id, Task.assignee_unit_id == unit_id, Task.status != "cancelled",
        Task.reply_incoming_id.is_(None))).all()
    for task in tasks:
        before_tasks[task.id] = snapshot(task, TASK_FIELDS)
        task.reply_incoming_id, task.reply_date = reply.id, reply.arrival_date or reply.date
    return remember(session, user, "link_reply", outgoing_id, rows=before_rows, tasks=before_tasks,
                    incoming_id=reply.id, unit_id=unit_id, how=how, row_ids=sorted(before_rows))


def link_citations(session: Session, reply: IncomingDocument, user: str,
                   now: datetime | None = None) -> list[LinkOutcome]:
    """For each of our dispatches `reply` cites: note it on the reference, and link the issuer's
    tracking rows when the issuer is one of its recipients (inside the caller's transaction)."""
    refs = session.scalars(select(DocumentReference).where(DocumentReference.incoming_id == reply.id)
                           .order_by(DocumentReference.position, DocumentReference.id)).all()
    unit_id = issuer_unit(session, reply)
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    outcomes: list[LinkOutcome] = []
    seen: set[int] = set()
    for ref in refs:
        candidates = _cited_dispatches(session, ref)
        if not candidates:
            continue
        with_unit = [d for d in candidates if unit_id is not None and _rows_of(session, d.id, unit_id)]
        doc = (with_unit or candidates)[0]
        ref.target_outgoing_id = doc.id
        if doc.id in seen:
            continue
        seen.add(doc.id)
        outcome = LinkOutcome(doc.id, citation_text(doc), unit.name if unit else None, False)
        rows = _rows_of(session, doc.id, unit_id) if unit_id is not None else []
        if unit_id is None:
            outcome.reason = f"không xác định được “{reply.issuer_name}” trong danh mục đơn vị; chờ văn thư quyết định."
        elif not rows:
            outcome.reason = f"{unit.name} không có trong danh sách nhận văn bản này; chờ văn thư quyết định."
        elif all(r.reply_incoming_id == reply.id for r in rows):
            outcome.linked = True  # linked already (an edit of the same letter)
        elif any(r.replied_at is not None for r in rows):
            outcome.reason = f"{unit.name} đã được ghi nhận trả lời bằng văn bản khác; chờ văn thư quyết định."
        else:
            outcome.undo_id = mark_replied(session, rows, reply, "auto", user, now)
            outcome.linked = True
        outcomes.append(outcome)
    return outcomes


def link_by_hand(ctx: AppContext, row_id: int, incoming_id: int, user: str) -> tuple[int, Changes]:
    """The clerk links a letter to a row (and the other rows of the same unit); returns the undo id."""
    with ctx.write_session() as session:
        row = session.get(RecipientTracking, row_id)
        reply = session.get(IncomingDocument, incoming_id)
        if row is None or reply is None:
            raise UndoError("Không tìm thấy dòng theo dõi hoặc văn bản đến cần liên kết.")
        rows = _rows_of(session, row.outgoing_id, row.unit_id) if row.unit_id is not None else [row]
        undo_id = mark_replied(session, rows, reply, "manual", user)
        session.commit()
    return undo_id, Changes(outgoing=True, tasks=True, incoming=True)


def unlink_reply(ctx: AppContext, row_id: int, user: str) -> Changes:
    """Undo the link that marked row `row_id` replied (its unit's tasks get their old report back)."""
    with ctx.write_session() as session:
        row = session.get(RecipientTracking, row_id)
        if row is None or row.replied_at is None:
            raise UndoError("Đơn vị này chưa được ghi nhận trả lời.")
        entry = _link_entry(session, row)
        if entry is None:
            raise UndoError("Không tìm thấy thao tác ghi nhận trả lời của đơn vị này để hoàn tác.")
        undo_in_session(session, entry, user)
        session.commit()
    return Changes(outgoing=True, tasks=True, incoming=True)


def unlink_letter(ctx: AppContext, incoming_id: int, user: str) -> Changes:
    """Undo every link that made letter `incoming_id` a reply (it is not one, the clerk says)."""
    with ctx.write_session() as session:
        rows = session.scalars(select(RecipientTracking).where(RecipientTracking.reply_incoming_id == incoming_id)
                               .order_by(RecipientTracking.id)).all()
        if not rows:
            raise UndoError("Văn bản này chưa được ghi nhận là văn bản trả lời của đơn vị nào.")
        for row in rows:
            if row.reply_incoming_id != incoming_id:
                continue  # undone with another row of the same unit
            entry = _link_entry(session, row)
            if entry is None:
                row.replied_at = row.answered_on = row.reply_incoming_id = row.reply_link = None
            else:
                undo_in_session(session, entry, user)
            session.flush()
        session.commit()
    return Changes(outgoing=True, tasks=True, incoming=True)


def _link_entry(session: Session, row: RecipientTracking) -> AuditEntry | None:
    """The latest change, not undone, that marked `row` replied."""
    undone = undone_ids(session, row.outgoing_id)
    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.entity == TRACKING_ENTITY, AuditEntry.entity_id == row.outgoing_id,
        AuditEntry.action.in_(("link_reply", "bulk"))).order_by(AuditEntry.id.desc())).all()
    for entry in entries:
        saved = json.loads(entry.details or "{}").get("undo", {}).get("rows", {}).get(str(row.id), {})
        if entry.id not in undone and "replied_at" in saved:
            return entry
    return None


def drop_stale_links(session: Session, reply: IncomingDocument, user: str) -> None:
    """After an edit of `reply`: undo its automatic links that its citations and issuer no longer give."""
    unit_id = issuer_unit(session, reply)
    refs = session.scalars(select(DocumentReference).where(DocumentReference.incoming_id == reply.id)).all()
    cited = {d.id for ref in refs for d in _cited_dispatches(session, ref)}
    rows = session.scalars(select(RecipientTracking).where(
        RecipientTracking.reply_incoming_id == reply.id, RecipientTracking.reply_link == "auto")).all()
    for row in rows:
        if row.outgoing_id in cited and row.unit_id == unit_id or row.reply_incoming_id != reply.id:
            continue
        entry = _link_entry(session, row)
        if entry is not None:
            undo_in_session(session, entry, user)
            session.flush()


def replies_of(session: Session, incoming_id: int) -> list[tuple[int, str, str]]:
    """(outgoing id, citation, unit) of the dispatches this letter is linked to as a reply."""
    rows = session.execute(
        select(OutgoingDocument, RecipientTracking.name)
        .join(RecipientTracking, RecipientTracking.outgoing_id == OutgoingDocument.id)
        .where(RecipientTracking.reply_incoming_id == incoming_id)
        .order_by(OutgoingDocument.date, RecipientTracking.position)).all()
    seen, out = set(), []
    for doc, name in rows:
        if (doc.id, name) not in seen:
            seen.add((doc.id, name))
            out.append((doc.id, citation_text(doc), name))
    return out
