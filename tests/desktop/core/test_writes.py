"""The write door retries a transient conflict (deadlock, serialization failure, lock not
available, SQLite busy) a bounded number of times, with growing jittered pauses, and lets
every other error through at once."""
from __future__ import annotations

import sqlite3
from datetime import date

import psycopg.errors
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from db.models import AuditEntry, IncomingDocument, Register, RegisterEntry
from desktop.core.context import open_context
from desktop.core.dispatch import Dispatch
from desktop.core.writes import ATTEMPTS, FIRST_PAUSE_S, is_transient, perform
from desktop.importing.parse import ImportResult
from desktop.importing.save import ImportSaveError, save_import
from tests.conftest import REPO

LETTER = REPO / "tests" / "data" / "dispatches" / "cong_van_phong_trao.json"


def _conflict(dialect: str) -> Exception:
    """The driver's own error for a conflict with another writer, as the server reports it."""
    if dialect == "sqlite":
        return sqlite3.OperationalError("database is locked")
    return psycopg.errors.DeadlockDetected("deadlock detected")


class Injector:
    """Makes the first `times` inserts of an incoming letter fail with a real driver conflict
    (raised where the driver would raise it, so SQLAlchemy wraps it as it wraps the real one)."""

    def __init__(self, engine, times: int):
        self.times, self.attempts = times, 0
        self.error = _conflict(engine.dialect.name)
        event.listen(engine, "before_cursor_execute", self)

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO incoming_documents"):
            self.attempts += 1
            if self.attempts <= self.times:
                raise self.error
        return statement, parameters


@pytest.fixture
def opened(backend_url):
    ctx = open_context(backend_url)
    with ctx.session() as s:
        s.add(Register(code="CV-DEN", name="Sổ công văn đến", direction="in"))
        s.commit()
    yield ctx
    ctx.close()


def _save(ctx):
    result = ImportResult(dispatch=Dispatch.from_json(LETTER.read_text(encoding="utf-8")), source_text="")
    return save_import(ctx, result, "in", arrival_date=date(2025, 3, 4))


def _counts(ctx) -> tuple[int, int, int]:
    with ctx.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(model))
                     for model in (IncomingDocument, RegisterEntry, AuditEntry))


def test_a_conflict_on_the_first_attempts_is_retried_and_saves_once(opened):
    injector = Injector(opened.engine, times=2)
    pauses: list[float] = []
    outcome = perform(lambda: _save(opened), sleep=pauses.append, jitter=lambda: 0.5)
    assert injector.attempts == 3
    assert outcome.arrival_number == 1  # the failed attempts left no number behind
    assert _counts(opened) == (1, 1, 1)
    assert pauses == [FIRST_PAUSE_S, 2 * FIRST_PAUSE_S]  # growing, times the jitter factor (here 1.0)


def test_the_pauses_are_jittered(opened):
    Injector(opened.engine, times=2)
    factors = iter([0.0, 0.99])
    pauses: list[float] = []
    perform(lambda: _save(opened), sleep=pauses.append, jitter=lambda: next(factors))
    assert pauses == [FIRST_PAUSE_S * 0.5, 2 * FIRST_PAUSE_S * 1.49]


def test_a_lasting_conflict_gives_up_after_a_bounded_number_of_attempts(opened):
    injector = Injector(opened.engine, times=100)
    pauses: list[float] = []
    with pytest.raises(OperationalError) as raised:
        perform(lambda: _save(opened), sleep=pauses.append)
    assert is_transient(raised.value)
    assert injector.attempts == ATTEMPTS == 5 and len(pauses) == ATTEMPTS - 1
    assert _counts(opened) == (0, 0, 0)


def test_other_errors_are_not_retried():
    calls: list[int] = []

    def refused():
        calls.append(1)
        raise ImportSaveError("không lưu được: thiếu trích yếu")

    with pytest.raises(ImportSaveError):
        perform(refused, sleep=lambda s: pytest.fail("no pause for a refusal"))
    assert calls == [1]

    def duplicate():
        calls.append(2)
        raise IntegrityError("INSERT", {}, psycopg.errors.UniqueViolation("duplicate key"))

    with pytest.raises(IntegrityError):
        perform(duplicate, sleep=lambda s: pytest.fail("no pause for a duplicate"))
    assert calls == [1, 2]


@pytest.mark.parametrize("orig, transient", [
    (psycopg.errors.DeadlockDetected("deadlock detected"), True),
    (psycopg.errors.SerializationFailure("could not serialize access"), True),
    (psycopg.errors.LockNotAvailable("could not obtain lock"), True),
    (sqlite3.OperationalError("database is locked"), True),
    (sqlite3.OperationalError("database table is locked"), True),
    (psycopg.errors.UniqueViolation("duplicate key"), False),
    (sqlite3.OperationalError("no such table: units"), False),
    (sqlite3.OperationalError("disk I/O error"), False),
])
def test_which_errors_are_transient(orig, transient):
    assert is_transient(OperationalError("SELECT 1", {}, orig)) is transient
