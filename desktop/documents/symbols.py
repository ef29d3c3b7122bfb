"""Ký hiệu (symbol) of a document: ND30 PL III Mục I and domain spec §1.5, §4.1.

A công văn has no type code: issuer abbreviation + "-" + drafting-unit abbreviation
("UBND-NC"). A named type puts its code first: "KH-UBND", "TB-UBND".
"""
from __future__ import annotations

from desktop.core.text import fold, nfc
from desktop.core.vocabulary import DISPATCH, DOC_TYPE_CODES

_BY_FOLD = {fold(name): code for name, code in DOC_TYPE_CODES.items()}


def type_code(doc_type: str | None) -> str | None:
    """The code of a named type ("Kế hoạch" -> "KH"); None for a công văn or an unknown type."""
    if not doc_type:
        return None
    return _BY_FOLD.get(fold(doc_type))


def is_dispatch(doc_type: str | None) -> bool:
    return fold(doc_type or DISPATCH) == fold(DISPATCH)


def _clean(part: str | None) -> str:
    return "".join(nfc(part or "").split())


def build_symbol(office_abbr: str, drafting_unit_abbr: str | None, doc_type: str | None = DISPATCH) -> str:
    """"UBND-NC" for a công văn; "KH-UBND" for a Kế hoạch.

    A named type without a known code, or a công văn without a drafting unit, gets what is
    known ("UBND"), never a dangling "-".
    """
    office = _clean(office_abbr)
    unit = _clean(drafting_unit_abbr)
    code = type_code(doc_type)
    if code:
        parts = [code, office]
    else:
        parts = [office, unit]
    return "-".join(p for p in parts if p)
