"""Storing an imported dispatch: as an incoming document (with its tasks) or as an issued
outgoing document (with its register entry, recipients, references and tasks). One
transaction; a clear Vietnamese error and nothing written when it cannot be stored."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    DocumentRecipient,
    DocumentReference,
    IncomingDocument,
    OutgoingDocument,
    Register,
    RegisterEntry,
    Task,
    Unit,
)
from desktop.core import audit
from desktop.core.changes import Changes
from desktop.documents.numbering import allocate_number
from desktop.core.dispatch import Dispatch
from desktop.core.vocabulary import urgency_code
from desktop.documents.parts import appendix_inputs, secrecy_code, stored_appendices, stored_contact
from desktop.documents.body import text_from_paragraphs
from desktop.importing.items import Units, match_unit_id
from desktop.importing.parse import ImportResult

_PURPOSE = re.compile(r"^(?P<text>.*\S)\s*(?P<purpose>\([^()]{1,38}\))$")


class ImportSaveError(ValueError):
    """The imported document cannot be stored as asked; the message says why (Vietnamese)."""


@dataclass
class SaveOutcome:
    direction: str  # "in" | "out"
    document_id: int
    tasks: int
    arrival_number: int | None = None
    register_number: int | None = None
    changes: Changes = Changes()

    @property
    def message(self) -> str:
        what = "văn bản đến" if self.direction == "in" else "văn bản đi"
        extra = f", số đến {self.arrival_number}" if self.arrival_number else ""
        return f"Đã lưu {what} (id {self.document_id}, {self.tasks} nhiệm vụ{extra})"


def load_units(session: Session) -> Units:
    """The unit directory as (id, name, aliases) for matching assignees; dissolved units too, since
    an imported letter may be older than the change (a 2018 letter names Sở Kế hoạch và Đầu tư)."""
    units = session.scalars(select(Unit)).all()
    return [(u.id, u.name, [a.alias for a in u.aliases] + ([u.short_name] if u.short_name else [])) for u in units]


def save_import(ctx, result: ImportResult, as_: str, *, source_file: str | None = None,
                arrival_date: date | None = None) -> SaveOutcome:
    if as_ not in ("in", "out"):
        raise ImportSaveError("cần --save-as in (văn bản đến) hoặc out (văn bản đi)")
    d = result.dispatch
    _require(d, as_)
    source_file = source_file or result.source_path
    with ctx.write_session() as session:
        try:
            units = load_units(session)
            if as_ == "in":
                outcome = _save_incoming(session, d, source_file, arrival_date or date.today(), ctx.user)
            else:
                outcome = _save_outgoing(session, d, source_file)
            outcome.tasks = _save_tasks(session, result, units, outcome)
            _save_references(session, d, outcome)
            audit.record(session, ctx.user, "import",
                         "incoming_document" if as_ == "in" else "outgoing_document", outcome.document_id,
                         source_file=source_file, tasks=outcome.tasks, number=d.number, symbol=d.symbol)
            session.commit()
        except Exception:
            session.rollback()
            raise
    outcome.changes = Changes(incoming=as_ == "in", outgoing=as_ == "out", tasks=outcome.tasks > 0,
                              registers=True)
    return outcome


def _require(d: Dispatch, as_: str) -> None:
    missing = []
    if not d.issuer.name:
        missing.append("cơ quan ban hành")
    if not d.subject:
        missing.append("trích yếu")
    if as_ == "out" and d.number is None:
        missing.append("số văn bản")
    if missing:
        raise ImportSaveError("không lưu được: thiếu " + ", ".join(missing) + " (hãy nhập tay rồi lưu lại)")


def _register(session: Session, direction: str, doc_type: str | None) -> Register | None:
    registers = session.scalars(
        select(Register).where(Register.direction == direction, Register.active.is_(True)).order_by(Register.id)
    ).all()
    typed = [r for r in registers if r.doc_type and doc_type and r.doc_type.casefold() == doc_type.casefold()]
    shared = [r for r in registers if not r.doc_type]
    return (typed or shared or [None])[0]


def _save_incoming(session: Session, d: Dispatch, source_file: str | None, arrived: date,
                   user: str) -> SaveOutcome:
    register = _register(session, "in", None)
    doc = IncomingDocument(
        register_id=register.id if register else None,
        arrival_date=arrived,
        doc_type=d.doc_type or "Công văn",
        issuer_name=d.issuer.name,
        issuer_parent=d.issuer.parent,
        number=str(d.number) if d.number is not None else None,
        symbol=d.symbol,
        date=d.date,
        place=d.place,
        subject=d.subject,
        urgency=urgency_code(d.urgency),
        body=text_from_paragraphs(d.body),
        signer_name=d.signer.name,
        signer_title_lines="\n".join(d.signer.title_lines) or None,
        source_file=source_file,
    )
    session.add(doc)
    session.flush()
    arrival_number = None
    if register is not None:
        # The arrival number (số đến) comes from the register like any number: gap-free, guarded.
        arrival_number = allocate_number(session, register.id, arrived.year, incoming_id=doc.id, user=user,
                                         reason="nhập từ tệp")
        doc.arrival_year, doc.arrival_number = arrived.year, arrival_number
    _save_lines(session, {"incoming_id": doc.id}, d)
    return SaveOutcome("in", doc.id, 0, arrival_number=arrival_number)


def _save_lines(session: Session, owner: dict[str, int], d: Dispatch) -> None:
    """Kính gửi and Nơi nhận lines, each matched to a directory unit where one fits."""
    units = load_units(session)
    for role, lines in (("recipient", d.recipients), ("distribution", d.distribution)):
        for position, line in enumerate(lines):
            m = _PURPOSE.match(line)
            text, purpose = (m.group("text"), m.group("purpose")) if m else (line, None)
            session.add(DocumentRecipient(**owner, role=role, position=position, text=text,
                                          purpose=purpose, unit_id=match_unit_id(text, units)))


def _save_outgoing(session: Session, d: Dispatch, source_file: str | None) -> SaveOutcome:
    year = (d.date or date.today()).year
    register = _register(session, "out", d.doc_type)
    if register is not None:
        taken = session.scalar(select(RegisterEntry.id).where(
            RegisterEntry.register_id == register.id, RegisterEntry.year == year, RegisterEntry.number == d.number))
        taken = taken or session.scalar(select(OutgoingDocument.id).where(
            OutgoingDocument.register_id == register.id, OutgoingDocument.year == year,
            OutgoingDocument.number == d.number))
        if taken:
            raise ImportSaveError(
                f"số {d.number} năm {year} đã có trong {register.name}; không lưu trùng số"
            )
    doc = OutgoingDocument(
        doc_type=d.doc_type or "Công văn",
        register_id=register.id if register else None,
        year=year,
        number=d.number,
        symbol=d.symbol,
        date=d.date,
        place=d.place,
        issuer_name=d.issuer.name,
        issuer_parent=d.issuer.parent,
        subject=d.subject,
        urgency=urgency_code(d.urgency),
        body=text_from_paragraphs(d.body),
        secrecy=secrecy_code(d.secrecy), contact=stored_contact(d.contact),
        appendices=stored_appendices(appendix_inputs(d.appendices)),
        status="issued",
        signer_name=d.signer.name,
        signer_title_lines="\n".join(d.signer.title_lines) or None,
        issued_at=datetime.now(),
        source_file=source_file,
    )
    session.add(doc)
    session.flush()
    if register is not None:
        session.add(RegisterEntry(register_id=register.id, year=year, number=d.number, status="issued",
                                  outgoing_id=doc.id, manual=True, reason="nhập từ tệp"))
    _save_lines(session, {"outgoing_id": doc.id}, d)
    return SaveOutcome("out", doc.id, 0, register_number=d.number if register else None)


def _save_references(session: Session, d: Dispatch, outcome: SaveOutcome) -> None:
    owner = {"incoming_id": outcome.document_id} if outcome.direction == "in" else {"outgoing_id": outcome.document_id}
    for position, ref in enumerate(d.references):
        sep = "" if ref.symbol and ref.number and not ref.symbol[:1].isalpha() else "/"
        raw = " ".join(p for p in (ref.type, f"số {ref.number}{sep}{ref.symbol or ''}") if p)
        session.add(DocumentReference(
            position=position, ref_type=ref.type, ref_number=ref.number, ref_symbol=ref.symbol,
            ref_date=ref.date, ref_issuer=ref.issuer, raw=raw, **owner,
        ))


def _save_tasks(session: Session, result: ImportResult, units: Units, outcome: SaveOutcome) -> int:
    owner = {"incoming_id": outcome.document_id} if outcome.direction == "in" else {"outgoing_id": outcome.document_id}
    count = 0
    for draft in result.tasks:
        unit_id = draft.assignee_unit_id
        if unit_id is None and draft.assignee_text:
            unit_id = match_unit_id(draft.assignee_text, units)
        session.add(Task(
            item_label=draft.item_label,
            title=draft.title,
            assignee_text=(draft.assignee_text or None) and draft.assignee_text[:250],
            assignee_unit_id=unit_id,
            deadline=draft.deadline,
            deadline_text=draft.deadline_text,
            recurrence=(draft.recurrence or None) and draft.recurrence[:40],
            status="open",
            **owner,
        ))
        count += 1
    return count
