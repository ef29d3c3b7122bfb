"""Tệp ▸ Cơ sở dữ liệu…"""
from __future__ import annotations

from ui.actions import ActionSpec, register_action


def open_database_dialog(window) -> None:
    from ui.database.dialog import DatabaseDialog

    dialog = DatabaseDialog(window.ctx, window)
    window.last_database_dialog = dialog
    dialog.open()


register_action(ActionSpec("database", "file", "Cơ sở dữ liệu…", "settings", "", 95, open_database_dialog))
