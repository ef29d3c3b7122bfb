"""Tệp ▸ Cơ sở dữ liệu…: the fields are checked next to them, an unreachable server is one sentence, the
local file can be chosen back, and the demo office moves into an empty PostgreSQL database."""
from __future__ import annotations

import os
import uuid

import pytest


def _open(main_window):
    from ui.actions import menu_actions

    spec = next(a for a in menu_actions("file") if a.key == "database")
    assert spec.title == "Cơ sở dữ liệu…"
    spec.trigger(main_window)
    return main_window.last_database_dialog


def test_server_fields_are_checked_and_an_unreachable_server_is_reported(qtbot, main_window, tmp_path, monkeypatch):
    from desktop.database.choice import load_choice

    dialog = _open(main_window)
    qtbot.addWidget(dialog)
    assert dialog.local.isChecked() and not dialog.fields.isEnabled()
    dialog.server.setChecked(True)
    assert dialog.fields.isEnabled()
    qtbot.mouseClick(dialog.test_button, qtbot_button())
    assert dialog.status.text() == "Cần nhập địa chỉ máy chủ."
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.user.setText("vanthu")
    dialog.password.setText("x")
    qtbot.mouseClick(dialog.test_button, qtbot_button())
    assert dialog.status.text().startswith("Không kết nối được máy chủ")
    dialog.host.setText("127.0.0.2")  # typing clears the message
    dialog.host.textEdited.emit("127.0.0.2")
    assert dialog.status.text() == ""
    qtbot.mouseClick(dialog.save_button, qtbot_button())
    assert dialog.status.text().startswith("Không kết nối được máy chủ") and load_choice() is None


def test_the_local_file_can_be_chosen(qtbot, main_window, monkeypatch):
    from desktop.database.choice import load_choice, save_choice
    from desktop.database.server import ServerAddress

    save_choice(ServerAddress("may-chu", 5432, "tdkt", "vanthu"))
    shown = []
    monkeypatch.setattr("ui.database.dialog.show_info", lambda parent, text, title="": shown.append(text))
    dialog = _open(main_window)
    qtbot.addWidget(dialog)
    assert dialog.server.isChecked() and dialog.host.text() == "may-chu"
    dialog.local.setChecked(True)
    qtbot.mouseClick(dialog.save_button, qtbot_button())
    assert load_choice() is None and "tệp trên máy này" in shown[0]


@pytest.mark.skipif(not os.environ.get("TDKT_TEST_PG_URL"), reason="PostgreSQL not available: set TDKT_TEST_PG_URL (CI does)")
def test_the_demo_office_moves_to_an_empty_server_database(qtbot, main_window, monkeypatch):
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from desktop.database.choice import load_choice

    base = os.environ["TDKT_TEST_PG_URL"]
    name = "tdkt_dialog_" + uuid.uuid4().hex[:8]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(base)
        shown = []
        monkeypatch.setattr("ui.database.dialog.confirm", lambda *a, **k: True)
        monkeypatch.setattr("ui.database.dialog.show_info", lambda parent, text, title="": shown.append(text))
        dialog = _open(main_window)
        qtbot.addWidget(dialog)
        dialog.server.setChecked(True)
        dialog.host.setText(url.host)
        dialog.port.setValue(url.port)
        dialog.database.setText(name)
        dialog.user.setText(url.username)
        dialog.move_data.setChecked(True)
        qtbot.mouseClick(dialog.save_button, qtbot_button())
        assert shown and shown[0].startswith("Đã chuyển"), dialog.status.text()
        assert load_choice().database == name
        engine = create_engine(url.set(database=name))
        with engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM outgoing_documents")).scalar_one() > 0
        engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
