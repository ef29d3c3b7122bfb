"""The lines of a register (sổ đăng ký văn bản đi / đến) as Decree 30 lists them (domain spec 3.1–3.2).

Every number of the register whose document is dated in the period (arrival date for incoming),
and the reserved and voided numbers taken in the period, in number order. Read page by page
(keyset on year and number), so a register of any size streams with flat memory.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Iterator

from sqlalchemy import and_, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from db.models import DocumentRecipient, IncomingDocument, OutgoingDocument, Register, RegisterEntry
from desktop.core.vocabulary import (
    CORRECTION_KIND_LABELS,
    DISPATCH,
    SECRECY_LABELS,
    URGENCY_LABELS,
    pad2,
    short_date,
)
from desktop.reports.period import Period
from desktop.reports.tracking import first_sent

E, O, I = RegisterEntry, OutgoingDocument, IncomingDocument
PAGE = 2000
_ENTRY = (E.year, E.number, E.status, E.reason, E.manual)

OUT_HEADERS = ("Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
               "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú")
IN_HEADERS = ("Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
              "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú")
_UNTRACKED = ("như trên",)


@dataclass(frozen=True)
class RegisterInfo:
    id: int
    code: str
    name: str
    direction: str  # "out" | "in"


@dataclass
class RegisterLine:
    values: tuple[Any, ...]  # the ten columns, typed (dates, ints, text)
    tone: str | None  # "muted" for a reserved or voided number


def registers(session: Session, direction: str, code: str | None = None) -> list[RegisterInfo]:
    """The registers of `direction` (or the one with `code`); ValueError when there is none."""
    query = select(Register).where(Register.direction == direction).order_by(Register.id)
    if code is not None:
        found = session.scalars(select(Register).where(Register.code == code)).first()
        if found is None:
            raise ValueError(f"không có sổ mã «{code}»")
        if found.direction != direction:
            other = "văn bản đến" if found.direction == "in" else "văn bản đi"
            raise ValueError(f"sổ «{code}» là sổ {other}")
        query = query.where(Register.code == code)
    found_all = [RegisterInfo(r.id, r.code, r.name, r.direction) for r in session.scalars(query)]
    if not found_all:
        raise ValueError("chưa có sổ đăng ký " + ("văn bản đến" if direction == "in" else "văn bản đi"))
    return found_all


def type_and_subject(doc_type: str | None, subject: str | None) -> str:
    """"Công văn V/v …" for a công văn, "Báo cáo sơ kết …" for a named type."""
    subject = (subject or "").strip()
    kind = (doc_type or DISPATCH).strip()
    if kind.casefold() == DISPATCH.casefold():
        return f"Công văn V/v {subject}" if subject else kind
    return f"{kind} {subject}".strip()


def _period_condition(period: Period, doc_date):
    """Documents dated in the period; numbers without a document (reserved, voided) taken in it."""
    after_end = datetime.combine(period.end + timedelta(days=1), datetime.min.time())
    return or_(
        doc_date.between(period.start, period.end),
        and_(doc_date.is_(None), E.created_at >= datetime.combine(period.start, datetime.min.time()),
             E.created_at < after_end),
    )


def count_lines(session: Session, register: RegisterInfo, period: Period) -> int:
    doc_date = O.date if register.direction == "out" else I.arrival_date
    query = (select(func.count(E.id)).select_from(E)
             .outerjoin(O, O.id == E.outgoing_id).outerjoin(I, I.id == E.incoming_id)
             .where(E.register_id == register.id, _period_condition(period, doc_date)))
    return session.scalar(query) or 0


def register_lines(session: Session, register: RegisterInfo, period: Period) -> Iterator[RegisterLine]:
    """The register's lines in the period, in number order (year, then number)."""
    corrected = aliased(O)
    if register.direction == "out":
        columns = (*_ENTRY, O.symbol, O.date, O.doc_type, O.subject, O.signer_name, O.copies, O.urgency,
                   O.secrecy, O.correction_kind, corrected.number, corrected.symbol, corrected.date, O.id)
        base = (select(*columns).select_from(E).outerjoin(O, O.id == E.outgoing_id)
                .outerjoin(corrected, corrected.id == O.corrects_id))
        doc_date = O.date
    else:
        columns = (*_ENTRY, I.arrival_date, I.arrival_number, I.issuer_name, I.number, I.symbol, I.date, I.doc_type,
                   I.subject, I.handler, I.urgency, I.handling_deadline)
        base = select(*columns).select_from(E).outerjoin(I, I.id == E.incoming_id)
        doc_date = I.arrival_date
    base = base.where(E.register_id == register.id, _period_condition(period, doc_date))
    last: tuple[int, int] | None = None
    while True:
        query = base if last is None else base.where(tuple_(E.year, E.number) > tuple_(*last))
        page = session.connection().execute(query.order_by(E.year, E.number).limit(PAGE)).all()
        if not page:
            return
        if register.direction == "out":
            lines = _printed_lines(session, [r[-1] for r in page if r[-1] is not None])
            for row in page:
                yield _outgoing_line(row, lines.get(row[-1]))
        else:
            for row in page:
                yield _incoming_line(row)
        last = (page[-1].year, page[-1].number)


