"""Bring a database to the program's schema: back up, then upgrade to head.

A database whose revision this program does not know (written by a newer version) is refused
untouched: a SQLite file is read (read-only) before any connection sets its journal mode
(`refuse_newer_file`). Before a database that holds data is migrated it is backed up: a SQLite file
beside itself (`<file>.bak-<revision>-<time>`, whole or not at all), any other database by the
`backup` function the caller passes (desktop.storage: pg_dump or an export of every table).
Called on every start, by the GUI and by every CLI command that opens a database.

Programs that start at once on an empty or older database wait for one another: the upgrade
runs holding the migration lock — on PostgreSQL an advisory lock on a fixed key
(`pg_advisory_xact_lock`, taken in the migration's own connection and transaction, so it is
released by the commit, a rollback or a lost connection), on SQLite the file's write lock
(BEGIN IMMEDIATE, waiting up to `MIGRATION_WAIT_MS`). Whoever gets the lock second reads the
revision again and finds the work done.

The usual start finds the database already at head: that is decided without importing Alembic
(the stored revision read with plain SQL, the head read from the migration files' `revision` /
`down_revision` lines); Alembic is imported only when there is something to do or to explain.
"""
from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError

from db.engine import BUSY_TIMEOUT_MS, sqlite_path
from db.sqlite_copy import copy_database, open_existing

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATION_LOCK_KEY = 0x7464_6B74_0001  # "tdkt" + 1: the advisory lock key every TĐKT Desk migration takes
MIGRATION_WAIT_MS = 600_000  # how long a SQLite program waits for another one's migration
_ASSIGNMENT = r"^{name}\s*(?::[^=\n]*)?=\s*(.+)$"  # `revision = '0002'` or `revision: str = '0002'`
_QUOTED = re.compile(r"""['"]([^'"]+)['"]""")


class StorageError(Exception):
    """A database cannot be used; the message is for the user (Vietnamese)."""


class DatabaseTooNew(StorageError):
    pass


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The head as Alembic computes it."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def _migration_files(versions: Path) -> list[tuple[str, list[str]]] | None:
    """(revision, parents) of each migration file, read as text; None when a file is unusual."""
    found = []
    for path in versions.glob("*.py"):
        if path.name.startswith("__"):
            continue
        source = path.read_text(encoding="utf-8")
        revision = re.search(_ASSIGNMENT.format(name="revision"), source, re.MULTILINE)
        down = re.search(_ASSIGNMENT.format(name="down_revision"), source, re.MULTILINE)
        names = _QUOTED.findall(revision.group(1)) if revision else []
        if len(names) != 1 or down is None:
            return None
        found.append((names[0], _QUOTED.findall(down.group(1))))
    return found


def head_from_files(versions: Path = MIGRATIONS_DIR / "versions") -> str | None:
    """The single head revision read from the migration files, or None when it cannot be told
    cheaply (no files, several heads, an unusual file): the caller then asks Alembic."""
    files = _migration_files(versions)
    if not files:
        return None
    heads = {rev for rev, _ in files} - {parent for _, parents in files for parent in parents}
    return heads.pop() if len(heads) == 1 else None


def known_revisions(versions: Path = MIGRATIONS_DIR / "versions") -> set[str]:
    """The revision ids of this program's migrations (from the files, no Alembic import; from Alembic
    when a file is unusual)."""
    files = _migration_files(versions)
    if files is None:
        from alembic.script import ScriptDirectory

        return {rev.revision for rev in ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()}
    return {rev for rev, _ in files}


def stored_revision(engine: Engine) -> str | None:
    """The revision in alembic_version by plain SQL; None when there is none or it cannot be read."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except (DatabaseError, OperationalError):
        return None
    return rows[0][0] if len(rows) == 1 else None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database, before anything writes to it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise StorageError(f"Tệp {path} không phải cơ sở dữ liệu của TĐKT Desk (hoặc đã hỏng).")


def too_new_message(revision: str) -> str:
    return ("Cơ sở dữ liệu được tạo bởi phiên bản TĐKT Desk mới hơn "
            f"(phiên bản dữ liệu {revision}). Hãy cài phiên bản mới; dữ liệu không bị thay đổi.")


def file_revision(path: Path) -> str | None:
    """The revision stored in a SQLite file, read through a read-only connection; None when the file
    has none (new, empty, not ours) or cannot be read that way."""
    try:
        conn = open_existing(path, read_only=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return rows[0][0] if len(rows) == 1 else None


def refuse_newer_file(path: Path) -> None:
    """DatabaseTooNew for a SQLite file written by a newer version, before anything (a journal mode
    pragma included) writes to it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    check_sqlite_file(path)
    revision = file_revision(path)
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNew(too_new_message(revision))


