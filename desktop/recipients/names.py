"""The directory as names to match written text against: (id, name, aliases and short name)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit

Units = list[tuple[int, str, list[str]]]

__all__ = ["Units", "unit_names"]


def unit_names(session: Session, *, active_only: bool = True) -> Units:
    """(id, name, aliases + short name) of the directory's units, for matching a written name."""
    query = select(Unit).order_by(Unit.sort_key, Unit.id)
    if active_only:
        query = query.where(Unit.active.is_(True))
    return [(u.id, u.name, [a.alias for a in u.aliases] + ([u.short_name] if u.short_name else []))
            for u in session.scalars(query)]
