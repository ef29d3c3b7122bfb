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
from desktop.core.jobs import CancelToken, Cancelled, ProgressFn, WriteFn, no_progress, write_here

IMPORTED, ATTENTION, FAILED, DUPLICATE = "imported", "attention", "failed", "duplicate"
STATUS_LABELS = {IMPORTED: "đã nhập", ATTENTION: "cần kiểm tra", FAILED: "lỗi", DUPLICATE: "đã có, không lưu"}


@dataclass
class FileReport:
    path: Path
    status: str  # IMPORTED | ATTENTION | FAILED | DUPLICATE (already registered: not stored again)
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
                  ocr: str = "auto", progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
                  on_report: Callable[[FileReport], None] | None = None,
                  write: WriteFn = write_here) -> list[FileReport]:
    """Read every file of `folder`; with `ctx` and `save_as` also store each one that has the
    fields a record needs (a letter registered already is reported, not stored again), each save
    one call through `write` (the job's way to the write
    lane, see desktop.core.jobs). One file's failure, whatever it is, is reported with its
    reason and never stops the others. `on_report` sees each file's report as soon as it is
    done (so a cancelled run still shows what it did)."""
    files = folder_files(folder)
    reports: list[FileReport] = []
    for index, path in enumerate(files):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(index / max(len(files), 1), path.name)
        reports.append(_import_file(path, units, ctx if save_as else None, save_as, write, ocr, cancel))
        if on_report is not None:
            on_report(reports[-1])
    progress(1.0, "")
    return reports


def _import_file(path: Path, units: Units | None, ctx, save_as: str | None, write: WriteFn, ocr: str = "auto",
                 cancel: CancelToken | None = None) -> FileReport:
    from desktop.importing.parse import read_dispatch

    try:
        result = read_dispatch(path, units=units, ocr=ocr, cancel=cancel)
    except Cancelled:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file is reported, the next one is read
        return FileReport(path, FAILED, failure_reason(exc, f"Không đọc được tệp {path.name}"))
    report = FileReport(path, ATTENTION if result.warnings else IMPORTED, " ".join(result.warnings), result)
    if ctx is None:
        return report
    from desktop.importing.save import DuplicateImport, save_import

    try:
        outcome = write(lambda: save_import(ctx, result, save_as, source_file=str(path.resolve())))
    except Cancelled:
        raise
    except DuplicateImport as exc:
        report.status, report.message = DUPLICATE, str(exc)[:1].upper() + str(exc)[1:] + "."
    except Exception as exc:  # noqa: BLE001 - the file is reported as failed, the next one is saved
        report.status, report.message = FAILED, failure_reason(exc, f"Không lưu được tệp {path.name}")
    else:
        report.document_id = outcome.document_id
        report.message = (outcome.message + (". " + report.message if report.message else "")).strip()
    return report


def failure_reason(exc: BaseException, what: str) -> str:
    """The clerk's line for a file that failed: a refusal (ValueError) says its own Vietnamese
    reason; anything else is named by its kind after `what`, never with SQL or the letter's text."""
    from sqlalchemy.exc import SQLAlchemyError

    from desktop.core.writes import is_transient

    if isinstance(exc, ValueError):
        return str(exc)
    if is_transient(exc):
        reason = "cơ sở dữ liệu đang bận vì người khác đang ghi; hãy nhập lại tệp này sau"
    elif isinstance(exc, SQLAlchemyError):
        reason = f"lỗi cơ sở dữ liệu ({type(getattr(exc, 'orig', None) or exc).__name__})"
    elif isinstance(exc, MemoryError):
        reason = "tệp quá lớn, không đủ bộ nhớ để đọc"
    elif isinstance(exc, OSError):
        reason = f"lỗi đọc ghi tệp ({type(exc).__name__})"
    else:
        reason = f"lỗi không mong đợi ({type(exc).__name__})"
    return f"{what}: {reason}."
