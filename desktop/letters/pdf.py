"""The dispatch as an A4 PDF laid out per Decree 30/2020 (ReportLab, imported lazily).

First page: the masthead (desktop.letters.masthead) drawn on the canvas above the flowing story,
the address footer (ô 13) at its foot; then Kính gửi, the justified body, and the signature block
with Nơi nhận kept together with the last body paragraph; then the appendices, each from a new page
(desktop.letters.pdf_parts). Kính gửi is one table row per line and a long Nơi nhận continues below
the signature block (desktop.letters.long_lists), so lists of any length flow across pages.
Page numbers from page 2, centred in the top margin; each appendix numbered on its own, its first
page unnumbered. Every font embedded.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from desktop.core.dispatch import Dispatch
from desktop.core.jobs import CancelToken
from desktop.letters import content, long_lists
from desktop.letters.fonts import FontSet, register_fonts
from desktop.letters.layout import LetterSettings
from desktop.letters.masthead import MM, build_masthead, width
from desktop.letters.pdf_styles import markup, style


def render_pdf(dispatch: Dispatch, settings: LetterSettings | None = None, *,
               cancel: CancelToken | None = None) -> bytes:
    """The printable letter as PDF bytes; `cancel` is checked as each page is laid out (Cancelled)."""
    import io

    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    s = settings or LetterSettings()
    dispatch = dispatch.printable()
    fonts = register_fonts(s.prefer_system_font)
    from desktop.letters.pdf_parts import ContactFooter, appendix_story

    head = build_masthead(dispatch, s, fonts)
    footer = ContactFooter(dispatch, s, fonts)
    page_w, page_h = s.page_width_mm * MM, s.page_height_mm * MM
    left, top, bottom = s.margin_left_mm * MM, page_h - s.margin_top_mm * MM, s.margin_bottom_mm * MM
    annex_start = {"page": 1}

    def first_page(canvas, doc) -> None:
        if cancel is not None:
            cancel.raise_if_cancelled()
        head.draw(canvas, left, top, s)
        footer.draw(canvas, left, bottom)

    def number(canvas, value: int) -> None:
        if cancel is not None:
            cancel.raise_if_cancelled()
        canvas.saveState()
        canvas.setFont(fonts.name("regular"), s.page_number_size)
        y = page_h - s.margin_top_mm * MM / 2 - s.page_number_size * 0.33
        canvas.drawCentredString(left + s.text_width_mm * MM / 2, y, str(value))
        canvas.restoreState()

    def later_page(canvas, doc) -> None:
        number(canvas, canvas.getPageNumber())

    def annex_first_page(canvas, doc) -> None:
        annex_start["page"] = canvas.getPageNumber()

    def annex_later_page(canvas, doc) -> None:
        number(canvas, canvas.getPageNumber() - annex_start["page"] + 1)

    buffer = io.BytesIO()
    height = page_h - (s.margin_top_mm + s.margin_bottom_mm) * MM

    def frame(name: str, lift: float = 0.0):
        return Frame(left, bottom + lift, s.text_width_mm * MM, height - lift,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
    doc = BaseDocTemplate(
        buffer, pagesize=(page_w, page_h), initialFontName=fonts.name("regular"),
        leftMargin=left, rightMargin=s.margin_right_mm * MM, topMargin=s.margin_top_mm * MM,
        bottomMargin=s.margin_bottom_mm * MM, title=_title(dispatch), author=dispatch.issuer.name or "",
        creator="TĐKT Desk", pageCompression=1,
    )
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[frame("first", footer.height)], onPage=first_page,
                     autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[frame("text")], onPage=later_page),
        PageTemplate(id="annex-first", frames=[frame("annex")], onPage=annex_first_page,
                     autoNextPageTemplate="annex-later"),
        PageTemplate(id="annex-later", frames=[frame("annex")], onPage=annex_later_page),
    ])
    story = _story(dispatch, s, fonts, head.height)
    doc.build(story + appendix_story(dispatch, s, fonts, _body_style(s, fonts)))
    return buffer.getvalue()


def _title(d: Dispatch) -> str:
    return f"{content.number_line(d)} - {content.plain(content.subject_lines_text(d))}"


def _body_style(s: LetterSettings, fonts: FontSet):
    from reportlab.lib.enums import TA_JUSTIFY

    return style(
        "body", fontName=fonts.name("regular"), fontSize=s.body_size, leading=s.leading(s.body_size),
        alignment=TA_JUSTIFY, firstLineIndent=s.first_line_indent_cm * 10 * MM,
        spaceBefore=0, spaceAfter=s.paragraph_space_pt, allowWidows=0, allowOrphans=0,
    )


def _story(d: Dispatch, s: LetterSettings, fonts: FontSet, head_height: float) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    body = _body_style(s, fonts)
    story: list = [Spacer(1, head_height)]
    if d.recipients:
        story.append(Spacer(1, s.recipients_space_pt))
        story.append(_recipients(d, s, fonts))
    story.append(Spacer(1, s.recipients_space_pt))
    paragraphs = [Paragraph(markup(text), body) for text in content.paragraph_texts(d)]
    story.extend(paragraphs[:-1])
    signature, rest_of_list = _signature(d, s, fonts)
    tail = paragraphs[-1:] + [Spacer(1, s.signature_space_pt - s.paragraph_space_pt), signature]
    story.append(KeepTogether(tail))
    story.extend(rest_of_list)
    return story


_PLAIN_CELLS = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]


def _keep_ends(rows: int) -> list:
    """No page break between the first two or the last two rows (no lone line); short lists whole."""
    if rows <= long_lists.KEEP_SHORT:
        return [("NOSPLIT", (0, 0), (-1, -1))]
    return [("NOSPLIT", (0, 0), (-1, 1)), ("NOSPLIT", (0, rows - 2), (-1, rows - 1))]


def _recipients(d: Dispatch, s: LetterSettings, fonts: FontSet):
    """"Kính gửi: X" on one line, or "- " lines aligned after the colon, the block centred."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    regular, size = fonts.name("regular"), s.recipients_size
    label = "Kính gửi:"
    label_w = width(label + " ", regular, size)
    lines = content.recipient_lines(d)
    text_w = s.text_width_mm * MM
    widest = max(width(line, regular, size) for line in lines)
    room = text_w - label_w - 20 * MM  # keep the block off the left margin
    col = min(widest + 2, room)
    dash = width("- ", regular, size) if len(lines) > 1 else 0.0
    rstyle = style("recipients", fontName=regular, fontSize=size, leading=s.leading(size),
                           leftIndent=dash, firstLineIndent=-dash)
    # one row per line, so that a list of any length flows across pages
    rows = [[Paragraph(label if i == 0 else "", rstyle), Paragraph(escape(line), rstyle)]
            for i, line in enumerate(lines)]
    table = Table(rows, colWidths=[label_w, col], hAlign="CENTER")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), regular), *_PLAIN_CELLS,
                               *_keep_ends(len(rows))]))
    return table


