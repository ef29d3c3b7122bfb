"""The dispatch as a DOCX with the same content and layout as the PDF (python-docx, imported lazily).

A4 with the same margins; a borderless two-column header table (issuer | Quốc hiệu, Số | date,
V/v); rules as paragraph borders between indents (so they have the PDF's lengths); Times New
Roman on every script slot; body justified with a first-line indent, labelled items as real Word
lists (docx_numbering); page numbers from page 2
through a different first-page header holding nothing; Nơi nhận and the signature in a
borderless two-column table kept with the last body paragraph; a long Nơi nhận continues in a second
row that may cross pages, and a long Kính gửi flows (desktop.letters.long_lists). The secrecy stamp
(ô 10a) has a double border; the address footer (ô 13) is page 1's own footer; each appendix is a
section of its own (desktop.letters.docx_parts).
"""
from __future__ import annotations

import io

from desktop.core.dispatch import Dispatch
from desktop.letters import content
from desktop.letters.docx_numbering import ListNumbering
from desktop.letters.docx_parts import appendices, contact_footer
from desktop.letters.docx_xml import (FONT, borderless, cant_split, page_field, paragraph_border,
                                      set_rfonts, set_run_font)
from desktop.letters.docx_xml import add_paragraph as _para
from desktop.letters.fonts import register_fonts
from desktop.letters.layout import LetterSettings
from desktop.letters.long_lists import KEEP_SHORT, beside_signature
from desktop.letters.masthead import MM, QUOC_HIEU, TIEU_NGU, balanced_lines, greedy_lines, width