@dataclass
class _Lines:
    recipients: list[str]
    file_copy: str
    sent: date | None


def _printed_lines(session: Session, outgoing_ids: list[int]) -> dict[int, _Lines]:
    """Kính gửi / Nơi nhận lines as printed for a page of documents: where each went (without
    "Như trên" and the "Lưu: …" line), who keeps the file copy, and the day it was first sent."""
    r = DocumentRecipient
    out: dict[int, _Lines] = {}
    if not outgoing_ids:
        return out
    rows = session.connection().execute(  # plain rows: no ORM loading for a page of lines
        select(r.outgoing_id, r.text, r.purpose).where(r.outgoing_id.in_(outgoing_ids))
        .order_by(r.outgoing_id, r.role.desc(), r.position, r.id)  # "recipient" lines before "distribution"
    )
    for outgoing_id, text, purpose in rows:
        lines = out.setdefault(outgoing_id, _Lines([], "", None))
        stripped = (text or "").strip()
        if stripped.casefold().startswith("lưu"):
            lines.file_copy = stripped.split(":", 1)[1].strip() if ":" in stripped else stripped
            continue
        if stripped.casefold().rstrip(";.") not in _UNTRACKED:
            line = f"{stripped} {purpose}" if purpose else stripped
            if line not in lines.recipients:
                lines.recipients.append(line)
    for outgoing_id, day in first_sent(session, outgoing_ids).items():
        out.setdefault(outgoing_id, _Lines([], "", None)).sent = day
    return out


def _entry_note(status: str, reason: str | None, manual: bool) -> tuple[list[str], str | None]:
    notes: list[str] = []
    tone = None
    if status == "reserved":
        notes.append("Giữ số" + (f": {reason}" if reason else ""))
        tone = "muted"
    elif status == "voided":
        notes.append("Hủy số" + (f": {reason}" if reason else ""))
        tone = "muted"
    if manual:
        notes.append("Vào sổ bổ sung")
    return notes, tone


def _outgoing_line(row, lines: _Lines | None) -> RegisterLine:
    (_year, entry_number, status, reason, manual, symbol, on, doc_type, subject, signer, copies, urgency, secrecy,
     correction, old_number, old_symbol, old_date, _doc_id) = row
    notes, tone = _entry_note(status, reason, manual)
    if urgency:
        notes.append(URGENCY_LABELS.get(urgency, urgency))
    if secrecy:
        notes.append(SECRECY_LABELS.get(secrecy, secrecy))
    if correction and old_number:
        what = CORRECTION_KIND_LABELS.get(correction, correction)
        when = f" ngày {short_date(old_date)}" if old_date else ""
        notes.append(f"{what} văn bản số {pad2(old_number)}/{old_symbol or ''}{when}")
    shown = pad2(entry_number) + (f"/{symbol}" if symbol else "")
    if tone == "muted" and subject is None:
        content = "(Số giữ trước, chưa có văn bản)" if status == "reserved" else "(Số đã hủy)"
    else:
        content = type_and_subject(doc_type, subject)
    lines = lines or _Lines([], "", None)
    values = (shown, on, content, signer, "; ".join(lines.recipients), lines.file_copy,
              copies or None, lines.sent, None, "; ".join(notes))
    return RegisterLine(values, tone)


def _incoming_line(row) -> RegisterLine:
    (_year, entry_number, status, reason, manual, arrival, arrival_number, issuer, number, symbol, on, doc_type,
     subject, handler, urgency, deadline) = row
    notes, tone = _entry_note(status, reason, manual)
    if urgency:
        notes.append(URGENCY_LABELS.get(urgency, urgency))
    if deadline:
        notes.append(f"Hạn xử lý: {short_date(deadline)}")
    number_symbol = "/".join(x for x in (number, symbol) if x)
    if tone == "muted" and subject is None:
        content = "(Số giữ trước, chưa có văn bản)" if status == "reserved" else "(Số đã hủy)"
    else:
        content = type_and_subject(doc_type, subject)
    values = (arrival, arrival_number or entry_number, issuer, number_symbol, on, content, handler, None, None,
              "; ".join(notes))
    return RegisterLine(values, tone)
