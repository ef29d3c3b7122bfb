"""Writing a `DraftInput` onto an OutgoingDocument row and reading it back (inside a session).

Nơi nhận of a công văn starts with "Như trên" and ends with "Lưu: VT, <unit> (<copies>)";
the service adds those lines itself (marked AUTO_NOTE) unless the clerk typed them, so the
editor's distribution list holds only the real recipients.
"""
from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.models import DocumentRecipient, OutgoingDocument, Signer, Unit, UnitGroup
from desktop.documents.errors import NotFound, ValidationFailed
from desktop.documents.inputs import AUTO_NOTE, DraftInput, LoadedDraft, RecipientInput
from desktop.documents.parts import read_appendices, read_contact, stored_appendices, stored_contact
from desktop.documents.profile import (
    AS_ABOVE,
    archive_line,
    drafting_unit_abbr,
    effective_symbol,
    office_profile,
)
from desktop.documents.symbols import is_dispatch
from desktop.documents.validation import check, reference_errors, text_errors
from desktop.core.text import fold, nfc

# Problems that would make the row impossible to store; everything else waits for "Trình ký".
_HARD_FIELDS = ("urgency", "secrecy", "copies", "file_copies")


def hard_errors(session: Session, data: DraftInput) -> dict[str, str]:
    """Problems that would make the row impossible to store (drafts may be incomplete otherwise)."""
    hard = {k: v for k, v in check(session, data).items() if k in _HARD_FIELDS}
    hard.update(reference_errors(session, data))
    hard.update(text_errors(data))
    return hard


def get_document(session, document_id: int) -> OutgoingDocument:
    doc = session.get(OutgoingDocument, document_id)
    if doc is None:
        raise NotFound(f"Không có văn bản đi số định danh {document_id}.")
    return doc


def read_only_message(doc: OutgoingDocument) -> str:
    if doc.status == "issued":
        return "Văn bản đã ban hành nên không sửa được; hãy tạo văn bản đính chính hoặc thay thế."
    if doc.status == "signed":
        return "Văn bản đã ký nên không sửa được; hãy trả về dự thảo nếu cần sửa."
    return "Văn bản đã hủy nên không sửa được."




