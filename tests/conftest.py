"""Shared test set-up: offscreen Qt, a migrated database per test, the ../shared texts."""
from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager
from datetime import date
from pathlib import Path

# Before any Qt import: without a display Qt would abort the run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TDKT_USER", "kiểm thử")

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent (the shared texts live outside the repo)")
    return path


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache_dir(tmp_path_factory):
    # The compiled Qt translation goes to a cache of the test session (compiled once, shared by subprocesses).
    os.environ["TDKT_CACHE_DIR"] = str(tmp_path_factory.mktemp("usercache"))
    # session fixtures (the migrated templates, the demo) never reach the real user-data folder either
    os.environ["TDKT_DATA_DIR"] = str(tmp_path_factory.mktemp("session-userdata"))
    yield
    os.environ.pop("TDKT_CACHE_DIR", None)
    os.environ.pop("TDKT_DATA_DIR", None)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    # Never touch the real user-data folder from a test.
    monkeypatch.setenv("TDKT_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(scope="session")
def _empty_db_template(tmp_path_factory) -> Path:
    from db.engine import sqlite_url
    from desktop.core.context import open_context

    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    open_context(sqlite_url(path)).close()
    return path


@pytest.fixture
def ctx(_empty_db_template, tmp_path):
    """A freshly migrated, empty SQLite database (a copy of a session-wide template)."""
    from db.engine import sqlite_url
    from desktop.core.context import open_context

    path = tmp_path / "test.sqlite3"
    shutil.copy(_empty_db_template, path)
    context = open_context(sqlite_url(path))
    yield context
    context.close()


@pytest.fixture(scope="session")
def _demo_db_template(tmp_path_factory) -> Path:
    from desktop.demo.office import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    build_demo_database(path)
    return path


DEMO_TODAY = date(2026, 11, 30)  # the day `fixed_demo_ctx` is built as of (`demo --today`)


@pytest.fixture(scope="session")
def _fixed_demo_template(tmp_path_factory) -> Path:
    from desktop.demo.office import build_demo_database

    path = tmp_path_factory.mktemp("demo-fixed") / "demo.sqlite3"
    build_demo_database(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def fixed_demo_ctx(_fixed_demo_template, tmp_path):
    """The demo as of DEMO_TODAY, for tests that name its recent documents' dates; `demo_ctx` is built
    as of the real today, so what the board shows relative to today stays the same whenever tests run."""
    from db.engine import sqlite_url
    from desktop.core.context import open_context

    path = tmp_path / "demo-fixed.sqlite3"
    shutil.copy(_fixed_demo_template, path)
    context = open_context(sqlite_url(path))
    yield context
    context.close()


def guidance(ctx):
    """The demo's recent dispatch (the registration guidance, dated relative to the day the demo was
    built): (id, number, date)."""
    from sqlalchemy import select

    from db.models import OutgoingDocument

    with ctx.session() as s:
        row = s.execute(select(OutgoingDocument.id, OutgoingDocument.number, OutgoingDocument.date)
                        .where(OutgoingDocument.subject.like("hướng dẫn đăng ký thi đua%"))).one()
    return row.id, row.number, row.date


def guidance_cited(ctx) -> str:
    """How a reply cites it: "Công văn số 19/UBND-NC ngày 16/9/2026"."""
    _id, number, on = guidance(ctx)
    return f"Công văn số {number}/UBND-NC ngày {on.day}/{on.month}/{on.year}"


@pytest.fixture
def demo_db(_demo_db_template, tmp_path) -> Path:
    """A path to a private copy of the demo database."""
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_db_template, path)
    return path


@pytest.fixture
def demo_ctx(demo_db):
    from db.engine import sqlite_url
    from desktop.core.context import open_context

    context = open_context(sqlite_url(demo_db))
    yield context
    context.close()


PG_URL = os.environ.get("TDKT_TEST_PG_URL")


@contextmanager
def _pg_database():
    """The URL of a new, empty PostgreSQL database of its own, dropped afterwards (skipped
    without TDKT_TEST_PG_URL; CI starts a throwaway cluster)."""
    if not PG_URL:
        pytest.skip("PostgreSQL not available: set TDKT_TEST_PG_URL (CI does)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "tdkt_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request, tmp_path):
    """An empty (unmigrated) database URL: on SQLite always, on PostgreSQL when TDKT_TEST_PG_URL is set."""
    if request.param == "sqlite":
        from db.engine import sqlite_url

        yield sqlite_url(tmp_path / "db.sqlite3")
        return
    with _pg_database() as url:
        yield url


@pytest.fixture
def pg_ctx():
    """A freshly migrated PostgreSQL database of its own (skipped without TDKT_TEST_PG_URL)."""
    from desktop.core.context import open_context

    with _pg_database() as url:
        context = open_context(url)
        try:
            yield context
        finally:
            context.close()
