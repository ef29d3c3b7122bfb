"""Copies of a document: "Nhân bản" (next year's version of a recurring dispatch) and the
correction or replacement of an issued one (ND30 §1.11: đính chính / văn bản thay thế)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from desktop.core.access import DRAFT, require
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.documents.errors import DocumentError
from desktop.documents.inputs import DraftInput
from desktop.documents.store import apply_input, get_document, read_loaded, write_lines
from desktop.core.vocabulary import pad2, short_date

ENTITY = "outgoing_document"
_FULL_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\w/-])")
_MONTH_YEAR = re.compile(r"(?<![\w/.-])(\d{1,2}|[IVX]{1,4})/(\d{4})(?![\w/-])")
_YEAR_WORD = re.compile(r"(?<!\w)([Nn]ăm\s+)(\d{4})(?!\d)")


def shift_years(text: str, years: int, around: int | None = None) -> str:
    """Move the dates and years written in `text` forward by `years`.

    "năm 2021" -> "năm 2022", "31/12/2021" -> "31/12/2022", "tháng 12/2021" -> "tháng 12/2022",
    "Quý III/2021" -> "Quý III/2022". With `around` (the source document's year) only years
    within one of it move, so old citations ("Chỉ thị số 34-CT/TW ngày 07/4/2014") stay put.
    Symbols such as "05/2020/TT-BNV" never move.
    """

    def movable(year: int) -> bool:
        return around is None or abs(year - around) <= 1

    def full(m: re.Match) -> str:
        day, sep, month, year = int(m.group(1)), m.group(2), m.group(3), int(m.group(4))
        if not movable(year):
            return m.group(0)
        new_year = year + years
        if int(month) == 2 and day == 29:
            try:
                date(new_year, 2, 29)
            except ValueError:
                day = 28
        day_text = m.group(1) if day == int(m.group(1)) else str(day)
        return f"{day_text}{sep}{month}{sep}{new_year}"

    def month_year(m: re.Match) -> str:
        year = int(m.group(2))
        return f"{m.group(1)}/{year + years}" if movable(year) else m.group(0)

    def year_word(m: re.Match) -> str:
        year = int(m.group(2))
        return f"{m.group(1)}{year + years}" if movable(year) else m.group(0)

    text = _FULL_DATE.sub(full, text)
    text = _MONTH_YEAR.sub(month_year, text)
    return _YEAR_WORD.sub(year_word, text)


def _source_year(doc) -> int | None:
    return doc.year or (doc.date.year if doc.date else None)


def _store_copy(ctx: AppContext, data: DraftInput, user: str, action: str, **extra) -> int:
    from db.models import OutgoingDocument

    with ctx.write_session() as session:
        doc = OutgoingDocument(status="draft", issuer_name="", subject="", body="")
        session.add(doc)
        apply_input(session, doc, data)
        doc.corrects_id = extra.get("corrects_id")
        doc.correction_kind = extra.get("correction_kind")
        session.flush()
        write_lines(session, doc, data)
        record(session, user, action, ENTITY, doc.id, status="draft", **extra)
        session.commit()
        return doc.id


def clone(ctx: AppContext, document_id: int, user: str, *, years_forward: int = 1) -> tuple[int, Changes]:
    """"Nhân bản": a new draft from any document, years and dates in subject and body moved
    forward by `years_forward`; number and date cleared."""
    require(ctx, DRAFT, user)
    with ctx.session() as session:
        source = get_document(session, document_id)
        data = read_loaded(session, source).data
        around = _source_year(source)
    data = replace(
        data,
        date=None,
        subject=shift_years(data.subject, years_forward, around),
        body=shift_years(data.body, years_forward, around),
    )
    new_id = _store_copy(ctx, data, user, "clone", source_id=document_id, years_forward=years_forward)
    return new_id, Changes(outgoing=True)


def make_correction(ctx: AppContext, document_id: int, kind: str, user: str) -> tuple[int, Changes]:
    """A new draft linked to issued document `document_id` (corrects_id): kind "correction"
    (công văn đính chính, for an error of form) or "replacement" (văn bản thay thế, for an
    error of content, same type and text to edit)."""
    require(ctx, DRAFT, user)
    if kind not in ("correction", "replacement"):
        raise DocumentError("Chỉ có hai cách sửa văn bản đã ban hành: đính chính hoặc thay thế.")
    with ctx.session() as session:
        source = get_document(session, document_id)
        if source.status != "issued":
            raise DocumentError("Chỉ đính chính hoặc thay thế văn bản đã ban hành; bản chưa ban hành thì sửa trực tiếp.")
        data = read_loaded(session, source).data
        cited = f"{source.doc_type} số {pad2(source.number or 0)}/{source.symbol or ''}"
        if source.date:
            cited += f" ngày {short_date(source.date)}"
    data = replace(data, date=None)
    if kind == "correction":
        data = replace(
            data,
            doc_type="Công văn",
            symbol=None if source.doc_type != "Công văn" else data.symbol,
            subject=f"đính chính {cited}",
            body="\n".join([
                f"{cited} về việc {source.subject} có sai sót về thể thức, kỹ thuật trình bày. "
                "Nay xin đính chính như sau:",
                "[[Chưa điền: nội dung đính chính (đã in sai / nay sửa lại)]]",
                "Các nội dung khác của văn bản giữ nguyên.",
            ]),
        )
    new_id = _store_copy(ctx, data, user, "make_correction", corrects_id=document_id, correction_kind=kind)
    return new_id, Changes(outgoing=True)
