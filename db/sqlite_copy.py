"""Whole-or-nothing files (`written_whole`) and copies of a SQLite database file (backups, the copy kept
before a migration or a restore, the restored file itself).

A copy is made with SQLite's online backup API (a consistent snapshot of a live database, WAL content
included) into a temporary file beside the target, switched to a rollback journal (one self-contained
file), checked with `PRAGMA integrity_check`, flushed to disk and renamed over the target. On any
failure (a full disk, a lost share, a kill) the temporary file is all that can remain, and it is removed
when the failure is seen: the target is never empty or partial.
"""
from __future__ import annotations

import os
import sqlite3
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PART = ".part-"  # temporary files: ".<name>.part-<random>"


class NotADatabase(ValueError):
    """The file is not a SQLite database, or fails its integrity check."""


def part_name(target: Path) -> Path:
    return target.with_name(f".{target.name}{PART}{uuid.uuid4().hex[:12]}")


def open_existing(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to an existing file (never creates one: a missing file is FileNotFoundError)."""
    if not path.is_file():
        raise FileNotFoundError(2, "No such file", str(path))
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
    return sqlite3.connect(uri, uri=True)


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """None when `PRAGMA integrity_check` answers ok; else its first complaint."""
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == [("ok",)] else str(rows[0][0] if rows else "no answer")


def check_file(path: Path) -> None:
    """NotADatabase unless `path` is a SQLite file that passes integrity_check (read only)."""
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise NotADatabase(f"{path.name} is not a SQLite database")
    conn = open_existing(path, read_only=True)
    try:
        problem = integrity_problem(conn)
    finally:
        conn.close()
    if problem is not None:
        raise NotADatabase(f"{path.name} fails its integrity check: {problem}")


@contextmanager
def written_whole(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write; when the block ends without an error the file is
    flushed to disk and renamed over `target` (one atomic step), on any error it is removed."""
    part = part_name(target)
    try:
        yield part
        fsync_file(part)
        os.replace(part, target)
    except BaseException:
        remove_quietly(part)
        raise
    fsync_dir(target.parent)


def copy_database(source: Path | sqlite3.Connection, target: Path) -> Path:
    """Copy the database `source` (a path or an open connection) to `target`, whole or not at all."""
    own = not isinstance(source, sqlite3.Connection)
    src = open_existing(Path(source)) if own else source
    try:
        with written_whole(target) as part:
            dest = sqlite3.connect(str(part))
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
                problem = integrity_problem(dest)
            finally:
                dest.close()
            if problem is not None:
                raise NotADatabase(f"the copy fails its integrity check: {problem}")
    finally:
        if own:
            src.close()
    return target


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_quietly(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.remove(f"{path}{suffix}")
        except OSError:
            pass
