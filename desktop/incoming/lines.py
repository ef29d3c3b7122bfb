"""Writing the lines and citations read from a letter: Kính gửi / Nơi nhận lines (each matched
to a directory unit where one fits) and the documents it cites. Used for incoming letters and
for dispatches imported as outgoing documents."""
from __future__ import annotations

import re

from sqlalchemy import delete
from sqlalchemy.orm import Session

from db.models import DocumentRecipient, DocumentReference
from desktop.core.dispatch import Reference
from desktop.documents.inputs import AUTO_NOTE
from desktop.importing.items import match_unit_id
from desktop.recipients.names import unit_names

__all__ = ["write_lines", "write_references", "reference_text"]

_PURPOSE = re.compile(r"^(?P<text>.*\S)\s*(?P<purpose>\([^()]{1,38}\))$")
# "Lưu: VT, VP" is the office's file copy and "Như trên" repeats Kính gửi: neither is a unit sent to
_NOT_A_UNIT = re.compile(r"^(?:Lưu\b|Như\s+(?:trên|kính\s+gửi)\b)", re.IGNORECASE)


def write_lines(session: Session, owner: dict[str, int], recipients: list[str], distribution: list[str]) -> None:
    """Replace the owner's lines ({"incoming_id": N} or {"outgoing_id": N}) with these; "Như trên"
    and "Lưu: …" in Nơi nhận are marked as the lines the document service adds itself (AUTO_NOTE)."""
    column = getattr(DocumentRecipient, next(iter(owner)))
    session.execute(delete(DocumentRecipient).where(column == next(iter(owner.values()))))
    units = unit_names(session)
    for role, lines in (("recipient", recipients), ("distribution", distribution)):
        for position, line in enumerate(lines):
            m = _PURPOSE.match(line)
            text, purpose = (m.group("text"), m.group("purpose")) if m else (line, None)
            # "Như trên" and "Lưu: VT, ..." are the lines the document service writes itself (marked
            # so): the editor lists only the real recipients and prints these as they were
            auto = role == "distribution" and bool(_NOT_A_UNIT.match(text))
            session.add(DocumentRecipient(**owner, role=role, position=position, text=text, purpose=purpose,
                                          unit_id=None if auto else match_unit_id(text, units),
                                          notes=AUTO_NOTE if auto else None))


def reference_text(ref: Reference) -> str:
    """"Công văn số 812/UBND-NC" as the citation is kept in `raw`."""
    sep = "" if ref.symbol and ref.number and not ref.symbol[:1].isalpha() else "/"
    return " ".join(p for p in (ref.type, f"số {ref.number}{sep}{ref.symbol or ''}") if p)


def write_references(session: Session, owner: dict[str, int], refs: list[Reference]) -> None:
    """Replace the owner's cited documents with `refs`, in order."""
    column = getattr(DocumentReference, next(iter(owner)))
    session.execute(delete(DocumentReference).where(column == next(iter(owner.values()))))
    for position, ref in enumerate(refs):
        session.add(DocumentReference(
            position=position, ref_type=ref.type, ref_number=ref.number, ref_symbol=ref.symbol,
            ref_date=ref.date, ref_issuer=ref.issuer, raw=reference_text(ref), **owner,
        ))
