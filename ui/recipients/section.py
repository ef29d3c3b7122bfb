"""Đơn vị nhận: the unit directory."""
from __future__ import annotations

from desktop.core.browse import Browser
from desktop.recipients.lists import UNITS, unit_detail
from ui.common.list_section import ListSection
from ui.sections import SectionSpec, register_section


def build(ctx):
    return ListSection(Browser(ctx, UNITS, unit_detail), title="Đơn vị nhận", watch=("units",),
                       item_name="đơn vị")


register_section(SectionSpec("units", "Đơn vị nhận", "building-community", 40, "Ctrl+4", build))
