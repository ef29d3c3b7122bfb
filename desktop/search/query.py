"""Searching the index (search_entries): every word of the query must be a word of the item, the
last one may be the start of one, as it is being typed ("nhiem vu" finds "nhiệm vụ", "1607/UBND"
finds "1607/UBND-NC", "khen thuo" finds "khen thưởng"); an item whose number and symbol is the
query, or starts with it, comes first; then by relevance (a word in the number, symbol,
subject or name weighs four times one in the body); then the newest entry.

SQLite asks its FTS5 table (bm25), PostgreSQL its tsvector column (ts_rank, weights 4:1 as well);
both read the same folded words (db.text.words), so both answer alike.

Ranking costs in proportion to the matches: "ubnd" matches every letter of the office. `find` with
a `window` ranks only the newest `window` matches — the first results, fast whatever the query —
and says whether that was all of them; without a window every match is ranked (the CLI, and the
search window's second look when the first was not complete).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from db.search_index import FTS_TABLE, PG_VECTOR
from desktop.core.context import AppContext
from desktop.core.text import words
from desktop.search.titles import titles

__all__ = ["Hit", "Found", "KIND_TITLES", "DEFAULT_LIMIT", "FIRST_WINDOW", "search", "find"]

DEFAULT_LIMIT = 50
FIRST_WINDOW = 2000  # matches ranked for the first results
# The kinds in the order the search window groups them, with their group titles.
KIND_TITLES = {"outgoing": "Văn bản đi", "incoming": "Văn bản đến", "task": "Nhiệm vụ", "unit": "Đơn vị"}
_KINDS = tuple(KIND_TITLES)


@dataclass(frozen=True)
class Hit:
    kind: str  # "outgoing" | "incoming" | "task" | "unit"
    id: int
    title: str  # what the result list shows: "1607/UBND-NC — <trích yếu>"
    detail: str = ""  # a second, quieter line: date and status, issuer, unit code…

    def as_json(self) -> dict:
        return {"kind": self.kind, "id": self.id, "title": self.title}


@dataclass(frozen=True)
class Found:
    hits: list[Hit]
    complete: bool  # False: only the newest `window` matches were ranked; ask again without one


def search(ctx: AppContext, query: str, limit: int = DEFAULT_LIMIT) -> list[Hit]:
    """Every match ranked; the best `limit` (off the GUI thread: it reads the database)."""
    return find(ctx, query, limit).hits


def find(ctx: AppContext, query: str, limit: int = DEFAULT_LIMIT, window: int | None = None) -> Found:
    with ctx.session() as session:
        return find_in(session, query, limit, window)


def find_in(session: Session, query: str, limit: int = DEFAULT_LIMIT, window: int | None = None) -> Found:
    terms = words(query).split()
    if not terms or limit < 1:
        return Found([], True)
    backend = _SQLite if session.bind.dialect.name == "sqlite" else _Postgres
    conn = session.connection()
    exact = " ".join(terms)
    params = {"match": backend.match(terms), "exact": exact, "prefix": exact + " ", "after": exact + "!",
              "limit": limit}
    entries = list(conn.scalars(text(backend.EXACT), params))
    floor = None
    if window is not None:
        floor = conn.scalar(text(backend.FLOOR), {**params, "skip": window - 1})
    params.update(floor=floor or 0)
    tiers = [backend.phrase(terms), params["match"]] if len(terms) > 1 else [params["match"]]
    for match in tiers:  # the words together first, then anywhere in the item
        taken = set(entries)
        params.update(match=match, limit=limit + len(entries))
        entries.extend(e for e in conn.scalars(text(backend.RANKED), params) if e not in taken)
    found = _items(conn, entries[:limit])
    named = titles(session, found)
    hits = [Hit(kind, item_id, *named[(kind, item_id)]) for kind, item_id in found if (kind, item_id) in named]
    return Found(hits, complete=floor is None)


def _items(conn: Connection, entries: list[int]) -> list[tuple[str, int]]:
    """(kind, id) of each entry, in the order given."""
    if not entries:
        return []
    rows = conn.execute(text("SELECT id, outgoing_id, incoming_id, task_id, unit_id FROM search_entries"
                             " WHERE id IN (%s)" % ", ".join(str(int(e)) for e in entries)))
    keys = {}
    for entry, *items in rows:
        kind = next(k for k, value in zip(_KINDS, items) if value is not None)
        keys[entry] = (kind, items[_KINDS.index(kind)])
    return [keys[e] for e in entries if e in keys]


class _SQLite:
    # an exact number/symbol through the number_key index: the key itself, or it followed by more words
    EXACT = """SELECT id FROM search_entries
        WHERE number_key = :exact OR (number_key >= :prefix AND number_key < :after)
        ORDER BY id DESC LIMIT :limit"""
    FLOOR = f"""SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match
        ORDER BY rowid DESC LIMIT 1 OFFSET :skip"""
    RANKED = f"""SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match AND rowid >= :floor
        ORDER BY bm25({FTS_TABLE}, 4.0, 1.0), rowid DESC LIMIT :limit"""

    @staticmethod
    def match(terms: list[str]) -> str:
        return " AND ".join([f'"{t}"' for t in terms[:-1]] + [f'"{terms[-1]}"*'])  # letters and digits only

    @staticmethod
    def phrase(terms: list[str]) -> str:
        return '"' + " ".join(terms) + '"*'  # the words in a row, the last one as a prefix


class _Postgres:
    _QUERY = "to_tsquery('simple', :match)"
    # (the collation may ignore spaces when comparing: a prefix test, among the matches)
    EXACT = f"""SELECT id FROM search_entries
        WHERE {PG_VECTOR} @@ {_QUERY} AND (number_key = :exact OR starts_with(number_key, :prefix))
        ORDER BY id DESC LIMIT :limit"""
    FLOOR = f"""SELECT id FROM search_entries WHERE {PG_VECTOR} @@ {_QUERY}
        ORDER BY id DESC OFFSET :skip LIMIT 1"""
    RANKED = f"""SELECT id FROM search_entries WHERE {PG_VECTOR} @@ {_QUERY} AND id >= :floor
        ORDER BY ts_rank('{{0.1, 0.2, 0.25, 1.0}}', {PG_VECTOR}, {_QUERY}) DESC, id DESC LIMIT :limit"""

    @staticmethod
    def match(terms: list[str]) -> str:
        return " & ".join(terms[:-1] + [terms[-1] + ":*"])

    @staticmethod
    def phrase(terms: list[str]) -> str:
        return " <-> ".join(terms[:-1] + [terms[-1] + ":*"])
