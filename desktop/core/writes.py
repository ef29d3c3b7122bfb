"""The one write door: every write of the program is a service call made through `perform`.

The GUI calls it on its serial write lane (`ui.common.background`: `run_write` for a single
edit, the `write` handle of a long job for each step of the job), the CLI calls it directly.
A service opens one `ctx.write_session()`, writes, commits and returns its `Changes`
(`changes.split` reads the result); `perform` adds what every write needs and no service
repeats:

Transient conflicts are retried. A PostgreSQL deadlock (40P01), serialization failure
(40001) or lock not available (55P03), or SQLite's "database is locked" / busy, rolls the
whole transaction back, so the service is called again from the start, at most `ATTEMPTS`
times in all, after a jittered, growing pause (two programs that collided do not collide
again in step). Any other error, and the last conflict, reaches the caller unchanged.

Lock order (the same for outgoing and incoming documents, SQLite and PostgreSQL): a
transaction that takes a number from a register (issuing, a reserved or voided number, an
imported incoming letter's arrival number, an imported outgoing letter's entry)

1. takes the write lock first: on SQLite `ctx.write_session()` begins with BEGIN IMMEDIATE,
   so the whole file is locked by the first statement and writers queue on busy_timeout;
   on PostgreSQL `numbering.lock_register` locks the register row (SELECT … FOR NO KEY
   UPDATE) before anything is inserted or updated;
2. only then inserts or updates the documents and the register entry.

Inserting a document first would take a KEY SHARE lock on the register row through its
foreign key, and two clients each holding that share and then asking for the row lock
deadlock (96 of 100 concurrent saves failed that way). FOR NO KEY UPDATE serialises the
number givers among themselves and still lets drafts that merely refer to a register
(KEY SHARE) be saved meanwhile.
"""
from __future__ import annotations

import random
import sqlite3
import time
from typing import Callable, TypeVar

from sqlalchemy.exc import DBAPIError

T = TypeVar("T")

ATTEMPTS = 5
FIRST_PAUSE_S = 0.05  # doubled after each conflict, times a random factor in [0.5, 1.5)
TRANSIENT_SQLSTATES = frozenset({"40P01", "40001", "55P03"})  # deadlock, serialization, lock not available
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def perform(fn: Callable[[], T], *, attempts: int = ATTEMPTS, sleep: Callable[[float], None] | None = None,
            jitter: Callable[[], float] | None = None) -> T:
    """Call the service call `fn()` and return its result, calling it again after a transient
    conflict (see the module docstring); the last conflict is raised as it came. `sleep` and
    `jitter` default to time.sleep and random.random, looked up at each pause."""
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except DBAPIError as exc:
            if attempt == attempts or not is_transient(exc):
                raise
        (sleep or time.sleep)(FIRST_PAUSE_S * 2 ** (attempt - 1) * (0.5 + (jitter or random.random)()))
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def is_transient(exc: BaseException) -> bool:
    """A conflict with another writer that a fresh attempt of the same transaction can get past."""
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if state in TRANSIENT_SQLSTATES:
        return True
    if isinstance(orig, sqlite3.OperationalError):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return True
        text = str(orig).lower()
        return "database is locked" in text or "database table is locked" in text or "busy" in text
    return False


__all__ = ["perform", "is_transient", "ATTEMPTS"]
