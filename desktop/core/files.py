"""Writing a file whole or not at all: a temporary file in the same folder, flushed to disk, renamed over
the target (an atomic step on Windows and POSIX). A full disk or a kill leaves the old file or none,
never a 0-byte or half-written one."""
from __future__ import annotations

from pathlib import Path

from db.sqlite_copy import written_whole


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file beside it, flushed, then renamed."""
    with written_whole(Path(target)) as part:
        part.write_bytes(data)