BackupFn = Callable[[Engine, str], "Path | None"]


def upgrade(engine: Engine, backup: BackupFn | None = None) -> MigrationResult:
    """Migrate `engine`'s database to head. A database that holds data is backed up first: a SQLite
    file beside itself, any other by `backup(engine, revision)` (the caller's; it raises to stop)."""
    url = engine.url.render_as_string(hide_password=False)
    path = sqlite_path(url)
    if path is not None:
        refuse_newer_file(path)
    head = head_from_files()
    if head is not None and (path is None or path.exists()) and stored_revision(engine) == head:
        return MigrationResult(head, head, None)  # the usual start: nothing to do, Alembic not imported
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(url))
    head = script.get_current_head()
    try:
        current = current_revision(engine)
    except (DatabaseError, OperationalError) as exc:
        raise StorageError(f"Không mở được cơ sở dữ liệu: {_short(exc)}") from exc
    if current == head:
        return MigrationResult(current, head, None)
    _refuse_unknown(script, current)
    with migration_lock(engine) as conn:
        current = MigrationContext.configure(conn).get_current_revision()  # again, under the lock
        if current == head:  # another program migrated it while this one waited
            return MigrationResult(current, head, None)
        _refuse_unknown(script, current)
        copy = None
        if current is not None:
            copy = _backup_sqlite(path, current) if path is not None else (backup(engine, current) if backup else None)
        config = alembic_config(url)
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        if engine.dialect.name == "sqlite":
            _check_foreign_keys(conn)
    return MigrationResult(current, head, copy)


@contextmanager
def migration_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that holds the migration lock (see the module docstring);
    the transaction commits when the block ends, or rolls back on an error.

    On SQLite foreign keys are also off inside it: batch mode alters a table by copying it, and
    dropping the old copy of a parent table would cascade deletes into its children while they
    are on (the pragma works outside a transaction only); `_check_foreign_keys` runs before commit.
    """
    with engine.connect() as conn:
        if engine.dialect.name != "sqlite":
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
                yield conn
            return
        raw = conn.connection.dbapi_connection
        raw.execute(f"PRAGMA busy_timeout = {MIGRATION_WAIT_MS}")
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.execution_options(sqlite_immediate=True).begin():  # BEGIN IMMEDIATE
                yield conn
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _check_foreign_keys(conn: Connection) -> None:
    """Refuse (roll back) an upgrade that left a broken link, before it commits."""
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise StorageError(f"Nâng cấp cơ sở dữ liệu để lại liên kết hỏng (bảng {broken[0][0]}); "
                           "dữ liệu không bị thay đổi.")


def _refuse_unknown(script, current: str | None) -> None:
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNew(too_new_message(current))


def build_schema(conn, revision: str) -> None:
    """Create the schema of `revision` on an empty database, inside the caller's transaction `conn`
    (a restore of an export: the rows go in next, then `upgrade` brings it to head)."""
    url = conn.engine.url.render_as_string(hide_password=False)
    if revision not in known_revisions():
        raise DatabaseTooNew(too_new_message(revision))
    from alembic import command

    config = alembic_config(url)
    config.attributes["connection"] = conn
    command.upgrade(config, revision)


def _backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy of the file, whole or not at all (db.sqlite_copy)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return copy_database(path, path.with_name(f"{path.name}.bak-{revision}-{stamp}"))


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)) or exc.__class__.__name__
    return text.splitlines()[0][:200]


__all__ = ["StorageError", "DatabaseTooNew", "MigrationResult", "upgrade", "head_revision", "head_from_files",
           "known_revisions", "refuse_newer_file", "file_revision", "build_schema"]
