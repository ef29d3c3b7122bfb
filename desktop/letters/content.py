"""The printed strings of a dispatch, shared by the PDF and DOCX renderers.

Everything here is plain text (no layout): "Số: 05/UBND-NC", the ND30 date line, the
Kính gửi and Nơi nhận lines with their ";" / "." endings, item labels, the closing "./.",
and the emphasis runs of body text (`*italic*`, `**bold**`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.dispatch import Dispatch, Paragraph
from desktop.core.text import nfc
from desktop.core.vocabulary import decree_date, pad2

BLANK_NUMBER = "      "  # a draft: room for the number written by the Văn thư
END_MARK = "./."


def number_line(d: Dispatch) -> str:
    number = pad2(d.number) if d.number is not None else BLANK_NUMBER
    return f"Số: {number}/{d.symbol or ''}"


def date_line(d: Dispatch) -> str:
    place = d.place or "......"
    when = decree_date(d.date) if d.date else "ngày     tháng     năm 20.."
    return f"{place}, {when}"


def subject_lines_text(d: Dispatch) -> str:
    """The trích yếu as printed: "V/v ..." for a công văn, the bare title for a named type."""
    subject = d.subject or ""
    return f"V/v {subject}" if d.is_dispatch else subject


def doc_type_title(d: Dispatch) -> str:
    return (d.doc_type or "").upper()


def _strip_end(text: str) -> str:
    return text.rstrip().rstrip(";.,").rstrip()


def listed(lines: list[str], prefix: str = "- ") -> list[str]:
    """"- A;", "- B;", "- C." (ND30 Kính gửi / Nơi nhận endings)."""
    out = []
    for i, line in enumerate(lines):
        body = _strip_end(line.lstrip("-–• ").strip())
        out.append(f"{prefix}{body}{'.' if i == len(lines) - 1 else ';'}")
    return out


def recipient_lines(d: Dispatch) -> list[str]:
    """One recipient: [text] printed after "Kính gửi: "; several: "- " lines."""
    if len(d.recipients) == 1:
        return [_strip_end(d.recipients[0])]
    return listed(d.recipients)


def distribution_lines(d: Dispatch) -> list[str]:
    return listed(d.distribution)


def signer_title_lines(d: Dispatch) -> list[str]:
    return [line.upper() for line in d.signer.title_lines]


def label_text(label: str) -> str:
    """"5.1" -> "5.1.", "II" -> "II.", "a" -> "a)"."""
    if label.isalpha() and label.islower():
        return f"{label})"
    return f"{label}."


def with_end_mark(text: str) -> str:
    """The last paragraph closes with "./." (ND30 practice); added when the text lacks it."""
    stripped = text.rstrip()
    if stripped.endswith(END_MARK):
        return stripped
    if stripped.endswith("/"):
        return stripped + "."
    if stripped.endswith("."):
        return stripped + "/."
    return stripped.rstrip(";:,") + END_MARK


def paragraph_texts(d: Dispatch) -> list[str]:
    """Each body paragraph as printed (label prefixed, end mark on the last), with emphasis markers."""
    out = []
    for i, p in enumerate(d.body):
        text = paragraph_text(p)
        if i == len(d.body) - 1:
            text = with_end_mark(text)
        out.append(text)
    return out


_ROMAN = set("IVXLC")


def is_heading(p: Paragraph) -> bool:
    """A Roman-numbered section title in capitals ("II. NỘI DUNG ...") prints bold."""
    return bool(p.label) and set(p.label) <= _ROMAN and "*" not in p.text and p.text == p.text.upper()


def unlabelled_text(p: Paragraph, last: bool) -> str:
    """The paragraph as printed after a number the word processor draws itself (DOCX lists)."""
    text = f"**{p.text}**" if is_heading(p) else p.text
    return with_end_mark(text) if last else text


def paragraph_text(p: Paragraph) -> str:
    text = f"{label_text(p.label)} {p.text}" if p.label else p.text
    return f"**{text}**" if is_heading(p) else text


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


_EMPHASIS = re.compile(r"\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|\*(?!\s)(.+?)(?<!\s)\*")


def runs(text: str) -> list[Run]:
    """Split body text at its emphasis markers: ***both***, **bold**, *italic*."""
    text = nfc(text)
    out: list[Run] = []
    pos = 0
    for m in _EMPHASIS.finditer(text):
        if m.start() > pos:
            out.append(Run(text[pos:m.start()]))
        if m.group(1) is not None:
            out.append(Run(m.group(1), bold=True, italic=True))
        elif m.group(2) is not None:
            out.append(Run(m.group(2), bold=True))
        else:
            out.append(Run(m.group(3), italic=True))
        pos = m.end()
    if pos < len(text):
        out.append(Run(text[pos:]))
    return [r for r in out if r.text]


def appendix_reference(d: Dispatch) -> str:
    """"(Kèm theo Công văn số 05/UBND-NC ngày 06 tháng 01 năm 2021)" under an appendix's title (PL I);
    a draft leaves room for the number and the date."""
    number = pad2(d.number) if d.number is not None else BLANK_NUMBER
    when = decree_date(d.date) if d.date else "ngày     tháng     năm 20.."
    return f"(Kèm theo {d.doc_type or 'Công văn'} số {number}/{d.symbol or ''} {when})"


TABLE_CELL = " | "  # an appendix table row kept as one paragraph: cells joined by " | "


def appendix_blocks(body: list[Paragraph]) -> list[Paragraph | list[list[str]]]:
    """An appendix's paragraphs with each run of table rows ("a | b | c") gathered into one table
    (a list of rows of cell texts)."""
    out: list[Paragraph | list[list[str]]] = []
    for p in body:
        if TABLE_CELL in p.text and p.label is None:
            cells = [c.strip() for c in p.text.split(TABLE_CELL)]
            if out and isinstance(out[-1], list) and len(out[-1][0]) == len(cells):
                out[-1].append(cells)
            else:
                out.append([cells])
        else:
            out.append(p)
    return out


def plain(text: str) -> str:
    """The text without emphasis markers (what a reader sees)."""
    return "".join(r.text for r in runs(text))
