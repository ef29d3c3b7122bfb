"""Proposing tasks from the numbered items of a stored dispatch (read only).

An item proposes one task per assignee: the unit(s) its leading phrase names, matched against
the directory (names and aliases, accent- and case-insensitive), or every Kính gửi line when
the item addresses all recipients. The deadline comes from the item's text (document date and
the office calendar for relative and working-day phrases); a movement named in quotes is
matched against the movement register. The clerk confirms or corrects the list before
`desktop.followup.tasks.save_tasks` stores it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DocumentRecipient, Movement, OutgoingDocument, Task, Unit
from desktop.core.context import AppContext
from desktop.documents.body import paragraphs_from_text
from desktop.core.text import fold, nfc
from desktop.recipients.groups import groups_by_name, unit_active_on

__all__ = ["ProposedTask", "propose_tasks", "directory_units", "summary_title"]

_QUOTED = re.compile(r"[“\"«]([^”\"»]{4,300})[”\"»]")


@dataclass
class ProposedTask:
    """One row of the confirmation table; every field may be corrected before saving."""

    item_label: str | None
    title: str
    assignee_text: str | None  # the unit as written in the item (or the Kính gửi line)
    unit_id: int | None = None
    unit_name: str | None = None
    role: str = "lead"  # "lead" (chủ trì) or "support" (phối hợp)
    deadline: date | None = None
    deadline_text: str | None = None
    recurrence: str | None = None
    movement_id: int | None = None
    movement_name: str | None = None
    include: bool = True
    existing_task_id: int | None = None  # a stored task of the same item and unit
    item_text: str = ""  # the whole item, for the clerk to read


def directory_units(session: Session, day: date | None = None) -> list[tuple[int, str, list[str]]]:
    """(id, name, aliases) of the units working on `day` (the dispatch's date; today when None),
    for `match_unit`."""
    units = session.scalars(select(Unit).where(unit_active_on(day or date.today())).order_by(Unit.sort_key)).all()
    return [(u.id, u.name, [a.alias for a in u.aliases]) for u in units]


def summary_title(item_text: str, assignee: str | None) -> str:
    """The item without its leading assignee and emphasis marks, capitalised: the task's title."""
    text = " ".join(nfc(item_text).replace("**", "").split())
    if assignee and fold(text).startswith(fold(assignee)):
        text = text[len(assignee):].lstrip(" ,:;-")
    for prefix in ("Giao ", "Đề nghị ", "Yêu cầu "):
        if assignee and text.startswith(prefix + assignee):
            text = text[len(prefix + assignee):].lstrip(" ,:;-")
    text = text.rstrip(" ./;")
    return text[:1].upper() + text[1:] if text else nfc(item_text)


def _role(item_text: str, assignee: str | None) -> str:
    text = fold(" ".join(item_text.replace("**", "").split()))
    start = text.find(fold(assignee)) + len(assignee) if assignee and fold(assignee) in text else 0
    return "support" if re.match(r"\W*phoi hop(?!\w)", text[start:]) else "lead"


def _movement(item_text: str, movements: list[tuple[int, str]]) -> tuple[int | None, str | None]:
    """The movement the item names in quotes (“...”), matched accent-insensitively."""
    for quoted in _QUOTED.findall(item_text.replace("**", "")):
        key = fold(quoted.strip())
        for movement_id, name in movements:
            folded = fold(name)
            if key == folded or (len(key) > 12 and (key in folded or folded in key)):
                return movement_id, name
    return None, None


def _leaf_items(body: str) -> list[tuple[str, str]]:
    """(label, text) of numbered items that are not headings of sub-items."""
    items = [(p.label, p.text) for p in paragraphs_from_text(body) if p.label]
    labels = [label for label, _ in items]
    leaves = []
    for label, text in items:
        has_children = any(other.startswith(label + ".") for other in labels if other != label)
        if has_children and text.rstrip().endswith(":"):
            continue
        leaves.append((label, text))
    return leaves


def propose_tasks(ctx: AppContext, outgoing_id: int) -> list[ProposedTask]:
    """The tasks the items of stored outgoing document `outgoing_id` assign. LookupError if absent."""
    from desktop.followup.assignees import leading_assignees, match_unit
    from desktop.followup.calendar import load_calendar
    from desktop.followup.deadlines import find_deadline, next_due

    with ctx.session() as session:
        doc = session.get(OutgoingDocument, outgoing_id)
        if doc is None:
            raise LookupError(f"Không có văn bản đi số định danh {outgoing_id}.")
        units = directory_units(session, doc.date)
        names = {uid: name for uid, name, _ in units}
        movements = [(m.id, m.name) for m in session.scalars(select(Movement))]
        recipients = session.execute(
            select(DocumentRecipient.unit_id, DocumentRecipient.text)
            .where(DocumentRecipient.outgoing_id == outgoing_id, DocumentRecipient.role == "recipient")
            .order_by(DocumentRecipient.position, DocumentRecipient.id)
        ).all()
        stored = session.execute(
            select(Task.id, Task.item_label, Task.assignee_unit_id, Task.assignee_text)
            .where(Task.outgoing_id == outgoing_id)
        ).all()
        calendar = load_calendar(session)
        body, doc_date = doc.body, doc.date
        groups = groups_by_name(session, doc_date)

    out: list[ProposedTask] = []
    for label, text in _leaf_items(body):
        deadline = find_deadline(text, doc_date=doc_date, calendar=calendar)
        due = deadline.date
        if due is None and deadline.kind == "recurring" and doc_date is not None:
            due = next_due(deadline, doc_date)
        movement_id, movement_name = _movement(text, movements)
        written = leading_assignees(text)
        if written:
            targets = [(name, match_unit(name, units)) for name in written]
        else:
            targets = [(line_text, unit_id) for unit_id, line_text in recipients]
        for written_name, unit_id, as_text in _per_unit(targets, groups, names):
            existing = next((t.id for t in stored if t.item_label == label and (
                (unit_id is not None and t.assignee_unit_id == unit_id)
                or fold(t.assignee_text or "") == fold(as_text or ""))), None)
            out.append(ProposedTask(
                item_label=label,
                title=summary_title(text, written_name if written else None),
                assignee_text=as_text, unit_id=unit_id, unit_name=names.get(unit_id),
                role=_role(text, written_name) if written else "lead",
                deadline=due, deadline_text=deadline.text, recurrence=deadline.recurrence,
                movement_id=movement_id, movement_name=movement_name,
                include=existing is None and (bool(written) or due is not None),
                existing_task_id=existing, item_text=text,
            ))
    return out


def _per_unit(targets: list[tuple[str, int | None]], groups: dict, names: dict[int, str]):
    """(name as written, unit id, assignee text) per target; a group ("UBND các xã, phường")
    gives one per member, named as the directory names it."""
    for written_name, unit_id in targets:
        members = groups.get(fold(written_name)) if unit_id is None else None
        if members:
            yield from ((written_name, m.unit_id, names.get(m.unit_id, m.name)) for m in members)
        else:
            yield written_name, unit_id, written_name
