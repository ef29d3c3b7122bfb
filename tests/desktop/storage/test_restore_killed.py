"""kill -9 during a restore leaves the old database or the new one, never a mix: a child process runs
`python -m desktop restore` and stops at a chosen step, where it is killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import create_engine, inspect, text

from db.engine import sqlite_url
from db.sqlite_copy import check_file
from desktop.core.context import open_context
from desktop.storage.backup import make_backup
from tests.desktop.storage.conftest import REPO
from tests.desktop.storage.test_backup_restore import _copy_demo_into, dump

CHILD = textwrap.dedent("""
    import os, sys, time
    import desktop.storage.restore as R
    import desktop.storage.export as E

    stop = sys.argv[1]

    def pause(step):
        if step == stop:
            print("at " + step, flush=True)
            time.sleep(120)

    copy = R.copy_database
    def copy_database(source, target):
        out = copy(source, target)
        pause("aside copied" if R.ASIDE in str(target) else "backup copied")
        return out
    R.copy_database = copy_database

    replace = os.replace
    def replacing(a, b):
        final = ".part-" not in str(b) and R.ASIDE not in str(b)  # the restored file taking its place
        pause("before replace" if final else "copy renamed")
        replace(a, b)
        if final:
            pause("after replace")
    R.os.replace = replacing

    write = E.import_tables
    def import_tables(conn, lines):
        E.BATCH = 7
        inserted = []
        real = conn.execute
        def execute(statement, *args, **kw):
            result = real(statement, *args, **kw)
            if getattr(statement, "is_insert", False):
                inserted.append(1)
                if len(inserted) == 5:
                    pause("rows half written")
            return result
        conn.execute = execute
        return write(conn, lines)
    R.import_tables = import_tables

    from desktop.cli import main
    sys.exit(main(sys.argv[2:]))
""")


def run_until(step: str, args: list[str]) -> None:
    """Start the restore, wait until it reaches `step`, kill -9 it."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, step, *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        line = ""
        while not line.startswith("at "):
            line = proc.stdout.readline()
            assert line, f"the restore ended before {step!r}: {proc.stderr.read()}"
        assert line.strip() == f"at {step}"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("step", ["copy renamed", "backup copied", "aside copied", "before replace", "after replace"])
def test_sqlite_old_or_new_never_a_mix(step, demo_db, tmp_path):
    backup = tmp_path / "backup.sqlite3"
    make_backup(sqlite_url(demo_db), backup)
    new = dump(sqlite_url(backup))
    ctx = open_context(sqlite_url(demo_db))
    with ctx.session() as s, s.begin():  # the database now differs from its backup
        s.execute(text("DELETE FROM tasks"))
        s.execute(text("UPDATE units SET name = name || ' (đổi)'"))
    ctx.close()
    old = dump(sqlite_url(demo_db))
    run_until(step, ["restore", "--db", str(demo_db), "--from", str(backup), "--yes"])
    if step == "after replace":  # no write-ahead log of the old file may meet the new one
        assert not os.path.exists(f"{demo_db}-wal")
    check_file(demo_db)
    now = dump(sqlite_url(demo_db))
    assert now == (new if step == "after replace" else old)
    ctx = open_context(sqlite_url(demo_db))  # and it opens, as the program would
    ctx.close()
    from desktop.cli import main

    assert main(["restore", "--db", str(demo_db), "--from", str(backup), "--yes"]) == 0  # a second try works
    assert dump(sqlite_url(demo_db)) == new
    assert not [p for p in demo_db.parent.iterdir() if ".part-" in p.name]


def test_postgres_restore_killed_leaves_the_database_empty(pg_database, demo_db, tmp_path, monkeypatch):
    monkeypatch.setenv("TDKT_PG_BIN", str(tmp_path / "no-client-tools"))  # the export: rows written by us
    source = pg_database()
    _copy_demo_into(demo_db, source)
    out = tmp_path / "office.tdkt-backup"
    make_backup(source, out)
    target = pg_database()
    run_until("rows half written", ["restore", "--database-url", target, "--from", str(out), "--yes"])
    engine = create_engine(target)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    engine.dispose()
    from desktop.cli import main

    assert main(["restore", "--database-url", target, "--from", str(out), "--yes"]) == 0
    assert dump(target) == dump(source)
