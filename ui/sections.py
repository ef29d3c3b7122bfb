"""The section registry: the navigation's entries (key, title, icon, order, shortcut) and where each
section's widget is built ("module:function"). A section's module is imported when the section is
first shown, so start-up imports only the section that opens first. Work a feature starts with the
main window (the follow-up reminder, the recovery banner) is listed in STARTUP the same way."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtWidgets import QWidget

from desktop.core.context import AppContext


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str  # Vietnamese, shown in the navigation
    icon: str  # file name in resources/icons without .svg
    order: int
    shortcut: str
    factory: str  # "module:function"; function(ctx) -> widget with activate()

    def build(self, ctx: AppContext) -> QWidget:
        return resolve(self.factory)(ctx)


SECTIONS = (
    SectionSpec("outgoing", "Văn bản đi", "file-export", 10, "Ctrl+1", "ui.documents.section:build_outgoing"),
    SectionSpec("incoming", "Văn bản đến", "file-import", 20, "Ctrl+2", "ui.incoming.section:build"),
    SectionSpec("tasks", "Nhiệm vụ", "checklist", 30, "Ctrl+3", "ui.followup.section:build"),
    SectionSpec("units", "Đơn vị nhận", "building-community", 40, "Ctrl+4", "ui.recipients.section:DirectorySection"),
    SectionSpec("movements", "Phong trào thi đua", "flag", 50, "Ctrl+5", "ui.movements.section:MovementSection"),
    SectionSpec("templates", "Mẫu văn bản", "template", 60, "Ctrl+6", "ui.templates.section:build"),
    SectionSpec("reports", "Báo cáo", "report-analytics", 70, "Ctrl+7", "ui.reports.section:build"),
)

# key -> "module:function"; fn(ctx, window) runs once the main window is up; it may call
# `window.notify(...)` or `window.add_banner(widget)`; what it returns is kept in `window.started[key]`.
STARTUP = {
    "documents-recovery": "ui.documents.recovery:start_recovery",
    "followup-reminder": "ui.followup.reminder:start_reminder",
}


def resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def sections() -> list[SectionSpec]:
    return sorted(SECTIONS, key=lambda s: s.order)


def startup_hooks() -> dict[str, Callable[[AppContext, object], object]]:
    """The start-up hooks by key, in the order of STARTUP."""
    return {key: resolve(target) for key, target in STARTUP.items()}
