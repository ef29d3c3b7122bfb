"""Who belongs to a group on a given day, in the group's printed order.

A membership runs from `valid_from` to `valid_to` (both inclusive, open when null); a unit counts
only while it is itself active (its own `active_from`/`active_to`; a unit switched off without a
date counts on no day). Tracking expands a group line with the members as of the dispatch date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from db.models import Unit, UnitGroup, UnitGroupMember
from desktop.core.text import fold

__all__ = ["GroupMember", "group_members_on", "member_counts_on", "on_day", "unit_active_on", "group_named",
           "groups_by_name"]


@dataclass(frozen=True)
class GroupMember:
    unit_id: int
    code: str
    name: str
    short_name: str | None
    position: int
    valid_from: date | None
    valid_to: date | None


def on_day(start, end, day: date):
    """SQL: the period [start, end] (nulls open) contains `day`."""
    return and_(or_(start.is_(None), start <= day), or_(end.is_(None), end >= day))


def unit_active_on(day: date):
    """SQL: the unit works on `day` (its own period; switched off without a date: never)."""
    return and_(on_day(Unit.active_from, Unit.active_to, day),
                or_(Unit.active.is_(True), Unit.active_to.is_not(None)))


def group_members_on(ctx_or_session, group_id: int, day: date | None = None) -> list[GroupMember]:
    """The members of group `group_id` on `day` (default today), in the group's order
    (position, then Vietnamese name order). An unknown group has no members."""
    day = day or date.today()
    query = (
        select(Unit.id, Unit.code, Unit.name, Unit.short_name, UnitGroupMember.position,
               UnitGroupMember.valid_from, UnitGroupMember.valid_to)
        .join(UnitGroupMember, UnitGroupMember.unit_id == Unit.id)
        .where(UnitGroupMember.group_id == group_id,
               on_day(UnitGroupMember.valid_from, UnitGroupMember.valid_to, day),
               unit_active_on(day))
        .order_by(UnitGroupMember.position, Unit.sort_key, Unit.id)
    )
    if isinstance(ctx_or_session, Session):
        rows = ctx_or_session.execute(query).all()
    else:
        with ctx_or_session.session() as session:
            rows = session.execute(query).all()
    return [GroupMember(*row) for row in rows]


def member_counts_on(session: Session, day: date | None = None) -> dict[int, int]:
    """How many members each group has on `day` (default today), keyed by group id."""
    day = day or date.today()
    return dict(session.execute(
        select(UnitGroupMember.group_id, func.count())
        .join(Unit, Unit.id == UnitGroupMember.unit_id)
        .where(on_day(UnitGroupMember.valid_from, UnitGroupMember.valid_to, day), unit_active_on(day))
        .group_by(UnitGroupMember.group_id)
    ).all())


def group_named(session: Session, text: str | None) -> int | None:
    """The group whose name is `text` (accents, case and spacing ignored), or None."""
    wanted = fold(text)
    if not wanted:
        return None
    return next((gid for gid, name in session.execute(select(UnitGroup.id, UnitGroup.name))
                 if fold(name) == wanted), None)


def groups_by_name(session: Session, day: date | None = None) -> dict[str, list[GroupMember]]:
    """Every group's members on `day`, keyed by the group's folded name (a group named in an item's text)."""
    return {fold(name): group_members_on(session, gid, day)
            for gid, name in session.execute(select(UnitGroup.id, UnitGroup.name))}
