"""Restore a backup: see what it holds first, then old or new, never a mix.

`read_backup(file)` checks the file (a SQLite copy passing integrity_check, or a TĐKT backup archive of a
PostgreSQL database), refuses one made by a newer version, and answers what it holds.

SQLite (`restore_sqlite`): the backup is copied beside the database and checked; the database in use is
brought to a single file (its WAL checkpointed, rollback journal) and copied aside
(`<file>.truoc-khoi-phuc-<time>`); then the checked copy is renamed over it in one atomic step. A kill at
any moment leaves the old file or the new one. The caller then opens the database, which migrates a
backup made by an older version (after its own pre-migration copy).

PostgreSQL (`restore_postgres`): into an empty database only, in one transaction (pg_restore
--single-transaction, or the schema of the backup's revision built by Alembic and every table written):
a kill leaves the database empty.
"""
from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from sqlalchemy import inspect

from db.engine import make_engine, sqlite_path
from db.migrate import build_schema, known_revisions, too_new_message
from db.sqlite_copy import (PART, NotADatabase, check_file, copy_database, fsync_dir, part_name,
                            remove_quietly)
from desktop.storage.backup import (PG_DUMP_MEMBER, TABLES_MEMBER, PG_TIMEOUT_S, pg_connection_args, pg_tool,
                                    read_manifest)
from desktop.storage.export import import_tables
from desktop.storage.problems import StorageFailure
from desktop.storage.summary import Summary, summarize_sqlite_file

SQLITE, ARCHIVE = "sqlite", "archive"
ASIDE = ".truoc-khoi-phuc-"


class RestoreError(Exception):
    """The backup cannot be restored here; the message is for the user (Vietnamese)."""


@dataclass
class BackupInfo:
    path: Path
    kind: str  # SQLITE | ARCHIVE
    summary: Summary
    payload: str | None = None  # archives: PG_DUMP_MEMBER | TABLES_MEMBER

    @property
    def older(self) -> bool:
        """Made by an earlier version: the restored database is migrated after it is put in place."""
        from db.migrate import head_revision

        return self.summary.revision is not None and self.summary.revision != head_revision()


def read_backup(path: Path) -> BackupInfo:
    """What the backup at `path` holds; RestoreError (Vietnamese) when it is not a usable backup."""
    path = Path(path)
    if not path.is_file():
        raise RestoreError(f"Không tìm thấy tệp sao lưu {path}.")
    with path.open("rb") as fh:
        head = fh.read(16)
    if head == b"SQLite format 3\x00":
        try:
            check_file(path)
            summary = summarize_sqlite_file(path, created=datetime.fromtimestamp(path.stat().st_mtime))
        except NotADatabase as exc:
            raise RestoreError(f"Tệp sao lưu {path.name} bị hỏng (không qua kiểm tra toàn vẹn); "
                               "hãy chọn bản sao lưu khác.") from exc
        except sqlite3.Error as exc:
            raise RestoreError(f"Tệp {path.name} không phải bản sao lưu dữ liệu của TĐKT Desk.") from exc
        info = BackupInfo(path, SQLITE, summary)
    elif head.startswith(b"PK"):
        try:
            manifest, summary = read_manifest(path)
        except ValueError as exc:
            raise RestoreError(f"Tệp {path.name} không phải bản sao lưu của TĐKT Desk.") from exc
        info = BackupInfo(path, ARCHIVE, summary, manifest["payload"])
    else:
        raise RestoreError(f"Tệp {path.name} không phải bản sao lưu của TĐKT Desk.")
    revision = info.summary.revision
    if revision is None:
        raise RestoreError(f"Tệp {path.name} không có phiên bản dữ liệu của TĐKT Desk.")
    if revision not in known_revisions():
        raise RestoreError(too_new_message(revision))
    return info


@dataclass
class RestoreResult:
    info: BackupInfo
    aside: Path | None  # the database that was replaced, kept (SQLite)


