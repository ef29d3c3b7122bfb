"""Tệp ▸ Thể thức văn bản…"""
from __future__ import annotations

from PySide6.QtCore import Qt

from ui.actions import ActionSpec, register_action


def open_letter_settings(window) -> None:
    from ui.letters.settings_dialog import LetterSettingsDialog

    dialog = LetterSettingsDialog(window.ctx, window)
    window.last_settings_dialog = dialog
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
    dialog.open()


register_action(ActionSpec("letter_settings", "file", "Thể thức văn bản…", "settings", "", 90, open_letter_settings))
