"""The keyboard shortcuts, generated from what is registered: the main window's menus (the section
registry, the menu-action registry and the window's own actions) and the SHORTCUTS tables of the
other windows (each read from the module that binds the keys)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.sections import resolve

# "module:SHORTCUTS" = (place, ((what, keys), ...)) of the windows and lists beside the menus.
TABLES = (
    "ui.common.list_section:SHORTCUTS",
    "ui.documents.section:SHORTCUTS",
    "ui.documents.editor:SHORTCUTS",
    "ui.importing.window:SHORTCUTS",
)


def key_text(keys: str | QKeySequence) -> str:
    """Keys as a clerk reads them on the keyboard ("Ctrl+N", "Enter")."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText).replace("Return", "Enter")


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action text, keys)]) for every menu of the window's menu bar."""
    groups = []
    for top in window.menuBar().actions():
        menu: QMenu | None = top.menu()
        if menu is None:
            continue
        rows = [(action.text().replace("&", "").rstrip("…").strip(), key_text(action.shortcut()))
                for action in menu.actions() if not action.isSeparator() and not action.shortcut().isEmpty()]
        if rows:
            groups.append((f"Menu {top.text().replace('&', '')}", rows))
    return groups


def all_shortcuts(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    groups = menu_shortcuts(window)
    for target in TABLES:
        place, rows = resolve(target)
        groups.append((place, [(what, key_text(keys)) for what, keys in rows]))
    return groups
