"""Merging two directory entries that are one unit (a duplicate typed twice, a unit renamed).

Every reference to the merged unit moves to the survivor — found from the schema, so a table added
later (tracking rows …) moves too: recipient lines (their printed text stays), tasks, incoming
letters, movements, group and cluster memberships, child units. The merged unit's name and aliases
become the survivor's aliases; fields the survivor lacks are taken from it. Then it is deleted.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, UniqueConstraint, delete, exists, select, update
from sqlalchemy.orm import Session

from db.models import Base, EmulationClusterMember, Unit, UnitAlias, UnitGroupMember
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.text import fold
from desktop.recipients.directory import DirectoryError, is_active_on

__all__ = ["merge_units", "MergeResult"]
_ROLE_RANK = {"head": 0, "deputy": 1, "member": 2}
_FILLED = ("short_name", "parent_id", "address", "email", "phone", "contact_person", "active_from")


@dataclass(frozen=True)
class MergeResult:
    survivor_id: int
    moved: dict[str, int]  # table -> rows that now point at the survivor


def _references() -> list[tuple[Table, object]]:
    """(table, column) of every foreign key to units.id, from the models' metadata."""
    out = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "units" and fk.column.name == "id":
                out.append((table, fk.parent))
    return out


def _drop_unique_clashes(session: Session, table: Table, column, loser: int, survivor: int) -> int:
    """Rows of the loser that would duplicate a survivor row under a unique key are dropped."""
    dropped = 0
    for constraint in table.constraints:
        if not isinstance(constraint, UniqueConstraint) or column not in list(constraint.columns):
            continue
        cols = list(constraint.columns)
        other = table.alias("other")
        same = [other.c[c.name] == c for c in cols if c is not column]
        clash = exists().where(other.c[column.name] == survivor, *same)
        dropped += session.execute(delete(table).where(column == loser, clash)).rowcount or 0
    return dropped


def _merge_clusters(session: Session, loser: int, survivor: int) -> None:
    """In a cluster both belong to, the survivor keeps the higher role of the two."""
    mine = {m.cluster_id: m for m in session.scalars(
        select(EmulationClusterMember).where(EmulationClusterMember.unit_id == survivor))}
    for theirs in session.scalars(select(EmulationClusterMember).where(EmulationClusterMember.unit_id == loser)):
        kept = mine.get(theirs.cluster_id)
        if kept is not None:
            if _ROLE_RANK[theirs.role] < _ROLE_RANK[kept.role]:
                kept.role = theirs.role
            session.delete(theirs)
    session.flush()


def _overlaps(a, b) -> bool:
    def start(m):
        return m.valid_from.toordinal() if m.valid_from else 0

    def end(m):
        return m.valid_to.toordinal() if m.valid_to else 10**9

    return start(a) <= end(b) and start(b) <= end(a)


def _merge_groups(session: Session, loser: int, survivor: int) -> None:
    """A loser membership overlapping one of the survivor's in the same group widens that one."""
    mine = list(session.scalars(select(UnitGroupMember).where(UnitGroupMember.unit_id == survivor)))
    for theirs in session.scalars(select(UnitGroupMember).where(UnitGroupMember.unit_id == loser)):
        kept = next((m for m in mine if m.group_id == theirs.group_id and _overlaps(m, theirs)), None)
        if kept is None:
            continue
        kept.valid_from = None if None in (kept.valid_from, theirs.valid_from) else min(kept.valid_from,
                                                                                         theirs.valid_from)
        kept.valid_to = None if None in (kept.valid_to, theirs.valid_to) else max(kept.valid_to, theirs.valid_to)
        session.delete(theirs)
    session.flush()


def merge_units(ctx: AppContext, loser_id: int, survivor_id: int, user: str) -> tuple[MergeResult, Changes]:
    """Merge unit `loser_id` into `survivor_id` (one transaction, audited)."""
    if loser_id == survivor_id:
        raise DirectoryError("Chọn hai đơn vị khác nhau để gộp.", "survivor")
    with ctx.write_session() as session:
        loser, survivor = session.get(Unit, loser_id), session.get(Unit, survivor_id)
        if loser is None or survivor is None:
            raise DirectoryError(f"Không có đơn vị số định danh {loser_id if loser is None else survivor_id}.")
        old = {"code": loser.code, "name": loser.name}
        known = {fold(survivor.name), *(fold(a.alias) for a in survivor.aliases)}
        new_aliases = []
        for text in (loser.name, *(a.alias for a in loser.aliases)):
            if fold(text) not in known:
                known.add(fold(text))
                new_aliases.append(text)
        for name in _FILLED:
            if getattr(survivor, name) is None and getattr(loser, name) is not None:
                setattr(survivor, name, getattr(loser, name))
        if survivor.parent_id == loser_id:
            survivor.parent_id = loser.parent_id if loser.parent_id != survivor_id else None
        if not survivor.active and loser.active:  # the merged entry was the one in use
            survivor.active_to, survivor.active = loser.active_to, is_active_on(loser.active_to)
        session.execute(delete(UnitAlias).where(UnitAlias.unit_id == loser_id))
        session.flush()
        session.expunge(loser)
        _merge_clusters(session, loser_id, survivor_id)
        _merge_groups(session, loser_id, survivor_id)
        moved: dict[str, int] = {}
        for table, column in _references():
            _drop_unique_clashes(session, table, column, loser_id, survivor_id)
            count = session.execute(update(table).where(column == loser_id).values({column.name: survivor_id})
                                    ).rowcount or 0
            if count:
                moved[table.name] = moved.get(table.name, 0) + count
        session.execute(delete(Unit).where(Unit.id == loser_id))
        survivor.aliases.extend(UnitAlias(alias=a) for a in new_aliases)  # refreshes its search text
        record(session, user, "merge", "unit", survivor_id, merged=old, moved=moved, new_aliases=new_aliases)
        session.commit()
    changes = Changes(units=True, outgoing=True, incoming=True, tasks=True, movements=True)
    return MergeResult(survivor_id, moved), changes
