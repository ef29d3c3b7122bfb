"""Citations of other documents: "Thông báo số 63/TB-VPCP ngày 26/3/2021 của Văn phòng Chính phủ"."""
from __future__ import annotations

import re
from datetime import date

from desktop.core.dispatch import Reference
from desktop.importing.lines import plain
from desktop.core.text import fold

# Canonical names, longest first so "Thông tư liên tịch" wins over "Thông tư".
DOCUMENT_TYPES = (
    "Thông tư liên tịch", "Chương trình hành động", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị",
    "Quy chế", "Quy định", "Thông cáo", "Thông báo", "Thông tư", "Hướng dẫn", "Chương trình", "Kế hoạch",
    "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình", "Công điện", "Công văn", "Kết luận",
    "Giấy mời", "Luật", "Pháp lệnh", "Hiến pháp", "Văn bản", "Điện",
)
_FOLDED_TYPES = [(fold(t), t) for t in DOCUMENT_TYPES]
_CODE = r"[A-ZĐ][A-Za-zĐđ&]*"
_NUMBER_SYMBOL = re.compile(
    rf"(?<![\d/\w])(?P<num>\d{{1,6}})(?P<year>/\d{{4,5}})?(?P<sep>[/-]?)(?P<sym>{_CODE}(?:[-/]{_CODE})*)"
)
_DATE = re.compile(
    r"^\s*,?\s*(?:ban hành\s+)?ngày\s*(?P<d>\d{1,2})\s*(?:/|-|tháng)\s*(?P<m>\d{1,2})\s*(?:/|-|năm)\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_ISSUER = re.compile(r"^\s*,?\s*của\s+(?P<issuer>[^,;.()]{3,80}?)(?=\s+(?:về|v/v|ban hành|quy định|hướng dẫn|"
                     r"tại|đã|nhằm|theo|bằng|trong|với|để|cho|thực hiện|triển khai)\b|[,;.()]|$)", re.IGNORECASE)


def find_references(texts: list[str]) -> list[Reference]:
    """Every document cited in `texts` (subject, paragraphs), once each, in order of first
    citation; a later citation fills in the date or issuer an earlier one left out."""
    found: list[Reference] = []
    by_key: dict[tuple[str, str], Reference] = {}
    for text in texts:
        for ref in _references_in(plain(text)):
            key = (ref.number or "", ref.symbol or "")
            known = by_key.get(key)
            if known is None:
                by_key[key] = ref
                found.append(ref)
            else:
                known.date = known.date or ref.date
                known.issuer = known.issuer or ref.issuer
    return found


def _references_in(text: str) -> list[Reference]:
    found: list[Reference] = []
    seen: set[tuple[str, str]] = set()
    for m in _NUMBER_SYMBOL.finditer(text):
        sym = m.group("sym")
        if not any(ch.isupper() for ch in sym) or sym.isdigit():
            continue
        if not m.group("sep") and not m.group("year") and "-" not in sym:
            continue  # "20 Học sinh" is not a citation
        doc_type = _type_before(text[max(0, m.start() - 45):m.start()])
        if doc_type is None:
            continue
        number = m.group("num")
        symbol = (m.group("year") or "").lstrip("/")
        symbol = f"{symbol}/{sym}" if symbol else sym
        if not m.group("sep") and not m.group("year"):
            symbol = sym
        key = (number, symbol)
        if key in seen:
            continue
        seen.add(key)
        after = text[m.end():m.end() + 160]
        ref_date = None
        dm = _DATE.match(after)
        if dm:
            try:
                ref_date = date(int(dm.group("y")), int(dm.group("m")), int(dm.group("d")))
            except ValueError:
                ref_date = None
            after = after[dm.end():]
        im = _ISSUER.match(after)
        issuer = im.group("issuer").strip() if im else None
        found.append(Reference(type=doc_type, number=number, symbol=symbol, date=ref_date, issuer=issuer))
    return found


def _type_before(window: str) -> str | None:
    """The document type named just before a number: "Kế hoạch số ", "Nghị định ", "Chương trình hành động số "."""
    f = fold(window)
    f = re.sub(r"\s*(?:so|so:)\s*$", "", f).rstrip()
    for folded, name in _FOLDED_TYPES:
        idx = f.rfind(folded)
        if idx >= 0 and len(f) - (idx + len(folded)) <= 2:
            return "Chương trình" if name == "Chương trình hành động" else name
    return None
