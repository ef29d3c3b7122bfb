"""AppContext: the opened database and the user, passed down explicitly (never a global).

The user is an `Actor` (desktop/core/access.py): in a single-user office the administrator who may do
everything (the one user, or the login name before any user exists); in a shared office nobody until
`desktop.users.login.sign_in` puts the person who signed in there. `ctx.user` is their name, the one
the audit log records."""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import journal_mode, make_engine, make_session_factory, sqlite_path, sqlite_url
from db.migrate import MigrationResult, StorageError, upgrade
from desktop.core.access import Actor


@dataclass
class AppContext:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    actor: Actor = field(default_factory=lambda: Actor.everything(login_name()))
    migration: MigrationResult | None = None
    notices: list[str] = field(default_factory=list)  # said once on start (a database on a network share)

    @property
    def user(self) -> str:
        """The name of the person the program acts for (what the audit log records)."""
        return self.actor.name

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

    def reopen(self) -> None:
        """Open the database again (after a restore replaced it): a new engine, migrated; the same object,
        so every screen holding this context sees the new data."""
        self.engine.dispose()
        fresh = open_context(self.url)
        self.engine, self.session_factory = fresh.engine, fresh.session_factory
        self.migration, self.notices = fresh.migration, fresh.notices


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
        migration = upgrade(engine, backup=_backup_before_migration) if migrate else None
    except Exception:
        engine.dispose()
        raise
    notices = [NETWORK_NOTICE] if path is not None and journal_mode(url) != "WAL" else []
    ctx = AppContext(url=url, engine=engine, session_factory=make_session_factory(engine), migration=migration,
                     notices=notices)
    ctx.actor = starting_actor(ctx)
    return ctx


NETWORK_NOTICE = ("Cơ sở dữ liệu nằm trên ổ mạng: chương trình ghi theo chế độ an toàn cho ổ mạng (chậm hơn). "
                  "Văn phòng nhiều người dùng chung nên đặt dữ liệu trên máy chủ PostgreSQL.")


def _backup_before_migration(engine: Engine, revision: str):
    from desktop.storage.backup import backup_before_migration  # noqa: PLC0415 - only when migrating

    return backup_before_migration(engine, revision)


def starting_actor(ctx: AppContext) -> Actor:
    """Who the program acts for before anyone signs in: the one active user of a single-user office
    (the login name when there is none yet) with every right; in a shared office an anonymous actor
    with none (the GUI and the CLI sign someone in)."""
    from sqlalchemy import select
    from sqlalchemy.exc import DBAPIError

    from db.models import User

    try:
        with ctx.session() as session:
            users = session.execute(
                select(User.id, User.name, User.full_name).where(User.active.is_(True)).limit(2)).all()
    except DBAPIError:  # not migrated yet (opened with migrate=False): no users table
        users = []
    if not users:
        return Actor.everything(login_name())
    if len(users) == 1:
        user_id, name, full_name = users[0]
        return Actor.everything(name, full_name, user_id)
    return Actor(login_name())


def login_name() -> str:
    """TDKT_USER, else the operating system's login name."""
    env = os.environ.get("TDKT_USER")
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows service accounts
        return "người dùng"


__all__ = ["AppContext", "open_context", "resolve_url", "starting_actor", "login_name", "StorageError"]
