"""The menu-action registry: a feature registers an action (menu, title, icon, shortcut,
trigger) and the main window puts it in its menu, so features add menu entries without
growing main_window.py. Triggers receive the main window (it has `.ctx`)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QWidget

ACTION_MODULES = (
    "ui.importing.actions",
    "ui.letters.actions",
    "ui.followup.actions",
    "ui.reports.actions",
    "ui.database.actions",
)


@dataclass(frozen=True)
class ActionSpec:
    key: str
    menu: str  # "file" (Tệp) for now
    title: str  # Vietnamese, as shown in the menu
    icon: str  # file name in resources/icons without .svg ("" for none)
    shortcut: str
    order: int
    trigger: Callable[[QWidget], None]  # called with the main window


_registry: dict[str, ActionSpec] = {}


def register_action(spec: ActionSpec) -> None:
    _registry[spec.key] = spec


def menu_actions(menu: str) -> list[ActionSpec]:
    for name in ACTION_MODULES:
        importlib.import_module(name)
    return sorted((a for a in _registry.values() if a.menu == menu), key=lambda a: a.order)
