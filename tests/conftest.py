"""Shared test set-up: offscreen Qt, a migrated database per test, the ../shared texts."""
from __future__ import annotations

import os
import shutil
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


@pytest.fixture
def pg_ctx():
    """A freshly migrated PostgreSQL database of its own (skipped without TDKT_TEST_PG_URL)."""
    base = os.environ.get("TDKT_TEST_PG_URL")
    if not base:
        pytest.skip("TDKT_TEST_PG_URL is not set (no PostgreSQL server for this run)")
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from desktop.core.context import open_context

    name = f"tdkt_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    context = open_context(url)
    try:
        yield context
    finally:
        context.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
