"""The parts of a letter around its body, for the PDF: the address footer of page 1 (ô 13) and the
appendices after the signature page (Phụ lục), each starting a new page and numbered on its own.

ô 13: size 11–12, upright, under a solid rule across the text area, page 1 only (PL I). An appendix:
"Phụ lục I" bold 14 centred, its title in bold capitals, the italic line "(Kèm theo Công văn số …)",
then its paragraphs as the body's; rows "a | b | c" become a table with a grid.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from desktop.core.dispatch import Dispatch
from desktop.letters import content
from desktop.letters.fonts import FontSet
from desktop.letters.layout import LetterSettings
from desktop.letters.masthead import MM
from desktop.letters.pdf_styles import markup, style

RULE_GAP = 3.0  # pt between the ô 13 rule and its first line
ABOVE_RULE = 6.0  # pt kept free between the body's frame and the rule
BELOW = 2.0  # pt between the last line's box and the bottom margin (descenders stay inside it)


class ContactFooter:
    """The ô 13 lines, wrapped to the text width; `height` is what page 1's frame gives up."""

    def __init__(self, d: Dispatch, s: LetterSettings, fonts: FontSet):
        from reportlab.platypus import Paragraph

        self.width = s.text_width_mm * MM
        size = s.contact_size
        line = style("contact", fontName=fonts.name("regular"), fontSize=size, leading=size * 1.15)
        self.paragraphs = [Paragraph(escape(text), line) for text in d.contact]
        self.heights = [p.wrap(self.width, 10_000)[1] for p in self.paragraphs]
        self.rule = s.rule_thickness_pt
        self.height = (BELOW + sum(self.heights) + RULE_GAP + ABOVE_RULE) if self.paragraphs else 0.0

    def draw(self, canvas, left: float, bottom: float) -> None:
        if not self.paragraphs:
            return
        y = bottom + BELOW + sum(self.heights)
        canvas.saveState()
        canvas.setLineWidth(self.rule)
        canvas.line(left, y + RULE_GAP, left + self.width, y + RULE_GAP)
        for paragraph, height in zip(self.paragraphs, self.heights):
            y -= height
            paragraph.drawOn(canvas, left, y)
        canvas.restoreState()


def appendix_story(d: Dispatch, s: LetterSettings, fonts: FontSet, body_style) -> list:
    """Every appendix on pages of its own (page template "annex-first", then "annex-later")."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer

    bold, italic = fonts.name("bold"), fonts.name("italic")
    heading = style("annex-heading", fontName=bold, fontSize=s.appendix_heading_size,
                    leading=s.appendix_heading_size * 1.2, alignment=TA_CENTER)
    title = style("annex-title", fontName=bold, fontSize=s.appendix_title_size,
                  leading=s.appendix_title_size * 1.2, alignment=TA_CENTER)
    reference = style("annex-reference", fontName=italic, fontSize=s.appendix_title_size,
                      leading=s.appendix_title_size * 1.2, alignment=TA_CENTER)
    story: list = []
    for annex in d.appendices:
        story += [NextPageTemplate("annex-first"), PageBreak(), Paragraph(escape(annex.title), heading)]
        if annex.subtitle:
            story.append(Paragraph(escape(annex.subtitle.upper()), title))
        story += [Paragraph(escape(content.appendix_reference(d)), reference), Spacer(1, 12)]
        for block in content.appendix_blocks(annex.body):
            if isinstance(block, list):
                story.append(_table(block, s, fonts))
                story.append(Spacer(1, s.paragraph_space_pt))
            else:
                story.append(Paragraph(markup(content.paragraph_text(block)), body_style))
    return story


def column_widths(rows: list[list[str]], width: float) -> list[float]:
    """Columns as wide as their longest text asks, each at least a tenth of the width ("STT" stays narrow)."""
    longest = [max(len(content.plain(row[c])) for row in rows) + 2 for c in range(len(rows[0]))]
    share = [max(n / sum(longest), 0.1) for n in longest]
    return [width * f / sum(share) for f in share]


def _table(rows: list[list[str]], s: LetterSettings, fonts: FontSet):
    from reportlab.platypus import Paragraph, Table, TableStyle

    size = s.body_size - 1
    cell = style("annex-cell", fontName=fonts.name("regular"), fontSize=size, leading=size * 1.15)
    head = style("annex-head", fontName=fonts.name("bold"), fontSize=size, leading=size * 1.15)
    data = [[Paragraph(markup(text), head if r == 0 and len(rows) > 1 else cell) for text in row]
            for r, row in enumerate(rows)]
    table = Table(data, colWidths=column_widths(rows, s.text_width_mm * MM), repeatRows=1 if len(rows) > 1 else 0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), fonts.name("regular"))]))
    return table
