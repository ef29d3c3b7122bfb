"""What the search index holds for each item, and writing it: `refresh` for the items a transaction
touched (db.listeners calls it before commit), `rebuild` for everything (the migration's backfill,
bulk loads that bypass the ORM).

Each kind reads its own table and its children (a document's Kính gửi / Nơi nhận lines, a unit's
other names) through light table descriptions, not the models, so the migration that creates the
index can fill it with this same code. Text is stored as folded words (db.text.words); the number
and symbol also as `number_key`, for exact matches.
"""
from __future__ import annotations

import json

from dataclasses import dataclass
from typing import Callable, Iterable

from sqlalchemy import Connection, column, delete, insert, select, table

from db.text import words

ENTRIES_TABLE = "search_entries"  # one row per item: its folded words (head, body)
# The names the models do not describe (db.models.search): the model comparison skips them.
FTS_TABLE = "search_fts"  # SQLite
PG_VECTOR = "search_vector"  # PostgreSQL: a tsvector column of search_entries, head weighted A, body B
PG_INDEX = "ix_search_entries_search_vector"

_entries = table(ENTRIES_TABLE, column("id"), column("outgoing_id"), column("incoming_id"),
                 column("task_id"), column("unit_id"), column("number_key"), column("head"), column("body"))


@dataclass(frozen=True)
class _Part:
    """Text of an item kept in another table (one row per line, in order)."""

    table: object
    owner: str  # the column naming the item
    columns: tuple[str, ...]
    order: tuple[str, ...] = ()
    into: str = "body"  # "head" or "body"


@dataclass(frozen=True)
class _Kind:
    table: object
    key: tuple[str, ...]  # number and symbol (empty: no exact matches)
    head: tuple[str, ...]
    body: tuple[str, ...]
    parts: tuple[_Part, ...] = ()


def _t(name: str, *names: str):
    return table(name, column("id"), *(column(n) for n in names))


_LINES = _t("document_recipients", "outgoing_id", "incoming_id", "role", "position", "text", "purpose")
KINDS: dict[str, _Kind] = {
    "outgoing": _Kind(
        _t("outgoing_documents", "number", "symbol", "subject", "doc_type", "issuer_parent", "issuer_name",
           "place", "signer_name", "drafter", "body", "appendices", "contact"),
        key=("number", "symbol"), head=("number", "symbol", "subject"),
        body=("doc_type", "issuer_parent", "issuer_name", "place", "signer_name", "drafter", "body", "appendices",
              "contact"),
        parts=(_Part(_LINES, "outgoing_id", ("text", "purpose"), ("role", "position")),)),
    "incoming": _Kind(
        _t("incoming_documents", "number", "symbol", "subject", "issuer_name", "doc_type", "issuer_parent",
           "arrival_number", "signer_name", "handler", "instructions", "body"),
        key=("number", "symbol"), head=("number", "symbol", "subject", "issuer_name"),
        body=("doc_type", "issuer_parent", "arrival_number", "signer_name", "handler", "instructions", "body"),
        parts=(_Part(_LINES, "incoming_id", ("text", "purpose"), ("role", "position")),)),
    "task": _Kind(
        _t("tasks", "item_label", "title", "assignee_text", "deadline_text", "recurrence", "notes"),
        key=(), head=("item_label", "title"), body=("assignee_text", "deadline_text", "recurrence", "notes")),
    "unit": _Kind(
        _t("units", "code", "name", "short_name", "contact_person", "address", "email"),
        key=("code",), head=("name", "short_name"), body=("code", "contact_person", "address", "email"),
        parts=(_Part(_t("unit_aliases", "unit_id", "alias"), "unit_id", ("alias",), into="head"),)),
}
BATCH = 1000


def owner_column(kind: str) -> str:
    """The column of search_entries naming an item of `kind` ("outgoing" -> "outgoing_id")."""
    if kind not in KINDS:
        raise KeyError(kind)
    return f"{kind}_id"


def _rows(conn: Connection, kind: str, ids: list[int]) -> list[dict]:
    spec = KINDS[kind]
    t = spec.table.c
    wanted = ("id",) + tuple(dict.fromkeys(spec.key + spec.head + spec.body))
    items = {r.id: r for r in conn.execute(select(*(t[n] for n in wanted)).where(t.id.in_(ids)))}
    extra: dict[tuple[int, str], list[object]] = {}
    for part in spec.parts:
        c = part.table.c
        query = select(c[part.owner], *(c[n] for n in part.columns)).where(c[part.owner].in_(list(items)))
        for row in conn.execute(query.order_by(c[part.owner], *(c[n] for n in part.order), c.id)):
            extra.setdefault((row[0], part.into), []).extend(row[1:])
    out = []
    for item_id, r in items.items():
        r = _readable(r)
        key = words(*(r[n] for n in spec.key)) if spec.key and r[spec.key[0]] else ""
        out.append({
            owner_column(kind): item_id, "number_key": key[:120],
            "head": words(*(r[n] for n in spec.head), *extra.get((item_id, "head"), ())),
            "body": words(*(r[n] for n in spec.body), *extra.get((item_id, "body"), ())),
        })
    return out


