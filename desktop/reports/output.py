"""Writing a report file the way a desktop program should.

The workbook is written under a temporary name in the destination folder and renamed over the
destination only when complete: a cancelled or failed export leaves nothing behind (neither the
partial file nor openpyxl's own temporary sheets). A destination that cannot be written — open
in Excel (locked on Windows), a read-only folder, a missing folder — raises `ExportError` with one
Vietnamese sentence and, for a locked file, a free second name to offer.
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable

from desktop.core.jobs import CancelToken, ProgressFn, no_progress

Build = Callable[[object, ProgressFn, CancelToken], None]  # fills a write-only workbook

# Seams for the operating-system calls (tests inject the errors a root user never gets).
_replace = os.replace


def _probe(path: Path) -> None:
    """Open an existing destination for writing and close it: Windows refuses a file Excel holds."""
    with open(path, "r+b"):
        pass


class ExportError(Exception):
    """An export that could not be written; `str()` is the message for the clerk."""

    def __init__(self, message: str, path: Path, alternative: Path | None = None):
        super().__init__(message)
        self.path = path
        self.alternative = alternative  # a free name to offer instead (locked destination)


def free_name(path: Path) -> Path:
    """`Báo cáo.xlsx` -> `Báo cáo (2).xlsx` (the first name not taken)."""
    path = Path(path)
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _locked(exc: OSError) -> bool:
    winerror = getattr(exc, "winerror", None)
    return winerror in (32, 33) or isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EBUSY)


def _error(exc: OSError, path: Path, stage: str) -> ExportError:
    """One sentence for what went wrong at `stage` ("folder", "file", "rename")."""
    name, folder = path.name, path.parent
    if exc.errno == errno.ENOSPC:
        return ExportError(f"Không ghi được «{name}»: ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc lưu vào ổ khác.",
                           path)
    if stage == "folder":
        if isinstance(exc, FileNotFoundError):
            return ExportError(f"Thư mục «{folder}» không tồn tại. Hãy chọn thư mục khác.", path)
        return ExportError(f"Không ghi được vào thư mục «{folder}» (không có quyền ghi). "
                           "Hãy chọn thư mục khác.", path)
    if _locked(exc):
        return ExportError(f"Không ghi được «{name}»: tệp đang mở trong Excel hoặc một chương trình khác. "
                           "Hãy đóng tệp rồi thử lại, hoặc lưu với tên khác.", path, free_name(path))
    return ExportError(f"Không ghi được «{name}»: {exc.strerror or exc}.", path)


def check_destination(path: Path) -> None:
    """Refuse early (before the long work) what cannot be written."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"«{path}» là một thư mục; hãy đặt tên tệp .xlsx.", path)
    if not path.parent.is_dir():
        raise _error(FileNotFoundError(errno.ENOENT, "no folder"), path, "folder")
    if path.exists():
        try:
            _probe(path)
        except OSError as exc:
            raise _error(exc, path, "file") from None


def save_workbook(path: Path, build: Build, *, progress: ProgressFn = no_progress,
                  cancel: CancelToken | None = None) -> Path:
    """Run `build(workbook, progress, cancel)` and write the workbook to `path` atomically."""
    from desktop.reports.workbook import new_workbook

    path = Path(path)
    cancel = cancel or CancelToken()
    check_destination(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f"~{path.stem[:40]}-", suffix=".xlsx.part", dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise _error(exc, path, "folder") from None
    temporary = Path(name)
    workbook = new_workbook()
    try:
        build(workbook, progress, cancel)
        cancel.raise_if_cancelled()
        progress(0.98, "Đang ghi tệp…")
        try:
            workbook.save(temporary)
        except OSError as exc:
            raise _error(exc, path, "file") from None
        cancel.raise_if_cancelled()
        try:
            _replace(temporary, path)
        except OSError as exc:
            raise _error(exc, path, "rename") from None
    except BaseException:
        discard(workbook)
        temporary.unlink(missing_ok=True)
        raise
    progress(1.0, "")
    return path


def discard(workbook) -> None:
    """Close a write-only workbook that will not be saved and remove openpyxl's temporary files."""
    for ws in getattr(workbook, "worksheets", []):
        writer = getattr(ws, "_writer", None)
        rows = getattr(ws, "_rows", None)
        try:
            if rows is not None:
                rows.close()
            if writer is not None:
                writer.close()
        except Exception:  # noqa: BLE001 - best effort: the files are removed below anyway
            pass
        if writer is not None and isinstance(writer.out, str) and os.path.exists(writer.out):
            try:
                writer.cleanup()
            except (OSError, ValueError):
                pass
