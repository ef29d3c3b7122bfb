"""The parts of a letter around its body, for the DOCX: the address footer of page 1 (ô 13) as the
first page's own footer under a rule across the text area, and each appendix as a section of its own
that starts a new page, numbers its pages from 1 and shows no number on its first page."""
from __future__ import annotations

from desktop.core.dispatch import Dispatch
from desktop.letters import content
from desktop.letters.docx_xml import add_paragraph, paragraph_border, restart_page_numbers, set_run_font
from desktop.letters.layout import LetterSettings


def contact_footer(doc, d: Dispatch, s: LetterSettings) -> None:
    """ô 13 in page 1's footer (the document already has a different first page)."""
    if not d.contact:
        return
    footer = doc.sections[0].first_page_footer
    footer.is_linked_to_previous = False
    first = footer.paragraphs[0]
    first._p.getparent().remove(first._p)
    for i, line in enumerate(d.contact):
        p = add_paragraph(footer, line, size=s.contact_size, align="left")
        if i == 0:
            paragraph_border(p, ("top",), size_eighths=5, space_pt=3)


def appendices(doc, d: Dispatch, s: LetterSettings) -> None:
    from docx.enum.section import WD_SECTION
    from docx.shared import Cm

    for annex in d.appendices:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        restart_page_numbers(section)
        section.different_first_page_header_footer = True
        for part in (section.first_page_header, section.first_page_footer):
            part.is_linked_to_previous = False  # no number, and not page 1's ô 13
        add_paragraph(doc, annex.title, size=s.appendix_heading_size, bold=True)
        if annex.subtitle:
            add_paragraph(doc, annex.subtitle.upper(), size=s.appendix_title_size, bold=True)
        add_paragraph(doc, content.appendix_reference(d), size=s.appendix_title_size, italic=True, after=12)
        for block in content.appendix_blocks(annex.body):
            if isinstance(block, list):
                _table(doc, block, s)
                continue
            p = add_paragraph(doc, size=s.body_size, align="justify", after=s.paragraph_space_pt,
                              spacing=s.line_spacing / 1.15)
            p.paragraph_format.first_line_indent = Cm(s.first_line_indent_cm)
            for run in content.runs(content.paragraph_text(block)):
                set_run_font(p.add_run(run.text), s.body_size, run.bold, run.italic)


def _table(doc, rows: list[list[str]], s: LetterSettings) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    header = len(rows) > 1
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.rows[r].cells[c]
            p = cell.paragraphs[0]
            for run in content.runs(text):
                set_run_font(p.add_run(run.text), s.body_size - 1, run.bold or (header and r == 0), run.italic)
    add_paragraph(doc, size=s.body_size, after=s.paragraph_space_pt)
