"""Storage tests run on SQLite always, and on PostgreSQL when TDKT_TEST_PG_URL is set
(CI starts a throwaway cluster); each PostgreSQL test gets a database of its own."""
from __future__ import annotations

import os
import uuid

import pytest

PG_URL = os.environ.get("TDKT_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request, tmp_path):
    if request.param == "sqlite":
        from db.engine import sqlite_url

        yield sqlite_url(tmp_path / "db.sqlite3")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL not available: set TDKT_TEST_PG_URL (CI does)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "tdkt_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
