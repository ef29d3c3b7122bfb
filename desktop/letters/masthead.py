"""The first-page header of Mẫu 1.5 / 1.4, measured once and drawn on the page canvas.

Left column: parent body (upright), issuer (bold, wrapped in balanced lines), a short centred rule,
"Số: ..", then "V/v .." 6 pt below, the secrecy stamp (ô 10a, two borders) and the urgency stamp
(ô 10b). Right column: Quốc hiệu, Tiêu ngữ with a rule as long as its text, and the place-and-date
line on the same baseline as Số. Named types add the type name and the bold title, centred across the
page, with a short rule under the title.

The story reserves `height` with a Spacer; the page callback calls `draw`. Geometry is plain
Python so tests and the DOCX renderer share the same line breaks.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.dispatch import Dispatch
from desktop.letters import content
from desktop.letters.fonts import FontSet
from desktop.letters.layout import LetterSettings

MM = 72 / 25.4
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
ASCENT = 0.891  # Times / Liberation Serif ascent, em
DESCENT = 0.216
LINE = 1.15  # single line spacing of the header lines, em


def width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def greedy_lines(text: str, font: str, size: float, max_width: float) -> list[str]:
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if current and width(trial, font, size) > max_width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def balanced_lines(text: str, font: str, size: float, max_width: float) -> list[str]:
    """The fewest lines that fit, with the longest line as short as possible (for centred names)."""
    words = text.split()
    if not words:
        return [""]
    count = len(greedy_lines(text, font, size, max_width))
    if count == 1 or len(words) > 24:
        return greedy_lines(text, font, size, max_width)
    n = len(words)
    span = {(i, j): width(" ".join(words[i:j]), font, size) for i in range(n) for j in range(i + 1, n + 1)}
    best: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def solve(start: int, k: int) -> tuple[float, list[int]]:
        if (start, k) in best:
            return best[(start, k)]
        if k == 1:
            result = (span[(start, n)], [n])
        else:
            result = (float("inf"), [])
            for end in range(start + 1, n - k + 2):
                rest, cuts = solve(end, k - 1)
                worst = max(span[(start, end)], rest)
                if worst < result[0]:
                    result = (worst, [end] + cuts)
        best[(start, k)] = result
        return result

    _, cuts = solve(0, count)
    lines, start = [], 0
    for end in cuts:
        lines.append(" ".join(words[start:end]))
        start = end
    return lines


@dataclass
class Line:
    text: str
    font: str
    size: float
    cx: float  # centre x, points from the text area's left edge
    baseline: float  # points down from the text area's top edge


@dataclass
class Rule:
    cx: float
    y: float  # points down from the top
    length: float


@dataclass
class Box:
    text: str
    font: str
    size: float
    cx: float
    top: float
    w: float
    h: float
    double: bool = False  # a secrecy stamp: a second border 1 mm inside the first


@dataclass
class Masthead:
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    height: float = 0.0

    def draw(self, canvas, left: float, top: float, settings: LetterSettings) -> None:
        """Draw on `canvas` with the text area's top-left corner at (left, top) in PDF points."""
        from reportlab.lib.colors import HexColor

        canvas.saveState()
        for ln in self.lines:
            canvas.setFont(ln.font, ln.size)
            canvas.drawCentredString(left + ln.cx, top - ln.baseline, ln.text)
        canvas.setLineWidth(settings.rule_thickness_pt)
        for r in self.rules:
            canvas.line(left + r.cx - r.length / 2, top - r.y, left + r.cx + r.length / 2, top - r.y)
        for b in self.boxes:
            color = HexColor(settings.stamp_color)
            canvas.setStrokeColor(color)
            canvas.setFillColor(color)
            canvas.setLineWidth(1.0)
            canvas.rect(left + b.cx - b.w / 2, top - b.top - b.h, b.w, b.h, stroke=1, fill=0)
            if b.double:
                canvas.rect(left + b.cx - b.w / 2 + MM, top - b.top - b.h + MM, b.w - 2 * MM, b.h - 2 * MM,
                            stroke=1, fill=0)
            canvas.setFont(b.font, b.size)
            canvas.drawCentredString(left + b.cx, top - b.top - b.h / 2 - b.size * 0.33, b.text)
        canvas.restoreState()


