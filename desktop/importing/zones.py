"""Where the parts of a dispatch are: header, type title, Kính gửi, closing (Nơi nhận).

Also `deinterleave`: layout text -> the same text with the two header columns and the two
closing columns written one after the other (what the PDF reader hands the parser).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.importing.closing import is_heading, split_closing
from desktop.importing.header import DATE_RE, NUMBER_RE, SUBJECT_RE, find_boundary, is_national_motto
from desktop.importing.lines import BlockLine, Line, column_lines, is_junk, is_upper_line, plain, split_lines
from desktop.core.text import fold

NAMED_TYPES = (
    "Nghị quyết", "Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo", "Thông báo", "Hướng dẫn",
    "Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình",
    "Hợp đồng", "Công điện", "Bản ghi nhớ", "Bản thỏa thuận", "Giấy ủy quyền", "Giấy mời", "Giấy giới thiệu",
    "Giấy nghỉ phép", "Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Thư công",
)
_FOLDED_NAMED = {fold(t): t for t in NAMED_TYPES}
_KINH_GUI = ("kinh gui", "kinh goi")
_ANNEX = re.compile(r"^PHỤ\s+LỤC\b")


@dataclass
class Zones:
    header_end: int
    title: int | None
    kinh: int | None


def is_kinh_gui(raw: str) -> bool:
    return fold(plain(raw)).startswith(_KINH_GUI)


def named_type(line: Line) -> str | None:
    """The type name a line prints ("KẾ HOẠCH"), stray marks beside it ignored (a scan's dust)."""
    text = plain(" ".join(seg.raw for seg in line.segments() if not is_junk(seg.raw)))
    if not is_upper_line(text, min_letters=4):
        return None
    return _FOLDED_NAMED.get(fold(text).strip(" .:"))


def find_line(lines: list[Line], start: int, stop: int, pred) -> int | None:
    for i in range(max(start, 0), min(stop, len(lines))):
        if pred(lines[i]):
            return i
    return None


def has_segment(line: Line, pred) -> bool:
    return any(pred(seg.raw) for seg in line.segments())


def locate(lines: list[Line]) -> Zones:
    horizon = min(len(lines), 80)
    kinh = find_line(lines, 0, horizon, lambda ln: has_segment(ln, is_kinh_gui))
    title = find_line(lines, 0, kinh if kinh is not None else horizon, lambda ln: named_type(ln) is not None)
    if title is not None:
        header_end = title
    elif kinh is not None:
        header_end = kinh
    else:
        header_end = implicit_header_end(lines)
    return Zones(header_end, title, kinh)


def implicit_header_end(lines: list[Line]) -> int:
    """Without Kính gửi or a type title: the header ends after its last recognised line."""
    last = None
    for i, line in enumerate(lines[:30]):
        for seg in line.segments():
            text = plain(seg.raw)
            if NUMBER_RE.match(text) or SUBJECT_RE.match(text) or is_national_motto(text) or \
                    (DATE_RE.search(text) and "ngày" in text.lower()):
                last = i
    if last is None:
        return 0
    i = last + 1
    while i < len(lines) and not lines[i].blank and i < last + 6:
        i += 1
    return i


def annex_start(lines: list[Line], start: int) -> int:
    """Where an annex begins after the letter (a second national header, or a "PHỤ LỤC" heading
    once the signature is behind): the index of its first line, else len(lines)."""
    closing = closing_start(lines, start)
    for i in range(start, len(lines)):
        segments = lines[i].segments()
        if any(is_national_motto(seg.raw) and "cong hoa" in fold(plain(seg.raw)) for seg in segments):
            while i > start and not lines[i - 1].blank and i - 1 > (closing or start):
                i -= 1  # the annex's own issuer lines beside or above its national header
            return i
        if closing is not None and i > closing and segments and _ANNEX.match(plain(segments[0].raw)):
            return i
    return len(lines)


def closing_start(lines: list[Line], start: int) -> int | None:
    return find_line(lines, start, len(lines), lambda ln: bool(ln.segments()) and is_heading(ln.segments()[0].raw))


def deinterleave(text: str) -> str:
    """Rewrite the header and the closing of a layout text as one column after the other."""
    lines = split_lines(text)
    zones = locate(lines)
    head = lines[:zones.header_end]
    out: list[str] = []
    if head:
        left, right = column_lines(head, find_boundary(head))
        out += _block(left, gaps=False) + [""] + _block(right, gaps=False) + [""]
    closing_at = closing_start(lines, zones.header_end)
    end = closing_at if closing_at is not None else len(lines)
    out += [ln.raw for ln in lines[zones.header_end:end]]
    if closing_at is not None:
        distribution, signature, rest = split_closing(lines[closing_at:])
        out += _block(distribution) + [""] + _block(signature) + [""] + _block(rest)
    return "\n".join(out)


def _block(lines: list[BlockLine], *, gaps: bool = True) -> list[str]:
    """Column lines as text; a blank line where the column (gaps) or the page had a gap."""
    out: list[str] = []
    for bl in lines:
        if ((gaps and bl.blank_before) or bl.para_break) and out and out[-1] != "":
            out.append("")
        out.append(bl.text)
    return out
