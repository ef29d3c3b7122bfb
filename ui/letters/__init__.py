"""Printed letters on screen: the print preview (the exact PDF pages) and Tệp ▸ Thể thức văn bản….

Public modules: `preview` (PreviewWidget, PreviewDialog; PDFium loads only when one opens), `actions`
(the menu entry). Inside only: `pages_view`, `settings_dialog`.
"""

PUBLIC = ("preview", "actions")
