"""Tệp ▸ Lịch nghỉ lễ, Tết…"""
from __future__ import annotations

from PySide6.QtCore import Qt

from ui.actions import ActionSpec, register_action


def open_calendar(window) -> None:
    from ui.followup.calendar_dialog import CalendarDialog

    dialog = CalendarDialog(window.ctx, window)
    window.last_calendar_dialog = dialog
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
    dialog.open()


register_action(ActionSpec("calendar", "file", "Lịch nghỉ lễ, Tết…", "clock-exclamation", "", 80, open_calendar))
