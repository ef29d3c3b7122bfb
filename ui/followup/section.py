"""Nhiệm vụ: the follow-up list."""
from __future__ import annotations

from desktop.browse import Browser
from desktop.followup.lists import TASKS
from ui.common.list_section import ListSection
from ui.sections import SectionSpec, register_section


def build(ctx):
    return ListSection(Browser(ctx, TASKS), title="Nhiệm vụ", watch=("tasks", "outgoing", "incoming"),
                       item_name="nhiệm vụ")


register_section(SectionSpec("tasks", "Nhiệm vụ", "checklist", 30, "Ctrl+3", build))
