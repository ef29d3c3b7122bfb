"""Keep the accent-folded search columns, Vietnamese sort keys and the search index in step with
their text, and keep out of every text column what no store can hold (NUL, control characters, lone
surrogates: a PostgreSQL DataError, a DOCX that cannot be written). The services refuse such text at
their door with a message; this is the floor under every write path, which strips it.
The hooks know no model: each searched model names its parts, and each model whose text the search
index holds names the items it belongs to (so models and hooks form no circle).

One `before_flush` hook for every write path, so no service can forget it. The same hook gives a new
row of a coded model (one with `code_prefix`, e.g. units "DV0001") the next free code when it has none.

The search index (db.search_index): a model says `search_owners = (("outgoing", "id"),)` (it is an
item) or `(("outgoing", "outgoing_id"), ...)` (its text is part of that item's, e.g. a Kính gửi line).
Flushes and bulk UPDATE/DELETE statements collect the items touched; just before the transaction
commits their entries are written again, once each, in the same transaction.
"""
from __future__ import annotations

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from db import search_index
from db.text import fold, storable, unstorable, vi_sort_key

_PENDING = "search_pending"  # key in Session.info: kind -> ids to index again before commit


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


def _strip_unstorable(obj: object) -> None:
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        value = state.dict.get(attr.key)
        if isinstance(value, str) and unstorable(value):
            setattr(obj, attr.key, storable(value))


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
        _strip_unstorable(obj)
        _refresh(obj)


def _owners(cls: type) -> tuple[tuple[str, str], ...]:
    return getattr(cls, "search_owners", ())


def _mark(session: Session, kind: str, item_id: int | None) -> None:
    if item_id is not None:
        session.info.setdefault(_PENDING, {}).setdefault(kind, set()).add(item_id)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        owners = _owners(type(obj))
        if owners:
            values = inspect(obj).dict  # what is loaded: never a query for a deleted row
            for kind, attr in owners:
                _mark(session, kind, values.get(attr))


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    """UPDATE / DELETE statements that bypass the flush: the items they touch, read before they run."""
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return
    cls = state.bind_mapper.class_
    owners = [(kind, attr) for kind, attr in _owners(cls) if not (state.is_delete and attr == "id")]
    if not owners:  # deleting items themselves: their entries go by ON DELETE CASCADE
        return
    where = state.statement.whereclause
    if where is not None:
        query = select(*(getattr(cls, attr) for _, attr in owners)).where(where)
        for row in state.session.execute(query):
            for (kind, _), value in zip(owners, row):
                _mark(state.session, kind, value)
    elif isinstance(state.parameters, list):  # UPDATE by primary key, one dict per row
        for params in state.parameters:
            for kind, attr in owners:
                _mark(state.session, kind, params.get(attr))


@event.listens_for(Session, "before_commit")
def _write_search_entries(session: Session) -> None:
    session.flush()
    pending = session.info.pop(_PENDING, None)
    if pending:
        search_index.refresh(session.connection(), pending)


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


def rebuild_search_index(session: Session, progress=None) -> int:
    """Every search entry again (bulk loads that bypass the hooks), in the session's transaction;
    what the hooks had collected is covered by it, so they write nothing more at commit."""
    session.flush()
    count = search_index.rebuild(session.connection(), progress)
    session.info.pop(_PENDING, None)
    return count
