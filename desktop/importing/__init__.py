"""Import: read an existing dispatch (text, DOCX or PDF) into the dispatch JSON form.

    read_dispatch(path, *, units=None) -> ImportResult
    parse_text(text, *, units=None) -> ImportResult
"""
from __future__ import annotations

from pathlib import Path

from desktop.importing.items import Units
from desktop.importing.parse import ImportResult, TaskDraft, parse_text
from desktop.importing.readers import ImportFileError, LegacyEncodingError, read_source

__all__ = ["read_dispatch", "parse_text", "ImportResult", "TaskDraft", "ImportFileError", "LegacyEncodingError"]


def read_dispatch(path: Path, *, units: Units | None = None) -> ImportResult:
    """Read `path` (.txt, .md, .docx, .pdf). ImportFileError (a ValueError) when the file
    cannot be read; otherwise always a result, with null fields where nothing was found."""
    source = read_source(Path(path))
    result = parse_text(source.text, units=units, source_format=source.format)
    result.source_path = str(path)
    return result
