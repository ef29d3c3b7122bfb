"""Start-up migration: a newer database is refused untouched; junk files are refused."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from db.engine import make_engine, sqlite_url
from db.migrate import DatabaseTooNew, StorageError, _backup_sqlite, head_revision, upgrade
from desktop.core.context import open_context


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    open_context(sqlite_url(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseTooNew, match="phiên bản TĐKT Desk mới hơn"):
        open_context(sqlite_url(path))
    assert digest(path) == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "letter.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a docx, not a database" * 10)
    before = digest(path)
    with pytest.raises(StorageError, match="không phải cơ sở dữ liệu"):
        open_context(sqlite_url(path))
    assert digest(path) == before


def test_a_missing_file_is_reported_when_it_must_exist(tmp_path):
    with pytest.raises(StorageError, match="Không tìm thấy"):
        open_context(sqlite_url(tmp_path / "absent.sqlite3"), must_exist=True)


def test_upgrade_is_idempotent_and_reaches_head(tmp_path):
    engine = make_engine(sqlite_url(tmp_path / "x.sqlite3"))
    first = upgrade(engine)
    second = upgrade(engine)
    assert first.from_revision is None and first.to_revision == head_revision()
    assert second.from_revision == head_revision() and second.backup is None
    engine.dispose()


def test_backup_copies_a_consistent_database(tmp_path):
    path = tmp_path / "office.sqlite3"
    ctx = open_context(sqlite_url(path))
    from db.models import Unit

    with ctx.session() as s, s.begin():
        s.add(Unit(name="Sở Nội vụ", kind="department"))
    backup = _backup_sqlite(path, head_revision())
    ctx.close()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT name FROM units").fetchone()[0] == "Sở Nội vụ"
    conn.close()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    ctx = open_context(sqlite_url(tmp_path / "p.sqlite3"))
    with ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    ctx.close()


def test_upgrading_an_older_database_backs_it_up_and_keeps_its_data(tmp_path):
    """A database at the first revision, with a dispatch and its lines, goes to head."""
    from alembic import command
    from sqlalchemy import text

    from db.migrate import alembic_config

    path = tmp_path / "office.sqlite3"
    url = sqlite_url(path)
    engine = make_engine(url)
    config = alembic_config(url)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO outgoing_documents (id, doc_type, issuer_name, subject, body, status, "
                          "copies, search_folded, version, created_at, updated_at) VALUES (1, 'Công văn', "
                          "'UBND', 'đẩy mạnh phong trào', '', 'draft', 0, '', 1, '2026-01-01', '2026-01-01')"))
        conn.execute(text("INSERT INTO document_recipients (outgoing_id, role, position, text) "
                          "VALUES (1, 'recipient', 0, 'Sở Nội vụ')"))
    engine.dispose()

    ctx = open_context(url)
    assert ctx.migration.from_revision == "0001" and ctx.migration.to_revision == head_revision()
    backup = ctx.migration.backup
    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()
    with ctx.session() as s:
        assert s.execute(text("SELECT text FROM document_recipients")).scalar() == "Sở Nội vụ"
    ctx.close()


def _scripts_copy(tmp_path):
    """A copy of the migration scripts (env.py, versions) that a test may add revisions to."""
    import shutil

    from db.migrate import MIGRATIONS_DIR

    target = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _alembic_head(scripts):
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(scripts))
    return ScriptDirectory.from_config(config).get_current_head()


def _add_revision(scripts, name, revision, down):
    (scripts / "versions" / name).write_text(
        f'"""added by a test"""\nrevision: str = {revision!r}\ndown_revision = {down!r}\n'
        "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\n"
        "def downgrade():\n    pass\n", encoding="utf-8")


def test_the_head_read_from_the_files_is_alembics_head(tmp_path):
    from db.migrate import head_from_files

    assert head_from_files() == head_revision()
    scripts = _scripts_copy(tmp_path)
    _add_revision(scripts, "2027_01_02_0099_later.py", "0099", head_revision())
    assert head_from_files(scripts / "versions") == _alembic_head(scripts) == "0099"
    # a merge of two branches: the merge revision is the head
    _add_revision(scripts, "2027_01_03_00a1_branch.py", "00a1", head_revision())
    _add_revision(scripts, "2027_01_04_00m1_merge.py", "00m1", ("0099", "00a1"))
    assert head_from_files(scripts / "versions") == _alembic_head(scripts) == "00m1"


def test_two_heads_are_left_to_alembic(tmp_path):
    from db.migrate import head_from_files

    scripts = _scripts_copy(tmp_path)
    _add_revision(scripts, "2027_01_02_0099_later.py", "0099", head_revision())
    _add_revision(scripts, "2027_01_03_00a1_branch.py", "00a1", head_revision())
    assert head_from_files(scripts / "versions") is None


def test_a_database_at_head_opens_without_importing_alembic(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    path = tmp_path / "office.sqlite3"
    open_context(sqlite_url(path)).close()
    code = ("import sys; from db.engine import make_engine, sqlite_url; from db.migrate import upgrade;"
            f"r = upgrade(make_engine(sqlite_url({str(path)!r})));"
            "print(r.from_revision, r.to_revision, r.backup, 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [head_revision(), head_revision(), "None", "False"]