def build_masthead(d: Dispatch, s: LetterSettings, fonts: FontSet) -> Masthead:
    regular, bold, italic = fonts.name("regular"), fonts.name("bold"), fonts.name("italic")
    m = Masthead()
    left_w = s.header_left_mm * MM
    right_w = s.header_right_mm * MM
    total_w = s.text_width_mm * MM
    lcx, rcx = left_w / 2, left_w + right_w / 2
    pad = 2.0  # keep centred text off the column edge

    def put(text: str, font: str, size: float, cx: float, y: float) -> float:
        """Place a line whose box starts at y (top); return the y below it."""
        m.lines.append(Line(text, font, size, cx, y + size * ASCENT))
        return y + size * LINE

    # Left column: parent, issuer, rule
    y = 0.0
    if d.issuer.parent:
        for text in balanced_lines(d.issuer.parent.upper(), regular, s.parent_size, left_w - 2 * pad):
            y = put(text, regular, s.parent_size, lcx, y)
    issuer = balanced_lines((d.issuer.name or "").upper(), bold, s.issuer_size, left_w - 2 * pad)
    for text in issuer:
        y = put(text, bold, s.issuer_size, lcx, y)
    longest = max(width(t, bold, s.issuer_size) for t in issuer)
    rule_y = y - s.issuer_size * (LINE - ASCENT) + s.issuer_size * DESCENT + 3.0
    m.rules.append(Rule(lcx, rule_y, longest * s.issuer_rule_fraction))
    left_bottom = rule_y

    # Right column: Quốc hiệu, Tiêu ngữ, full-length rule
    y = put(QUOC_HIEU, bold, s.quoc_hieu_size, rcx, 0.0)
    y = put(TIEU_NGU, bold, s.tieu_ngu_size, rcx, y)
    tn_rule = y - s.tieu_ngu_size * (LINE - ASCENT) + s.tieu_ngu_size * DESCENT + 3.0
    m.rules.append(Rule(rcx, tn_rule, width(TIEU_NGU, bold, s.tieu_ngu_size)))
    right_bottom = tn_rule

    # Số and the date on one baseline
    top = max(left_bottom, right_bottom) + s.header_gap_pt
    baseline = top + max(s.number_size, s.date_size) * ASCENT
    m.lines.append(Line(content.number_line(d), regular, s.number_size, lcx, baseline))
    m.lines.append(Line(content.date_line(d), italic, s.date_size, rcx, baseline))
    y = top + max(s.number_size, s.date_size) * LINE

    if d.is_dispatch:  # Mẫu 1.5: "V/v ..." 6 pt below Số, wrapped in the left column
        y += s.subject_space_pt
        for text in greedy_lines(content.subject_lines_text(d), regular, s.subject_size, left_w - 2 * pad):
            y = put(text, regular, s.subject_size, lcx, y)
    if d.secrecy:  # ô 10a, above the urgency stamp (ô 10b)
        w_mm, h_mm = s.secrecy_stamp_mm(d.secrecy)
        y += 6.0
        m.boxes.append(Box(d.secrecy.upper(), bold, s.urgency_size, lcx, y, w_mm * MM, h_mm * MM, double=True))
        y += h_mm * MM
    if d.urgency:
        w_mm, h_mm = s.stamp_size_mm(d.urgency)
        y += 6.0
        m.boxes.append(Box(d.urgency.upper(), bold, s.urgency_size, lcx, y, w_mm * MM, h_mm * MM))
        y += h_mm * MM
    if not d.is_dispatch:  # Mẫu 1.4: type name and title centred across the page
        y += 18.0
        y = put(content.doc_type_title(d), bold, s.doc_type_size, total_w / 2, y)
        title = balanced_lines(d.subject or "", bold, s.title_size, total_w * 0.8)
        for text in title:
            y = put(text, bold, s.title_size, total_w / 2, y)
        longest = max(width(t, bold, s.title_size) for t in title)
        rule_y = y - s.title_size * (LINE - ASCENT) + s.title_size * DESCENT + 3.0
        m.rules.append(Rule(total_w / 2, rule_y, longest * s.title_rule_fraction))
        y = rule_y + 4.0
    m.height = y
    return m
