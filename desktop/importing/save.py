"""Storing an imported dispatch: as an incoming letter (through the incoming-letter service: its
original file kept, duplicates refused, replies linked, with its tasks) or as an issued outgoing
document (with its register entry, recipients, tracking rows, references and tasks). One
transaction; a clear Vietnamese error and nothing written when it cannot be stored."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import OutgoingDocument, RegisterEntry, Task
from desktop.core import audit
from desktop.core.access import REGISTER, check_right
from desktop.core.changes import Changes
from desktop.core.dispatch import Dispatch
from desktop.core.vocabulary import urgency_code
from desktop.documents.parts import appendix_inputs, secrecy_code, stored_appendices, stored_contact
from desktop.documents.body import text_from_paragraphs
from desktop.documents.numbering import lock_register, register_for
from desktop.followup.group_tasks import split_group_tasks
from desktop.importing.items import Units, match_unit_id
from desktop.importing.parse import ImportResult
from desktop.incoming.inputs import DuplicateIncoming, IncomingInput
from desktop.incoming.lines import write_lines, write_references
from desktop.incoming.service import create_in_session
from desktop.recipients.names import unit_names
from desktop.tracking.rows import track_issued


class ImportSaveError(ValueError):
    """The imported document cannot be stored as asked; the message says why (Vietnamese)."""


class DuplicateImport(ImportSaveError):
    """The letter (or its file) is registered already; `existing` are (id, label) of the copies."""

    def __init__(self, message: str, existing: list[tuple[int, str]]):
        self.existing = existing
        super().__init__(message)


@dataclass
class SaveOutcome:
    direction: str  # "in" | "out"
    document_id: int
    tasks: int
    arrival_number: int | None = None
    register_number: int | None = None
    changes: Changes = Changes()
    links: list = field(default_factory=list)  # desktop.tracking.replies.LinkOutcome (incoming only)

    @property
    def message(self) -> str:
        what = "văn bản đến" if self.direction == "in" else "văn bản đi"
        extra = f", số đến {self.arrival_number}" if self.arrival_number else ""
        text = f"Đã lưu {what} (id {self.document_id}, {self.tasks} nhiệm vụ{extra})"
        notes = " ".join(link.message for link in self.links)
        return f"{text}. {notes}".rstrip(". ") if notes else text


def load_units(session: Session) -> Units:
    """The unit directory as (id, name, aliases) for matching assignees; dissolved units too, since
    an imported letter may be older than the change (a 2018 letter names Sở Kế hoạch và Đầu tư)."""
    return unit_names(session, active_only=False)


def save_import(ctx, result: ImportResult, as_: str, *, source_file: str | None = None,
                arrival_date: date | None = None, allow_duplicate: bool = False) -> SaveOutcome:
    """Store `result` as an incoming ("in") or an issued outgoing ("out") document.

    ImportSaveError when it cannot be; DuplicateImport (an ImportSaveError) when the letter or
    its file is registered already, unless `allow_duplicate`."""
    if as_ not in ("in", "out"):
        raise ImportSaveError("cần --save-as in (văn bản đến) hoặc out (văn bản đi)")
    d = result.dispatch
    _require(d, as_)
    source_file = source_file or result.source_path
    with ctx.write_session() as session:
        try:
            check_right(session, ctx.actor, REGISTER, ctx.user)  # inside: BEGIN IMMEDIATE stays the first statement
            if as_ == "in":
                outcome = _save_incoming(session, result, source_file, arrival_date, ctx.user, allow_duplicate)
            else:
                outcome = _save_outgoing(session, result, source_file, ctx.user)
            session.commit()
        except DuplicateIncoming as exc:
            session.rollback()
            raise DuplicateImport(str(exc), exc.existing) from None
        except Exception:
            session.rollback()
            raise
    linked = any(link.linked for link in outcome.links)
    outcome.changes = Changes(incoming=as_ == "in", outgoing=as_ == "out" or linked,
                              tasks=outcome.tasks > 0 or linked, registers=True)
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


def _save_incoming(session: Session, result: ImportResult, source_file: str | None, arrived: date | None,
                   user: str, allow_duplicate: bool) -> SaveOutcome:
    d = result.dispatch
    data = IncomingInput(
        doc_type=d.doc_type or "Công văn", issuer_name=d.issuer.name, issuer_parent=d.issuer.parent,
        number=str(d.number) if d.number is not None else None, symbol=d.symbol, date=d.date, place=d.place,
        subject=d.subject, urgency=urgency_code(d.urgency),
        body=text_from_paragraphs(d.body), signer_name=d.signer.name,
        signer_title_lines="\n".join(d.signer.title_lines) or None, arrival_date=arrived,
        recipients=list(d.recipients), distribution=list(d.distribution), references=list(d.references),
        source_file=source_file,
    )
    units = load_units(session)
    saved = create_in_session(session, data, user, allow_duplicate=allow_duplicate, action="import",
                              then=lambda s, doc: _save_tasks(s, result, units, {"incoming_id": doc.id}))
    return SaveOutcome("in", saved.id, saved.tasks, arrival_number=saved.arrival_number, links=saved.links)


def _save_outgoing(session: Session, result: ImportResult, source_file: str | None, user: str) -> SaveOutcome:
    d = result.dispatch
    year = (d.date or date.today()).year
    register = register_for(session, "out", d.doc_type)
    if register is not None:
        lock_register(session, register.id)  # before the check and the insert (desktop/core/writes.py)
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
        doc_type=d.doc_type or "Công văn", register_id=register.id if register else None, year=year,
        number=d.number, symbol=d.symbol, date=d.date, place=d.place, issuer_name=d.issuer.name,
        issuer_parent=d.issuer.parent, subject=d.subject, urgency=urgency_code(d.urgency),
        body=text_from_paragraphs(d.body), secrecy=secrecy_code(d.secrecy), contact=stored_contact(d.contact),
        appendices=stored_appendices(appendix_inputs(d.appendices)), status="issued", signer_name=d.signer.name,
        signer_title_lines="\n".join(d.signer.title_lines) or None, issued_at=datetime.now(),
        source_file=source_file,
    )
    session.add(doc)
    session.flush()
    if register is not None:
        session.add(RegisterEntry(register_id=register.id, year=year, number=d.number, status="issued",
                                  outgoing_id=doc.id, manual=True, reason="nhập từ tệp"))
    owner = {"outgoing_id": doc.id}
    write_lines(session, owner, d.recipients, d.distribution)
    write_references(session, owner, d.references)
    tasks = _save_tasks(session, result, load_units(session), owner)
    session.flush()
    tasks += split_group_tasks(session, doc.id)  # a task for a group is one per member
    track_issued(session, doc)
    audit.record(session, user, "import", "outgoing_document", doc.id, source_file=source_file, tasks=tasks,
                 number=d.number, symbol=d.symbol)
    return SaveOutcome("out", doc.id, tasks, register_number=d.number if register else None)


def _save_tasks(session: Session, result: ImportResult, units: Units, owner: dict[str, int]) -> int:
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
