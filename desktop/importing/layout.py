"""Placed words -> a layout text like `pdftotext -layout`.

Words (from a PDF's text layer, its form-field widgets, or OCR of a page image) are placed on a
character grid from their x positions: the two header columns and the Nơi nhận / signature
columns come out side by side with a wide gap (which `zones.deinterleave` then splits), body
lines keep their first-line indent, a vertical gap becomes a blank line and pages are separated
by a form feed. Runs of bold/italic words get `**`/`*` markers from their font names.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, replace


@dataclass
class Word:
    """One word where it is drawn: PDF points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int = 0
    font: str = ""
    origin: str = "text"  # "text" (page content) | "widget" (a form-field appearance) | "ocr"
    conf: float | None = None  # OCR confidence 0-1; None for a text layer


def page_lines(words: list[Word]) -> list[list[Word]]:
    """The words of one page grouped into lines (top to bottom), each sorted left to right."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if rows and abs(rows[-1][0].top - w.top) <= 0.45 * max(w.bottom - w.top, 1.0) + 0.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w.x0) for r in rows]


def char_width(words: list[Word]) -> float:
    widths = [(w.x1 - w.x0) / len(w.text) for w in words if len(w.text) >= 3]
    return statistics.median(widths) if widths else 5.0


def layout_text(pages: list[list[Word]]) -> str:
    words = [w for page in pages for w in page]
    if not words:
        return ""
    char = char_width(words)
    margin = min(w.x0 for w in words)
    out: list[str] = []
    for page_no, page in enumerate(pages):
        if page_no:
            out.append("\f")
        previous_bottom = None
        for line in page_lines(page):
            top = min(w.top for w in line)
            height = max(w.bottom - w.top for w in line)
            if previous_bottom is not None and top - previous_bottom > 0.9 * height:
                out.append("")  # vertical space: a blank line, as pdftotext shows it
            previous_bottom = max(w.bottom for w in line)
            out.append(_render(line, margin, char))
    return "\n".join(out)


def _style(word: Word) -> str:
    font = word.font.lower()
    bold = "bold" in font or "black" in font or "heavy" in font
    italic = "italic" in font or "oblique" in font
    return "***" if bold and italic else "**" if bold else "*" if italic else ""


def _marked(line: list[Word]) -> list[Word]:
    """Words with emphasis markers around each run of bold/italic words (body text keeps them);
    a line (or one column of it) that is all one style (a heading, the date line) gets none."""
    styles = [_style(w) for w in line]
    for i, w in enumerate(line):
        if w.origin == "widget":  # a stamped number or date takes the style of the words around it
            styles[i] = styles[i - 1] if i else next((s for s, v in zip(styles, line) if v.origin != "widget"), "")
    if len(set(styles)) == 1:
        return line
    out = list(line)
    for i, mark in enumerate(styles):
        if not mark:
            continue
        text = out[i].text
        if i == 0 or styles[i - 1] != mark:
            text = mark + text
        if i == len(out) - 1 or styles[i + 1] != mark:
            text = text + mark
        out[i] = replace(out[i], text=text)
    return out


def _columns(line: list[Word], char: float) -> list[list[Word]]:
    groups: list[list[Word]] = []
    for w in line:
        if groups and w.x0 - groups[-1][-1].x1 <= 3.0 * char:
            groups[-1].append(w)
        else:
            groups.append([w])
    return groups


def _render(line: list[Word], margin: float, char: float) -> str:
    text = ""
    last_x1 = None
    for w in [w for group in _columns(line, char) for w in _marked(group)]:
        col = max(0, round((w.x0 - margin) / char))
        if last_x1 is None:
            text = " " * col
        elif w.x0 - last_x1 > 3.0 * char:
            text += " " * max(3, col - len(text))  # a column gap: at least three spaces
        elif w.x0 - last_x1 > 0.12 * char or w.origin == "ocr":
            text += " "  # else glued: one word split where its font changes ("(" + italic)
        text += w.text
        last_x1 = w.x1
    return text
