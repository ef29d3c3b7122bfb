"""Each storage failure is one Vietnamese sentence that says what to do, never SQL or document text: in the
CLI (one line on stderr, exit 2) and in what the GUI shows. Failures this machine can produce are real (a
full tmpfs, a read-only mount, a folder removed, a lock held, no server listening); the others are
injected where the driver or the OS would raise them."""
from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy import text

from db.engine import sqlite_url
from desktop.cli import main
from desktop.core.context import open_context
from desktop.documents import service
from desktop.storage.problems import DatabaseFailure, StorageFailure, storage_failure, user_facing
from tests.desktop.documents.conftest import good_draft, make_setup
from tests.desktop.storage.conftest import fail_writes, remount_read_only, sqlite_error

SECRET = "Trích yếu bí mật của văn bản"
WHAT_TO_DO = {
    "read_only": "Chỉ đọc", "locked": "thử lại", "disk_full": "giải phóng dung lượng", "file_gone": "Khôi phục",
    "share_lost": "kiểm tra mạng", "server_down": "quản trị máy chủ", "corrupt": "Khôi phục", "io": "kiểm tra ổ đĩa",
}


def assert_clean(message: str, kind: str) -> None:
    assert WHAT_TO_DO[kind] in message, message
    for leak in ("INSERT", "UPDATE", "SELECT", "sqlite3", "[SQL", "parameters", SECRET, "Traceback"):
        assert leak not in message, message


def save_secret(ctx):
    setup = make_setup(ctx)
    return service.create_draft(ctx, good_draft(setup, subject=SECRET), "cv")


@pytest.mark.parametrize("code,message,kind", [
    (8, "attempt to write a readonly database", "read_only"),
    (5, "database is locked", "locked"),
    (13, "database or disk is full", "disk_full"),
    (14, "unable to open database file", "file_gone"),
    (11, "database disk image is malformed", "corrupt"),
    (10, "disk I/O error", "io"),
])
def test_sqlite_failures_injected_at_the_driver(ctx, code, message, kind):
    setup = make_setup(ctx)
    fail_writes(ctx.engine, sqlite_error(message, code))
    with pytest.raises(Exception) as caught:
        service.create_draft(ctx, good_draft(setup, subject=SECRET), "cv")
    shown = user_facing(caught.value, ctx.db_path)
    assert isinstance(shown, StorageFailure) and shown.kind == kind
    assert_clean(str(shown), kind)


def test_an_io_error_on_a_network_share_is_the_share_lost(ctx, monkeypatch):
    monkeypatch.setattr("db.location._mount_table", lambda: [(str(ctx.db_path.parent), "cifs")])
    setup = make_setup(ctx)
    fail_writes(ctx.engine, sqlite_error("disk I/O error", 10))
    with pytest.raises(Exception) as caught:
        service.create_draft(ctx, good_draft(setup), "cv")
    shown = user_facing(caught.value, ctx.db_path)
    assert shown.kind == "share_lost" and "ổ mạng" in str(shown)


@pytest.mark.parametrize("err,kind", [
    (errno.ENOSPC, "disk_full"), (errno.EROFS, "read_only"), (errno.EACCES, "read_only"),
    (errno.ENOENT, "file_gone"), (errno.ENETDOWN, "share_lost"), (errno.ESTALE, "share_lost"),
    (errno.ECONNREFUSED, "server_down"),
])
def test_os_errors_name_the_file_not_the_database(tmp_path, err, kind):
    exc = OSError(err, "as the OS says it", str(tmp_path / "báo cáo.xlsx"))
    failure = storage_failure(exc)
    assert failure.kind == kind
    if kind != "server_down":
        assert "«báo cáo.xlsx»" in str(failure)


def test_windows_network_errors(monkeypatch):
    exc = OSError(errno.EINVAL, "The specified network name is no longer available")
    exc.winerror = 64
    assert storage_failure(exc).kind == "share_lost"


def test_other_database_errors_show_no_sql_and_no_document_text(ctx):
    from sqlalchemy.exc import IntegrityError

    exc = IntegrityError(f"INSERT INTO units (name) VALUES ('{SECRET}')", {"name": SECRET},
                         sqlite3.IntegrityError("UNIQUE constraint failed: units.name"))
    shown = user_facing(exc)
    assert isinstance(shown, DatabaseFailure) and "Lỗi cơ sở dữ liệu" in str(shown)
    assert SECRET not in str(shown) and "INSERT" not in str(shown)
    plain = ValueError("Ngày không hợp lệ.")
    assert user_facing(plain) is plain  # the clerk's own messages pass unchanged


def test_a_read_only_disk_for_real(small_disk, capsys):
    disk = small_disk(4096)
    path = disk / "office.sqlite3"
    ctx = open_context(sqlite_url(path))
    save_secret(ctx)
    ctx.close()
    remount_read_only(disk)
    assert main(["tasks", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Không ghi được vào cơ sở dữ liệu") and err.count("\n") == 1
    assert_clean(err, "read_only")


def test_a_full_disk_for_real_in_the_cli(small_disk, capsys):
    disk = small_disk(320)
    code = main(["demo", "--db", str(disk / "office.sqlite3")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("Lỗi: Ổ đĩa đã đầy"), err
    assert_clean(err, "disk_full")


def test_a_database_locked_by_another_program(ctx, monkeypatch):
    import db.engine

    monkeypatch.setattr(db.engine, "BUSY_TIMEOUT_MS", 200)
    mine = open_context(ctx.url)
    other = sqlite3.connect(str(ctx.db_path))
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(Exception) as caught:
            save_secret(mine)
    finally:
        other.rollback()
        other.close()
        mine.close()
    shown = user_facing(caught.value, ctx.db_path)
    assert shown.kind == "locked"
    assert_clean(str(shown), "locked")


def test_the_database_folder_gone(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    path = folder / "office.sqlite3"
    ctx = open_context(sqlite_url(path))
    ctx.engine.dispose()
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()  # the stick is pulled out
    with pytest.raises(Exception) as caught:
        with ctx.session() as s:
            s.execute(text("SELECT 1 FROM units"))
    shown = user_facing(caught.value, path)
    assert shown.kind == "file_gone"
    assert_clean(str(shown), "file_gone")


def test_postgresql_down_in_the_cli(capsys):
    code = main(["tasks", "--database-url", "postgresql+psycopg://tdkt@127.0.0.1:9/tdkt"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "PostgreSQL" in err
    assert_clean(err, "server_down")


def test_a_deleted_database_is_not_replaced_by_an_empty_one(tmp_path):
    path = tmp_path / "office.sqlite3"
    ctx = open_context(sqlite_url(path))
    ctx.engine.dispose()
    path.unlink()
    with pytest.raises(Exception) as caught:
        save_secret(ctx)
    assert user_facing(caught.value, path).kind == "file_gone"
    assert not path.exists()  # never silently a new, empty office