def restore(url: str, info: BackupInfo, progress: Callable[[float, str], None] | None = None) -> RestoreResult:
    """Put the backup `info` in place of the database at `url` (see the module's docstring)."""
    say = progress or (lambda fraction, message="": None)
    target = sqlite_path(url)
    if target is not None:
        if info.kind != SQLITE:
            raise RestoreError("Bản sao lưu này là của máy chủ PostgreSQL: hãy khôi phục vào một cơ sở dữ liệu "
                               "PostgreSQL trống (--database-url).")
        return RestoreResult(info, restore_sqlite(target, info.path, say))
    if info.kind != ARCHIVE:
        raise RestoreError("Bản sao lưu này là tệp SQLite: hãy khôi phục vào một tệp (--db PATH).")
    restore_postgres(url, info, say)
    return RestoreResult(info, None)


def restore_sqlite(target: Path, source: Path, say: Callable[[float, str], None]) -> Path | None:
    """The SQLite steps; answers where the replaced database was kept (None when there was none)."""
    if not target.parent.is_dir():
        raise RestoreError(f"Thư mục {target.parent} không tồn tại.")
    if target.exists() and target.resolve() == source.resolve():
        raise RestoreError("Tệp sao lưu chính là cơ sở dữ liệu đang dùng.")
    for stale in target.parent.glob(f".*{target.name}{PART}*"):  # left by a restore that was killed
        remove_quietly(stale)
    say(0.1, "Đang chép và kiểm tra bản sao lưu…")
    staged = copy_database(source, part_name(target))
    try:
        aside = None
        if target.exists() and target.stat().st_size > 0:
            say(0.5, "Đang cất giữ dữ liệu hiện tại…")
            single_file(target)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = copy_database(target, target.with_name(f"{target.name}{ASIDE}{stamp}"))
        say(0.9, "Đang thay dữ liệu…")
        os.replace(staged, target)
        fsync_dir(target.parent)
    except BaseException:
        remove_quietly(staged)
        raise
    for suffix in ("-wal", "-shm"):  # none after single_file(); never let an old one meet the new file
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return aside


def single_file(path: Path) -> None:
    """Checkpoint the WAL into the file and switch to a rollback journal, so that the file alone is the
    database; StorageFailure("locked") while another program has it open."""
    conn = sqlite3.connect(str(path), timeout=10)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    finally:
        conn.close()
    if str(mode).lower() != "delete" or Path(f"{path}-wal").exists():
        raise StorageFailure("locked", "Cơ sở dữ liệu đang được mở ở chương trình hoặc máy khác. Hãy đóng "
                                       "TĐKT Desk ở đó rồi khôi phục lại; dữ liệu chưa bị thay đổi.")


def restore_postgres(url: str, info: BackupInfo, say: Callable[[float, str], None]) -> None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
        if tables:
            name = engine.url.database
            raise RestoreError(f"Cơ sở dữ liệu «{name}» không trống ({len(tables)} bảng). Hãy tạo một cơ sở dữ "
                               "liệu mới, trống trên máy chủ rồi khôi phục vào đó.")
        say(0.2, "Đang khôi phục vào máy chủ…")
        if info.payload == PG_DUMP_MEMBER:
            _pg_restore(url, info.path)
        else:
            with zipfile.ZipFile(info.path) as archive, archive.open(TABLES_MEMBER) as raw, \
                    io.TextIOWrapper(raw, encoding="utf-8") as lines, engine.begin() as conn:
                build_schema(conn, info.summary.revision)
                import_tables(conn, lines)
    finally:
        engine.dispose()


def _pg_restore(url: str, archive_path: Path) -> None:
    exe = pg_tool("pg_restore")
    if exe is None:
        raise RestoreError("Bản sao lưu này được tạo bằng pg_dump: cần cài pg_restore (công cụ của PostgreSQL) "
                           "trên máy này để khôi phục.")
    args, env = pg_connection_args(url)
    with tempfile.TemporaryDirectory(prefix="tdkt-restore-") as folder:
        dump = Path(folder) / PG_DUMP_MEMBER
        with zipfile.ZipFile(archive_path) as archive, archive.open(PG_DUMP_MEMBER) as src, dump.open("wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        result = subprocess.run([exe, "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges",
                                 *args, str(dump)], env=env, capture_output=True, text=True, timeout=PG_TIMEOUT_S)
    if result.returncode != 0:
        first = next((line for line in result.stderr.splitlines() if line.strip()), "")
        raise RestoreError(f"pg_restore không khôi phục được (mã {result.returncode}): {first[:200]}")
