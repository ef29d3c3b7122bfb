"""Bring a database to the program's schema: back up, then upgrade to head.

A database whose revision this program does not know (written by a newer version) is refused
untouched. Called on every start, by the GUI and by every CLI command that opens a database.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from db.engine import sqlite_path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class StorageError(Exception):
    """A database cannot be used; the message is for the user (Vietnamese)."""


class DatabaseTooNew(StorageError):
    pass


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(engine: Engine) -> str | None:
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
    script = ScriptDirectory.from_config(alembic_config(url))
    head = script.get_current_head()
    try:
        current = current_revision(engine)
    except (DatabaseError, OperationalError) as exc:
        raise StorageError(f"Không mở được cơ sở dữ liệu: {_short(exc)}") from exc
    if current == head:
        return MigrationResult(current, head, None)
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNew(
            "Cơ sở dữ liệu được tạo bởi phiên bản TĐKT Desk mới hơn "
            f"(phiên bản dữ liệu {current}). Hãy cài phiên bản mới; dữ liệu không bị thay đổi."
        )
    backup = _backup_sqlite(path, current) if path is not None and current is not None else None
    config = alembic_config(url)
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        if engine.dialect.name == "sqlite":
            _upgrade_sqlite(conn, config)
        else:
            with conn.begin():
                command.upgrade(config, "head")
    return MigrationResult(current, head, backup)


def _upgrade_sqlite(conn, config: Config) -> None:
    """SQLite alters a table by copying it (batch mode): dropping the old copy of a parent table
    would cascade deletes into its children while foreign keys are on. So they are off during the
    upgrade (the pragma works outside a transaction only), checked before commit, and on again."""
    raw = conn.connection.dbapi_connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        with conn.begin():
            command.upgrade(config, "head")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StorageError(f"Nâng cấp cơ sở dữ liệu để lại liên kết hỏng (bảng {broken[0][0]}); "
                                   "dữ liệu không bị thay đổi.")
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


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


__all__ = ["StorageError", "DatabaseTooNew", "MigrationResult", "upgrade", "head_revision"]
