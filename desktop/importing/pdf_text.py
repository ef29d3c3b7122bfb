"""The text layer of a PDF, column-aware (pdfplumber, MIT).

Words are placed on a character grid from their x positions, which gives a layout text like
`pdftotext -layout`; the header and closing columns are then written as separate blocks
(`zones.deinterleave`, which splits at the column gap found in those lines), and body lines
keep their first-line indent so paragraphs can be found.
"""
from __future__ import annotations

import statistics
from pathlib import Path

from desktop.core.jobs import ProgressFn, no_progress
from desktop.core.limits import Budget, Limits, too_many_pages
from desktop.importing.errors import ImportFileError, ImportLimitError


def read_pdf_text(path: Path, *, limits: Limits | None = None, budget: Budget | None = None,
                  progress: ProgressFn = no_progress) -> str:
    """The layout text of `path`. Its pages are counted first (PDFium reads the page tree alone) and
    a file above limits.pdf_pages is refused before any page is read; then page by page, each page's
    objects let go once its words are out, `budget` checked and `progress` told between pages."""
    import pdfplumber

    limits = limits or Limits.defaults()
    count = page_count(path)
    if count > limits.pdf_pages:
        raise ImportLimitError(too_many_pages(Path(path).name, count, limits))
    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for index, page in enumerate(pdf.pages):
            if budget is not None:
                budget.check()
            progress(index / max(count, 1), f"Trang {index + 1}/{count}")
            pages.append(page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5,
                                            extra_attrs=["fontname"]))
            page.close()  # pdfplumber keeps a page's parsed objects until then
    words = [w for page in pages for w in page]
    if not words:
        raise ImportFileError(
            f"Tệp {Path(path).name} không có lớp chữ (bản quét ảnh); cần nhận dạng chữ (OCR) trước khi nhập."
        )
    from desktop.importing.zones import deinterleave

    return deinterleave(layout_text(pages))


def page_count(path: Path) -> int:
    """The number of pages from the PDF's page tree (PDFium; nothing on the pages is read)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def layout_text(pages: list[list[dict]]) -> str:
    words = [w for page in pages for w in page]
    widths = [(w["x1"] - w["x0"]) / len(w["text"]) for w in words if len(w["text"]) >= 3]
    char = statistics.median(widths) if widths else 5.0
    margin = min(w["x0"] for w in words)
    out: list[str] = []
    for page_no, page in enumerate(pages):
        if page_no:
            out.append("\f")
        previous_bottom = None
        for line in _lines(page):
            top = min(w["top"] for w in line)
            height = max(w["bottom"] - w["top"] for w in line)
            if previous_bottom is not None and top - previous_bottom > 0.9 * height:
                out.append("")  # vertical space: a blank line, as pdftotext shows it
            previous_bottom = max(w["bottom"] for w in line)
            out.append(_render(line, margin, char))
    return "\n".join(out)


def _lines(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= 2.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def _style(word: dict) -> str:
    font = word.get("fontname", "").lower()
    bold = "bold" in font or "black" in font or "heavy" in font
    italic = "italic" in font or "oblique" in font
    return "***" if bold and italic else "**" if bold else "*" if italic else ""


def _marked(line: list[dict]) -> list[dict]:
    """Words with emphasis markers around each run of bold/italic words (body text keeps them);
    a line (or one column of it) that is all one style (a heading, the date line) gets none."""
    styles = [_style(w) for w in line]
    if len(set(styles)) == 1:
        return line
    out = [dict(w) for w in line]
    for i, (w, mark) in enumerate(zip(out, styles)):
        if not mark:
            continue
        if i == 0 or styles[i - 1] != mark:
            w["text"] = mark + w["text"]
        if i == len(out) - 1 or styles[i + 1] != mark:
            w["text"] = w["text"] + mark
    return out


def _columns(line: list[dict], char: float) -> list[list[dict]]:
    groups: list[list[dict]] = []
    for w in line:
        if groups and w["x0"] - groups[-1][-1]["x1"] <= 3.0 * char:
            groups[-1].append(w)
        else:
            groups.append([w])
    return groups


def _render(line: list[dict], margin: float, char: float) -> str:
    text = ""
    last_x1 = None
    for w in [w for group in _columns(line, char) for w in _marked(group)]:
        col = max(0, round((w["x0"] - margin) / char))
        if last_x1 is None:
            text = " " * col
        elif w["x0"] - last_x1 > 3.0 * char:
            text += " " * max(3, col - len(text))  # a column gap: at least three spaces
        elif w["x0"] - last_x1 > 0.12 * char:
            text += " "  # else glued: one word split where its font changes ("(" + italic)
        text += w["text"]
        last_x1 = w["x1"]
    return text