def raise_if(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationFailed(errors)


def _line_text(session: Session, line: RecipientInput) -> str:
    text = " ".join((line.text or "").split())
    if text:
        return nfc(text)
    if line.unit_id is not None:
        unit = session.get(Unit, line.unit_id)
        return unit.name if unit is not None else ""
    if line.group_id is not None:
        group = session.get(UnitGroup, line.group_id)
        return group.name if group is not None else ""
    return ""


def apply_input(session: Session, doc: OutgoingDocument, data: DraftInput) -> None:
    """Copy `data` onto `doc` (flushed by the caller), with the office defaults and the signer snapshot."""
    with session.no_autoflush:
        _apply(session, doc, data)


def _apply(session: Session, doc: OutgoingDocument, data: DraftInput) -> None:
    office = office_profile(session)
    doc.doc_type = nfc((data.doc_type or "Công văn").strip())
    doc.register_id = data.register_id
    doc.drafting_unit_id = data.drafting_unit_id
    doc.symbol = effective_symbol(session, data)
    doc.place = nfc((data.place or "").strip()) or (office.place if office else None)
    doc.date = data.date
    doc.subject = nfc((data.subject or "").strip())
    doc.urgency = data.urgency or None
    doc.secrecy = data.secrecy or None
    doc.contact = stored_contact(data.contact)
    doc.appendices = stored_appendices(data.appendices)
    doc.body = nfc("\n".join(line.rstrip() for line in (data.body or "").strip().splitlines()))
    doc.copies = data.copies or 0
    doc.file_copies = data.file_copies
    doc.drafter = nfc((data.drafter or "").strip()) or None
    doc.drafter_initials = nfc((data.drafter_initials or "").strip()) or None
    doc.template_id = data.template_id
    if (data.issuer_name or "").strip():
        doc.issuer_name = nfc(data.issuer_name.strip())
        doc.issuer_parent = nfc((data.issuer_parent or "").strip()) or None
    else:
        doc.issuer_name = office.name if office else ""
        doc.issuer_parent = office.parent_name if office else None
    snapshot_signer(session, doc, data.signer_id)
    doc.updated_at = func.now()  # always an UPDATE, so the version moves even if only lines changed


def snapshot_signer(session: Session, doc: OutgoingDocument, signer_id: int | None) -> None:
    doc.signer_id = signer_id
    signer = session.get(Signer, signer_id) if signer_id is not None else None
    doc.signer_name = signer.name if signer else None
    doc.signer_title_lines = signer.title_lines if signer else None


def recipient_lines(session: Session, data: DraftInput) -> list[tuple[RecipientInput, str]]:
    """Kính gửi lines as printed: (input line, text)."""
    return [(line, _line_text(session, line)) for line in data.recipients]


def distribution_lines(session: Session, data: DraftInput) -> list[tuple[RecipientInput, str, str | None]]:
    """Nơi nhận as printed: "Như trên" first for a công văn, the clerk's lines, then the
    "Lưu: VT, ..." line; (input line, text, AUTO_NOTE for the added lines)."""
    lines: list[tuple[RecipientInput, str, str | None]] = [
        (line, _line_text(session, line), None) for line in data.distribution
    ]
    folded = [fold(text) for _, text, _ in lines]
    if is_dispatch(data.doc_type) and data.recipients and fold(AS_ABOVE) not in folded:
        lines.insert(0, (RecipientInput(AS_ABOVE), AS_ABOVE, AUTO_NOTE))
    if not any(f.startswith("luu:") or f.startswith("luu ") for f in folded):
        line = archive_line(
            session, drafting_unit_abbr(session, data.drafting_unit_id), data.file_copies,
            (data.drafter_initials or "").strip() or None, data.copies or 0,
        )
        lines.append((RecipientInput(line), line, AUTO_NOTE))
    return lines


def write_lines(session: Session, doc: OutgoingDocument, data: DraftInput) -> None:
    """Replace the document's Kính gửi and Nơi nhận lines (drafts only: nothing is tracked yet)."""
    session.execute(delete(DocumentRecipient).where(DocumentRecipient.outgoing_id == doc.id))
    for pos, (line, text) in enumerate(recipient_lines(session, data)):
        _add(session, doc.id, "recipient", pos, line, text)
    for pos, (line, text, note) in enumerate(distribution_lines(session, data)):
        _add(session, doc.id, "distribution", pos, line, text, note)


def _add(session, outgoing_id, role, pos, line: RecipientInput, text: str, note: str | None = None) -> None:
    session.add(DocumentRecipient(
        outgoing_id=outgoing_id, role=role, position=pos, unit_id=line.unit_id, group_id=line.group_id,
        text=text, purpose=nfc((line.purpose or "").strip()) or None, notes=note,
    ))


def read_loaded(session: Session, doc: OutgoingDocument) -> LoadedDraft:
    rows = session.scalars(
        select(DocumentRecipient)
        .where(DocumentRecipient.outgoing_id == doc.id)
        .order_by(DocumentRecipient.role, DocumentRecipient.position, DocumentRecipient.id)
    ).all()

    def as_input(row: DocumentRecipient) -> RecipientInput:
        return RecipientInput(text=row.text, unit_id=row.unit_id, group_id=row.group_id, purpose=row.purpose)

    data = DraftInput(
        doc_type=doc.doc_type, register_id=doc.register_id, symbol=doc.symbol,
        drafting_unit_id=doc.drafting_unit_id, place=doc.place, date=doc.date, subject=doc.subject,
        urgency=doc.urgency, body=doc.body,
        recipients=[as_input(r) for r in rows if r.role == "recipient"],
        distribution=[as_input(r) for r in rows if r.role == "distribution" and r.notes != AUTO_NOTE],
        signer_id=doc.signer_id, copies=doc.copies, file_copies=doc.file_copies, drafter=doc.drafter,
        drafter_initials=doc.drafter_initials, template_id=doc.template_id,
        issuer_name=doc.issuer_name, issuer_parent=doc.issuer_parent,
        secrecy=doc.secrecy, contact=read_contact(doc.contact), appendices=read_appendices(doc.appendices),
    )
    printed = [f"{r.text} {r.purpose}" if r.purpose else r.text for r in rows if r.role == "distribution"]
    return LoadedDraft(
        id=doc.id, data=data, status=doc.status, version=doc.version, year=doc.year, number=doc.number,
        issued_at=doc.issued_at, corrects_id=doc.corrects_id, correction_kind=doc.correction_kind,
        signer_name=doc.signer_name,
        signer_title_lines=[line for line in (doc.signer_title_lines or "").splitlines() if line.strip()],
        printed_distribution=printed,
    )
