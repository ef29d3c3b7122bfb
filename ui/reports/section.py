"""Báo cáo: the registers number by number (Excel exports are added here)."""
from __future__ import annotations

from desktop.browse import Browser
from desktop.reports.lists import REGISTER_ENTRIES
from ui.common.list_section import ListSection
from ui.sections import SectionSpec, register_section


def build(ctx):
    return ListSection(Browser(ctx, REGISTER_ENTRIES), title="Báo cáo – Sổ đăng ký văn bản",
                       watch=("registers", "outgoing", "incoming"), item_name="số")


register_section(SectionSpec("reports", "Báo cáo", "report-analytics", 70, "Ctrl+7", build))
