"""The GUI side: an automatic backup on start, Tệp ▸ Sao lưu ngay, Tệp ▸ Khôi phục… showing what the backup
holds before it replaces anything, the notice of a database on a network share, and a draft kept in its
own file when the database cannot be written — the clerk sees one Vietnamese sentence, never SQL."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.documents.autosave import pending_autosaves
from desktop.storage.restore import read_backup
from tests.desktop.storage.conftest import fail_writes, sqlite_error
from tests.ui.documents.helpers import add_register, click, trigger
from tests.ui.documents.test_editor import fill_basic
from tests.ui.documents.test_numbers_and_recovery import _editor


@pytest.fixture
def said(monkeypatch):
    """What the storage actions told the clerk in message boxes (title, text)."""
    told: list[tuple[str, str]] = []
    monkeypatch.setattr("ui.storage.actions.show_info", lambda parent, text, title="": told.append(("info", text)))
    monkeypatch.setattr("ui.storage.actions.show_error", lambda parent, text, title="": told.append(("error", text)))
    return told


def tasks(ctx) -> int:
    with ctx.session() as s:
        return s.execute(text("SELECT COUNT(*) FROM tasks")).scalar_one()


def test_an_automatic_backup_is_made_on_start(main_window, demo_ctx):
    started = main_window.started["storage"]
    made = started.backups.last
    assert made is not None and made.name.startswith("tu-dong-") and made.exists()
    assert read_backup(made).summary.tasks == tasks(demo_ctx)
    assert started.backups.timer.isActive() and started.backups.timer.interval() == 4 * 60 * 60 * 1000
    assert started.banner is None  # a local disk: no notice


def test_backup_now(main_window, demo_ctx, tmp_path, monkeypatch, said):
    chosen = tmp_path / "USB" / "sao lưu.sqlite3"
    chosen.parent.mkdir()
    offered = []
    monkeypatch.setattr("ui.storage.actions.choose_backup_target",
                        lambda parent, suggested: offered.append(suggested) or chosen)
    main_window.registered_actions["backup_now"].trigger()
    assert offered[0].name.startswith("sao-luu-") and offered[0].parent.parent.name == "backups"
    assert said == [("info", f"Đã sao lưu dữ liệu vào:\n{chosen}")]
    assert read_backup(chosen).summary.tasks == tasks(demo_ctx)


def test_restore_shows_what_the_backup_holds_then_replaces(main_window, demo_ctx, tmp_path, monkeypatch, said, qtbot):
    backup = main_window.started["storage"].backups.last
    count = tasks(demo_ctx)
    with demo_ctx.session() as s, s.begin():
        s.execute(text("DELETE FROM tasks"))
    monkeypatch.setattr("ui.storage.actions.choose_backup_source", lambda parent, folder: backup)
    main_window.registered_actions["restore_backup"].trigger()
    dialog = main_window.last_restore_dialog
    shown = [label.text() for label in dialog.backup_box.findChildren(type(dialog.notes))]
    now = [label.text() for label in dialog.current_box.findChildren(type(dialog.notes))]
    assert f"Nhiệm vụ: {count}" in shown and "Nhiệm vụ: 0" in now
    assert any(line.startswith("Thời điểm sao lưu: ") for line in shown)
    assert "Số cuối của «Sổ công văn đi» (CV-DI) năm" in " ".join(shown)
    assert "truoc-khoi-phuc" in dialog.notes.text()
    assert not any(line.startswith("Thời điểm") for line in now)
    assert dialog.warning.text().startswith("Bản sao lưu ít hơn dữ liệu hiện tại") is False  # it holds more
    bold = [label.text() for label in dialog.backup_box.findChildren(type(dialog.notes)) if label.font().bold()]
    assert bold == [f"Nhiệm vụ: {count}"]
    dialog.grab().save(str(tmp_path / "restore-dialog.png"))
    assert tasks(demo_ctx) == 0  # nothing replaced before the clerk agrees
    click(qtbot, dialog.restore_button)
    assert tasks(demo_ctx) == count
    assert said[-1][0] == "info" and said[-1][1].startswith(f"Đã khôi phục dữ liệu từ {backup.name}.")
    aside = main_window.last_restore.aside
    assert aside.exists() and ".truoc-khoi-phuc-" in aside.name
    tasks_section = main_window.section("tasks")
    assert tasks_section is not None


def test_restore_refuses_a_file_that_is_not_a_backup(main_window, tmp_path, monkeypatch, said):
    junk = tmp_path / "thư.sqlite3"
    junk.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    monkeypatch.setattr("ui.storage.actions.choose_backup_source", lambda parent, folder: junk)
    main_window.registered_actions["restore_backup"].trigger()
    assert said == [("error", "Tệp thư.sqlite3 không phải bản sao lưu của TĐKT Desk.")]
    assert getattr(main_window, "last_restore_dialog", None) is None


def test_a_database_on_a_network_share_gets_a_notice(qtbot, demo_db, monkeypatch):
    from desktop.core.context import open_context
    from db.engine import sqlite_url
    from ui.app import make_app
    from ui.common.user_settings import user_settings
    from ui.main_window import MainWindow

    monkeypatch.setattr("db.location._mount_table", lambda: [(str(demo_db.parent), "cifs")])
    ctx = open_context(sqlite_url(demo_db))
    try:
        with ctx.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        make_app()
        window = MainWindow(ctx, user_settings())
        qtbot.addWidget(window)
        banner = window.started["storage"].banner
        assert banner is not None and "PostgreSQL" in banner.text.text() and "ổ mạng" in banner.text.text()
        window.close()
    finally:
        ctx.close()


def test_a_draft_survives_a_database_that_cannot_be_written(qtbot, demo_ctx):
    add_register(demo_ctx)
    editor = _editor(qtbot, demo_ctx)
    fill_basic(qtbot, editor, subject="kế hoạch không được mất")
    fail_writes(demo_ctx.engine, sqlite_error("attempt to write a readonly database", 8))
    trigger(editor, "save")
    notice = editor.form.notice.text()
    assert notice.startswith("Chưa lưu: Không ghi được vào cơ sở dữ liệu") and "vẫn được giữ" in notice
    assert "INSERT" not in notice and "kế hoạch" not in notice
    kept = [p for p in pending_autosaves(demo_ctx) if p.subject == "kế hoạch không được mất"]
    assert len(kept) == 1 and kept[0].outgoing_id is None
    assert kept[0].payload["body"] == editor.form.body.toPlainText() != ""


def test_jobs_hand_failures_over_in_vietnamese():
    from desktop.storage.problems import StorageFailure
    from ui.common.background import run_read

    got = []

    def fail():
        raise sqlite_error("database or disk is full", 13)

    run_read(fail, on_error=got.append)
    assert isinstance(got[0], StorageFailure) and str(got[0]).startswith("Ổ đĩa đã đầy")


def test_a_backup_holding_less_warns_and_cancel_changes_nothing(main_window, demo_ctx, monkeypatch, said, qtbot):
    from desktop.followup.tasks import TaskInput, add_task

    backup = main_window.started["storage"].backups.last
    count = tasks(demo_ctx)
    add_task(demo_ctx, TaskInput(title="việc làm sau lúc sao lưu"), "cv")
    monkeypatch.setattr("ui.storage.actions.choose_backup_source", lambda parent, folder: backup)
    main_window.registered_actions["restore_backup"].trigger()
    dialog = main_window.last_restore_dialog
    assert dialog.warning.isVisibleTo(dialog) and "1 nhiệm vụ" in dialog.warning.text()
    click(qtbot, dialog.cancel_button)
    assert tasks(demo_ctx) == count + 1 and said == []


def test_a_start_that_cannot_open_the_database_says_so_in_a_window(qapp, monkeypatch, capsys):
    from desktop.cli import main

    boxes = []
    monkeypatch.setattr("ui.common.messages.show_error", lambda parent, text, title="": boxes.append((title, text)))
    monkeypatch.setenv("QT_QPA_PLATFORM", "windows")  # as started from a shortcut (the app stays offscreen)
    assert main(["--database-url", "postgresql+psycopg://tdkt@127.0.0.1:9/tdkt"]) == 2
    assert len(boxes) == 1 and "PostgreSQL" in boxes[0][1] and boxes[0][0] == "TĐKT Desk không mở được dữ liệu"
    assert capsys.readouterr().err.startswith("Lỗi: Không kết nối được máy chủ")


def test_no_backup_is_started_after_the_window_closed(qtbot, demo_ctx, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent
    from shiboken6 import isValid

    from ui.app import make_app
    from ui.common.user_settings import user_settings
    from ui.main_window import MainWindow

    monkeypatch.setattr("ui.storage.startup.START_DELAY_MS", 10_000)
    make_app()
    window = MainWindow(demo_ctx, user_settings())
    backups = window.started["storage"].backups
    assert backups.first.isActive() and backups.last is None
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(backups.first) and not isValid(backups.timer)  # died with the window: never fire
    backups._done((None, 4))  # a copy that ends after the window is gone is no error
