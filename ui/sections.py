"""The section registry: each feature's `section.py` registers itself (key, title, icon,
shortcut, order, factory). The main window builds its navigation from this list."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QWidget

from desktop.core.context import AppContext

SECTION_MODULES = (
    "ui.documents.section",
    "ui.followup.section",
    "ui.recipients.section",
    "ui.movements.section",
    "ui.templates.section",
    "ui.reports.section",
)


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str  # Vietnamese, shown in the navigation
    icon: str  # file name in resources/icons without .svg
    order: int
    shortcut: str
    build: Callable[[AppContext], QWidget]  # the widget must have activate()


_registry: dict[str, SectionSpec] = {}
# Work a feature starts with the main window (e.g. the follow-up reminder): fn(ctx, window).
_startup: dict[str, Callable[[AppContext, object], object]] = {}


def register_section(spec: SectionSpec) -> None:
    _registry[spec.key] = spec


def register_startup(key: str, fn: Callable[[AppContext, object], object]) -> None:
    """`fn(ctx, window)` runs once the main window is up; it may call `window.notify(...)` or
    `window.add_banner(widget)`; what it returns is kept in `window.started[key]`."""
    _startup[key] = fn


def startup_hooks() -> dict[str, Callable[[AppContext, object], object]]:
    """The registered hooks by key, in registration order (the order of SECTION_MODULES)."""
    sections()  # importing the section modules registers their hooks
    return dict(_startup)


def sections() -> list[SectionSpec]:
    for name in SECTION_MODULES:
        importlib.import_module(name)
    return sorted(_registry.values(), key=lambda s: s.order)
