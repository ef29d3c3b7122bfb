"""Import: read an existing dispatch (text, DOCX or PDF, scans by OCR) into the dispatch JSON form.

    read_dispatch(path, *, units=None, ocr="auto", progress=, cancel=, on_partial=) -> ImportResult
    parse_text(text, *, units=None) -> ImportResult
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from desktop.core.jobs import CancelToken, ProgressFn, no_progress
from desktop.importing.items import Units
from desktop.importing.parse import ImportResult, TaskDraft, parse_text
from desktop.importing.readers import ImportFileError, LegacyEncodingError, SourceText, read_source

__all__ = ["read_dispatch", "parse_text", "ImportResult", "TaskDraft", "ImportFileError", "LegacyEncodingError"]


def read_dispatch(path: Path, *, units: Units | None = None, ocr: str = "auto", progress: ProgressFn = no_progress,
                  cancel: CancelToken | None = None,
                  on_partial: Callable[[ImportResult], None] | None = None) -> ImportResult:
    """Read `path` (.txt, .md, .docx, .pdf). ImportFileError (a ValueError) when the file
    cannot be read; otherwise always a result, with null fields where nothing was found.

    A PDF page without a usable text layer is read by OCR (`ocr`: "auto", "always" or "never");
    that is a job: `progress` per page, `cancel` between pages, and `on_partial` gets the result
    of the first page (complete=False) while the rest of a longer scan is being read."""
    path = Path(path)

    def partial(pdf) -> None:
        if on_partial is not None:
            on_partial(_result(path, SourceText(pdf.text, "pdf", pdf), units))

    source = read_source(path, ocr=ocr, progress=progress, cancel=cancel,
                         on_page=partial if on_partial is not None else None)
    return _result(path, source, units)


def _result(path: Path, source: SourceText, units: Units | None) -> ImportResult:
    from desktop.importing.evidence import weigh

    result = parse_text(source.text, units=units, source_format=source.format)
    result.source_path = str(path)
    if source.pdf is not None:
        result.pages, result.page_words, result.complete = source.pdf.pages, source.pdf.words, source.pdf.complete
        weigh(result)
    return result
