"""Importing a folder: every supported file read (and optionally saved), with a per-file
report — imported / needs attention / failed. A job in the desktop.core.jobs sense: it reports
progress and stops between files when cancelled; the GUI runs it off its thread."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from desktop.importing.items import Units
from desktop.importing.parse import ImportResult
from desktop.importing.readers import SUPPORTED
from desktop.core.jobs import CancelToken, ProgressFn, no_progress

IMPORTED, ATTENTION, FAILED = "imported", "attention", "failed"
STATUS_LABELS = {IMPORTED: "đã nhập", ATTENTION: "cần kiểm tra", FAILED: "lỗi"}


@dataclass
class FileReport:
    path: Path
    status: str  # IMPORTED | ATTENTION | FAILED
    message: str = ""
    result: ImportResult | None = None
    document_id: int | None = None


def folder_files(folder: Path) -> list[Path]:
    """Supported files of `folder` (not its sub-folders), in name order; Office lock files skipped."""
    return sorted(
        (p for p in Path(folder).iterdir()
         if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith("~$")),
        key=lambda p: p.name.casefold(),
    )


def import_folder(folder: Path, *, units: Units | None = None, ctx=None, save_as: str | None = None,
                  progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
                  on_report: Callable[[FileReport], None] | None = None) -> list[FileReport]:
    """Read every file of `folder`; with `ctx` and `save_as` also store each one that has the
    fields a record needs. One file's failure never stops the others. `on_report` sees each
    file's report as soon as it is done (so a cancelled run still shows what it did)."""
    from desktop.importing.parse import read_dispatch

    files = folder_files(folder)
    reports: list[FileReport] = []
    for index, path in enumerate(files):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(index / max(len(files), 1), path.name)
        try:
            result = read_dispatch(path, units=units)
        except ValueError as exc:
            reports.append(FileReport(path, FAILED, str(exc)))
            if on_report is not None:
                on_report(reports[-1])
            continue
        report = FileReport(path, ATTENTION if result.warnings else IMPORTED, " ".join(result.warnings), result)
        if ctx is not None and save_as:
            from desktop.importing.save import save_import

            try:
                outcome = save_import(ctx, result, save_as, source_file=str(path.resolve()))
            except ValueError as exc:
                report.status, report.message = FAILED, str(exc)
            else:
                report.document_id = outcome.document_id
                report.message = (outcome.message + (". " + report.message if report.message else "")).strip()
        reports.append(report)
        if on_report is not None:
            on_report(report)
    progress(1.0, "")
    return reports
