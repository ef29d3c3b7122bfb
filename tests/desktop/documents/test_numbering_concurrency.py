"""Several processes issue at once on one SQLite file (and one PostgreSQL server): no duplicate,
no gap."""
from __future__ import annotations

import multiprocessing
import time

import pytest
from sqlalchemy import select

from db.models import OutgoingDocument, RegisterEntry
from tests.desktop.documents import _workers
from tests.desktop.documents.conftest import make_setup
from tests.desktop.documents.helpers import bulk_signed

PROCESSES, PER_PROCESS = 6, 15


def _run_workers(url: str, ids: list[int]) -> list[int]:
    chunks = [ids[i::PROCESSES] for i in range(PROCESSES)]
    start_at = time.time() + 4.0  # spawned children need a moment to import
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        results = pool.starmap(_workers.issue_many, [(url, chunk, start_at) for chunk in chunks])
    return [n for chunk in results for n in chunk]


def _assert_gap_free(ctx, register_id: int, numbers: list[int]) -> None:
    total = PROCESSES * PER_PROCESS
    assert sorted(numbers) == list(range(1, total + 1))
    with ctx.session() as s:
        entries = s.scalars(select(RegisterEntry.number).where(RegisterEntry.register_id == register_id)).all()
        docs = s.execute(select(OutgoingDocument.number, OutgoingDocument.status)).all()
    assert sorted(entries) == list(range(1, total + 1))
    assert sorted(n for n, _ in docs) == list(range(1, total + 1))
    assert {status for _, status in docs} == {"issued"}


@pytest.mark.slow
def test_processes_on_one_sqlite_file_never_share_a_number(ctx):
    setup = make_setup(ctx)
    ids = bulk_signed(ctx, setup, PROCESSES * PER_PROCESS)
    numbers = _run_workers(ctx.url, ids)
    _assert_gap_free(ctx, setup.register_id, numbers)


@pytest.mark.postgres
@pytest.mark.slow
def test_processes_on_one_postgresql_server_never_share_a_number(pg_ctx):
    setup = make_setup(pg_ctx)
    ids = bulk_signed(pg_ctx, setup, PROCESSES * PER_PROCESS)
    numbers = _run_workers(pg_ctx.url, ids)
    _assert_gap_free(pg_ctx, setup.register_id, numbers)
