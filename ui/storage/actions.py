"""Tệp ▸ Sao lưu ngay / Khôi phục… (the storage modules are imported when an entry is used: the menu is
built at start-up)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop.core.access import ADMIN
from ui.actions import ActionSpec, register_action
from ui.common.background import run_job, run_read
from ui.common.messages import show_error, show_info

BACKUP_FILES = "Bản sao lưu TĐKT Desk (*.sqlite3 *.tdkt-backup);;Mọi tệp (*)"


def _ask_file(parent: QWidget, title: str, start: Path, save: bool) -> Path | None:
    dialog = QFileDialog(parent, title, str(start), BACKUP_FILES)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if save:
        dialog.selectFile(str(start))
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()


def choose_backup_target(parent: QWidget, suggested: Path) -> Path | None:
    return _ask_file(parent, "Sao lưu dữ liệu vào tệp", suggested, save=True)


def choose_backup_source(parent: QWidget, folder: Path) -> Path | None:
    return _ask_file(parent, "Chọn bản sao lưu để khôi phục", folder, save=False)


def backup_now(window) -> None:
    from desktop.storage.schedule import suggested_backup_path
    from desktop.storage.service import backup_database

    ctx = window.ctx
    target = choose_backup_target(window, suggested_backup_path(ctx))
    if target is None:
        return

    def done(out: Path) -> None:
        window.last_backup = out
        show_info(window, f"Đã sao lưu dữ liệu vào:\n{out}", "Sao lưu")

    run_job(lambda progress, cancel: backup_database(ctx, target), done, lambda exc: show_error(window, str(exc)),
            parent=window, title="Đang sao lưu…")


def restore_from_backup(window) -> None:
    from desktop.storage.restore import read_backup
    from desktop.storage.schedule import latest_backups
    from desktop.storage.summary import database_summary

    ctx = window.ctx
    if ctx.db_path is None:
        show_info(window, "Dữ liệu đang ở máy chủ PostgreSQL. Khôi phục vào một cơ sở dữ liệu trống trên máy chủ "
                          "bằng lệnh:\npython -m desktop restore --database-url URL --from TỆP", "Khôi phục")
        return
    source = choose_backup_source(window, latest_backups(ctx))
    if source is None:
        return

    def read():
        info = read_backup(source)
        try:
            current = database_summary(ctx)
        except Exception:  # noqa: BLE001 - a damaged database is exactly what one restores
            current = None
        return info, current

    run_read(read, lambda found: _confirm(window, *found), lambda exc: show_error(window, str(exc)))


def _confirm(window, info, current) -> None:
    from ui.storage.restore_dialog import RestoreDialog

    dialog = RestoreDialog(info, current, str(window.ctx.db_path), window)
    window.last_restore_dialog = dialog
    dialog.accepted.connect(lambda: _restore(window, info))
    dialog.open()


def _restore(window, info) -> None:
    from desktop.core.changes import Changes
    from desktop.storage.service import restore_database
    from ui.common.change_bus import change_bus

    ctx = window.ctx

    def work(progress, cancel):  # quản trị only (checked again inside); migrates an older backup
        return restore_database(ctx, info, progress)

    def done(result) -> None:
        window.last_restore = result
        change_bus().changed.emit(Changes.everything())
        kept = f"\nDữ liệu cũ được giữ tại:\n{result.aside}" if result.aside else ""
        show_info(window, f"Đã khôi phục dữ liệu từ {info.path.name}.{kept}", "Khôi phục")

    run_job(work, done, lambda exc: show_error(window, str(exc)), parent=window, title="Đang khôi phục…")


register_action(ActionSpec("backup_now", "file", "Sao lưu ngay", "copy", "", 80, backup_now))
register_action(ActionSpec("restore_backup", "file", "Khôi phục…", "arrow-back-up", "", 81, restore_from_backup, ADMIN))
