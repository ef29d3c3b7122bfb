"""Incoming letters (văn bản đến): the one service the editor, the importer and folder import
call. Create (arrival number from the register, lines, citations, the original file kept,
duplicates refused unless allowed, replies linked to the dispatches they answer), edit every
field, attach a file; deleting is in `desktop.incoming.removal`.

Every write is one transaction with an audit entry and returns a `Changes`.
"""
from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import date
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import DocumentRecipient, DocumentReference, IncomingDocument, OutgoingDocument
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.vocabulary import short_date
from desktop.core.dispatch import Reference
from desktop.core.text import nfc
from desktop.documents.numbering import allocate_number, lock_register, register_for
from desktop.incoming import files
from desktop.incoming.duplicates import raise_if_duplicate
from desktop.incoming.inputs import IncomingInput, IncomingInvalid, IncomingSaved, LoadedIncoming
from desktop.incoming.lines import write_lines, write_references

__all__ = ["create_incoming", "create_in_session", "update_incoming", "load_incoming", "attach_file",
           "original_file", "IncomingError", "ENTITY"]

ENTITY = "incoming_document"
_TEXT_FIELDS = ("doc_type", "issuer_name", "issuer_parent", "number", "symbol", "place", "subject", "urgency",
                "body", "signer_name", "signer_title_lines", "handler", "instructions")
_DATE_FIELDS = ("date", "arrival_date", "handling_deadline")


class IncomingError(ValueError):
    """A write refused, with a Vietnamese message; nothing was written."""


def _clean(value: str | None, *, lines: bool = False) -> str | None:
    if value is None:
        return None
    text = nfc(value).strip()
    if not lines:
        text = " ".join(text.split())
    return text or None


def _check(data: IncomingInput) -> None:
    errors: dict[str, str] = {}
    if not _clean(data.issuer_name):
        errors["issuer_name"] = "Cần nhập cơ quan ban hành."
    if not _clean(data.subject):
        errors["subject"] = "Cần nhập trích yếu."
    if data.urgency not in (None, "", "khan", "thuong_khan", "hoa_toc"):
        errors["urgency"] = f"Độ khẩn không hợp lệ: {data.urgency!r}."
    if data.date and data.arrival_date and data.arrival_date < data.date:
        errors["arrival_date"] = (f"Ngày đến {short_date(data.arrival_date)} trước ngày của văn bản "
                                  f"({short_date(data.date)}).")
    if data.handling_deadline and data.date and data.handling_deadline < data.date:
        errors["handling_deadline"] = f"Hạn xử lý {short_date(data.handling_deadline)} trước ngày của văn bản."
    if data.number and len(data.number.strip()) > 20:
        errors["number"] = "Số văn bản dài quá 20 ký tự."
    if errors:
        raise IncomingInvalid(errors)


def _apply(doc: IncomingDocument, data: IncomingInput) -> None:
    for name in _TEXT_FIELDS:
        setattr(doc, name, _clean(getattr(data, name), lines=name in ("body", "signer_title_lines", "instructions")))
    doc.doc_type = doc.doc_type or "Công văn"
    for name in _DATE_FIELDS:
        setattr(doc, name, getattr(data, name))
    doc.issuer_unit_id = data.issuer_unit_id


def _citations(data: IncomingInput) -> list[Reference]:
    """The references given, plus those the subject and body cite ("Thực hiện Công văn số …")."""
    from desktop.importing.references import find_references

    found = list(data.references)
    keys = {(r.number or "", (r.symbol or "").casefold()) for r in found}
    texts = [data.subject or "", *(data.body or "").splitlines()]
    for ref in find_references([t for t in texts if t.strip()]):
        if (ref.number or "", (ref.symbol or "").casefold()) not in keys:
            found.append(ref)
    return found


def _write_parts(session: Session, doc: IncomingDocument, data: IncomingInput) -> None:
    owner = {"incoming_id": doc.id}
    write_lines(session, owner, data.recipients, data.distribution)
    write_references(session, owner, _citations(data))
    if doc.issuer_unit_id is None:
        from desktop.tracking.replies import issuer_unit

        doc.issuer_unit_id = issuer_unit(session, doc)


