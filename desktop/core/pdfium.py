"""One lock for PDFium: it is not thread-safe, not even across different documents (pypdfium2's
own documentation: "It is not allowed to call pdfium functions simultaneously across different
threads ... doing so would crash or corrupt the process").

The page view draws on the GUI thread while a folder import may read PDFs in a worker, so every
pypdfium2 call — opening, reading a page, rendering, closing — is made holding `PDFIUM_LOCK`,
one page at a time, never a whole file, so neither side waits long for the other.
"""
from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
