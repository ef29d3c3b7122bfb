"""Phong trào thi đua: the movement register."""
from __future__ import annotations

from desktop.browse import Browser
from desktop.movements.lists import MOVEMENTS, movement_detail
from ui.common.list_section import ListSection
from ui.sections import SectionSpec, register_section


def build(ctx):
    return ListSection(Browser(ctx, MOVEMENTS, movement_detail), title="Phong trào thi đua",
                       watch=("movements", "tasks"), item_name="phong trào")


register_section(SectionSpec("movements", "Phong trào thi đua", "flag", 50, "Ctrl+5", build))
