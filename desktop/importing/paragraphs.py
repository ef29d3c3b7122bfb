"""Body lines -> paragraphs and numbered items.

Works on both kinds of text: one paragraph per line separated by blank lines (the seeds,
DOCX), and wrapped layout lines where a paragraph starts with a first-line indent, a label
or a bullet (pdftotext -layout, our PDF reader). A paragraph cut by a page break (a blank
line, a page number, a form feed) is joined back when the break falls mid-sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.dispatch import Paragraph
from desktop.importing.lines import Line, is_junk, is_page_number, is_stamp, is_url, plain

_LABEL = re.compile(
    r"^(?P<open>\*{0,2})(?:"
    r"(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=\s|\*)"  # 5.1. / 5.1
    r"|(?P<top>\d{1,2})[.)](?=\s|\*)"  # 1. / 1)
    r"|(?P<glued>\d{1,2}(?:\.\d{1,2}){0,3})\.(?=[A-ZÀ-ỸĐ“\"])"  # 3.Chế độ
    r"|(?P<roman>[IVXL]{1,5})[.)](?=\s|\*)"  # II.
    r"|(?P<letter>[a-zđ])\)(?=\s)"  # a)
    r")(?P<close>\*{0,2})\s*(?P<text>\S.*)$"
)
_BULLET = re.compile(r"^[-–+•]\s+\S")
_TERMINAL = (".", ":", ";", "!", "?", "…", ".”", ".\"", ")", "./.")
_CLOSING_JUNK = re.compile(r"\./[^.\s]{1,2}$")


@dataclass
class RawParagraph:
    text: str
    start: int
    end: int


def split_label(text: str) -> tuple[str | None, str]:
    m = _LABEL.match(text)
    if not m:
        return None, text
    label = m.group("num") or m.group("top") or m.group("glued") or m.group("roman") or m.group("letter")
    rest = m.group("text")
    opened, closed = m.group("open"), m.group("close")
    if opened and not closed:
        rest = opened + rest  # "**1. Title**" keeps its bold on the title
    return label.rstrip("."), rest


def _terminal(text: str) -> bool:
    t = plain(text)
    return t.endswith(_TERMINAL)


def _starts_lower(text: str) -> bool:
    t = plain(text).lstrip("“\"'(")
    return bool(t) and t[0].islower()


def group_paragraphs(lines: list[Line]) -> list[RawParagraph]:
    paragraphs: list[list[Line]] = []
    after_blank = False
    # the body's own left edge: a robust minimum of the indents (a wide margin is not an indent)
    indents = sorted(line.indent for line in lines if not line.blank)
    base = indents[len(indents) // 5] if indents else 0
    for line in lines:
        if line.blank:
            after_blank = True
            continue
        text = line.text
        if is_page_number(text) or is_url(text) or is_stamp(text):
            continue  # a page break or a signature stamp: not a paragraph boundary by itself
        if is_junk(text, min_alnum=2) and not _LABEL.match(text):
            continue
        if not paragraphs:
            paragraphs.append([line])
            after_blank = False
            continue
        prev = paragraphs[-1][-1].text
        prev_terminal = _terminal(prev)
        lower = _starts_lower(text)
        new = False
        indented = line.indent - base >= 4
        if split_label(plain(text))[0] is not None and (prev_terminal or not lower or indented or after_blank):
            new = True
        elif _BULLET.match(plain(text)) and (indented or prev_terminal or after_blank):
            new = True
        elif indented and not (lower and not prev_terminal):
            new = True
        elif after_blank and not (lower and not prev_terminal):
            new = True
        if new:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
        after_blank = False
    return [_join(p) for p in paragraphs]


def _join(lines: list[Line]) -> RawParagraph:
    text = ""
    for line in lines:
        piece = line.text.replace("\f", " ").strip()
        closing_mark = re.search(r"(?<!\*)(\*{1,3})$", text)
        if closing_mark and piece.startswith(closing_mark.group(1)) and not piece.startswith(closing_mark.group(1) + "*"):
            # one emphasis run wrapped over two lines (marked per line by the PDF reader)
            text = text[: -len(closing_mark.group(1))] + " " + piece[len(closing_mark.group(1)):]
        elif not text:
            text = piece
        elif re.search(r"\w-$", text) and piece[:1].isalnum():
            text += piece  # "273/KH-" + "UBND"
        else:
            text += " " + piece
    text = " ".join(text.split())
    text = _CLOSING_JUNK.sub("./.", text)
    return RawParagraph(text, lines[0].start + lines[0].indent, lines[-1].end)


def paragraphs_from_lines(lines: list[Line]) -> tuple[list[Paragraph], list[tuple[int, int]]]:
    out: list[Paragraph] = []
    spans: list[tuple[int, int]] = []
    for raw in group_paragraphs(lines):
        label, text = split_label(raw.text)
        text = text.strip()
        if not text:
            continue
        out.append(Paragraph(text=text, label=label))
        spans.append((raw.start, raw.end))
    return out, spans
