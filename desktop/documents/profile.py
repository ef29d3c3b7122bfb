"""Defaults a draft takes from the office profile: issuer, place, symbol, the "Lưu" line."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import DraftingUnit
from desktop.core.settings.office_store import office_section, office_value
from desktop.documents.inputs import DraftInput
from desktop.documents.symbols import build_symbol
from desktop.core.text import nfc

AS_ABOVE = "Như trên"  # first Nơi nhận line of a công văn


@dataclass
class OfficeProfile:
    name: str
    parent_name: str | None
    abbreviation: str
    place: str


def office_profile(session: Session) -> OfficeProfile | None:
    """The settings section "office"; None while the office has not named itself."""
    office = office_section(session, "office")
    if not office["name"]:
        return None
    return OfficeProfile(office["name"], office["parent_name"] or None, office["abbreviation"], office["place"])


def drafting_unit_abbr(session: Session, drafting_unit_id: int | None) -> str | None:
    if drafting_unit_id is None:
        return None
    unit = session.get(DraftingUnit, drafting_unit_id)
    return unit.abbreviation if unit is not None else None


def effective_symbol(session: Session, data: DraftInput) -> str | None:
    """The typed symbol, or the one built from the office and drafting-unit abbreviations."""
    typed = (data.symbol or "").strip()
    if typed:
        return nfc(typed)
    office = office_profile(session)
    if office is None:
        return None
    return build_symbol(office.abbreviation, drafting_unit_abbr(session, data.drafting_unit_id), data.doc_type) or None


def archive_line(session: Session, unit_abbr: str | None, file_copies: int | None, initials: str | None = None,
                 copies: int = 0) -> str:
    """"Lưu: VT, NC (2)" (ND30 Mẫu 1.5 notes 8 and 9; "Lưu: VT" is the office setting
    documents/archive_line); the drafter's initials and the number of copies issued follow when known:
    "Lưu: VT, NC (2) PL.(300)"."""
    line = office_value(session, "documents/archive_line")
    if unit_abbr:
        line += f", {unit_abbr}"
        if file_copies:
            line += f" ({file_copies})"
    if initials:
        line += f" {initials.strip()}." + (f"({copies})" if copies else "")
    return line
