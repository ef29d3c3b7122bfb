"""Import: read an existing dispatch (text, DOCX or PDF — signed PDFs' stamped widgets, scans by offline
OCR) into the dispatch JSON form, with its tasks.

    read_dispatch(path, *, units=None, ocr="auto", progress=, cancel=, on_partial=) -> ImportResult
    parse_text(text, *, units=None) -> ImportResult
Public modules: `parse` (those two, ImportResult, TaskDraft), `readers` (SUPPORTED, ImportFileError,
LegacyEncodingError), `items` (Units, match_unit_id), `review` (what the import screen needs), `batch`
(a folder), `save` (storing as incoming or issued outgoing), `references` (find_references: the
documents a text cites), `cli`, `evidence` (the placed words a field was read from, source and OCR
confidence), `limits` (page, pixel and OCR bounds, one place), `raster` (page images), `ocr` (the offline
Vietnamese OCR engine: available(), recognise). The names above are loaded on first use, so importing this
package costs nothing.
"""
from __future__ import annotations

import importlib

PUBLIC = ("parse", "readers", "items", "review", "batch", "save", "references", "cli", "evidence", "limits",
          "raster", "ocr")
_NAMES = {"read_dispatch": "parse", "parse_text": "parse", "ImportResult": "parse", "TaskDraft": "parse",
          "ImportFileError": "errors", "LegacyEncodingError": "errors"}
__all__ = list(_NAMES)


def __getattr__(name: str):
    if name in _NAMES:
        return getattr(importlib.import_module(f"{__name__}.{_NAMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
