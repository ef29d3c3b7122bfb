"""Reading a file into text: .txt/.md (UTF-8, UTF-16 or Windows-1258), .docx (python-docx),
.pdf (its text layer and form-field widgets, OCR where a page is a scan: pdf_reader.py). Text
comes back NFC; text typed in the old TCVN3 / VNI fonts (which reads like "Céng hoµ x· héi") is
refused with a clear message.

Within the limits of desktop/core/limits.py (the office's settings): the file's size, a DOCX's
inflated size and compression ratio, a PDF's pages, the characters of text, and a wall-clock budget
checked between DOCX blocks and OCR'd pages, together with the cancel token (ImportLimitError,
Cancelled)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from desktop.core.jobs import CancelToken, Cancelled, ProgressFn, no_progress
from desktop.core.limits import (
    Budget,
    Limits,
    check_archive,
    check_size,
    check_text,
    read_bounded,
    read_too_long,
)
from desktop.core.text import nfc
from desktop.importing.errors import (  # noqa: F401  (part of this module's face)
    ImportFileError,
    ImportLimitError,
    LegacyEncodingError,
)

if TYPE_CHECKING:
    from desktop.importing.pdf_reader import PdfRead

SUPPORTED = (".txt", ".md", ".docx", ".pdf")


@dataclass
class SourceText:
    text: str
    format: str  # "text" | "docx" | "pdf"
    pdf: PdfRead | None = None  # pages, placed words and OCR facts of a PDF


def _vietnamese_letters() -> frozenset[str]:
    base = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = set("đĐ")
    for b in base:
        for t in tones:
            ch = unicodedata.normalize("NFC", b + t)
            letters.update({ch, ch.upper()})
    return frozenset(c for c in letters if len(c) == 1 and not c.isascii())


_VIETNAMESE = _vietnamese_letters()
# Latin-1 characters that are not Vietnamese letters: what TCVN3/VNI bytes turn into.
_LEGACY = frozenset(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE and chr(c) not in "×÷")
_LEGACY_MESSAGE = (
    "Văn bản dùng bảng mã cũ (TCVN3/VNI, phông .VnTime hoặc VNI-Times), không phải Unicode. "
    "Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại."
)


def looks_legacy(text: str) -> bool:
    sample = text[:20000]
    legacy = sum(1 for ch in sample if ch in _LEGACY)
    # letters outside Latin-1 (ạ ả ơ ư đ ...): Unicode Vietnamese is full of them, legacy text has none
    vietnamese = sum(1 for ch in sample if ch in _VIETNAMESE and ord(ch) > 0xFF)
    return legacy >= 6 and legacy > 2 * vietnamese


def check_encoding(text: str) -> str:
    """NFC text, or LegacyEncodingError when it was typed in a legacy encoding."""
    text = nfc(text)
    if looks_legacy(text):
        raise LegacyEncodingError(_LEGACY_MESSAGE)
    return text


def read_source(path: Path, *, ocr: str = "auto", limits: Limits | None = None, progress: ProgressFn = no_progress,
                cancel: CancelToken | None = None, on_page: Callable[[PdfRead], None] | None = None) -> SourceText:
    """The text of `path` within `limits` (the defaults when None); for a PDF `ocr`, `progress`, the
    cancel token and time budget, and `on_page` go to pdf_reader.read_pdf. ImportFileError (Vietnamese,
    one line) for a file that cannot be read, ImportLimitError beyond a limit, Cancelled."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ImportFileError(
            f"Không nhập được tệp {path.name}: chỉ nhận văn bản .txt, .md, .docx hoặc .pdf."
        )
    if not path.is_file():
        raise ImportFileError(f"Không tìm thấy tệp {path}.")
    try:
        office_pages = limits.pdf_pages if limits is not None else None  # else pdf_text's default, read when used
        limits = limits or Limits.defaults()
        budget = Budget(limits.read_seconds, read_too_long(path.name, limits), cancel=cancel, error=ImportLimitError)
        check_size(path, limits, ImportLimitError)
        if suffix in (".txt", ".md"):
            source = SourceText(check_encoding(_decode(read_bounded(path, limits, ImportLimitError), path.name)),
                                "text")
        elif suffix == ".docx":
            check_archive(path, limits, ImportLimitError)
            source = SourceText(check_encoding(_read_docx(path, budget)), "docx")
        else:
            from desktop.importing.pdf_reader import read_pdf

            pdf = read_pdf(path, ocr=ocr, progress=progress, cancel=budget, on_page=on_page,
                           max_pages=office_pages)
            source = SourceText(check_encoding(pdf.text), "pdf", pdf)
        budget.check()
        check_text(path.name, source.text, limits, ImportLimitError)
        if not source.text.strip():
            raise ImportFileError(f"Tệp {path.name} không có nội dung chữ.")
        return source
    except (ImportFileError, Cancelled):
        raise
    except OSError as exc:
        raise ImportFileError(f"Không đọc được tệp {path.name}: {exc.strerror or exc}.") from exc
    except Exception as exc:  # a broken .docx/.pdf: one clear message, not a traceback
        raise ImportFileError(
            f"Không đọc được tệp {path.name}: tệp hỏng hoặc không đúng định dạng {suffix} ({exc.__class__.__name__})."
        ) from exc


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ImportFileError(f"Không đọc được tệp {name}: không phải tệp văn bản.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Windows-1258 (Vietnamese, letters with their tone as a combining mark): once composed it reads
    # as Unicode Vietnamese; TCVN3/VNI bytes read this way still look legacy and are refused
    text = nfc(data.decode("cp1258", errors="replace"))
    if looks_legacy(text):
        raise LegacyEncodingError(_LEGACY_MESSAGE)
    if text.count("\ufffd") > 3:
        raise ImportFileError(f"Không đọc được tệp {name}: không phải văn bản UTF-8.")
    return text


def _read_docx(path: Path, budget: Budget | None = None) -> str:
    """Paragraphs in order, with the numbers of Word lists put back in front ("5.1. ..."); each
    table cell as its own block (header and signature tables); then page 1's footer lines.
    `budget` is checked every 100 blocks."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    from desktop.letters.content import label_text
    from desktop.letters.docx_numbering import list_labels

    document = docx.Document(str(path))
    labels = list_labels(document)  # Word's own list numbers, as the reader sees them
    out: list[str] = []
    for n, child in enumerate(document.element.body.iterchildren()):
        if budget is not None and n % 100 == 0:
            budget.check()
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _runs_text(DocxParagraph(child, document))
            if child in labels and text.strip():
                text = f"{label_text(labels[child])} {text}"
            out.append(text)
            out.append("")
        elif tag == "tbl":
            for cells in _table_cells(Table(child, document)):
                for lines in cells:
                    out.extend(lines)
                    out.append("")
    section = document.sections[0]  # page 1's footer: the address footer (ô 13), read after the text
    footer = section.first_page_footer if section.different_first_page_header_footer else section.footer
    out.extend(p.text for p in footer.paragraphs if p.text.strip())
    return "\n".join(out)


def _table_cells(table) -> list[list[list[str]]]:
    """Each row's cells as lines; a row of "- " lines in its first cell only continues the row above
    (a long Nơi nhận flowing on below the signature), so its lines join that first cell."""
    rows: list[list[list[str]]] = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # a merged cell repeats
            seen.add(id(cell._tc))
            cells.append([_runs_text(p) for p in cell.paragraphs])
        first = next((t.strip() for t in cells[0] if t.strip()), "") if cells else ""
        continues = (rows and len(cells) > 1 and first.startswith("- ")
                     and not any(t.strip() for c in cells[1:] for t in c))
        if continues:
            rows[-1][0].extend(cells[0])
        else:
            rows.append(cells)
    return rows


def _runs_text(paragraph) -> str:
    """The paragraph's text with *italic* / **bold** markers for runs so formatted."""
    pieces: list[tuple[str, bool, bool]] = []
    for run in paragraph.runs:
        text = run.text
        if not text:
            continue
        bold, italic = bool(run.bold), bool(run.italic)
        if pieces and pieces[-1][1:] == (bold, italic):
            pieces[-1] = (pieces[-1][0] + text, bold, italic)
        else:
            pieces.append((text, bold, italic))
    if not pieces:
        return paragraph.text
    all_same = len({p[1:] for p in pieces}) == 1
    out = []
    for text, bold, italic in pieces:
        if all_same or not text.strip():
            out.append(text)  # a wholly bold/italic paragraph is a heading style, not emphasis
            continue
        mark = "***" if bold and italic else "**" if bold else "*" if italic else ""
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{text.strip()}{mark}{trail}")
    return "".join(out)
