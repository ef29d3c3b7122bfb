"""Đơn vị nhận: the unit directory."""
from __future__ import annotations

from desktop.core.browse import Browser
from desktop.recipients.lists import UNITS, unit_detail
from ui.common.list_section import ListSection


def build(ctx):
    return ListSection(Browser(ctx, UNITS, unit_detail), title="Đơn vị nhận", watch=("units",),
                       item_name="đơn vị")