def create_in_session(session: Session, data: IncomingInput, user: str, *, allow_duplicate: bool = False,
                      then: Callable[[Session, IncomingDocument], int] | None = None,
                      action: str = "create") -> IncomingSaved:
    """Store a new incoming letter in `session` (the caller commits). `then(session, doc)` adds
    what the caller brings (the importer's tasks) and returns how many tasks it added.

    IncomingInvalid for bad fields; DuplicateIncoming when the file or the letter is registered
    already (unless `allow_duplicate`); AttachmentError when the file cannot be read.
    """
    from desktop.tracking.replies import link_citations

    _check(data)
    source = Path(data.source_file) if data.source_file else None
    sha = files.checksum(source) if source is not None and source.is_file() else None
    register = register_for(session, "in", None)
    if register is not None:  # before the check and the insert: the lock order of desktop/core/writes.py
        lock_register(session, register.id)
    if not allow_duplicate:
        raise_if_duplicate(session, data, sha)
    arrived = data.arrival_date or date.today()
    doc = IncomingDocument(register_id=register.id if register else None, issuer_name="", subject="")
    _apply(doc, data)
    doc.arrival_date = arrived
    doc.source_file = str(source) if source is not None else None
    if sha is not None:
        doc.file_path, doc.file_sha256 = files.store(source)
        doc.file_name = source.name[:255]
    session.add(doc)
    session.flush()
    if register is not None:
        # The arrival number (số đến) comes from the register like any number: gap-free, guarded.
        doc.arrival_year = arrived.year
        doc.arrival_number = allocate_number(session, register.id, arrived.year, incoming_id=doc.id, user=user,
                                             reason="vào sổ văn bản đến")
    _write_parts(session, doc, data)
    tasks = then(session, doc) if then is not None else 0
    session.flush()
    links = link_citations(session, doc, user)
    record(session, user, action, ENTITY, doc.id, source_file=doc.source_file, sha256=sha, tasks=tasks,
           number=doc.number, symbol=doc.symbol, duplicate_allowed=allow_duplicate or None,
           replies_to=[link.outgoing_id for link in links if link.linked] or None)
    return IncomingSaved(doc.id, doc.arrival_number, links, tasks)


def saved_changes(saved: IncomingSaved) -> Changes:
    linked = any(link.linked for link in saved.links)
    return Changes(incoming=True, registers=True, tasks=saved.tasks > 0 or linked, outgoing=linked)


def create_incoming(ctx: AppContext, data: IncomingInput, user: str, *, allow_duplicate: bool = False,
                    then: Callable[[Session, IncomingDocument], int] | None = None) -> tuple[IncomingSaved, Changes]:
    """`create_in_session` in its own transaction."""
    with ctx.write_session() as session:
        saved = create_in_session(session, data, user, allow_duplicate=allow_duplicate, then=then)
        session.commit()
    return saved, saved_changes(saved)


def _get(session: Session, incoming_id: int) -> IncomingDocument:
    doc = session.get(IncomingDocument, incoming_id)
    if doc is None:
        raise IncomingError(f"Không có văn bản đến số định danh {incoming_id}.")
    return doc


def update_incoming(ctx: AppContext, incoming_id: int, data: IncomingInput, user: str) -> tuple[list, Changes]:
    """Save every field of the editor's form over the stored letter; its links follow the edit
    (automatic links it no longer gives are undone, new ones made). Returns the link outcomes."""
    from desktop.tracking.replies import drop_stale_links, link_citations

    _check(data)
    with ctx.write_session() as session:
        doc = _get(session, incoming_id)
        arrived = data.arrival_date or doc.arrival_date
        if doc.arrival_number is not None and arrived is not None and arrived.year != doc.arrival_year:
            raise IncomingInvalid({"arrival_date": f"Ngày đến phải trong năm {doc.arrival_year} "
                                                   f"(năm của số đến {doc.arrival_number})."})
        before = _as_input(session, doc)
        _apply(doc, data)
        doc.arrival_date = arrived
        _write_parts(session, doc, data)
        session.flush()
        drop_stale_links(session, doc, user)
        links = link_citations(session, doc, user)
        after = _as_input(session, doc)
        changed = sorted(f.name for f in dataclass_fields(IncomingInput)
                         if getattr(before, f.name) != getattr(after, f.name))
        record(session, user, "update", ENTITY, doc.id, fields=changed)
        session.commit()
    return links, Changes(incoming=True, outgoing=True, tasks=True)


