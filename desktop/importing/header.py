"""The header of a dispatch: issuer and parent body, number and symbol, place and date,
subject (V/v), urgency; read from either column order, or from one column."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from desktop.importing.lines import BlockLine, Line, column_lines, is_upper_line, plain
from desktop.core.text import fold
from desktop.core.vocabulary import URGENCY_LABELS, urgency_code

# "Số: 458/PGD&ĐT", "Số 348 /SGDĐT", "SỐ: 12/UBND-VP", "Số: 348/SGDĐT-GDTrH, GDTX" (two drafting
# units); the label has a capital S ("số 27/KH-UBND" in lower case continues a subject line).
NUMBER_RE = re.compile(
    r"^(?:S[ốô]|SỐ)\s*(?:[:.]\s*|(?=\d|/))(?P<num>\d{1,6})?\s*(?:/\s*(?P<sym>[^\s,;]+(?:\s*-\s*[^\s,;]+)*"
    r"(?:\s*,\s*[A-ZĐ][A-Za-zĐđ&]{1,11}(?![\w/]))*))?"
)
DATE_RE = re.compile(
    r"(?P<place>[^\W\d_][^,;:\n]{0,40}?)\s*,\s*ngày\s*(?P<d>\d{1,2})?\s*(?:/|tháng)\s*(?P<m>\d{1,2})?\s*"
    r"(?:/|năm)\s*(?P<y>\d{4})?",
    re.IGNORECASE,
)
# "V/v" (as OCR may also read it from a dusty scan: "Ý/v", "V/w", "V|v") or "Về việc"
SUBJECT_RE = re.compile(r"^(?:[VÝ]\s*[/|]\s*[vw]|Về\s+việc)\s*[:.]?\s*", re.IGNORECASE)
# Bodies whose name needs the next line ("ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK NÔNG").
_BARE_BODIES = {"uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd", "so", "ban", "phong"}
_LEVEL_WORDS = ("tinh ", "huyen ", "xa ", "thanh pho ", "quan ", "thi xa ", "thi tran ", "phuong ",
                "trung uong", "tp ", "tp. ")


@dataclass
class Header:
    issuer_name: str | None = None
    issuer_parent: str | None = None
    number: int | None = None
    symbol: str | None = None
    place: str | None = None
    date: date | None = None
    subject: str | None = None
    urgency: str | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def is_national_motto(text: str) -> bool:
    f = fold(plain(text))
    return "cong hoa xa hoi" in f or "chu nghia viet nam" in f or f.startswith("doc lap") or "tu do - hanh phuc" in f \
        or "tu do – hanh phuc" in f


def find_boundary(lines: list[Line]) -> int | None:
    """The column where the right header block starts, or None for one column."""
    anchored, others = [], []
    for line in lines:
        segs = line.segments()
        for i, seg in enumerate(segs):
            if seg.col < 20:
                continue
            if is_national_motto(seg.raw) or DATE_RE.search(plain(seg.raw)):
                anchored.append(seg.col)
            elif i > 0:
                others.append(seg.col)
    if anchored:
        return min(anchored)
    return min(others) if others else None


def parse_header(lines: list[Line]) -> Header:
    header = Header()
    left, right = column_lines(lines, find_boundary(lines))
    issuer_runs: list[list[BlockLine]] = []
    number_line: int | None = None
    for block in (left, right):
        mode = None
        subject: list[BlockLine] = []
        last_issuer = False
        for bl in block:
            text = bl.plain
            was_issuer, last_issuer = last_issuer, False
            if mode == "subject" and not bl.blank_before and len(subject) < 6 and _continues_subject(text):
                subject.append(bl)
                continue
            mode = None
            if is_national_motto(text):
                continue
            m = NUMBER_RE.match(text)
            if m and header.number is None and header.symbol is None:
                _read_number(header, m, bl)
                number_line = bl.line
                continue
            m = DATE_RE.search(text)
            if m and header.place is None and (m.group("d") or m.group("y")):
                _read_date(header, m, bl)
                continue
            if SUBJECT_RE.match(text) and header.subject is None:
                subject = [bl]
                mode = "subject"
                continue
            if urgency := urgency_code(text):
                header.urgency = URGENCY_LABELS[urgency]
                header.spans["urgency"] = (bl.start, bl.end)
                continue
            if is_upper_line(text) and header.subject is None:
                if was_issuer and not bl.para_break and bl.line - issuer_runs[-1][-1].line <= 2:
                    issuer_runs[-1].append(bl)
                else:
                    issuer_runs.append([bl])
                last_issuer = True
        if subject:
            first = SUBJECT_RE.sub("", subject[0].plain)
            joined = " ".join([first] + [s.plain for s in subject[1:]]).strip()
            header.subject = joined.rstrip(" .;,") or None
            header.spans["subject"] = (subject[0].start, subject[-1].end)
    run = _pick_issuer_run(issuer_runs, number_line)
    if run:
        _read_issuer(header, run)
    return header


def _continues_subject(text: str) -> bool:
    return bool(text) and not is_national_motto(text) and not NUMBER_RE.match(text) \
        and not (DATE_RE.search(text) and "ngày" in text.lower() and "," in text) and not is_upper_line(text)


def _read_number(header: Header, m: re.Match, bl: BlockLine) -> None:
    if m.group("num"):
        header.number = int(m.group("num")) or None
    sym = m.group("sym")
    if sym:
        header.symbol = re.sub(r",(?=\S)", ", ", re.sub(r"\s+", "", sym)).strip(".,;: ") or None
    header.spans["number"] = header.spans["symbol"] = (bl.start, bl.end)


def _read_date(header: Header, m: re.Match, bl: BlockLine) -> None:
    place = m.group("place").strip(" *")
    header.place = place or None
    try:
        if m.group("d") and m.group("m") and m.group("y"):
            header.date = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        header.date = None
    header.spans["place"] = header.spans["date"] = (bl.start, bl.end)


def _pick_issuer_run(runs: list[list[BlockLine]], number_line: int | None) -> list[BlockLine] | None:
    """The issuer: the last run of upper-case lines above the Số line (else the first run)."""
    if not runs:
        return None
    if number_line is not None:
        above = [r for r in runs if r[0].line < number_line]
        if above:
            return above[-1]
    return runs[0]


def _read_issuer(header: Header, run: list[BlockLine]) -> None:
    groups: list[list[BlockLine]] = []
    for bl in run:
        f = fold(bl.plain)
        continues = groups and (f.startswith(_LEVEL_WORDS) or _incomplete(groups[-1]))
        if continues:
            groups[-1].append(bl)
        else:
            groups.append([bl])

    def text(lines: list[BlockLine]) -> str:
        return " ".join(bl.plain for bl in lines)

    if len(groups) > 1:
        header.issuer_parent = text(groups[0])
        header.spans["issuer.parent"] = (groups[0][0].start, groups[0][-1].end)
        rest = [bl for g in groups[1:] for bl in g]
    else:
        rest = groups[0]
    header.issuer_name = text(rest)
    header.spans["issuer"] = (rest[0].start, rest[-1].end)


def _incomplete(group: list[BlockLine]) -> bool:
    f = fold(" ".join(bl.plain for bl in group)).strip()
    return f in _BARE_BODIES or f.endswith((" va", "-", "&", " ve", " cua"))
