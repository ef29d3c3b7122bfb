"""A stored outgoing document as the `Dispatch` value the letter layout and JSON use."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DocumentRecipient, DocumentReference, OutgoingDocument, Task
from desktop.core.dispatch import Dispatch, Issuer, Reference, SignerBlock
from desktop.core.vocabulary import SECRECY_LABELS, URGENCY_LABELS
from desktop.documents.body import paragraphs_from_text
from desktop.documents.parts import printed_appendices, read_appendices, read_contact


def recipient_line(row: DocumentRecipient) -> str:
    return f"{row.text} {row.purpose}" if row.purpose else row.text


def dispatch_from_outgoing(session: Session, document_id: int) -> Dispatch:
    """Load outgoing document `document_id` as a Dispatch; LookupError if there is none."""
    doc = session.get(OutgoingDocument, document_id)
    if doc is None:
        raise LookupError(f"không có văn bản đi số định danh {document_id}")
    rows = session.scalars(
        select(DocumentRecipient)
        .where(DocumentRecipient.outgoing_id == document_id)
        .order_by(DocumentRecipient.role, DocumentRecipient.position, DocumentRecipient.id)
    ).all()
    refs = session.scalars(
        select(DocumentReference)
        .where(DocumentReference.outgoing_id == document_id)
        .order_by(DocumentReference.position, DocumentReference.id)
    ).all()
    body = paragraphs_from_text(doc.body)
    _attach_tasks(session, document_id, body)
    return Dispatch(
        doc_type=doc.doc_type,
        issuer=Issuer(name=doc.issuer_name, parent=doc.issuer_parent),
        number=doc.number,
        symbol=doc.symbol,
        place=doc.place,
        date=doc.date,
        subject=doc.subject,
        urgency=URGENCY_LABELS.get(doc.urgency or ""),
        recipients=[recipient_line(r) for r in rows if r.role == "recipient"],
        body=body,
        references=[
            Reference(type=r.ref_type, number=r.ref_number, symbol=r.ref_symbol, date=r.ref_date, issuer=r.ref_issuer)
            for r in refs
        ],
        distribution=[recipient_line(r) for r in rows if r.role == "distribution"],
        signer=SignerBlock(
            title_lines=[line for line in (doc.signer_title_lines or "").splitlines() if line.strip()],
            name=doc.signer_name,
        ),
        secrecy=SECRECY_LABELS.get(doc.secrecy or ""),
        contact=read_contact(doc.contact),
        appendices=printed_appendices(read_appendices(doc.appendices)),
    )


def _attach_tasks(session: Session, document_id: int, body) -> None:
    """Put stored task assignees and deadlines back on their items (for the JSON form)."""
    tasks = session.scalars(select(Task).where(Task.outgoing_id == document_id).order_by(Task.id)).all()
    by_label: dict[str, list[Task]] = {}
    for task in tasks:
        if task.item_label:
            by_label.setdefault(task.item_label, []).append(task)
    for paragraph in body:
        for task in by_label.get(paragraph.label or "", []):
            if task.assignee_text and task.assignee_text not in paragraph.assignees:
                paragraph.assignees.append(task.assignee_text)
            paragraph.deadline = paragraph.deadline or task.deadline
            paragraph.deadline_text = paragraph.deadline_text or task.deadline_text
            paragraph.recurrence = paragraph.recurrence or task.recurrence


def printable(ctx, document_id: int):
    """The stored document and the office's letter layout, ready for the preview/printer.

    Returns (Dispatch, LetterSettings); one read-only session.
    """
    from desktop.letters.layout import load_letter_settings

    with ctx.session() as session:
        return dispatch_from_outgoing(session, document_id), load_letter_settings(session)
