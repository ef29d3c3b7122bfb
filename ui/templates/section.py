"""Mẫu văn bản: the template library."""
from __future__ import annotations

from desktop.browse import Browser
from desktop.templates.lists import TEMPLATES, template_detail
from ui.common.list_section import ListSection
from ui.sections import SectionSpec, register_section


def build(ctx):
    return ListSection(Browser(ctx, TEMPLATES, template_detail), title="Mẫu văn bản", watch=("templates",),
                       item_name="mẫu")


register_section(SectionSpec("templates", "Mẫu văn bản", "template", 60, "Ctrl+6", build))
