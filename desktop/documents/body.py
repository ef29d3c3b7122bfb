"""The stored body text <-> the dispatch's paragraphs.

Stored form: one paragraph per line (blank lines ignored); a numbered item starts with its
label and a dot or a closing parenthesis: "1. ...", "5.1. ...", "II. ...", "a) ...".
"- " bullet paragraphs stay unnumbered paragraphs with their dash.
"""
from __future__ import annotations

import re

from desktop.core.dispatch import Paragraph
from desktop.core.text import nfc

_LABEL = re.compile(
    r"^(?P<label>\d{1,2}(?:\.\d{1,2}){0,3}|[IVXLC]{1,6}|[a-zđ])(?P<sep>\.|\))\s+(?P<text>\S.*)$"
)


def split_label(line: str) -> tuple[str | None, str]:
    """("5.1", "text") for "5.1. text"; (None, line) for an unnumbered paragraph."""
    match = _LABEL.match(line)
    if not match:
        return None, line
    label = match.group("label")
    if match.group("sep") == ")" and not label.isalpha():
        return None, line  # "1) " is a list inside a sentence more often than an item
    return label, match.group("text")


def paragraphs_from_text(text: str) -> list[Paragraph]:
    paragraphs = []
    for raw in nfc(text or "").splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        label, rest = split_label(line)
        paragraphs.append(Paragraph(text=rest, label=label))
    return paragraphs


def text_from_paragraphs(paragraphs: list[Paragraph]) -> str:
    lines = []
    for p in paragraphs:
        if p.label is None:
            lines.append(p.text)
        elif p.label.isalpha() and p.label.islower():
            lines.append(f"{p.label}) {p.text}")
        else:
            lines.append(f"{p.label}. {p.text}")
    return "\n".join(lines)
