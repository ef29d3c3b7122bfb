"""The Văn bản đi and Văn bản đến lists and their detail views."""
from __future__ import annotations

from sqlalchemy import func, select

from db.models import (
    DocumentRecipient,
    DocumentReference,
    IncomingDocument,
    OutgoingDocument,
    Register,
    Task,
)
from desktop.documents.convert import recipient_line
from desktop.core.vocabulary import (
    DOCUMENT_STATUS_LABELS,
    RECIPIENT_ROLE_LABELS,
    URGENCY_LABELS,
    label,
    pad2,
    short_date,
)
from desktop.core.listing import Column, Filter, ListSource

O = OutgoingDocument
I = IncomingDocument

OUTGOING = ListSource(
    key="outgoing",
    id_column=O.id,
    columns=(
        Column("number", "Số", O.number, width=60, format=pad2),
        Column("symbol", "Ký hiệu", O.symbol, width=120),
        # A draft has no date yet: it sorts by when it was started, so new drafts come first.
        # (ix_outgoing_documents_listed is this order: the first screen comes from the index)
        Column("date", "Ngày", O.date, sort=func.coalesce(O.date, func.date(O.created_at)), width=90,
               format=short_date, never_null=True),
        Column("doc_type", "Loại", O.doc_type, width=90),
        Column("subject", "Trích yếu", O.subject, width=420),
        Column("signer", "Người ký", O.signer_name, width=140),
        Column("status", "Trạng thái", O.status, width=100, format=label(DOCUMENT_STATUS_LABELS)),
    ),
    from_clause=lambda q: q.select_from(O),
    search_column=O.search_folded,
    default_sort="date",
    default_descending=True,
    tie_breaker=O.number,
    filters=(
        Filter("draft", "Dự thảo", lambda: O.status.in_(("draft", "submitted", "signed"))),
        Filter("issued", "Đã ban hành", lambda: O.status == "issued"),
    ),
)

INCOMING = ListSource(
    key="incoming",
    id_column=I.id,
    columns=(
        Column("arrival_number", "Số đến", I.arrival_number, width=70, format=pad2),
        Column("arrival_date", "Ngày đến", I.arrival_date, width=90, format=short_date),
        Column("issuer", "Cơ quan ban hành", I.issuer_name, width=220),
        Column("number", "Số, ký hiệu", func.coalesce(I.number, "") + "/" + func.coalesce(I.symbol, ""),
               sort=I.symbol, width=130),
        Column("date", "Ngày văn bản", I.date, width=90, format=short_date),
        Column("subject", "Trích yếu", I.subject, width=380),
        Column("deadline", "Hạn xử lý", I.handling_deadline, width=90, format=short_date),
    ),
    from_clause=lambda q: q.select_from(I),
    search_column=I.search_folded,
    default_sort="arrival_date",
    default_descending=True,
    tie_breaker=I.arrival_number,
    filters=(Filter("deadline", "Có hạn xử lý", lambda: I.handling_deadline.is_not(None)),),
)


def outgoing_detail(session, document_id: int) -> list[tuple[str, str]]:
    doc = session.get(O, document_id)
    if doc is None:
        return []
    lines = _recipient_rows(session, DocumentRecipient.outgoing_id == document_id)
    refs = session.scalars(select(DocumentReference).where(DocumentReference.outgoing_id == document_id)
                           .order_by(DocumentReference.position)).all()
    tasks = session.scalar(select(func.count(Task.id)).where(Task.outgoing_id == document_id)) or 0
    register = session.get(Register, doc.register_id) if doc.register_id else None

    number = f"{pad2(doc.number)}/{doc.symbol}" if doc.number else f"(chưa cấp số)/{doc.symbol or ''}"
    return [
        ("Số, ký hiệu", number),
        ("Loại văn bản", doc.doc_type),
        ("Ngày", short_date(doc.date)),
        ("Sổ đăng ký", register.name if register else ""),
        ("Cơ quan ban hành", "\n".join(x for x in (doc.issuer_parent, doc.issuer_name) if x)),
        ("Trích yếu", doc.subject),
        ("Độ khẩn", URGENCY_LABELS.get(doc.urgency or "", "")),
        ("Trạng thái", DOCUMENT_STATUS_LABELS.get(doc.status, doc.status)),
        *_recipient_lines(lines),
        ("Người ký", "\n".join(x for x in ((doc.signer_title_lines or ""), doc.signer_name or "") if x)),
        ("Người soạn thảo", doc.drafter or ""),
        ("Số lượng bản", str(doc.copies or "")),
        ("Văn bản dẫn chiếu", "\n".join(r.raw or f"{r.ref_type} số {r.ref_number}/{r.ref_symbol}" for r in refs)),
        ("Nhiệm vụ giao", str(tasks)),
        ("Nội dung", doc.body),
    ]


def incoming_detail(session, document_id: int) -> list[tuple[str, str]]:
    doc = session.get(I, document_id)
    if doc is None:
        return []
    lines = _recipient_rows(session, DocumentRecipient.incoming_id == document_id)
    return [
        ("Số đến", pad2(doc.arrival_number)),
        ("Ngày đến", short_date(doc.arrival_date)),
        ("Cơ quan ban hành", doc.issuer_name),
        ("Loại văn bản", doc.doc_type),
        ("Số, ký hiệu", f"{doc.number or ''}/{doc.symbol or ''}"),
        ("Ngày văn bản", short_date(doc.date)),
        ("Trích yếu", doc.subject),
        ("Hạn xử lý", short_date(doc.handling_deadline)),
        *_recipient_lines(lines),
        ("Người ký", "\n".join(x for x in (doc.signer_title_lines or "", doc.signer_name or "") if x)),
        ("Người xử lý", doc.handler or ""),
        ("Ý kiến chỉ đạo", doc.instructions or ""),
    ]


def _recipient_rows(session, owner) -> list[DocumentRecipient]:
    return list(session.scalars(select(DocumentRecipient).where(owner)
                                .order_by(DocumentRecipient.role, DocumentRecipient.position)))


def _recipient_lines(lines: list[DocumentRecipient]) -> list[tuple[str, str]]:
    """("Kính gửi", ...) and ("Nơi nhận", ...): the lines as printed, one "- " line each."""
    return [(title, "\n".join(f"- {recipient_line(r)}" for r in lines if r.role == role))
            for role, title in RECIPIENT_ROLE_LABELS.items()]
