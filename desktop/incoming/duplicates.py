"""Is this letter registered already? The same file (checksum), or the same issuer, number,
symbol and date."""
from __future__ import annotations

import re

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import IncomingDocument
from desktop.core.text import fold
from desktop.core.vocabulary import short_date
from desktop.incoming.inputs import DuplicateIncoming, IncomingInput

__all__ = ["find_duplicates", "raise_if_duplicate"]


def _number(value: str | None) -> str:
    text = (value or "").strip()
    return (text.lstrip("0") or text) if text.isdigit() else fold(text)


def _symbol(value: str | None) -> str:
    return re.sub(r"\s+", "", fold(value or ""))


def find_duplicates(session: Session, data: IncomingInput, sha256: str | None,
                    exclude_id: int | None = None) -> list[tuple[IncomingDocument, str]]:
    """(stored letter, why) for each letter this one would duplicate."""
    found: list[tuple[IncomingDocument, str]] = []
    conditions = []
    if sha256:
        conditions.append(IncomingDocument.file_sha256 == sha256)
    if data.number and data.date:
        conditions.append(IncomingDocument.date == data.date)
    if not conditions:
        return []
    query = select(IncomingDocument).where(or_(*conditions)).order_by(IncomingDocument.id)
    if exclude_id is not None:
        query = query.where(IncomingDocument.id != exclude_id)
    for doc in session.scalars(query):
        if sha256 and doc.file_sha256 == sha256:
            found.append((doc, "cùng tệp gốc"))
        elif (data.number and doc.number and _number(doc.number) == _number(data.number)
              and _symbol(doc.symbol) == _symbol(data.symbol) and doc.date == data.date
              and (fold(doc.issuer_name) == fold(data.issuer_name)
                   or (data.issuer_unit_id is not None and doc.issuer_unit_id == data.issuer_unit_id))):
            found.append((doc, "cùng cơ quan ban hành, số, ký hiệu và ngày"))
    return found


def _label(doc: IncomingDocument) -> str:
    number = "/".join(p for p in (doc.number, doc.symbol) if p) or "(không số)"
    arrival = f"số đến {doc.arrival_number}, " if doc.arrival_number else ""
    return f"{arrival}ngày đến {short_date(doc.arrival_date)}: {number} của {doc.issuer_name}"


def raise_if_duplicate(session: Session, data: IncomingInput, sha256: str | None) -> None:
    found = find_duplicates(session, data, sha256)
    if not found:
        return
    doc, why = found[0]
    more = f" (và {len(found) - 1} văn bản khác)" if len(found) > 1 else ""
    raise DuplicateIncoming(
        f"văn bản này đã được vào sổ ({why}): {_label(doc)}{more}; không lưu trùng",
        [(d.id, _label(d)) for d, _ in found],
    )
