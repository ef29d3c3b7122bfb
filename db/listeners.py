"""Keep the accent-folded search columns and Vietnamese sort keys in step with their text.
The hook knows no model: each searched model names its parts (so models and hooks form no circle).

One `before_flush` hook for every write path, so no service can forget it.
"""
from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from db.text import fold, vi_sort_key


def _join(*parts: object) -> str:
    return " | ".join(fold(str(p)) for p in parts if p not in (None, ""))


def search_text(*parts: object) -> str:
    """The search column's text for these parts, as the hook writes it (for bulk inserts that
    bypass the ORM: the demo at scale)."""
    return _join(*parts)


def _refresh(obj: object) -> None:
    """A model that is searched says what its search text is made of (`search_parts()`) and, when it
    sorts by name, which text its sort key comes from (`sort_source()`); lengths follow the columns."""
    parts = getattr(obj, "search_parts", None)
    if parts is None:
        return
    columns = obj.__table__.c
    obj.search_folded = _join(*parts())[: columns.search_folded.type.length]
    sort_source = getattr(obj, "sort_source", None)
    if sort_source is not None:
        obj.sort_key = vi_sort_key(sort_source())[: columns.sort_key.type.length]


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context, instances) -> None:
    for obj in list(session.new) + list(session.dirty):
        _refresh(obj)
