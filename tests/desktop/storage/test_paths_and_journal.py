"""`--db` takes a path as written; a file on a network share gets a rollback journal and a notice that a
shared office should use PostgreSQL; a newer database is refused before its journal mode is touched."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from db.engine import journal_mode, sqlite_path, sqlite_url
from db.location import is_network_path
from db.migrate import DatabaseTooNew
from desktop.cli import main
from desktop.core.context import open_context


@pytest.mark.parametrize("name", ["a%20b.sqlite3", "văn thư 100%.sqlite3", "x?y#z.sqlite3", "%41.sqlite3"])
def test_db_takes_the_path_as_written(tmp_path, name, capsys):
    path = tmp_path / name
    assert sqlite_path(sqlite_url(path)) == path
    assert main(["demo", "--db", str(path)]) == 0
    assert path.exists() and sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite3") == [name]
    assert main(["tasks", "--db", str(path), "--json"]) == 0


def share(monkeypatch, folder, fstype="cifs"):
    monkeypatch.setattr("db.location._mount_table", lambda: [("/", "ext4"), (str(folder), fstype)])


def test_network_paths():
    assert is_network_path(r"\\máy-chủ\dữ liệu\tdkt.sqlite3") and is_network_path("//server/share/x.sqlite3")


def test_a_file_on_a_share_uses_a_rollback_journal_and_the_cli_says_so(tmp_path, monkeypatch, capsys):
    local = tmp_path / "local.sqlite3"
    open_context(sqlite_url(local)).close()
    assert journal_mode(sqlite_url(local)) == "WAL"
    share(monkeypatch, tmp_path / "share")
    (tmp_path / "share").mkdir()
    path = tmp_path / "share" / "office.sqlite3"
    assert journal_mode(sqlite_url(path)) == "DELETE"
    ctx = open_context(sqlite_url(path))
    with ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    assert ctx.notices and "PostgreSQL" in ctx.notices[0]
    ctx.close()
    assert not (tmp_path / "share" / "office.sqlite3-wal").exists()
    assert main(["tasks", "--db", str(path)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("Chú ý: Cơ sở dữ liệu nằm trên ổ mạng") and "PostgreSQL" in err


def test_a_wal_database_moved_onto_a_share_leaves_wal(tmp_path, monkeypatch):
    (tmp_path / "share").mkdir()
    path = tmp_path / "share" / "office.sqlite3"
    open_context(sqlite_url(path)).close()  # made in WAL on a local disk
    share(monkeypatch, tmp_path / "share", "nfs4")
    ctx = open_context(sqlite_url(path))
    with ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    ctx.close()


def test_a_newer_rollback_journal_database_is_refused_before_its_journal_mode_changes(tmp_path, capsys):
    path = tmp_path / "newer.sqlite3"
    open_context(sqlite_url(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, in the file header
    with pytest.raises(DatabaseTooNew):
        open_context(sqlite_url(path))
    assert main(["tasks", "--db", str(path)]) == 2
    assert "mới hơn" in capsys.readouterr().err
    assert path.read_bytes()[18:20] == b"\x01\x01" and hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite3"]
