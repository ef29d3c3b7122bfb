"""Limits on what comes in: files to import (size, pages, what a DOCX/XLSX inflates to, characters of
text, a wall-clock budget) and templates to fill (output, loop iterations, nesting, time).

The numbers are office settings (section "limits" of desktop/core/settings/options.py, listed in
docs/settings.md): `Limits.read(ctx)` for the office's values, `Limits.defaults()` (a file read without a
database). A refusal is `LimitExceeded` (a ValueError) whose message names the file, what it
has and the limit ("Tệp quá lớn: …", "Tệp có quá nhiều trang: …"). The checks refuse before the cost:
a file's size from the file system, a DOCX's inflated size from its ZIP directory (zipfile never
inflates a part beyond the size the directory declares), a PDF's pages from its page tree.
`Budget` is the cancel token and the wall-clock budget of one job in one object.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable

from desktop.core.jobs import CancelToken

MB = 1024 * 1024
_clock = time.monotonic  # the budgets' clock (a test replaces it: tests never wait)
MAX_ARCHIVE_MEMBERS = 5000  # a DOCX has a few dozen parts; thousands is a crafted file
_RATIO_FLOOR = MB  # parts smaller than this may compress as well as they like (blank XML)


def number(n: float) -> str:
    """1234567 -> "1.234.567" (the Vietnamese thousands separator)."""
    return f"{n:,.0f}".replace(",", ".")


def megabytes(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",").removesuffix(",0") + " MB"


class LimitExceeded(ValueError):
    """Input beyond a limit; the message (Vietnamese) names it and the limit."""


@dataclass(frozen=True)
class Limits:
    """The limits; exactly the options of the settings section "limits"."""

    file_mb: int
    pdf_pages: int
    unzipped_mb: int
    zip_ratio: int
    text_chars: int
    read_seconds: int
    template_chars: int
    template_loops: int
    template_depth: int
    template_seconds: int

    @classmethod
    def defaults(cls) -> Limits:
        from desktop.core.settings import options

        values = {o.name: o.default for o in options("limits")}
        return cls(**{f.name: values[f.name] for f in fields(cls)})

    @classmethod
    def of(cls, session) -> Limits:
        """The office's limits, read in `session`."""
        from desktop.core.settings.office_store import office_section

        values = office_section(session, "limits")
        return cls(**{f.name: values[f.name] for f in fields(cls)})

    @classmethod
    def read(cls, ctx) -> Limits:
        with ctx.session() as session:
            return cls.of(session)


class Budget:
    """A job's cancel token and wall-clock budget: `check()` raises Cancelled when the user cancelled
    and `error(message)` when `seconds` have passed since the budget was made. `clock` is injectable
    (tests never wait)."""

    def __init__(self, seconds: float, message: str, *, cancel: CancelToken | None = None,
                 error: type[LimitExceeded] = LimitExceeded, clock: Callable[[], float] | None = None):
        self.seconds, self.message, self.cancel, self.error = seconds, message, cancel, error
        self.clock = clock or (lambda: _clock())
        self.end = self.clock() + seconds

    def check(self) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        if self.clock() > self.end:
            raise self.error(self.message)

    # a Budget stands in for the cancel token of a job that checks only that (the PDF reader)
    raise_if_cancelled = check

    @property
    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.cancelled


def too_large(name: str, size: int, limits: Limits) -> str:
    return (f"Tệp quá lớn: «{name}» nặng {megabytes(size)}, giới hạn là {limits.file_mb} MB. "
            "Hãy tách phần cần nhập ra một tệp nhỏ hơn.")


def too_much_text(name: str, chars: int, limits: Limits, *, at_least: bool = False) -> str:
    return (f"Tệp quá lớn: «{name}» có {'ít nhất ' if at_least else ''}{number(chars)} ký tự chữ, giới hạn là "
            f"{number(limits.text_chars)} ký tự. Hãy tách phần cần nhập ra một tệp riêng.")


def check_size(path: Path, limits: Limits, error: type[LimitExceeded] = LimitExceeded) -> int:
    """The file's size, or `error` when it is above limits.file_mb."""
    size = Path(path).stat().st_size
    if size > limits.file_mb * MB:
        raise error(too_large(Path(path).name, size, limits))
    return size


def read_bounded(path: Path, limits: Limits, error: type[LimitExceeded] = LimitExceeded) -> bytes:
    """The file's bytes, never more than the size limit (it may have grown since it was measured); bytes
    that hold more characters than the text limit in any encoding (over 4 bytes a character) are refused
    before they are decoded."""
    name = Path(path).name

    def check(size: int) -> None:
        if size > limits.file_mb * MB:
            raise error(too_large(name, size, limits))
        if size > 4 * limits.text_chars:
            raise error(too_much_text(name, size // 4, limits, at_least=True))

    check(Path(path).stat().st_size)
    with open(path, "rb") as handle:
        data = handle.read(limits.file_mb * MB + 1)
    check(len(data))
    return data


def check_archive(path: Path, limits: Limits, error: type[LimitExceeded] = LimitExceeded) -> None:
    """A DOCX/XLSX (a ZIP) that would inflate beyond limits.unzipped_mb, or has a part that inflates
    more than limits.zip_ratio times (a ZIP bomb), is refused from its directory alone. A file that is
    not a ZIP is left to its reader (which says it is damaged)."""
    import zipfile

    name = Path(path).name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise error(f"Tệp quá lớn: «{name}» gồm {number(len(members))} phần nén, giới hạn là "
                        f"{number(MAX_ARCHIVE_MEMBERS)} phần.")
        total = sum(m.file_size for m in members)
        if total > limits.unzipped_mb * MB:
            raise error(f"Tệp quá lớn: «{name}» khi giải nén nặng {megabytes(total)}, giới hạn là "
                        f"{limits.unzipped_mb} MB. Hãy lưu lại tệp không kèm hình ảnh lớn rồi nhập.")
        for m in members:
            if m.file_size > _RATIO_FLOOR and m.file_size > limits.zip_ratio * max(m.compress_size, 1):
                ratio = m.file_size // max(m.compress_size, 1)
                raise error(f"Tệp «{name}» bị nén bất thường (một phần giải nén lớn gấp {number(ratio)} lần, "
                            f"giới hạn là {number(limits.zip_ratio)} lần): có thể là tệp độc hại nên không mở.")


def check_text(name: str, text: str, limits: Limits, error: type[LimitExceeded] = LimitExceeded) -> str:
    if len(text) > limits.text_chars:
        raise error(too_much_text(name, len(text), limits))
    return text


def too_many_pages(name: str, pages: int, most: int) -> str:
    return (f"Tệp có quá nhiều trang: «{name}» có {number(pages)} trang, giới hạn là {number(most)} "
            "trang. Hãy tách phần công văn (thường là vài trang đầu) ra một tệp riêng rồi nhập.")


def read_too_long(name: str, limits: Limits) -> str:
    return (f"Đọc tệp «{name}» quá {limits.read_seconds} giây nên đã dừng (giới hạn thời gian đọc một tệp). "
            "Hãy tách phần công văn ra một tệp nhỏ hơn rồi nhập.")


__all__ = ["Limits", "LimitExceeded", "Budget", "check_size", "read_bounded", "check_archive", "check_text",
           "too_large", "too_much_text", "too_many_pages", "read_too_long", "number", "megabytes", "MB"]