def _readable(row) -> dict:
    """The row's values as their words read: the appendices (JSON: title, subtitle, body of each) as text."""
    values = dict(row._mapping)
    stored = values.get("appendices")
    if stored:
        try:
            items = json.loads(stored)
        except ValueError:
            items = []
        values["appendices"] = " ".join(str(a.get(k) or "") for a in items if isinstance(a, dict)
                                        for k in ("title", "subtitle", "body"))
    return values


def _chunks(ids: Iterable[int], size: int = BATCH) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), size):
        yield ordered[start:start + size]


def refresh(conn: Connection, pending: dict[str, set[int]]) -> None:
    """Write the entries of the items `pending` names (kind -> ids); an item that is gone loses its entry."""
    for kind, ids in pending.items():
        owner = _entries.c[owner_column(kind)]
        for chunk in _chunks(ids):
            conn.execute(delete(_entries).where(owner.in_(chunk)))
            rows = _rows(conn, kind, chunk)
            if rows:
                conn.execute(insert(_entries), [_complete(r) for r in rows])


def _complete(row: dict) -> dict:
    """Every row of an executemany carries the same keys."""
    return {**{f"{k}_id": None for k in KINDS}, **row}


def rebuild(conn: Connection, progress: Callable[[float, str], None] | None = None) -> int:
    """Every entry again, from the items as they are (the count written). On SQLite the FTS table is
    built once at the end rather than row by row through its triggers (several times faster)."""
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        _drop_triggers(conn)
    conn.execute(delete(_entries))
    totals = {kind: list(conn.scalars(select(spec.table.c.id))) for kind, spec in KINDS.items()}
    total, done = sum(len(ids) for ids in totals.values()), 0
    for kind, ids in totals.items():
        for chunk in _chunks(ids):
            rows = _rows(conn, kind, chunk)
            if rows:
                conn.execute(insert(_entries), [_complete(r) for r in rows])
            done += len(chunk)
            if progress is not None:
                progress(done / max(total, 1), "")
    if sqlite:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        _create_triggers(conn)
    return total


def create_index(conn: Connection) -> None:
    """The full-text index over search_entries: FTS5 kept by triggers (SQLite), GIN (PostgreSQL)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(_SQLITE_FTS)
        _create_triggers(conn)
    elif conn.dialect.name == "postgresql":
        for statement in _POSTGRES_DDL:
            conn.exec_driver_sql(statement)


def _create_triggers(conn: Connection) -> None:
    for statement in _SQLITE_TRIGGERS:
        conn.exec_driver_sql(statement)


def _drop_triggers(conn: Connection) -> None:
    for trigger in ("ai", "ad", "au"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS search_entries_{trigger}")


def drop_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        _drop_triggers(conn)
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS search_entries_vector ON search_entries")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS search_entries_vector()")
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")
        conn.exec_driver_sql(f"ALTER TABLE search_entries DROP COLUMN IF EXISTS {PG_VECTOR}")


def is_unmodelled(name: str | None) -> bool:
    """A table, column or index of the full-text machinery (FTS5 and its shadow tables; the
    tsvector column and its GIN index)."""
    return bool(name) and (name in (PG_INDEX, PG_VECTOR, FTS_TABLE) or name.startswith(FTS_TABLE + "_"))


# External-content FTS5: the text lives once, in search_entries; triggers keep the index in step
# with it, whoever writes (the ORM hook, a cascade from a deleted item); `rebuild` builds it at once.
_SQLITE_FTS = (f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(head, body, content='search_entries', "
               "content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='2 3 4')")
_SQLITE_TRIGGERS = (
    f"CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, head, body) VALUES (new.id, new.head, new.body); END",
    f"CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, head, body) VALUES ('delete', old.id, old.head, old.body); END",
    f"CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, head, body) VALUES ('delete', old.id, old.head, old.body); "
    f"INSERT INTO {FTS_TABLE}(rowid, head, body) VALUES (new.id, new.head, new.body); END",
)

# A stored tsvector (the trigger fills it from head and body, whoever writes) with a GIN index.
_POSTGRES_DDL = (
    f"ALTER TABLE search_entries ADD COLUMN {PG_VECTOR} tsvector",
    "CREATE FUNCTION search_entries_vector() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"NEW.{PG_VECTOR} := setweight(to_tsvector('simple'::regconfig, NEW.head), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, NEW.body), 'B'); RETURN NEW; END $$",
    "CREATE TRIGGER search_entries_vector BEFORE INSERT OR UPDATE ON search_entries "
    "FOR EACH ROW EXECUTE FUNCTION search_entries_vector()",
    f"CREATE INDEX {PG_INDEX} ON search_entries USING gin ({PG_VECTOR})",
)
