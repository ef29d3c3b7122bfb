"""Four programs registering incoming letters at once, on SQLite and on PostgreSQL: every
save succeeds and the arrival numbers run 1..N without a gap (the register row is locked
before the letter is inserted; see desktop/core/writes.py)."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models import IncomingDocument, Register, RegisterEntry
from desktop.core.context import open_context
from tests._spawn import run_together
from tests.conftest import REPO
from tests.desktop.importing import _save_workers

PROCESSES, PER_PROCESS = 4, 250


@pytest.mark.slow
def test_four_processes_save_a_thousand_incoming_letters_without_a_failure(backend_url):
    ctx = open_context(backend_url)
    try:
        with ctx.session() as s:
            register = Register(code="CV-DEN", name="Sổ công văn đến", direction="in")
            s.add(register)
            s.commit()
            register_id = register.id
        letter = (REPO / "tests" / "data" / "dispatches" / "cong_van_phong_trao.json").read_text(encoding="utf-8")
        outcomes = run_together(_save_workers.save_incoming_many, (backend_url, letter, PER_PROCESS), PROCESSES)
        failures = [f for _, failed in outcomes for f in failed]
        numbers = sorted(n for saved, _ in outcomes for n in saved)
        total = PROCESSES * PER_PROCESS
        assert failures == [], f"{len(failures)} of {total} saves failed, e.g. {failures[:3]}"
        assert numbers == list(range(1, total + 1))
        with ctx.session() as s:
            assert s.scalar(select(func.count()).select_from(IncomingDocument)) == total
            stored = s.scalars(select(IncomingDocument.arrival_number)).all()
            entries = s.scalars(select(RegisterEntry.number).where(RegisterEntry.register_id == register_id)).all()
        assert sorted(stored) == sorted(entries) == list(range(1, total + 1))
    finally:
        ctx.close()
