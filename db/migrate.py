"""Bring a database to the program's schema: back up, then upgrade to head.

A database whose revision this program does not know (written by a newer version) is refused
untouched. Called on every start, by the GUI and by every CLI command that opens a database.

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
from typing import Iterator

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError

from db.engine import BUSY_TIMEOUT_MS, sqlite_path

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


def head_from_files(versions: Path = MIGRATIONS_DIR / "versions") -> str | None:
    """The single head revision read from the migration files, or None when it cannot be told
    cheaply (no files, several heads, an unusual file): the caller then asks Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions.glob("*.py"):
        if path.name.startswith("__"):
            continue
        source = path.read_text(encoding="utf-8")
        revision = re.search(_ASSIGNMENT.format(name="revision"), source, re.MULTILINE)
        down = re.search(_ASSIGNMENT.format(name="down_revision"), source, re.MULTILINE)
        found = _QUOTED.findall(revision.group(1)) if revision else []
        if len(found) != 1 or down is None:
            return None
        revisions.add(found[0])
        parents.update(_QUOTED.findall(down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


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


def upgrade(engine: Engine) -> MigrationResult:
    """Migrate `engine`'s database to head; back up a SQLite file first if it changes."""
    url = engine.url.render_as_string(hide_password=False)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
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
        backup = _backup_sqlite(path, current) if path is not None and current is not None else None
        config = alembic_config(url)
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        if engine.dialect.name == "sqlite":
            _check_foreign_keys(conn)
    return MigrationResult(current, head, backup)


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
        raise DatabaseTooNew(
            "Cơ sở dữ liệu được tạo bởi phiên bản TĐKT Desk mới hơn "
            f"(phiên bản dữ liệu {current}). Hãy cài phiên bản mới; dữ liệu không bị thay đổi."
        )


def _backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy of the file (sqlite3's online backup, so WAL content is included)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    return target


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)) or exc.__class__.__name__
    return text.splitlines()[0][:200]


__all__ = ["StorageError", "DatabaseTooNew", "MigrationResult", "upgrade", "head_revision", "head_from_files"]
