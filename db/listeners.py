"""Keep the accent-folded search columns and Vietnamese sort keys in step with their text.
The hook knows no model: each searched model names its parts (so models and hooks form no circle).

One `before_flush` hook for every write path, so no service can forget it. The same hook gives a new
row of a coded model (one with `code_prefix`, e.g. units "DV0001") the next free code when it has none.
"""
from __future__ import annotations

from sqlalchemy import event, select
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


def next_codes(prefix: str, taken: set[str], count: int, width: int = 4) -> list[str]:
    """`count` codes after the highest "<prefix><digits>" in `taken` ("DV0041" -> "DV0042", ...)."""
    numbers = [int(c[len(prefix):]) for c in taken if c and c.startswith(prefix) and c[len(prefix):].isdigit()]
    start = max(numbers, default=0) + 1
    return [f"{prefix}{n:0{width}d}" for n in range(start, start + count)]


def _assign_codes(session: Session) -> None:
    waiting: dict[type, list] = {}
    for obj in session.new:
        if getattr(obj, "code_prefix", None) and not getattr(obj, "code", None):
            waiting.setdefault(type(obj), []).append(obj)
    for model, objs in waiting.items():
        prefix = model.code_prefix
        with session.no_autoflush:
            taken = set(session.scalars(select(model.code).where(model.code.like(prefix + "%"))))
        taken |= {o.code for o in session.new if isinstance(o, model) and o.code}
        for obj, code in zip(objs, next_codes(prefix, taken, len(objs), getattr(model, "code_width", 4))):
            obj.code = code


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context, instances) -> None:
    _assign_codes(session)
    for obj in list(session.new) + list(session.dirty):
        _refresh(obj)
