"""Văn bản đi and Văn bản đến sections."""
from __future__ import annotations

from desktop.browse import Browser
from desktop.documents.lists import INCOMING, OUTGOING, incoming_detail, outgoing_detail
from ui.common.list_section import ListSection
from ui.sections import SectionSpec, register_section


def build_outgoing(ctx):
    return ListSection(Browser(ctx, OUTGOING, outgoing_detail), title="Văn bản đi",
                       watch=("outgoing",), item_name="văn bản")


def build_incoming(ctx):
    return ListSection(Browser(ctx, INCOMING, incoming_detail), title="Văn bản đến",
                       watch=("incoming",), item_name="văn bản")


register_section(SectionSpec("outgoing", "Văn bản đi", "file-export", 10, "Ctrl+1", build_outgoing))
register_section(SectionSpec("incoming", "Văn bản đến", "file-import", 20, "Ctrl+2", build_incoming))
