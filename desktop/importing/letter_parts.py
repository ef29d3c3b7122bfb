"""The parts of a letter around its body, read before the zones are found (dispatch-json.md, second
version): the secrecy stamp of the header (ô 10a), the address footer (ô 13) and the appendices after
the signature (Phụ lục).

`take_letter_parts(lines)` answers the lines of the letter itself — the footer lines blanked (at the
foot of page 1 they sit where a page break does) and the appendices cut off — and the parts. Never
guesses: a footer is a run of "Địa chỉ: / Điện thoại: / Email: …" lines that carries a phone number or
an address of mail; an appendix starts at a short "Phụ lục …" line after the letter's closing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.dispatch import Appendix, secrecy_printed
from desktop.core.text import fold
from desktop.importing.lines import Line, is_page_number, plain
from desktop.importing.paragraphs import paragraphs_from_lines

_CONTACT = re.compile(r"^(?:dia chi|dien thoai|dt|so dien thoai|fax|email|e-mail|thu dien tu|website|"
                      r"trang thong tin dien tu|cong thong tin dien tu)\s*:", re.IGNORECASE)
_REACHABLE = re.compile(r"@|\d[\d .]{5,}\d")  # an address of mail or a phone number
_APPENDIX = re.compile(r"^phu luc(?:\s+(?:so\s+)?(?:[ivxlc]+|\d{1,2}))?\s*[.:]?$")
_ATTACHED = re.compile(r"^\(?\s*kem theo\b")
_CLOSING = re.compile(r"^noi nhan\b")
_HEADER_LINES = 30  # the secrecy stamp sits under the number, well within the first lines


@dataclass
class LetterParts:
    secrecy: str | None = None
    contact: list[str] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def take_letter_parts(lines: list[Line]) -> tuple[list[Line], LetterParts]:
    parts = LetterParts()
    _secrecy(lines, parts)
    lines = _contact(lines, parts)
    at = _appendix_start(lines)
    if at is not None:
        parts.appendices = _appendices(lines[at:], parts)
        lines = lines[:at]
    return lines, parts


def _secrecy(lines: list[Line], parts: LetterParts) -> None:
    for line in lines[:_HEADER_LINES]:
        for seg in line.segments():
            try:
                printed = secrecy_printed(plain(seg.raw).strip("[]|"))
            except ValueError:
                continue
            if printed:
                parts.secrecy = printed
                parts.spans["secrecy"] = (seg.start, seg.end)
                return


def _contact(lines: list[Line], parts: LetterParts) -> list[Line]:
    out = list(lines)
    i = 0
    while i < len(lines):
        run = i
        while run < len(lines) and _CONTACT.match(fold(plain(lines[run].text))):
            run += 1
        if run > i and any(_REACHABLE.search(lines[k].text) for k in range(i, run)) and not parts.contact:
            parts.contact = [plain(lines[k].text) for k in range(i, run)]
            parts.spans["contact"] = (lines[i].start, lines[run - 1].end)
            for k in range(i, run):
                out[k] = Line("", lines[k].start, lines[k].index)  # where a page break is
        i = max(run, i + 1)
    return out


def _appendix_start(lines: list[Line]) -> int | None:
    closing = next((i for i, ln in enumerate(lines) if _CLOSING.match(fold(plain(ln.text)))), None)
    if closing is None:
        return None
    for i in range(closing + 1, len(lines)):
        if _is_appendix_title(lines[i]):
            return i
    return None


def _is_appendix_title(line: Line) -> bool:
    text = plain(line.text)
    return 0 < len(text) <= 30 and bool(_APPENDIX.match(fold(text)))


def _appendices(lines: list[Line], parts: LetterParts) -> list[Appendix]:
    starts = [i for i, ln in enumerate(lines) if _is_appendix_title(ln)] + [len(lines)]
    out: list[Appendix] = []
    for k, (start, end) in enumerate(zip(starts, starts[1:])):
        title = plain(lines[start].text)
        title = title[:1].upper() + title[1:].lower()  # "PHỤ LỤC I" is printed "Phụ lục I"
        if " " in title:
            head, numeral = title.rsplit(" ", 1)
            title = f"{head} {numeral.upper()}" if numeral.isalpha() and fold(numeral) != "luc" else title
        i, subtitle = start + 1, []
        while i < end and (lines[i].blank or (_upper(lines[i]) and not _ATTACHED.match(fold(plain(lines[i].text))))):
            if not lines[i].blank:
                subtitle.append(plain(lines[i].text))
            elif subtitle:
                break
            i += 1
        while i < end and (lines[i].blank or _ATTACHED.match(fold(plain(lines[i].text)))
                           or _continues_attached(lines, i)):
            i += 1  # "(Kèm theo Công văn số …)": it says where the appendix belongs, not what it says
        body = [ln for ln in lines[i:end] if not is_page_number(ln.text)]
        paragraphs, spans = paragraphs_from_lines(body)
        parts.spans[f"appendices[{k}]"] = (lines[start].start, lines[end - 1].end)
        out.append(Appendix(title=title, subtitle=_sentence(" ".join(subtitle)) if subtitle else None,
                            body=paragraphs))
    return out


def _upper(line: Line) -> bool:
    letters = [ch for ch in plain(line.text) if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _continues_attached(lines: list[Line], i: int) -> bool:
    """A wrapped "(Kèm theo …" line goes on until its closing parenthesis."""
    before = next((plain(lines[k].text) for k in range(i - 1, -1, -1) if not lines[k].blank), "")
    return _ATTACHED.match(fold(before)) is not None and not before.endswith(")")


def _sentence(text: str) -> str:
    """A title printed in capitals, as the JSON keeps it: first letter capital, the rest as written
    in lower case ("DANH SÁCH ĐƠN VỊ" -> "Danh sách đơn vị")."""
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]
