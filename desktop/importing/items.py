"""The one adapter to the follow-up rules: deadlines and assignees of an item.

`desktop.followup.deadlines.find_deadline` and `desktop.followup.assignees` come from the
follow-up work; while they are absent the adapter reports nothing (never a guess).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Units = list[tuple[int, str, list[str]]]


@dataclass
class ItemFacts:
    assignees: list[str] = field(default_factory=list)
    deadline: date | None = None
    deadline_text: str | None = None
    recurrence: str | None = None


def item_facts(text: str, *, doc_date: date | None = None) -> ItemFacts:
    from desktop.importing.lines import plain

    text = plain(text)  # a date in bold ("trước ngày **12/10/2020**") is still the deadline
    facts = ItemFacts()
    try:
        from desktop.followup.assignees import leading_assignees
    except ImportError:
        leading_assignees = None
    try:
        from desktop.followup.deadlines import find_deadline
    except ImportError:
        find_deadline = None
    if leading_assignees is not None:
        try:
            facts.assignees = [a for a in leading_assignees(text) if a]
        except Exception:  # a rule that fails on odd text must not stop the import
            facts.assignees = []
    if find_deadline is not None:
        try:
            found = find_deadline(text, doc_date=doc_date)
        except Exception:
            found = None
        if found is not None and getattr(found, "text", None):
            facts.deadline_text = found.text
            facts.deadline = getattr(found, "date", None)
            facts.recurrence = getattr(found, "recurrence", None)
    return facts


def match_unit_id(name: str, units: Units | None) -> int | None:
    if not units or not name:
        return None
    try:
        from desktop.followup.assignees import match_unit
    except ImportError:
        from desktop.core.text import fold

        wanted = fold(name)
        for unit_id, unit_name, aliases in units:
            if wanted in {fold(unit_name), *(fold(a) for a in aliases)}:
                return unit_id
        return None
    try:
        return match_unit(name, units)
    except Exception:
        return None
