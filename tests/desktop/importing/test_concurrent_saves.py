"""Four programs registering incoming letters at once, on SQLite and on PostgreSQL: every
save succeeds and the arrival numbers run 1..N without a gap. The register row is locked
before the letter is inserted (desktop/core/writes.py), so on PostgreSQL no save even meets a
deadlock for the write door to retry."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models import IncomingDocument, Register, RegisterEntry
from desktop.core.context import open_context
from tests._spawn import run_together
from tests.conftest import REPO
from tests.desktop.importing import _save_workers

PROCESSES, PER_PROCESS = 4, 250
LETTER = REPO / "tests" / "data" / "dispatches" / "cong_van_phong_trao.json"


def _open_with_register(url: str, direction: str):
    """The migrated database at `url` with one register of `direction`; (ctx, register id)."""
    ctx = open_context(url)
    with ctx.session() as s:
        register = Register(code="SO", name="Sổ đăng ký", direction=direction)
        s.add(register)
        s.commit()
        return ctx, register.id


@pytest.mark.slow
def test_four_processes_save_a_thousand_incoming_letters_without_a_failure(backend_url):
    ctx, register_id = _open_with_register(backend_url, "in")
    try:
        letter = LETTER.read_text(encoding="utf-8")
        outcomes = run_together(_save_workers.save_incoming_many, (backend_url, letter, PER_PROCESS), PROCESSES)
        failures = [f for _, failed, _ in outcomes for f in failed]
        numbers = sorted(n for saved, _, _ in outcomes for n in saved)
        total = PROCESSES * PER_PROCESS
        assert failures == [], f"{len(failures)} of {total} saves failed, e.g. {failures[:3]}"
        if not backend_url.startswith("sqlite"):
            assert sum(retries for _, _, retries in outcomes) == 0  # the lock order alone, no deadlock retried
        assert numbers == list(range(1, total + 1))
        with ctx.session() as s:
            assert s.scalar(select(func.count()).select_from(IncomingDocument)) == total
            stored = s.scalars(select(IncomingDocument.arrival_number)).all()
            entries = s.scalars(select(RegisterEntry.number).where(RegisterEntry.register_id == register_id)).all()
        assert sorted(stored) == sorted(entries) == list(range(1, total + 1))
    finally:
        ctx.close()


@pytest.mark.parametrize("as_", ["in", "out"])
def test_the_register_is_locked_before_the_letter_is_inserted(backend_url, as_):
    """The lock order of the write door, statement by statement: on PostgreSQL the register
    row lock comes before the document's INSERT (whose foreign key would otherwise take a
    share lock first); on SQLite the transaction begins IMMEDIATE, holding the write lock
    from its first statement."""
    from sqlalchemy import event

    from desktop.core.dispatch import Dispatch
    from desktop.importing.parse import ImportResult
    from desktop.importing.save import save_import

    ctx, _ = _open_with_register(backend_url, as_)
    try:
        result = ImportResult(dispatch=Dispatch.from_json(LETTER.read_text(encoding="utf-8")), source_text="")
        statements: list[str] = []
        event.listen(ctx.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, *rest: statements.append(" ".join(statement.split())))
        save_import(ctx, result, as_)
    finally:
        ctx.close()
    table = "incoming_documents" if as_ == "in" else "outgoing_documents"
    insert = next(i for i, s in enumerate(statements) if s.startswith(f"INSERT INTO {table}"))
    if backend_url.startswith("sqlite"):
        assert statements[0] == "BEGIN IMMEDIATE"
    else:
        locks = [i for i, s in enumerate(statements) if s.startswith("SELECT registers.") and "FOR NO KEY UPDATE" in s]
        assert locks and locks[0] < insert
