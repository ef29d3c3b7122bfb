"""Lines and column segments of a source text, with their offsets in that text.

A layout text (what `pdftotext -layout` gives) puts the two header columns and the
Nơi nhận / signature columns side by side on the same lines; a segment is a run of words
separated by at most two spaces, so a wider gap splits a line into its columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.text import fold

_SEGMENT = re.compile(r"\S+(?:[ \t\f]{1,2}\S+)*")
_MARKERS = re.compile(r"\*{1,3}")
_STAMP_PREFIXES = ("ky boi", "thoi gian ky", "nguoi ky:", "ngay ky:", "email:", "co quan:", "to chuc:")
_NUMBER_LABEL = re.compile(r"^S[ốô]\s*:?$", re.IGNORECASE)
_URL = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\s*[-–(]?\s*(?:trang\s+)?\d{1,3}\s*(?:/\s*\d{1,3})?\s*[-–)]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One source line: its raw text (indentation kept) and its offset in the source."""

    raw: str
    start: int
    index: int

    @property
    def indent(self) -> int:
        return len(self.raw) - len(self.raw.lstrip())

    @property
    def text(self) -> str:
        """Stripped, whitespace collapsed, emphasis markers kept."""
        return " ".join(self.raw.split())

    @property
    def blank(self) -> bool:
        return not self.raw.strip()

    @property
    def end(self) -> int:
        return self.start + len(self.raw.rstrip())

    def segments(self) -> list[Segment]:
        return [Segment(m.group(0), m.start(), self.start + m.start(), self.index) for m in _SEGMENT.finditer(self.raw)]


@dataclass(frozen=True)
class Segment:
    raw: str
    col: int
    start: int
    line: int

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def text(self) -> str:
        return " ".join(self.raw.split())


@dataclass
class BlockLine:
    """A line of one column: the joined segments of that column on one source line."""

    text: str
    start: int
    end: int
    line: int
    col: int = 0
    blank_before: bool = False  # this column was empty on the source line before
    para_break: bool = False  # the whole source line before was blank

    @property
    def plain(self) -> str:
        return plain(self.text)


def split_lines(text: str) -> list[Line]:
    """Lines on "\\n" only (form feeds are page breaks inside a line, not line ends)."""
    lines, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        lines.append(Line(raw, pos, i))
        pos += len(raw) + 1
    return lines


def plain(text: str) -> str:
    """A field value: emphasis markers and markdown escapes removed, spaces collapsed."""
    text = _MARKERS.sub("", text).replace("\\", "")
    return " ".join(text.split())


def is_url(text: str) -> bool:
    return bool(_URL.match(text))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text))


def is_stamp(text: str) -> bool:
    """A line of an e-signature stamp ("Ký bởi: ...", "Thời gian ký: ...", "Email: ..."): printed on
    the page by the signing software, not part of the letter."""
    return fold(plain(text)).startswith(_STAMP_PREFIXES)


def is_junk(text: str, *, min_alnum: int = 3) -> bool:
    """A stray fragment: a URL, a page number or a run with too few letters or digits."""
    stripped = plain(text)
    if not stripped:
        return True
    if is_url(stripped) or is_page_number(stripped):
        return True
    if _NUMBER_LABEL.match(stripped):
        return False  # "Số:" before a blank left for the number (stamped later, or by hand)
    return sum(ch.isalnum() for ch in stripped) < min_alnum and not re.match(r"^(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)]", stripped)


def upper_ratio(text: str) -> float:
    letters = [ch for ch in plain(text) if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(ch.isupper() for ch in letters) / len(letters)


def is_upper_line(text: str, *, min_letters: int = 4) -> bool:
    letters = [ch for ch in plain(text) if ch.isalpha()]
    return len(letters) >= min_letters and upper_ratio(text) >= 0.85


def column_lines(lines: list[Line], boundary: int | None, *, slack: int = 8) -> tuple[list[BlockLine], list[BlockLine]]:
    """Split `lines` into the left and right column at `boundary` (a column number).

    Segments starting at or right of `boundary - slack` go right; with no boundary everything
    is one (left) column. Each column line records whether the source line before it was blank
    for that column.
    """
    left: list[BlockLine] = []
    right: list[BlockLine] = []
    gap_left = gap_right = False
    para_break = False
    for line in lines:
        if line.blank:
            gap_left = gap_right = para_break = True
            continue
        segs = [s for s in line.segments() if not is_junk(s.raw) and not is_stamp(s.raw)]
        if not segs:
            continue  # a stray fragment ("|", "ọ", a page number) is not a gap
        if boundary is None:
            lefts, rights = segs, []
        else:
            lefts = [s for s in segs if s.col < boundary - slack]
            rights = [s for s in segs if s.col >= boundary - slack]
        if lefts:
            left.append(_join(lefts, gap_left, para_break))
            gap_left = False
        else:
            gap_left = True
        if rights:
            right.append(_join(rights, gap_right, para_break))
            gap_right = False
        else:
            gap_right = True
        para_break = False
    return left, right


def _join(segs: list[Segment], blank_before: bool, para_break: bool) -> BlockLine:
    return BlockLine(
        para_break=para_break,
        text=" ".join(s.text for s in segs),
        start=segs[0].start,
        end=segs[-1].end,
        line=segs[0].line,
        col=segs[0].col,
        blank_before=blank_before,
    )
