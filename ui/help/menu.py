"""Trợ giúp: the daily-work guide (F1), the keyboard shortcuts, and Thông tin (version, data folder).
Only the menu is built at start; each window is imported when first opened."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


def add_help_menu(window: QMainWindow) -> list[QAction]:
    menu = window.menuBar().addMenu("Trợ &giúp")
    entries = (
        ("Hướng dẫn công việc hằng ngày", "F1", "ui.help.windows:show_guide"),
        ("Phím tắt", "Ctrl+F1", "ui.help.windows:show_shortcuts"),
        None,
        ("Thông tin", "", "ui.help.windows:show_about"),
    )
    actions = []
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        title, keys, target = entry
        action = QAction(title, window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False, t=target: _open(window, t))
        menu.addAction(action)
        actions.append(action)
    return actions


def _open(window: QMainWindow, target: str) -> None:
    from ui.sections import resolve

    resolve(target)(window)