def _signature(d: Dispatch, s: LetterSettings, fonts: FontSet) -> tuple[object, list]:
    """Nơi nhận on the left, level with the signer's title lines on the right; then the lines of a
    long Nơi nhận that do not fit beside the signature, in the same column, free to cross pages."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    regular, bold = fonts.name("regular"), fonts.name("bold")
    dist_w = s.distribution_width_mm * MM
    sign_w = s.text_width_mm * MM - dist_w
    heading = style("dist-heading", fontName=fonts.name("bolditalic"), fontSize=s.distribution_heading_size,
                             leading=s.distribution_heading_size * 1.15)
    dash = width("- ", regular, s.distribution_size)
    item = style("dist", fontName=regular, fontSize=s.distribution_size,
                          leading=s.distribution_size * 1.15, leftIndent=dash, firstLineIndent=-dash)
    title = style("signer", fontName=bold, fontSize=s.signer_size, leading=s.signer_size * 1.15,
                           alignment=TA_CENTER)
    lines = content.distribution_lines(d)
    beside = long_lists.beside_signature(d, s, regular)
    left: list = []
    if d.distribution:
        left.append(Paragraph("Nơi nhận:", heading))
        left.extend(Paragraph(escape(line), item) for line in lines[:beside])
    right: list = [Paragraph(escape(line), title) for line in content.signer_title_lines(d)]
    right.append(Spacer(1, s.signature_room_mm * MM))
    right.append(Paragraph(escape(d.signer.name or ""), title))
    table = Table([[left, right]], colWidths=[dist_w, sign_w])
    # level the baselines of "Nơi nhận:" and the first title line
    lift = (s.signer_size - s.distribution_heading_size) * 0.891
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), regular), *_PLAIN_CELLS,
                               ("TOPPADDING", (0, 0), (0, 0), lift)]))
    rest = lines[beside:] if d.distribution else []
    if not rest:
        return table, []
    more = Table([[Paragraph(escape(line), item)] for line in rest], colWidths=[dist_w], hAlign="LEFT")
    more.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), regular), *_PLAIN_CELLS,
                              *_keep_ends(len(rest))]))
    return table, [more]
