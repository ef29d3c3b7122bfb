"""Text -> ImportResult: find the zones of a dispatch (header, title, Kính gửi, body,
closing) and read each into the dispatch JSON form. Never guesses: what it cannot read
stays null and a warning says so."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from desktop.core.dispatch import Dispatch, Issuer, Paragraph, SignerBlock
from desktop.importing.closing import Closing, clean_entry, parse_closing, parse_signer_only
from desktop.importing.header import parse_header
from desktop.importing.items import Units, item_facts, match_unit_id
from desktop.importing.letter_parts import take_letter_parts
from desktop.importing.legacy import mend
from desktop.importing.lines import Line, plain, split_lines
from desktop.importing.paragraphs import paragraphs_from_lines
from desktop.importing.readers import SourceText, read_source
from desktop.importing.references import find_references
from desktop.importing.zones import annex_start, closing_start, find_line, has_segment, is_kinh_gui, locate, named_type
from desktop.core.jobs import CancelToken, ProgressFn, no_progress
from desktop.core.limits import Limits
from desktop.core.text import nfc, storable
from desktop.core.vocabulary import short_date

_PEOPLE = re.compile(r"^(?:Đ/c|Đồng chí|Ông|Bà)\b", re.IGNORECASE)
_DASH = re.compile(r"^\s*[-–+•]\s*")
_STAMP_DATE = re.compile(
    r"(?:Thời\s+gian\s+ký|Ngày\s+ký)\s*:\s*(?:(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2}))", re.IGNORECASE)
_TODAY = re.compile(r"^Hôm\s+nay\s*,?\s*(?:vào\s+hồi[^,]{0,30},?\s*)?ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})",
                    re.IGNORECASE)
_CLAUSE = re.compile(r";\s+|\.\s+(?=[A-ZĐÀ-Ỹ])")


@dataclass
class TaskDraft:
    """A task as read from an item: one per assignee (or one without) and deadline."""

    item_label: str
    title: str
    assignee_text: str | None = None
    assignee_unit_id: int | None = None
    deadline: date | None = None
    deadline_text: str | None = None
    recurrence: str | None = None
    section: str | None = None  # the enclosing roman section ("III"), if any


@dataclass
class ImportResult:
    dispatch: Dispatch
    source_text: str
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    kind: str = "dispatch"  # "dispatch" | "named"
    tasks: list[TaskDraft] = field(default_factory=list)
    source_format: str = "text"
    source_path: str | None = None
    # Where the header was read (dispatch-json.md `source`): "text" | "widgets" | "ocr"; and for OCR
    # the confidence (0-1) of each header field read ("number", "date", "issuer", ...).
    source: str = "text"
    confidence: dict[str, float] | None = None
    # A PDF's pages (pdf_reader.PageInfo) and placed words per page (layout.Word), for the page
    # view and evidence.py; `complete` is False for the first-page result of a long scan.
    pages: list = field(default_factory=list)
    page_words: list = field(default_factory=list)
    complete: bool = True
    signed_on: date | None = None  # the date of an e-signature stamp ("Thời gian ký: 31.08.2021 ...")
    evidence_cache: dict = field(default_factory=dict, repr=False, compare=False)

    def to_json_dict(self) -> dict:
        """The dispatch JSON of `import --json`: the dispatch, then `source` and `confidence`."""
        return {**self.dispatch.to_json_dict(), "source": self.source, "confidence": self.confidence}


def parse_text(text: str, *, units: Units | None = None, source_format: str = "text") -> ImportResult:
    """Read an already extracted text. Always returns; what it cannot read is null. Characters no store
    can hold (NUL, control characters; a form feed becomes a line break) are dropped first."""
    source = mend(nfc(storable(text) or "").replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    try:
        return _parse(source, units, source_format)
    except Exception as exc:  # a parser bug must never lose the clerk's file: return what we have
        result = ImportResult(Dispatch(), source, source_format=source_format)
        result.warnings.append(f"Không phân tích được văn bản ({exc.__class__.__name__}); hãy nhập tay.")
        return result


def read_dispatch(path: Path, *, units: Units | None = None, ocr: str = "auto", progress: ProgressFn = no_progress,
                  cancel: CancelToken | None = None, on_partial: Callable[[ImportResult], None] | None = None,
                  limits: Limits | None = None) -> ImportResult:
    """Read `path` (.txt, .md, .docx, .pdf) within `limits` (desktop/core/limits.py; the defaults when
    None). ImportFileError (a ValueError; ImportLimitError beyond a limit) when the file cannot be read,
    Cancelled; otherwise always a result, with null fields where nothing was found.

    A PDF page without a usable text layer is read by OCR (`ocr`: "auto", "always" or "never");
    that is a job: `progress` per page, `cancel` between pages, and `on_partial` gets the result
    of the first page (complete=False) while the rest of a longer scan is being read."""
    path = Path(path)

    def partial(pdf) -> None:
        if on_partial is not None:
            on_partial(_read_result(path, SourceText(pdf.text, "pdf", pdf), units))

    source = read_source(path, ocr=ocr, limits=limits, progress=progress, cancel=cancel,
                         on_page=partial if on_partial is not None else None)
    return _read_result(path, source, units)


def _read_result(path: Path, source: SourceText, units: Units | None) -> ImportResult:
    from desktop.importing.evidence import weigh

    result = parse_text(source.text, units=units, source_format=source.format)
    result.source_path = str(path)
    if source.pdf is not None:
        result.pages, result.page_words, result.complete = source.pdf.pages, source.pdf.words, source.pdf.complete
        weigh(result)
    return result


def _parse(source: str, units: Units | None, source_format: str) -> ImportResult:
    lines, parts = take_letter_parts(split_lines(source))  # secrecy, address footer, appendices
    n = len(lines)
    result = ImportResult(Dispatch(), source, source_format=source_format)
    d = result.dispatch
    d.secrecy, d.contact, d.appendices = parts.secrecy, parts.contact, parts.appendices
    result.spans.update(parts.spans)
    zones = locate(lines)
    header_end, title, kinh = zones.header_end, zones.title, zones.kinh
    header = parse_header(lines[:header_end])
    d.issuer = Issuer(name=header.issuer_name, parent=header.issuer_parent)
    d.number, d.symbol, d.place, d.date = header.number, header.symbol, header.place, header.date
    d.urgency = header.urgency
    d.subject = header.subject
    result.spans.update(header.spans)
    body_start = header_end
    if title is not None:
        d.doc_type = named_type(lines[title]) or "Công văn"
        result.kind = "named"
        result.spans["doc_type"] = (lines[title].start + lines[title].indent, lines[title].end)
        body_start = _read_title(lines, title + 1, result)
        if kinh is None or kinh < body_start:
            kinh = find_line(lines, body_start, min(n, body_start + 4), lambda ln: has_segment(ln, is_kinh_gui))
    if kinh is not None and kinh >= body_start:
        body_start = _read_recipients(lines, kinh, result)
    stop = annex_start(lines, body_start)  # an annex after the letter is not read
    closing_at = closing_start(lines[:stop], body_start)
    if closing_at is not None:
        body_lines = lines[body_start:closing_at]
        closing = parse_closing(lines[closing_at:stop])
    else:
        end = _last_closing_mark(lines[:stop], body_start)
        body_lines = lines[body_start:end]
        closing = parse_signer_only(lines[end:stop]) if end < stop else Closing()
    body, body_spans = paragraphs_from_lines(body_lines)
    d.body = body
    for i, span in enumerate(body_spans):
        result.spans[f"body[{i}]"] = span
    _read_closing(d, closing, result)
    if d.date is None and result.kind == "named":
        _date_in_body(result, body_spans)
    d.references = find_references([d.subject or ""] + [p.text for p in d.body])
    result.tasks = _tasks(d, units)
    result.signed_on = stamp_date(source)
    _warn(result)
    return result


def _read_title(lines: list[Line], start: int, result: ImportResult) -> int:
    """The title printed under the type name; returns the first line after it."""
    i = start
    while i < len(lines) and lines[i].blank:
        i += 1
    taken: list[Line] = []
    while i < len(lines) and not lines[i].blank and len(taken) < 4:
        text = plain(lines[i].text)
        if is_kinh_gui(text) or (taken and lines[i].indent < 4 <= taken[0].indent):
            break
        if taken and (text.startswith(("Căn cứ", "Thực hiện")) or re.match(r"^\d+\.", text)):
            break
        taken.append(lines[i])
        i += 1
    if taken:
        result.dispatch.subject = " ".join(plain(t.text) for t in taken).rstrip(" .;") or None
        result.spans["subject"] = (taken[0].start + taken[0].indent, taken[-1].end)
    return i


def _read_recipients(lines: list[Line], at: int, result: ImportResult) -> int:
    line = lines[at]
    seg = next(s for s in line.segments() if is_kinh_gui(s.raw))
    rest = re.sub(r"^\W*K[íi]nh\s+g[ửởu]i\s*:?\s*", "", plain(line.raw[seg.col:]), flags=re.IGNORECASE)
    entries: list[tuple[str, int, int]] = []
    i = at + 1
    if rest and not _DASH.match(rest) and not rest.endswith(";"):  # "X;" on the Kính gửi line: a list
        text, end = rest, line.end
        while i < len(lines) and not lines[i].blank and i <= at + 3 and not text.endswith((".", ";", ":")):
            text += " " + plain(lines[i].text)
            end = lines[i].end
            i += 1
        entries.append((text, line.start + seg.col, end))
    else:
        if rest:
            entries.append((rest, line.start + seg.col, line.end))
        while i < len(lines) and lines[i].blank and i < at + 4:
            i += 1
        single = i < len(lines) and not _DASH.match(plain(lines[i].text)) and not entries
        while i < len(lines):
            if lines[i].blank:
                k = i
                while k < len(lines) and lines[k].blank:
                    k += 1
                if single or k >= len(lines) or not _DASH.match(plain(lines[k].text)):
                    break
                i = k  # blank lines between "- " entries (one paragraph each in a DOCX)
            text = plain(lines[i].text)
            if _DASH.match(text):
                entries.append((text, lines[i].start + lines[i].indent, lines[i].end))
            elif entries and not entries[-1][0].endswith((";", ".")):
                t, s, _ = entries[-1]
                entries[-1] = (t + " " + text, s, lines[i].end)
            elif entries and entries[-1][0].endswith(";") and text[:1].isupper():
                # "- A;" then "B." without its dash (a scan loses small marks): the list goes on
                entries.append((text, lines[i].start + lines[i].indent, lines[i].end))
            elif single and not entries:
                entries.append((text, lines[i].start + lines[i].indent, lines[i].end))
            else:
                break
            i += 1
            if single and entries and entries[-1][0].endswith((".", ";")):
                break
    for k, (text, s, e) in enumerate(entries):
        cleaned = clean_entry(text)
        if cleaned:
            result.dispatch.recipients.append(cleaned)
            result.spans[f"recipients[{len(result.dispatch.recipients) - 1}]"] = (s, e)
    if entries:
        result.spans["recipients"] = (entries[0][1], entries[-1][2])
    return i


def _last_closing_mark(lines: list[Line], start: int) -> int:
    """Without Nơi nhận: the body ends after the last line ending with "./."."""
    for i in range(len(lines) - 1, start - 1, -1):
        if lines[i].text.rstrip("*").endswith("./."):
            return i + 1
    return len(lines)


def _read_closing(d: Dispatch, closing: Closing, result: ImportResult) -> None:
    d.distribution = closing.distribution
    for i, span in enumerate(closing.distribution_spans):
        result.spans[f"distribution[{i}]"] = span
    if closing.distribution_spans:
        result.spans["distribution"] = (closing.distribution_spans[0][0], closing.distribution_spans[-1][1])
    d.signer = SignerBlock(title_lines=closing.title_lines, name=closing.name)
    result.spans.update(closing.spans)


def _tasks(d: Dispatch, units: Units | None) -> list[TaskDraft]:
    tasks: list[TaskDraft] = []
    section: str | None = None
    body = d.body
    for i, p in enumerate(body):
        if p.label is None:
            continue
        if p.label.isupper() and p.label.isalpha():
            section = p.label
        if _PEOPLE.match(plain(p.text)):
            continue
        own = item_facts(p.text, doc_date=d.date)
        found = []
        clauses = _clause_facts(p.text, d.date)
        if clauses:
            found.extend(clauses)
        elif own.assignees or own.deadline_text:
            found.append(own)
        for sub_text in _item_paragraphs(body, i):
            sub = item_facts(sub_text, doc_date=d.date)
            if sub.assignees or sub.deadline_text:
                if not sub.assignees and own.assignees:
                    sub.assignees = list(own.assignees)
                    if own in found and not own.deadline_text:
                        found.remove(own)  # the same units, now with their deadline
                found.append(sub)
        _attach(p, found)
        for facts in found:
            for name in facts.assignees or [None]:
                tasks.append(TaskDraft(
                    item_label=p.label, title=plain(p.text)[:500], assignee_text=name,
                    assignee_unit_id=match_unit_id(name, units) if name else None,
                    deadline=facts.deadline, deadline_text=facts.deadline_text,
                    recurrence=facts.recurrence, section=section,
                ))
    return tasks


def _clause_facts(text: str, doc_date) -> list | None:
    """An item that names two units each with its own deadline ("Phòng A gửi ... trước ngày 15/9;
    Phòng B gửi ... trước ngày 30/9"): the facts of each clause that names a unit; None when
    the item is one task (fewer than two such clauses, or fewer than two deadlines)."""
    clauses = [c for c in _CLAUSE.split(plain(text)) if c.strip()]
    if len(clauses) < 2:
        return None
    facts = [item_facts(c, doc_date=doc_date) for c in clauses]
    named = [f for f in facts if f.assignees]
    if len(named) < 2 or sum(1 for f in named if f.deadline_text) < 2:
        return None
    return named


def _item_paragraphs(body: list[Paragraph], i: int) -> list[str]:
    """The unnumbered paragraphs that belong to item `i`: its "-"/"+" bullets, and, under a
    short heading item ("4. Thời gian nhận hồ sơ"), the paragraphs up to the next item; a
    plain paragraph after bullets is the document's own closing text, not the item's."""
    heading = len(plain(body[i].text)) < 80
    out: list[str] = []
    seen_bullet = False
    for p in body[i + 1:]:
        if p.label is not None:
            break
        bullet = bool(_DASH.match(p.text))
        if bullet:
            seen_bullet = True
        elif seen_bullet or not heading:
            break
        out.append(p.text)
    return out


def _attach(p: Paragraph, found: list) -> None:
    for facts in found:
        for name in facts.assignees:
            if name not in p.assignees:
                p.assignees.append(name)
    dated = next((f for f in found if f.deadline_text), None)
    if dated is not None:
        p.deadline, p.deadline_text, p.recurrence = dated.deadline, dated.deadline_text, dated.recurrence


def _warn(result: ImportResult) -> None:
    d = result.dispatch
    missing = {
        "cơ quan ban hành": d.issuer.name, "số": d.number, "ký hiệu": d.symbol, "ngày": d.date,
        "trích yếu": d.subject, "người ký": d.signer.name,
    }
    for label, value in missing.items():
        if value is None:
            result.warnings.append(f"Không đọc được {label}; hãy nhập tay.")
    if not d.body:
        result.warnings.append("Không tìm thấy nội dung văn bản.")
    signed = result.signed_on
    if signed is not None and d.date is None:
        result.warnings.append(f"Chữ ký số ghi ngày ký {short_date(signed)}; ngày ban hành thường là ngày ký hoặc "
                               "ngày làm việc kế tiếp – hãy đối chiếu rồi nhập.")
    elif signed is not None and d.date != signed:
        result.warnings.append(f"Ngày ban hành {short_date(d.date)} khác ngày ký số {short_date(signed)}; hãy kiểm tra.")


def _date_in_body(result: ImportResult, spans: list[tuple[int, int]]) -> None:
    """A biên bản is dated in its opening ("Hôm nay, ngày 19 tháng 10 năm 2020, tại ..."): the
    meeting's day is the document's date when the header gives none."""
    for i, p in enumerate(result.dispatch.body[:12]):
        m = _TODAY.search(plain(p.text))
        if m:
            try:
                result.dispatch.date = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return
            result.spans["date"] = spans[i]
            return


def stamp_date(source: str) -> date | None:
    """The signing date an e-signature stamp prints ("Thời gian ký: 31.08.2021 16:05:12 +07:00")."""
    m = _STAMP_DATE.search(source)
    if not m:
        return None
    day, month, year = (int(m.group(k)) for k in ("d", "m", "y")) if m.group("d") else \
        (int(m.group("d2")), int(m.group("m2")), int(m.group("y2")))
    try:
        return date(year, month, day)
    except ValueError:
        return None
