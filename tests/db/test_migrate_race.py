"""Four programs opening one empty database at the same moment: they wait for one another's
migration (PostgreSQL advisory lock, SQLite write lock) and all start."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect

from db.engine import make_engine
from db.migrate import head_revision
from db.models import Base
from tests._spawn import run_together
from tests.desktop.importing import _save_workers

PROCESSES = 4


@pytest.mark.slow
def test_four_programs_open_an_empty_database_at_once(backend_url):
    outcomes = run_together(_save_workers.open_at_once, (backend_url,), PROCESSES)
    assert outcomes == [("ok", head_revision())] * PROCESSES
    engine = make_engine(backend_url)
    try:
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
