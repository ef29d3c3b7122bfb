"""Moving the local data into a PostgreSQL server: same counts, same register numbers, the local file kept;
a wrong password or a server database that already holds data changes nothing."""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_URL = os.environ.get("TDKT_TEST_PG_URL")
needs_pg = pytest.mark.skipif(not PG_URL, reason="PostgreSQL not available: set TDKT_TEST_PG_URL (CI does)")


@pytest.fixture
def empty_server_db():
    name = "tdkt_move_" + uuid.uuid4().hex[:10]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@needs_pg
def test_the_demo_office_moves_with_the_same_counts_and_register_numbers(demo_ctx, demo_db, empty_server_db):
    from desktop.core.context import open_context
    from desktop.database.transfer import _counts, _tables, copy_to_server, last_numbers

    size_before = demo_db.stat().st_size
    seen = []
    report = copy_to_server(demo_ctx, empty_server_db, progress=lambda f, m="": seen.append(f))
    assert report.total > 100 and report.counts["outgoing_documents"] > 0 and report.last_numbers
    assert seen and seen[-1] == 1.0
    server = open_context(empty_server_db)
    try:
        with server.engine.connect() as conn:
            assert _counts(conn, _tables()) == report.counts
            assert last_numbers(conn) == report.last_numbers
        # the server goes on where the local file stopped: the next id is free
        from desktop.documents.numbering import reserve_number  # noqa: F401  (the write path exists)
        with server.engine.begin() as conn:
            max_unit = conn.execute(text("SELECT MAX(id) FROM units")).scalar_one()
            next_id = conn.execute(text("SELECT nextval(pg_get_serial_sequence('units', 'id'))")).scalar_one()
            assert next_id == max_unit + 1
    finally:
        server.close()
    assert demo_db.exists() and demo_db.stat().st_size == size_before  # the local file is kept, unchanged


@needs_pg
def test_a_server_database_that_holds_data_is_refused_and_left_as_it_was(demo_ctx, empty_server_db):
    from desktop.database.transfer import TransferError, copy_to_server

    copy_to_server(demo_ctx, empty_server_db)
    engine = create_engine(empty_server_db)
    with engine.connect() as conn:
        before = conn.execute(text("SELECT COUNT(*) FROM outgoing_documents")).scalar_one()
    with pytest.raises(TransferError, match="đã có dữ liệu"):
        copy_to_server(demo_ctx, empty_server_db)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM outgoing_documents")).scalar_one() == before
    engine.dispose()


@needs_pg
def test_a_wrong_password_gets_a_clear_message_and_changes_nothing(demo_ctx, empty_server_db, tmp_path, monkeypatch):
    """The test cluster lets `tdkt_pw` in only with a password (scram; .ci/run adds the pg_hba line)."""
    from desktop.database import choice
    from desktop.database.server import ServerAddress, check_server, server_url
    from desktop.database.transfer import TransferError, copy_to_server

    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tdkt_pw') "
                          "THEN CREATE ROLE tdkt_pw LOGIN PASSWORD 'mat-khau-dung'; END IF; END $$"))
        hba = conn.execute(text("SELECT COUNT(*) FROM pg_hba_file_rules WHERE 'tdkt_pw' = ANY(user_name)")).scalar_one()
    admin.dispose()
    if not hba:
        pytest.skip("the test cluster has no password rule for tdkt_pw (.ci/run adds it to pg_hba.conf)")
    url = make_url(empty_server_db)
    address = ServerAddress(url.host, url.port, url.database, "tdkt_pw")
    message = check_server(server_url(address, "mat-khau-sai"))
    assert message.startswith("Sai mật khẩu") and "SELECT" not in message and "mat-khau" not in message
    monkeypatch.setenv("TDKT_DATA_DIR", str(tmp_path))
    with pytest.raises(TransferError, match="Sai mật khẩu"):
        copy_to_server(demo_ctx, server_url(address, "mat-khau-sai"))
    assert choice.load_choice() is None  # nothing saved
    engine = create_engine(empty_server_db)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")).scalar_one() == 0
    engine.dispose()


def test_the_choice_is_kept_without_the_password(tmp_path, monkeypatch):
    from desktop.database import choice
    from desktop.database.server import ServerAddress

    monkeypatch.setenv("TDKT_DATA_DIR", str(tmp_path))
    assert choice.load_choice() is None
    address = ServerAddress("may-chu.so-noi-vu.local", 5432, "tdkt", "vanthu")
    choice.save_choice(address)
    assert choice.load_choice() == address
    assert "mat" not in (tmp_path / "database.json").read_text(encoding="utf-8").lower()
    asked = []
    refusals = iter(["Sai mật khẩu hoặc tên người dùng: máy chủ từ chối đăng nhập.", None])
    url = choice.start_url(lambda a, reason: asked.append((a, reason)) or "bí mật", check=lambda url: next(refusals))
    assert [r for _, r in asked] == [None, "Sai mật khẩu hoặc tên người dùng: máy chủ từ chối đăng nhập."]
    assert url.startswith("postgresql+psycopg://vanthu:") and "may-chu.so-noi-vu.local:5432/tdkt" in url
    assert choice.start_url(lambda a, reason: None, check=lambda url: None) is None  # the clerk cancelled
    choice.save_choice(None)
    assert choice.load_choice() is None


def test_server_fields_are_checked_in_vietnamese():
    from desktop.database.server import ServerAddress

    assert ServerAddress("", 5432, "tdkt", "u").problem() == "Cần nhập địa chỉ máy chủ."
    assert ServerAddress("h", 0, "tdkt", "u").problem() == "Cổng phải là số từ 1 đến 65535."
    assert ServerAddress("h", 5432, "tdkt", "u").problem() is None


def test_an_unreachable_server_is_one_sentence():
    from desktop.database.server import ServerAddress, check_server, server_url

    message = check_server(server_url(ServerAddress("127.0.0.1", 1, "tdkt", "u"), "x"))
    assert message.startswith("Không kết nối được máy chủ") and "\n" not in message
