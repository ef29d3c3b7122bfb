"""What the storage tests share: empty PostgreSQL databases, a small real disk (tmpfs) that fills up,
failures injected at the OS-call boundary, and a database at the previous schema version."""
from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def pg_database():
    """make() -> the URL of a new, empty PostgreSQL database (dropped after the test)."""
    from contextlib import ExitStack

    from tests.conftest import _pg_database

    with ExitStack() as stack:
        yield lambda: stack.enter_context(_pg_database())


@pytest.fixture
def small_disk(tmp_path):
    """mount(size_kb) -> a folder on a real tmpfs of that size (a disk that really fills up); skipped
    where this run may not mount (not root, no tmpfs)."""
    mounted = []

    def mount(size_kb: int) -> Path:
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(point)],
                                capture_output=True)
        if result.returncode != 0:
            pytest.skip("cannot mount a tmpfs here (needs root): " + result.stderr.decode(errors="replace"))
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def remount_read_only(point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True, capture_output=True)


def sqlite_error(message: str, code: int) -> sqlite3.OperationalError:
    """What SQLite raises, with its result code (as the C library sets it)."""
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code
    exc.sqlite_errorname = "SQLITE_" + message.upper().replace(" ", "_")
    return exc


def fail_writes(engine, exc: BaseException) -> None:
    """Every INSERT/UPDATE/DELETE of `engine` fails with `exc`, as the driver would raise it."""
    from sqlalchemy import event

    @event.listens_for(engine, "before_cursor_execute")
    def refuse(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise exc


def at_previous_version(url: str) -> str:
    """Bring an empty database to the revision before head (what the previous version wrote)."""
    from alembic import command

    from db.migrate import alembic_config, head_revision
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(url))
    previous = script.get_revision(head_revision()).down_revision
    command.upgrade(alembic_config(url), previous)
    return previous


def fill_old_schema(url: str) -> None:
    """A few rows written with plain SQL (the previous version's own columns only): a register with three
    numbers of 2025, two outgoing documents, a task."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO registers (id, code, name, direction, active) "
                          "VALUES (1, 'CV-DI', 'Sổ công văn đi', 'out', true)"))
        for number in (1, 2, 3):
            conn.execute(text("INSERT INTO register_entries (register_id, year, number, status, manual) "
                              "VALUES (1, 2025, :n, 'issued', false)"), {"n": number})
        for i in (1, 2):
            conn.execute(text("INSERT INTO outgoing_documents (doc_type, issuer_name, subject, body, status, copies, "
                              "search_folded, version) VALUES ('Công văn', 'UBND TỈNH', :s, 'Nội dung', 'draft', 0, "
                              ":f, 1)"), {"s": f"văn bản cũ {i}", "f": f"van ban cu {i}"})
        conn.execute(text("INSERT INTO tasks (title, role, status, search_folded) "
                          "VALUES ('Báo cáo quý', 'lead', 'open', 'bao cao quy')"))
    engine.dispose()
