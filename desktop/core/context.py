"""AppContext: the opened database and the user, passed down explicitly (never a global)."""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine, make_session_factory, sqlite_path, sqlite_url
from db.migrate import MigrationResult, StorageError, upgrade


@dataclass
class AppContext:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    user: str = field(default_factory=lambda: os.environ.get("TDKT_USER") or _login_name())
    migration: MigrationResult | None = None

    def session(self) -> Session:
        return self.session_factory()

    def write_session(self) -> Session:
        """A session whose transaction takes the SQLite write lock at BEGIN (IMMEDIATE).

        Opened by a service, which is called through the one write door (desktop.core.writes:
        the lock order, conflicts retried)."""
        return Session(bind=self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False)

    @property
    def db_path(self) -> Path | None:
        return sqlite_path(self.url)

    def close(self) -> None:
        self.engine.dispose()


def resolve_url(db: str | Path | None = None, database_url: str | None = None) -> str:
    """--database-url, then TDKT_DATABASE_URL, then --db PATH, then the user-data default."""
    if database_url:
        return database_url
    if db is not None:
        return sqlite_url(db)
    env = os.environ.get("TDKT_DATABASE_URL")
    if env:
        return env
    from desktop.core.paths import default_db_path

    return sqlite_url(default_db_path())


def open_context(url: str, *, migrate: bool = True, must_exist: bool = False) -> AppContext:
    """Open (and by default migrate) the database at `url`.

    Raises StorageError with a Vietnamese message for a missing file (when `must_exist`),
    a file that is not our database, or a database newer than the program.
    """
    path = sqlite_path(url)
    if path is not None:
        if must_exist and not path.exists():
            raise StorageError(f"Không tìm thấy tệp cơ sở dữ liệu {path}.")
        if not path.parent.exists():
            raise StorageError(f"Thư mục {path.parent} không tồn tại.")
    engine = make_engine(url)
    try:
        migration = upgrade(engine) if migrate else None
    except Exception:
        engine.dispose()
        raise
    return AppContext(url=url, engine=engine, session_factory=make_session_factory(engine), migration=migration)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows service accounts
        return "người dùng"


__all__ = ["AppContext", "open_context", "resolve_url", "StorageError"]
