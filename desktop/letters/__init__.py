"""Printable letters: the dispatch laid out per Decree 30/2020 as PDF (ReportLab) and DOCX.

Public entry points (heavy libraries are imported inside them):
- `desktop.letters.pdf.render_pdf(dispatch, settings=None) -> bytes`
- `desktop.letters.docx.render_docx(dispatch, settings=None) -> bytes`
- `desktop.letters.layout.LetterSettings`, `load_letter_settings(session)`
"""
