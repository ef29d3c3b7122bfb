"""Kính gửi and Nơi nhận lists of any length, shared by the PDF and DOCX renderers.

A provincial dispatch to every commune has hundreds of lines. The decree puts "Nơi nhận:" level
with the signer's title; so the signature block sits beside the heading and the first lines of the
list (`beside_signature`), and the rest of the list flows on below it, across pages as needed,
in the same left column. Short lists are unchanged: everything fits beside the signature.
"""
from __future__ import annotations

from desktop.core.dispatch import Dispatch
from desktop.letters import content
from desktop.letters.layout import LetterSettings
from desktop.letters.masthead import MM, greedy_lines, width

KEEP_SHORT = 6  # a list this short is kept in one piece (and with what follows it)


def line_count(text: str, font: str, size: float, column: float, indent: float) -> int:
    """How many printed lines `text` takes in a column, with a hanging indent after the first."""
    first = greedy_lines(text, font, size, column)
    if len(first) <= 1:
        return 1
    rest = " ".join(text.split()[len(first[0].split()):])
    return 1 + len(greedy_lines(rest, font, size, column - indent))


def signature_height(d: Dispatch, s: LetterSettings) -> float:
    """Points from the top of the signer's first title line to the bottom of the name."""
    lead = s.signer_size * 1.15
    return lead * max(1, len(content.signer_title_lines(d))) + s.signature_room_mm * MM + lead


def beside_signature(d: Dispatch, s: LetterSettings, font: str) -> int:
    """How many Nơi nhận lines go beside the signature block (all of them when the list is short)."""
    lines = content.distribution_lines(d)
    room = signature_height(d, s) - s.distribution_heading_size * 1.15
    column = s.distribution_width_mm * MM
    dash = width("- ", font, s.distribution_size)
    lead = s.distribution_size * 1.15
    used = 0.0
    for i, line in enumerate(lines):
        if used >= room:
            return max(i, 1)
        used += lead * line_count(line, font, s.distribution_size, column, dash)
    return len(lines)