def _as_input(session: Session, doc: IncomingDocument) -> IncomingInput:
    lines = session.scalars(select(DocumentRecipient).where(DocumentRecipient.incoming_id == doc.id)
                            .order_by(DocumentRecipient.role, DocumentRecipient.position)).all()
    refs = session.scalars(select(DocumentReference).where(DocumentReference.incoming_id == doc.id)
                           .order_by(DocumentReference.position, DocumentReference.id)).all()

    def printed(row: DocumentRecipient) -> str:
        return f"{row.text} {row.purpose}" if row.purpose else row.text

    data = IncomingInput(**{name: getattr(doc, name) for name in (*_TEXT_FIELDS, *_DATE_FIELDS)},
                         issuer_unit_id=doc.issuer_unit_id, source_file=doc.source_file)
    data.recipients = [printed(r) for r in lines if r.role == "recipient"]
    data.distribution = [printed(r) for r in lines if r.role == "distribution"]
    data.references = [Reference(type=r.ref_type, number=r.ref_number, symbol=r.ref_symbol, date=r.ref_date,
                                 issuer=r.ref_issuer) for r in refs]
    return data


def load_incoming(ctx: AppContext, incoming_id: int) -> LoadedIncoming:
    from desktop.tracking.query import citation_text
    from desktop.tracking.replies import replies_of

    with ctx.session() as session:
        doc = _get(session, incoming_id)
        replies = replies_of(session, doc.id)
        linked = {outgoing_id for outgoing_id, _, _ in replies}
        cited = session.scalars(select(OutgoingDocument).join(
            DocumentReference, DocumentReference.target_outgoing_id == OutgoingDocument.id)
            .where(DocumentReference.incoming_id == doc.id)).unique().all()
        return LoadedIncoming(
            id=doc.id, data=_as_input(session, doc), arrival_number=doc.arrival_number,
            arrival_year=doc.arrival_year, file_name=doc.file_name if doc.file_path else None,
            replies_to=replies, cited_ours=[(o.id, citation_text(o)) for o in cited if o.id not in linked],
        )


def attach_file(ctx: AppContext, incoming_id: int, path: Path, user: str) -> Changes:
    """Keep `path` as the letter's original (replacing the one kept before)."""
    relative, sha = files.store(Path(path))
    with ctx.write_session() as session:
        doc = _get(session, incoming_id)
        old = doc.file_path
        doc.file_path, doc.file_sha256, doc.file_name = relative, sha, Path(path).name[:255]
        record(session, user, "attach", ENTITY, doc.id, file_name=doc.file_name, sha256=sha)
        session.commit()
    if old and old != relative:
        discard_if_unused(ctx, old)
    return Changes(incoming=True)


def discard_if_unused(ctx: AppContext, relative: str) -> None:
    with ctx.session() as session:
        used = session.scalar(select(func.count(IncomingDocument.id)).where(IncomingDocument.file_path == relative))
    if not used:
        files.discard(relative)


def original_file(ctx: AppContext, incoming_id: int) -> Path:
    """The kept original, checked against its checksum (AttachmentError when missing or changed)."""
    with ctx.session() as session:
        doc = _get(session, incoming_id)
        if not doc.file_path:
            raise files.AttachmentError("Văn bản này chưa có tệp gốc đính kèm.")
        relative, sha = doc.file_path, doc.file_sha256
    return files.verify(relative, sha)
