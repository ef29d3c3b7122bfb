"""The closing of a dispatch: Nơi nhận (distribution) on the left, the signature block
(title lines and name) on the right; side by side in layout text, one after the other
in plain text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.importing.lines import BlockLine, Line, column_lines, is_upper_line, plain
from desktop.core.text import fold

_HEADING = re.compile(r"^\W*N[ơo]i\s+nh[ậa]n\s*:?\s*", re.IGNORECASE)
_DASH = re.compile(r"^\s*[-–+•]\s*")
_AUTHORITY = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\.\s*", re.IGNORECASE)
_STAMP_PREFIXES = ("ky boi", "nguoi ky", "email", "co quan:", "thoi gian ky", "ngay ky", "(da ky)", "da ky",
                   "ky so", "signature", "signed", "digitally", "(ky", "chu ky so", "to chuc:")
_SIGNED = re.compile(r"\(\s*đã\s+ký\s*\)|\(\s*ký[^)]*\)", re.IGNORECASE)


@dataclass
class Closing:
    distribution: list[str] = field(default_factory=list)
    distribution_spans: list[tuple[int, int]] = field(default_factory=list)
    title_lines: list[str] = field(default_factory=list)
    name: str | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def is_heading(text: str) -> bool:
    return bool(_HEADING.match(plain(text))) and fold(plain(text)).startswith(("noi nhan", "noi nhạn"))


def clean_entry(text: str) -> str:
    """A Kính gửi / Nơi nhận line without the leading dash and the trailing ; or ."""
    text = _DASH.sub("", plain(text))
    text = re.sub(r"(?:\s*[;.,]\s*)+$", "", text)
    return text.strip()


def closing_boundary(lines: list[Line]) -> int | None:
    if not lines:
        return None
    segs = lines[0].segments()
    if len(segs) > 1 and segs[1].col >= 20:
        return segs[1].col
    cols = [s.col for line in lines for s in line.segments()
            if s.col >= 25 and (is_upper_line(s.raw) or _AUTHORITY.match(plain(s.raw)) or _name_like(plain(s.raw)))]
    return min(cols) if cols else None


def parse_closing(lines: list[Line]) -> Closing:
    closing = Closing()
    boundary = closing_boundary(lines)
    left, right = column_lines(lines, boundary, slack=10)
    if not left:
        return closing
    entries, stop = distribution_lines(left)
    for entry in entries:
        text = clean_entry(" ".join(bl.plain for bl in entry))
        if text:
            closing.distribution.append(text)
            closing.distribution_spans.append((entry[0].start, entry[-1].end))
    signer_lines = right if boundary is not None else left[stop:]
    _read_signer(closing, signer_lines)
    return closing


def split_closing(lines: list[Line]) -> tuple[list[BlockLine], list[BlockLine], list[BlockLine]]:
    """(Nơi nhận lines, signature lines up to the name, what follows) of a layout closing."""
    left, right = column_lines(lines, closing_boundary(lines), slack=10)
    if not left:
        return [], right, []
    _, stop = distribution_lines(left)
    name_at = _read_signer(Closing(), right)
    cut = len(right) if name_at is None else name_at + 1
    return left[:stop], right[:cut], left[stop:] + right[cut:]


def distribution_lines(left: list[BlockLine]) -> tuple[list[list[BlockLine]], int]:
    """The Nơi nhận entries (each its wrapped lines) and the index where the list stops."""
    first = left[0]
    rest = _HEADING.sub("", first.plain)
    entries: list[list[BlockLine]] = []
    if rest:
        entries.append([BlockLine(rest, first.start, first.end, first.line)])
    stop = len(left)
    dashed = False
    for i, bl in enumerate(left[1:], start=1):
        text = bl.plain
        if _DASH.match(bl.text) and len(text) > 1:
            dashed = True
            entries.append([bl])
        elif not entries and not _looks_signer(text) and not _name_like(text):
            if text.endswith(":") and len(text) <= 40:
                continue
            entries.append([bl])
        elif text.endswith(":") and len(text) <= 30 and not _looks_signer(text):
            continue  # a sub-heading: "Bản điện tử:"
        elif entries and not dashed and text[:1].isupper() and not _looks_signer(text):
            entries.append([bl])  # a list without dashes (a scan loses them): a capital starts an entry
        elif entries and not bl.blank_before and not entries[-1][-1].plain.endswith((";", ".")) \
                and not _looks_signer(text):
            entries[-1].append(bl)
        else:
            stop = i
            break
    return entries, stop


def parse_signer_only(lines: list[Line]) -> Closing:
    """A closing without Nơi nhận: only the signature block."""
    closing = Closing()
    left, right = column_lines(lines, closing_boundary(lines), slack=10)
    _read_signer(closing, right or left)
    return closing


def _looks_signer(text: str) -> bool:
    return bool(_AUTHORITY.match(text)) or (is_upper_line(text) and not _DASH.match(text))


def _is_stamp(text: str) -> bool:
    f = fold(text)
    return f.startswith(_STAMP_PREFIXES) or "@" in text or bool(re.search(r"\d{1,2}[:h]\d{2}", text))


def _name_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() for w in words) and not any(ch.isdigit() for ch in text) \
        and len(text) <= 45 and not _AUTHORITY.match(text) and not any(ch in text for ch in ":;,/()")


def _read_signer(closing: Closing, lines: list[BlockLine]) -> int | None:
    """Fill the signer of `closing`; returns the index of the name line (None without one)."""
    titles: list[BlockLine] = []
    in_titles = True
    name_at: int | None = None
    for idx, bl in enumerate(lines):
        text = _SIGNED.sub("", bl.plain).strip()
        if not text or _is_stamp(text):
            continue
        upperish = is_upper_line(text, min_letters=2) or bool(_AUTHORITY.match(text))
        # after "KT. TRƯỞNG PHÒNG" a title line must follow, even where its column had a gap
        if in_titles and upperish and (not titles or not bl.blank_before or _AUTHORITY.match(titles[-1].plain)):
            titles.append(bl)
            continue
        in_titles = False
        if _name_like(text) and not is_upper_line(text):
            closing.name = text
            closing.spans["signer.name"] = (bl.start, bl.end)
            name_at = idx
            break
    if closing.name is None and lines:
        # an all-capital name as the last line of the block
        last = lines[-1]
        text = _SIGNED.sub("", last.plain).strip()
        if _name_like(text) and titles and last is not titles[-1] and not _AUTHORITY.match(text):
            closing.name = text
            closing.spans["signer.name"] = (last.start, last.end)
            name_at = len(lines) - 1
    # a stray mark after a title ("PHÓ TRƯỞNG BAN -" on a scan) is never part of it
    closing.title_lines = [_SIGNED.sub("", bl.plain).strip().rstrip(" .,:;-–") for bl in titles]
    if titles:
        closing.spans["signer.title_lines"] = (titles[0].start, titles[-1].end)
    return name_at
