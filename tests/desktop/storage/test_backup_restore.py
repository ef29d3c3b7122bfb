"""Backups and restores through `python -m desktop backup|restore`: SQLite and PostgreSQL (pg_dump and the
export of every table), what a backup holds, restores into empty databases only, the previous schema
version migrated, and never a 0-byte or partial backup."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db.engine import sqlite_url
from db.migrate import head_revision
from desktop.cli import main
from desktop.core.context import open_context
from desktop.storage.backup import MANIFEST, PG_DUMP_MEMBER, TABLES_MEMBER, make_backup, pg_tool
from desktop.storage.export import export_tables
from desktop.storage.problems import storage_failure
from desktop.storage.restore import RestoreError, read_backup
from tests.desktop.storage.conftest import at_previous_version, fill_old_schema


RESTORE_RECORD = '"restore", "database"'  # the log's row of a restore: what a restore adds to what it put back


def dump(url: str) -> str:
    """Every table's rows as text, to compare two databases (the log's record of a restore left out)."""
    engine = create_engine(url)
    out = io.StringIO()
    with engine.connect() as conn:
        export_tables(conn, out)
    engine.dispose()
    return "".join(line for line in out.getvalue().splitlines(keepends=True) if RESTORE_RECORD not in line)


def restore_records(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        users = list(conn.execute(text('SELECT "user" FROM audit_log WHERE action = \'restore\'')).scalars())
    engine.dispose()
    return users


def counts(url: str) -> tuple[int, int, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        result = tuple(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
                       for t in ("outgoing_documents", "tasks", "register_entries"))
    engine.dispose()
    return result


def test_sqlite_backup_and_restore(demo_db, tmp_path, capsys):
    out = tmp_path / "sao luu%20thu.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Đã sao lưu vào {out} (") and "văn bản" in said
    info = read_backup(out)
    assert info.kind == "sqlite" and info.summary.revision == head_revision() and not info.older
    assert (info.summary.outgoing, info.summary.tasks) == counts(sqlite_url(demo_db))[:2]
    assert [r.code for r in info.summary.registers] == ["CV-DI", "VB-DEN"]
    before = dump(sqlite_url(demo_db))
    ctx = open_context(sqlite_url(demo_db))
    with ctx.session() as s, s.begin():
        s.execute(text("DELETE FROM tasks"))
    ctx.close()
    assert dump(sqlite_url(demo_db)) != before
    assert main(["restore", "--db", str(demo_db), "--from", str(out), "--yes"]) == 0
    said = capsys.readouterr().out
    assert "Văn bản:" in said and "Số cuối của «Sổ công văn đi» (CV-DI)" in said and "Đã khôi phục." in said
    assert dump(sqlite_url(demo_db)) == before
    assert len(restore_records(sqlite_url(demo_db))) == 1  # and the log says so
    aside = [p for p in demo_db.parent.iterdir() if ".truoc-khoi-phuc-" in p.name]
    assert len(aside) == 1 and counts(sqlite_url(aside[0]))[1] == 0  # the replaced data, kept
    assert not [p for p in demo_db.parent.iterdir() if ".part-" in p.name]


def test_restore_without_yes_refuses_off_a_terminal_and_asks_on_one(demo_db, tmp_path, capsys, monkeypatch):
    out = tmp_path / "b.sqlite3"
    make_backup(sqlite_url(demo_db), out)
    before = demo_db.read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("c\n"))  # piped, not a terminal: refused
    assert main(["restore", "--db", str(demo_db), "--from", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--yes" in err and err.count("\n") == 1
    assert demo_db.read_bytes() == before
    answers = iter(["k"])

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["restore", "--db", str(demo_db), "--from", str(out)]) == 2  # answered "không"
    answers = iter(["c"])
    assert main(["restore", "--db", str(demo_db), "--from", str(out)]) == 0


def test_a_backup_made_by_the_previous_version_is_migrated_on_restore(tmp_path):
    old = tmp_path / "old.sqlite3"
    previous = at_previous_version(sqlite_url(old))
    fill_old_schema(sqlite_url(old))
    backup = tmp_path / "old-backup.sqlite3"
    make_backup(sqlite_url(old), backup)
    info = read_backup(backup)
    assert info.summary.revision == previous and info.older
    assert info.summary.outgoing == 2 and info.summary.tasks == 1
    assert [(r.code, r.year, r.number) for r in info.summary.registers] == [("CV-DI", 2025, 3)]
    target = tmp_path / "office.sqlite3"
    open_context(sqlite_url(target)).close()
    assert main(["restore", "--db", str(target), "--from", str(backup), "--yes"]) == 0
    ctx = open_context(sqlite_url(target))
    with ctx.session() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    ctx.close()
    assert counts(sqlite_url(target)) == (2, 1, 3)


def test_what_is_not_a_backup_is_refused(tmp_path, demo_db):
    junk = tmp_path / "thu.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    for path, words in [(junk, "hỏng"), (Path(__file__), "không phải bản sao lưu"), (tmp_path / "none", "Không tìm thấy")]:
        with pytest.raises(RestoreError, match=words):
            read_backup(path)
    newer = tmp_path / "newer.sqlite3"
    make_backup(sqlite_url(demo_db), newer)
    engine = create_engine(sqlite_url(newer))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    engine.dispose()
    with pytest.raises(RestoreError, match="mới hơn"):
        read_backup(newer)


@pytest.mark.parametrize("pg_dump", [True, False], ids=["pg_dump", "export"])
def test_postgres_backup_and_restore_into_an_empty_database(pg_database, demo_db, tmp_path, monkeypatch, capsys,
                                                            pg_dump):
    if pg_dump and (pg_tool("pg_dump") is None or pg_tool("pg_restore") is None):
        pytest.skip("pg_dump / pg_restore are not installed (PostgreSQL client tools)")
    if not pg_dump:
        monkeypatch.setenv("TDKT_PG_BIN", str(tmp_path / "no-client-tools"))
    source = pg_database()
    _copy_demo_into(demo_db, source)
    out = tmp_path / "office.tdkt-backup"
    assert main(["backup", "--database-url", source, "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == sorted([MANIFEST, PG_DUMP_MEMBER if pg_dump else TABLES_MEMBER])
    info = read_backup(out)
    assert info.kind == "archive" and info.summary.outgoing == counts(source)[0]
    target = pg_database()
    assert main(["restore", "--database-url", target, "--from", str(out), "--yes"]) == 0
    assert dump(target) == dump(source)
    ctx = open_context(target)  # ids go on after the restored ones
    from desktop.followup.tasks import TaskInput, add_task

    add_task(ctx, TaskInput(title="việc mới sau khôi phục"), "cv")
    ctx.close()
    capsys.readouterr()
    assert main(["restore", "--database-url", target, "--from", str(out), "--yes"]) == 2
    assert "không trống" in capsys.readouterr().err


def _copy_demo_into(demo_db: Path, url: str) -> None:
    """The demo office on PostgreSQL: the demo file's rows written through the export path."""
    from desktop.storage.export import import_tables
    from db.migrate import build_schema

    stream = io.StringIO()
    source = create_engine(sqlite_url(demo_db))
    with source.connect() as conn:
        export_tables(conn, stream)
    source.dispose()
    engine = create_engine(url)
    with engine.begin() as conn:
        build_schema(conn, head_revision())
        import_tables(conn, iter(stream.getvalue().splitlines()))
    engine.dispose()


