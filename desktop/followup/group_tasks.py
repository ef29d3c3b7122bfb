"""A task addressed to a group ("UBND các xã, phường", "Các Sở, Ban, ngành…") is one task per
member unit, so the board, the dashboard and the chasing letter count and chase unit by unit.
Members are those of the dispatch's date, in the group's order."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import OutgoingDocument, Task
from desktop.core.text import fold
from desktop.recipients.groups import groups_by_name

__all__ = ["split_proposals", "split_group_tasks"]

_COPIED = ("outgoing_id", "incoming_id", "item_label", "title", "role", "movement_id", "deadline",
           "deadline_text", "recurrence", "status", "completed_on", "reply_incoming_id", "reply_date", "notes")


def split_proposals(session: Session, proposals: list, on: date | None) -> list:
    """Proposals (or any dataclass with unit_id / unit_name / assignee_text) with each one
    addressed to a group replaced by one per member unit."""
    groups = None
    out = []
    for p in proposals:
        if p.unit_id is None and p.assignee_text:
            groups = groups if groups is not None else groups_by_name(session, on)
            members = groups.get(fold(p.assignee_text))
            if members:
                out.extend(replace(p, unit_id=m.unit_id, unit_name=m.name, assignee_text=m.name) for m in members)
                continue
        out.append(p)
    return out


def split_group_tasks(session: Session, outgoing_id: int) -> int:
    """Replace the stored tasks of dispatch `outgoing_id` that name a group (and no unit) by one
    task per member; returns how many tasks that added (members made minus group tasks removed)."""
    doc = session.get(OutgoingDocument, outgoing_id)
    tasks = session.scalars(select(Task).where(
        Task.outgoing_id == outgoing_id, Task.assignee_unit_id.is_(None), Task.assignee_text.is_not(None))).all()
    groups = groups_by_name(session, doc.date if doc is not None else None) if tasks else {}
    made = 0
    for task in tasks:
        members = groups.get(fold(task.assignee_text))
        if not members:
            continue
        for member in members:
            session.add(Task(**{k: getattr(task, k) for k in _COPIED}, assignee_unit_id=member.unit_id,
                             assignee_text=member.name[:250]))
            made += 1
        session.delete(task)
        made -= 1
    session.flush()
    return made
