"""Who a group line stands for: the members of a group on a given day, in the group's order.

The one place tracking, task splitting and the editor ask; the directory's dated memberships
answer here when they exist (until then every member counts, in the stored order).
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit, UnitGroup, UnitGroupMember
from desktop.core.text import fold

__all__ = ["group_members", "group_named", "groups_by_name"]


def group_members(session: Session, group_id: int, on: date | None = None) -> list[tuple[int, str]]:
    """(unit id, unit name) of group `group_id`'s members as of `on` (today when None), in order."""
    return [(uid, name) for uid, name in session.execute(
        select(Unit.id, Unit.name)
        .join(UnitGroupMember, UnitGroupMember.unit_id == Unit.id)
        .where(UnitGroupMember.group_id == group_id)
        .order_by(UnitGroupMember.position, Unit.sort_key, Unit.id)
    )]


def group_named(session: Session, text: str | None) -> int | None:
    """The group whose name is `text` (accents, case and spacing ignored), or None."""
    wanted = fold(text)
    if not wanted:
        return None
    for group_id, name in session.execute(select(UnitGroup.id, UnitGroup.name)):
        if fold(name) == wanted:
            return group_id
    return None


def groups_by_name(session: Session, on: date | None = None) -> dict[str, list[tuple[int, str]]]:
    """Every group's members as of `on`, keyed by the group's folded name (for names written in items)."""
    return {fold(name): group_members(session, gid, on) for gid, name in session.execute(select(UnitGroup.id, UnitGroup.name))}