@pytest.mark.parametrize("pg_dump", [True, False], ids=["pg_dump", "export"])
def test_postgres_backup_of_the_previous_version_migrates_on_restore(pg_database, tmp_path, monkeypatch, pg_dump):
    if pg_dump and (pg_tool("pg_dump") is None or pg_tool("pg_restore") is None):
        pytest.skip("pg_dump / pg_restore are not installed (PostgreSQL client tools)")
    if not pg_dump:
        monkeypatch.setenv("TDKT_PG_BIN", str(tmp_path / "no-client-tools"))
    old = pg_database()
    previous = at_previous_version(old)
    fill_old_schema(old)
    out = tmp_path / "old.tdkt-backup"
    make_backup(old, out)
    assert read_backup(out).summary.revision == previous
    target = pg_database()
    assert main(["restore", "--database-url", target, "--from", str(out), "--yes"]) == 0
    engine = create_engine(target)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    engine.dispose()
    assert counts(target) == (2, 1, 3)


def test_a_postgres_migration_is_preceded_by_a_backup(pg_database, tmp_path):
    from desktop.core.paths import data_dir

    old = pg_database()
    at_previous_version(old)
    fill_old_schema(old)
    ctx = open_context(old)
    ctx.close()
    assert ctx.migration.backup is not None and ctx.migration.backup.parent == data_dir() / "backups"
    info = read_backup(ctx.migration.backup)
    assert info.summary.outgoing == 2 and info.summary.revision == ctx.migration.from_revision


def test_a_full_disk_leaves_no_backup_file_at_all(small_disk, demo_db, capsys):
    disk = small_disk(96)
    out = disk / "b.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Ổ đĩa đã đầy") and err.count("\n") == 1 and "INSERT" not in err
    assert list(disk.iterdir()) == []
    out.write_bytes(b"an older backup")  # a backup already there stays whole
    assert main(["backup", "--db", str(demo_db), "--out", str(out)]) == 2
    assert out.read_bytes() == b"an older backup" and [p.name for p in disk.iterdir()] == ["b.sqlite3"]


def test_a_migration_backup_on_a_full_disk_leaves_no_empty_copy(small_disk, tmp_path):
    disk = small_disk(2048)
    path = disk / "office.sqlite3"
    at_previous_version(sqlite_url(path))
    fill_old_schema(sqlite_url(path))
    ballast = disk / "ballast"
    stat = os.statvfs(disk)  # fill the disk, leaving less room than a copy of the database needs
    ballast.write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - 128 * 1024))
    assert path.stat().st_size > 160 * 1024
    with pytest.raises(Exception) as caught:
        open_context(sqlite_url(path))
    assert storage_failure(caught.value, path).kind == "disk_full"
    assert [p.name for p in disk.iterdir() if p.name != "ballast"] == ["office.sqlite3"]
    ballast.unlink()
    ctx = open_context(sqlite_url(path))  # room again: migrated, after a whole backup
    ctx.close()
    assert ctx.migration.backup.stat().st_size > 0
