"""The bounds that keep an import's time and memory in check, and the OCR tuning values.

One small module so the settings registry can take these over by repointing the names here
(`desktop.importing.limits.MAX_PDF_PAGES` ...); every reader reads them from this module at call
time (`limits.MAX_PDF_PAGES`, never a copy taken at import), so a test or a setting may change them.
The limits are generous: they stop a runaway file, not a normal one.
"""
from __future__ import annotations

# A PDF with more pages than this is refused before any page is read.
MAX_PDF_PAGES = 500
# An image inside a page to OCR: refused above this many pixels (decoding it alone would take
# width x height x 3 bytes of memory; a 600 dpi A3 scan is ~70 Mpx).
MAX_IMAGE_PIXELS = 120_000_000
# A rendered page for OCR: the resolution is lowered until the bitmap fits (an oversized page).
MAX_RENDER_PIXELS = 40_000_000
# One page's recognition is stopped after this many seconds (a page of noise, a huge drawing).
OCR_PAGE_TIMEOUT = 60
# Pages OCR'd in one import (each ~1-2 s); a longer scan is refused with the number of pages.
MAX_OCR_PAGES = 200

# OCR resolution (dots per inch). Measured on the corpus scans and on generated noisy letters
# (docs/importing.md): 200 dpi reads the header fields as well as 300 dpi at about 60% of the time.
OCR_DPI = 200
# A word's confidence (0-1) below which a field is shown to the clerk as needing a check
# (../shared/domain/dispatch-json.md: "a field below 0.6").
LOW_CONFIDENCE = 0.6
# A number or date read below this confidence is not used at all (handwriting, a smudge): the
# field stays empty and flagged, never guessed.
UNREADABLE_CONFIDENCE = 0.4

# A page's text layer is unusable (OCR it) when it has fewer letters than this...
MIN_TEXT_LETTERS = 40
# ...or when almost none of its letters carry Vietnamese diacritics (a lossy OCR layer).
MIN_VIETNAMESE_RATIO = 0.03