def render_docx(dispatch: Dispatch, settings: LetterSettings | None = None) -> bytes:
    """The letter as DOCX bytes."""
    from docx import Document

    s = settings or LetterSettings()
    dispatch = dispatch.printable()
    doc = Document()
    _page_setup(doc, s)
    _header(doc, dispatch, s)
    if dispatch.recipients:
        _recipients(doc, dispatch, s)
    last = _body(doc, dispatch, s)
    last.paragraph_format.keep_with_next = True
    _signature(doc, dispatch, s)
    contact_footer(doc, dispatch, s)
    appendices(doc, dispatch, s)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _page_setup(doc, s: LetterSettings) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(s.body_size)
    set_rfonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(s.page_width_mm), Mm(s.page_height_mm)
    section.top_margin, section.bottom_margin = Mm(s.margin_top_mm), Mm(s.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(s.margin_left_mm), Mm(s.margin_right_mm)
    section.header_distance = Mm(s.margin_top_mm / 2 - 2.5)
    section.footer_distance = Mm(s.margin_bottom_mm / 2)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(number)
    for run in number.runs:
        run.font.size = Pt(s.page_number_size)
    section.first_page_header.paragraphs[0].text = ""


def _lines(container, lines: list[str], **kw):
    """One paragraph with the given line breaks (the PDF's own breaks)."""
    p = _para(container, size=kw["size"], **{k: v for k, v in kw.items() if k != "size"})
    for i, line in enumerate(lines):
        run = p.add_run(line)
        set_run_font(run, kw["size"], kw.get("bold", False), kw.get("italic", False))
        if i < len(lines) - 1:
            run.add_break()
    return p


def _rule(container, column_mm: float, length_pt: float, after: float = 0.0) -> None:
    """A centred rule `length_pt` long: the bottom border of a tiny paragraph indented from both sides."""
    from docx.shared import Pt

    p = _para(container, size=2, after=after)
    side = max(0.0, (column_mm * MM - length_pt) / 2)
    p.paragraph_format.left_indent = Pt(side)
    p.paragraph_format.right_indent = Pt(side)
    p.paragraph_format.line_spacing = Pt(2)
    paragraph_border(p, ("bottom",), size_eighths=5, space_pt=0)


def _header(doc, d: Dispatch, s: LetterSettings) -> None:
    from docx.shared import Mm

    fonts = register_fonts(s.prefer_system_font)
    bold, regular = fonts.name("bold"), fonts.name("regular")
    left_mm, right_mm = s.header_left_mm, s.header_right_mm
    col_w = left_mm * MM - 4
    table = doc.add_table(rows=3 if d.is_dispatch else 2, cols=2)
    borderless(table)
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Mm(left_mm), Mm(right_mm)
    table.columns[0].width, table.columns[1].width = Mm(left_mm), Mm(right_mm)
    left, right = table.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    if d.issuer.parent:
        _lines(left, balanced_lines(d.issuer.parent.upper(), regular, s.parent_size, col_w), size=s.parent_size)
    issuer = balanced_lines((d.issuer.name or "").upper(), bold, s.issuer_size, col_w)
    _lines(left, issuer, size=s.issuer_size, bold=True)
    longest = max(width(t, bold, s.issuer_size) for t in issuer)
    _rule(left, left_mm, longest * s.issuer_rule_fraction)
    _para(right, QUOC_HIEU, size=s.quoc_hieu_size, bold=True)
    _para(right, TIEU_NGU, size=s.tieu_ngu_size, bold=True)
    _rule(right, right_mm, width(TIEU_NGU, bold, s.tieu_ngu_size))
    number, date = table.rows[1].cells
    number.paragraphs[0]._p.getparent().remove(number.paragraphs[0]._p)
    date.paragraphs[0]._p.getparent().remove(date.paragraphs[0]._p)
    _para(number, content.number_line(d), size=s.number_size, before=s.header_gap_pt)
    _para(date, content.date_line(d), size=s.date_size, italic=True, before=s.header_gap_pt)
    if d.is_dispatch:
        cell = table.rows[2].cells[0]
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        lines = greedy_lines(content.subject_lines_text(d), regular, s.subject_size, col_w)
        _lines(cell, lines, size=s.subject_size, before=s.subject_space_pt)
        _stamps(cell, d, s, left_mm)
    else:
        _stamps(number, d, s, left_mm)
    if not d.is_dispatch:
        _para(doc, content.doc_type_title(d), size=s.doc_type_size, bold=True, before=18)
        title = balanced_lines(d.subject or "", bold, s.title_size, s.text_width_mm * MM * 0.8)
        _lines(doc, title, size=s.title_size, bold=True)
        longest = max(width(t, bold, s.title_size) for t in title)
        _rule(doc, s.text_width_mm, longest * s.title_rule_fraction, after=4)


def _stamps(cell, d: Dispatch, s: LetterSettings, column_mm: float) -> None:
    """The secrecy stamp (ô 10a, double border) above the urgency stamp (ô 10b)."""
    if d.secrecy:
        _stamp(cell, d.secrecy, s.secrecy_stamp_mm(d.secrecy)[0], s, column_mm, kind="double")
    if d.urgency:
        _stamp(cell, d.urgency, s.stamp_size_mm(d.urgency)[0], s, column_mm)


def _stamp(cell, text: str, w_mm: float, s: LetterSettings, column_mm: float, kind: str = "single") -> None:
    from docx.shared import Mm

    p = _para(cell, text.upper(), size=s.urgency_size, bold=True, before=6)
    side = max(0.0, (column_mm - w_mm) / 2)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    paragraph_border(p, ("top", "left", "bottom", "right"), size_eighths=8 if kind == "single" else 6,
                     space_pt=1, color=s.stamp_color.lstrip("#").upper(), kind=kind)


def _recipients(doc, d: Dispatch, s: LetterSettings) -> None:
    """"Kính gửi:" then the "- " lines aligned after its colon, the block centred like the PDF's."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt

    regular = register_fonts(s.prefer_system_font).name("regular")
    size = s.recipients_size
    lines = content.recipient_lines(d)
    label = "Kính gửi:"
    label_w = width(label + " ", regular, size)
    widest = max(width(line, regular, size) for line in lines)
    text_w = s.text_width_mm * MM
    col = min(widest + 2, text_w - label_w - 20 * MM)
    start = (text_w - label_w - col) / 2
    dash = width("- ", regular, size) if len(lines) > 1 else 0.0
    spacing = s.line_spacing / 1.15
    for i, line in enumerate(lines):
        p = _para(doc, size=size, align="left", before=s.recipients_space_pt if i == 0 else 0, spacing=spacing)
        fmt = p.paragraph_format
        fmt.left_indent = Pt(start + label_w + dash)
        if i == 0:
            fmt.first_line_indent = Pt(-(label_w + dash))
            fmt.tab_stops.add_tab_stop(Pt(start + label_w), WD_TAB_ALIGNMENT.LEFT)
            set_run_font(p.add_run(f"{label}\t{line}"), size)
        else:
            fmt.first_line_indent = Pt(-dash)
            set_run_font(p.add_run(line), size)
        # a short list stays whole and with the body; a long one flows, keeping only its ends
        fmt.keep_with_next = len(lines) <= KEEP_SHORT or i == 0 or i >= len(lines) - 2


def _body(doc, d: Dispatch, s: LetterSettings):
    """Body paragraphs; labelled items are real Word lists showing exactly their labels."""
    from docx.shared import Cm

    numbering = ListNumbering(doc, indent_twips=round(s.first_line_indent_cm * 567), font=FONT,
                              size_pt=s.body_size)
    last = None
    texts = content.paragraph_texts(d)
    for i, (paragraph, text) in enumerate(zip(d.body, texts)):
        before = s.recipients_space_pt if i == 0 else 0
        p = _para(doc, size=s.body_size, align="justify", before=before, after=s.paragraph_space_pt,
                  spacing=s.line_spacing / 1.15)
        p.paragraph_format.first_line_indent = Cm(s.first_line_indent_cm)
        p.paragraph_format.widow_control = True
        if paragraph.label and numbering.number(p, paragraph.label, bold=content.is_heading(paragraph)):
            text = content.unlabelled_text(paragraph, last=i == len(d.body) - 1)
        for run in content.runs(text):
            set_run_font(p.add_run(run.text), s.body_size, run.bold, run.italic)
        last = p
    return last


def _signature(doc, d: Dispatch, s: LetterSettings) -> None:
    from docx.shared import Mm, Pt

    regular = register_fonts(s.prefer_system_font).name("regular")
    dist_mm = s.distribution_width_mm
    sign_mm = s.text_width_mm - dist_mm
    lines = content.distribution_lines(d) if d.distribution else []
    beside = beside_signature(d, s, regular)
    # row 1: "Nơi nhận:" and its first lines beside the signature, never split; row 2 (a long list
    # only): the rest of the list in the same column, free to flow across pages
    table = doc.add_table(rows=2 if lines[beside:] else 1, cols=2)
    borderless(table)
    cant_split(table.rows[0])
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Mm(dist_mm), Mm(sign_mm)
    table.columns[0].width, table.columns[1].width = Mm(dist_mm), Mm(sign_mm)
    left, right = table.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    lift = (s.signer_size - s.distribution_heading_size) * 0.891
    dash = width("- ", regular, s.distribution_size)

    def item(cell, line: str) -> None:
        p = _para(cell, line, size=s.distribution_size, align="left")
        p.paragraph_format.left_indent = Pt(dash)
        p.paragraph_format.first_line_indent = Pt(-dash)

    if lines:
        _para(left, "Nơi nhận:", size=s.distribution_heading_size, bold=True, italic=True, align="left",
              before=s.signature_space_pt + lift)
        for line in lines[:beside]:
            item(left, line)
    else:
        _para(left, size=s.distribution_size, align="left")
    if len(table.rows) > 1:
        rest = table.rows[1].cells[0]
        rest.paragraphs[0]._p.getparent().remove(rest.paragraphs[0]._p)
        for line in lines[beside:]:
            item(rest, line)
    titles = content.signer_title_lines(d)
    for i, line in enumerate(titles):
        _para(right, line, size=s.signer_size, bold=True, before=s.signature_space_pt if i == 0 else 0)
    _para(right, d.signer.name or "", size=s.signer_size, bold=True, before=s.signature_room_mm * MM)
