"""Printable letters: the dispatch laid out per Decree 30/2020 as PDF (ReportLab) and DOCX.

Public modules (heavy libraries are imported inside their functions): `pdf` (render_pdf(dispatch,
settings=None) -> bytes), `docx` (render_docx), `layout` (LetterSettings, load_letter_settings),
`office_settings` (the office's layout values), `save` (write_atomically, suggested_filename), `content`
(the printed strings; the importer reads labels with it), `docx_numbering` (Word list numbers), `cli`.
Inside only: `masthead`, `fonts`, `docx_xml`, `pdf_styles`, `pdf_parts` and `docx_parts` (the secrecy
stamp's neighbours: the address footer, ô 13, and the appendices).
"""

PUBLIC = ("pdf", "docx", "layout", "office_settings", "save", "content", "docx_numbering", "cli")
