"""Engine and session factory. Nothing is built at import time.

SQLite (the embedded default) gets WAL, foreign keys and a busy timeout on every connection; a file
on a network share gets a rollback journal instead (WAL needs shared memory a share does not give).
PostgreSQL (an office's shared server) uses the same models and migrations.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from db.location import is_network_path

BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: str | Path) -> str:
    """The URL of a SQLite file, the path taken exactly as written ("%20", "?", "#" stay themselves)."""
    return URL.create("sqlite", database=str(Path(path).expanduser().resolve())).render_as_string()


def journal_mode(url: str) -> str:
    """WAL for a local file; DELETE (a rollback journal) for a file on a network share."""
    path = sqlite_path(url)
    return "DELETE" if path is not None and is_network_path(path) else "WAL"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str, **kwargs) -> Engine:
    """An engine for `url`; SQLite connections are set up for concurrent local use."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None and "creator" not in kwargs:
            kwargs["creator"] = _file_connector(path)
        else:
            kwargs.setdefault("connect_args", {"timeout": BUSY_TIMEOUT_MS / 1000})
        engine = create_engine(url, **kwargs)
        journal = journal_mode(url)

        def on_connect(dbapi_connection, connection_record) -> None:
            _sqlite_on_connect(journal, dbapi_connection)

        event.listen(engine, "connect", on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def _file_connector(path: Path):
    """Connections to the file at `path`. Only the first may create it: once the database has been
    opened, a file that vanished (deleted, renamed, its USB stick pulled out) is an error, never
    silently replaced by a new empty database."""
    opened = False

    def connect() -> sqlite3.Connection:
        nonlocal opened
        mode = "rw" if opened else "rwc"
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode={mode}", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        opened = True
        return conn

    return connect


def _sqlite_on_connect(journal: str, dbapi_connection) -> None:
    # Let SQLAlchemy emit BEGIN itself (pysqlite's own transaction handling is off), so that
    # a writer can take the lock up front with BEGIN IMMEDIATE (see _sqlite_on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA journal_mode = {journal}")
    cursor.execute(f"PRAGMA synchronous = {'NORMAL' if journal == 'WAL' else 'FULL'}")
    cursor.close()


def _sqlite_on_begin(conn) -> None:
    # A connection flagged for writing takes the write lock at BEGIN: two writers then queue
    # on busy_timeout instead of failing with "database is locked" mid-transaction.
    if conn.get_execution_options().get("sqlite_immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
