"""Small WordprocessingML helpers python-docx has no API for (borders, fields, fonts, tables).

Only called from desktop.letters.docx, which imports python-docx lazily; the imports here are
inside the functions for the same reason.
"""
from __future__ import annotations

FONT = "Times New Roman"


def set_run_font(run, size_pt: float | None = None, bold: bool = False, italic: bool = False) -> None:
    from docx.shared import Pt

    run.font.name = FONT
    set_rfonts(run._element.get_or_add_rPr())
    if size_pt is not None:
        run.font.size = Pt(size_pt)
    run.font.bold = bold or None
    run.font.italic = italic or None


def set_rfonts(rpr) -> None:
    """ascii, hAnsi, eastAsia and cs all Times New Roman (Word picks eastAsia/cs for some letters)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def paragraph_border(paragraph, sides: tuple[str, ...] = ("bottom",), size_eighths: int = 5,
                     space_pt: int = 1, color: str = "000000", kind: str = "single") -> None:
    """A solid border ("single", or "double" for a secrecy stamp) on the given sides of `paragraph`
    (spans its indents)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in sides:
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), kind)
        el.set(qn("w:sz"), str(size_eighths))
        el.set(qn("w:space"), str(space_pt))
        el.set(qn("w:color"), color)
        borders.append(el)
    # pBdr must precede spacing/ind/jc in CT_PPr's sequence
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        ppr.append(borders)


def page_field(paragraph) -> None:
    """Insert a PAGE field (the current page number) into `paragraph`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        return run

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run("2")
    fld("end")
    for r in paragraph.runs:
        set_rfonts(r._element.get_or_add_rPr())


def borderless(table) -> None:
    """No borders and no cell margins on `table`, fixed layout."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tblpr.append(margins)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)


def cant_split(row) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def restart_page_numbers(section) -> None:
    """Page numbers of `section` start again at 1 (an appendix is numbered on its own)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sectpr = section._sectPr
    number = sectpr.find(qn("w:pgNumType"))
    if number is None:
        number = OxmlElement("w:pgNumType")
        sectpr.append(number)
    number.set(qn("w:start"), "1")


def add_paragraph(container, text: str = "", *, size: float, bold: bool = False, italic: bool = False,
                  align: str = "center", before: float = 0.0, after: float = 0.0, spacing: float = 1.0):
    """A paragraph of `container` (document, cell, footer) with one run of `text` in Times New Roman."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = container.add_paragraph()
    p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                   "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), spacing
    if text:
        set_run_font(p.add_run(text), size, bold, italic)
    return p
