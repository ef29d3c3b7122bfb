"""Every table of a database in one stream, and back: the PostgreSQL backup where pg_dump is not installed.

The stream is JSON lines: for each table (parents before children) a line {"table", "columns"} and then
one JSON array per row; dates and times as ISO text, bytes as base64. Tables are read by reflection,
so a database of an older schema version exports as it is. The search index is left out (`derived`) and
built again after an import. `import_tables` writes them into a database
that already has that schema version (made by Alembic), in the caller's one transaction: a foreign key
to a row not yet written (a table's own rows, or a later table) is filled in by an UPDATE at the end.
"""
from __future__ import annotations

import base64
import json
import warnings
from datetime import date, datetime, time
from typing import IO, Any, Callable, Iterator

from sqlalchemy import MetaData, Table, insert, inspect, select, text, update
from sqlalchemy.engine import Connection

from db import search_index

VERSION_TABLE = "alembic_version"
BATCH = 500


def _encode(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decoder(column) -> Callable[[Any], Any]:
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return lambda v: v
    if kind is datetime:
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v
    if kind is date:
        return lambda v: date.fromisoformat(v[:10]) if isinstance(v, str) else v
    if kind is time:
        return lambda v: time.fromisoformat(v) if isinstance(v, str) else v
    if kind is bytes:
        return lambda v: base64.b64decode(v) if isinstance(v, str) else v
    if kind is bool:
        return lambda v: bool(v) if v is not None else None
    return lambda v: v


def derived(name: str) -> bool:
    """The search index (its entries and, on SQLite, the FTS5 tables): made from the other tables, so
    neither written nor read back; `import_tables` builds it again."""
    return name == search_index.ENTRIES_TABLE or search_index.is_unmodelled(name)


def reflected(conn: Connection) -> list[Table]:
    meta = MetaData()
    with warnings.catch_warnings():  # SQLite cannot reflect an index on an expression; no index is needed here
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        meta.reflect(bind=conn, only=lambda name, _meta: not derived(name))
    return list(meta.sorted_tables)


def export_tables(conn: Connection, out: IO[str], progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Write every table of `conn`'s database to `out`; answers the row count per table."""
    counts: dict[str, int] = {}
    for table in reflected(conn):
        columns = [c.name for c in table.columns]
        out.write(json.dumps({"table": table.name, "columns": columns}, ensure_ascii=False) + "\n")
        key = list(table.primary_key.columns) or list(table.columns)
        n = 0
        for row in conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*key)):
            out.write(json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n")
            n += 1
        counts[table.name] = n
        if progress is not None:
            progress(table.name)
    return counts


def read_stream(lines: Iterator[str]) -> Iterator[tuple[str, list[str], list[list[Any]]]]:
    """(table, columns, rows) in batches, from the lines `export_tables` wrote."""
    table, columns, rows = None, [], []
    for line in lines:
        item = json.loads(line)
        if isinstance(item, dict):
            if table is not None:
                yield table, columns, rows
            table, columns, rows = item["table"], item["columns"], []
        else:
            rows.append(item)
            if len(rows) >= BATCH:
                yield table, columns, rows
                rows = []
    if table is not None:
        yield table, columns, rows


def import_tables(conn: Connection, lines: Iterator[str]) -> dict[str, int]:
    """Write the exported rows into `conn`'s database (same schema version, no rows yet)."""
    tables = {t.name: t for t in reflected(conn)}
    written: set[str] = set()
    later: list[tuple[Table, dict[str, Any], dict[str, Any]]] = []  # (table, key, deferred values)
    counts: dict[str, int] = {}
    for name, columns, rows in read_stream(lines):
        if name == VERSION_TABLE:
            continue  # Alembic wrote it when it made the schema
        table = tables.get(name)
        if table is None:
            raise ValueError(f"bảng {name!r} không có trong phiên bản dữ liệu này")
        decode = [_decoder(table.c[c]) for c in columns]
        deferred = {fk.parent.name for fk in table.foreign_keys
                    if fk.column.table.name == name or fk.column.table.name not in written}
        keys = [c.name for c in table.primary_key.columns]
        batch = []
        for row in rows:
            values = {c: d(v) for c, d, v in zip(columns, decode, row)}
            hold = {c: values[c] for c in deferred if values.get(c) is not None}
            if hold:
                later.append((table, {k: values[k] for k in keys}, hold))
                values.update({c: None for c in hold})
            batch.append(values)
        if batch:
            conn.execute(insert(table), batch)
        counts[name] = counts.get(name, 0) + len(batch)
        written.add(name)
    for table, key, values in later:
        conn.execute(update(table).where(*(table.c[k] == v for k, v in key.items())).values(**values))
    if conn.dialect.name == "postgresql":
        _reset_sequences(conn, tables.values())
    if _at_head(conn):  # an older schema gets its index from the migrations that follow
        search_index.rebuild(conn)
    return counts


def _at_head(conn: Connection) -> bool:
    from db.migrate import head_revision

    if not inspect(conn).has_table(VERSION_TABLE):
        return False
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == head_revision()


def _reset_sequences(conn: Connection, tables) -> None:
    """After explicit ids, each serial column's sequence continues after the largest id."""
    for table in tables:
        for column in table.primary_key.columns:
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                               {"t": table.name, "c": column.name}).scalar()
            if seq:
                conn.execute(text(f'SELECT setval(:s, COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, false)'),
                             {"s": seq})
