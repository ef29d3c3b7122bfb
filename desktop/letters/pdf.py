"""The dispatch as an A4 PDF laid out per Decree 30/2020 (ReportLab, imported lazily).

First page: the masthead (desktop.letters.masthead) drawn on the canvas above the flowing story,
the address footer (ô 13) at its foot; then Kính gửi, the justified body, and the signature block
with Nơi nhận kept together with the last body paragraph; then the appendices, each from a new page
(desktop.letters.pdf_parts). Page numbers from page 2, centred in the top margin; each appendix
numbered on its own, its first page unnumbered. Every font embedded.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from desktop.core.dispatch import Dispatch
from desktop.letters import content
from desktop.letters.fonts import FontSet, register_fonts
from desktop.letters.layout import LetterSettings
from desktop.letters.masthead import MM, build_masthead, width
from desktop.letters.pdf_styles import markup, style


def render_pdf(dispatch: Dispatch, settings: LetterSettings | None = None) -> bytes:
    """The printable letter as PDF bytes."""
    import io

    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    s = settings or LetterSettings()
    fonts = register_fonts(s.prefer_system_font)
    from desktop.letters.pdf_parts import ContactFooter, appendix_story

    head = build_masthead(dispatch, s, fonts)
    footer = ContactFooter(dispatch, s, fonts)
    page_w, page_h = s.page_width_mm * MM, s.page_height_mm * MM
    left, top, bottom = s.margin_left_mm * MM, page_h - s.margin_top_mm * MM, s.margin_bottom_mm * MM
    annex_start = {"page": 1}

    def first_page(canvas, doc) -> None:
        head.draw(canvas, left, top, s)
        footer.draw(canvas, left, bottom)

    def number(canvas, value: int) -> None:
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
    tail = paragraphs[-1:] + [Spacer(1, s.signature_space_pt - s.paragraph_space_pt), _signature(d, s, fonts)]
    story.append(KeepTogether(tail))
    return story


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
    cells = [Paragraph(escape(line), rstyle) for line in lines]
    table = Table([[Paragraph(label, rstyle), cells]], colWidths=[label_w, col], hAlign="CENTER")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), regular),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _signature(d: Dispatch, s: LetterSettings, fonts: FontSet):
    """Nơi nhận on the left, level with the signer's title lines on the right."""
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
    left: list = []
    if d.distribution:
        left.append(Paragraph("Nơi nhận:", heading))
        left.extend(Paragraph(escape(line), item) for line in content.distribution_lines(d))
    right: list = [Paragraph(escape(line), title) for line in content.signer_title_lines(d)]
    right.append(Spacer(1, s.signature_room_mm * MM))
    right.append(Paragraph(escape(d.signer.name or ""), title))
    table = Table([[left, right]], colWidths=[dist_w, sign_w])
    # level the baselines of "Nơi nhận:" and the first title line
    lift = (s.signer_size - s.distribution_heading_size) * 0.891
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), regular),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (0, 0), lift),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table
