"""Paragraph styles and text markup shared by the PDF's story (desktop.letters.pdf) and its parts
(desktop.letters.pdf_parts)."""
from __future__ import annotations

from xml.sax.saxutils import escape

from desktop.letters import content


def markup(text: str) -> str:
    """Body text with *italic* / **bold** as ReportLab paragraph markup."""
    out = []
    for run in content.runs(text):
        piece = escape(run.text)
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)


def style(name: str, **kw):
    """A ParagraphStyle whose every font is ours (the default bullet font would pull in Helvetica)."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(name, bulletFontName=kw["fontName"], **kw)
