"""What the import screen ("Nhập văn bản") needs from the core, without Qt: the unit
directory, reading a file with it, dates typed as dd/mm/yyyy, where a reference sits in the
source, saving an edited result, and the folder import as a job that keeps its partial report."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.core.changes import Changes, split
from desktop.core.dispatch import Reference
from desktop.importing.batch import FileReport, import_folder
from desktop.importing.items import Units
from desktop.importing.parse import ImportResult
from desktop.core.jobs import CancelToken, Cancelled, ProgressFn, WriteFn, no_progress, write_here
from desktop.core.text import fold
from desktop.core.vocabulary import read_date


def directory_units(ctx) -> Units:
    """The active units as (id, name, aliases), for matching assignees and the unit choice."""
    from desktop.importing.save import load_units

    with ctx.session() as session:
        return load_units(session)


def read_with_units(ctx, path: Path, *, progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
                    on_partial=None) -> tuple[ImportResult, Units]:
    """Read `path` with the unit directory (a job for the pool; a scan is read by OCR page by page,
    `on_partial((first-page result, units))` before the rest). ImportFileError on a bad file."""
    from desktop.importing.parse import read_dispatch

    units = directory_units(ctx)
    partial = (lambda result: on_partial((result, units))) if on_partial is not None else None
    return read_dispatch(Path(path), units=units, progress=progress, cancel=cancel, on_partial=partial), units


def parse_dmy(text: str | None, what: str = "ngày") -> date | None:
    """A date typed by a clerk ("25/05/2018", "25/5/2018", "25-05-2018", "2018-05-25": see
    vocabulary.read_date); empty gives None; anything else a ValueError in Vietnamese naming `what`."""
    text = (text or "").strip()
    if not text:
        return None
    found = read_date(text)
    if found is None:
        raise ValueError(f"{what} “{text}” không đúng dạng ngày/tháng/năm (ví dụ 25/05/2018)")
    return found


def deadline_from_phrase(phrase: str, doc_date: date | None = None) -> tuple[date | None, str | None]:
    """(date, recurrence) of a deadline phrase the clerk typed ("trước ngày 15/3/2019",
    "trong Quý III/2018", "hằng tháng"), by the follow-up rules; (None, None) when unknown."""
    from desktop.followup.deadlines import parse_deadline

    try:
        found = parse_deadline(phrase, doc_date=doc_date)
    except Exception:  # an odd phrase must never break the screen
        return None, None
    return found.date, found.recurrence


def reference_span(source: str, ref: Reference) -> tuple[int, int] | None:
    """Where a reference's "number/symbol" stands in the source text (spacing and accents
    forgiven), or None when it cannot be found."""
    if not ref.number:
        return None
    pieces = [re.escape(ref.number)]
    if ref.symbol:
        pieces.append(r"\s*/?\s*" + r"\s*".join(re.escape(ch) for ch in fold(ref.symbol) if not ch.isspace()))
    pattern = re.compile(r"(?<![\w/])" + "".join(pieces), re.IGNORECASE)
    m = pattern.search(_fold_keeping_length(source))
    return (m.start(), m.end()) if m else None


def _fold_keeping_length(text: str) -> str:
    """fold() one character at a time, so offsets still point into the original text."""
    return "".join(ch if ch.isspace() else (fold(ch) or " ")[:1] for ch in text)


def save_edited(ctx, result: ImportResult, as_: str, *, allow_duplicate: bool = False) -> tuple[object, Changes]:
    """save_import on the clerk's edited result; (SaveOutcome, Changes) for run_write.
    DuplicateImport when the letter is registered already (the screen asks, then allows)."""
    from desktop.importing.save import save_import

    outcome = save_import(ctx, result, as_, source_file=result.source_path, allow_duplicate=allow_duplicate)
    return outcome, outcome.changes


@dataclass
class FolderOutcome:
    folder: Path
    save_as: str | None
    reports: list[FileReport] = field(default_factory=list)
    cancelled: bool = False
    changes: Changes = Changes()  # what the saves changed, added up as they are made

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.reports)


def import_folder_job(ctx, folder: Path, save_as: str | None, *, progress: ProgressFn = no_progress,
                      cancel: CancelToken | None = None, write: WriteFn = write_here) -> FolderOutcome:
    """`import_folder` with the unit directory, as a job that writes (each save through
    `write`, see desktop.core.jobs): a cancelled run returns what it did."""
    outcome = FolderOutcome(Path(folder), save_as)

    def write_and_count(call):
        result = write(call)
        outcome.changes |= split(result)[1]
        return result

    units = directory_units(ctx)
    try:
        import_folder(Path(folder), units=units, ctx=ctx if save_as else None, save_as=save_as,
                      progress=progress, cancel=cancel, on_report=outcome.reports.append, write=write_and_count)
    except Cancelled:
        outcome.cancelled = True
    return outcome
