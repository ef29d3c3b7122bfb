"""Lazy lists: ordered ids from SQL, rows fetched by page when painted (Anki's browser table).

A `ListSource` describes one list (columns as SQL expressions over a FROM clause). The GUI asks
for `ids(...)` (filter and sort done in SQL, ints only) and then `rows(ids)` for the few rows on
screen, so a 100,000-row table never sits in memory.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Sequence

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.orm import Session

from desktop.core.text import fold


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # Vietnamese header
    expr: Any  # SQL expression for the value
    sort: Any = None  # SQL expression to sort by (defaults to expr); None with sortable=False
    width: int = 120
    sortable: bool = True
    format: Callable[[Any], str] | None = None  # value -> display text
    export: Any = None  # SQL for the spreadsheet's typed value when `expr` is a display text

    def display(self, value: Any) -> str:
        if self.format is not None:
            return self.format(value)
        return "" if value is None else str(value)

    def typed(self, value: Any) -> Any:
        """The value for a spreadsheet cell: dates and numbers kept, anything else as displayed."""
        if value is None:
            return self.display(None) or None  # a label for "nothing" (e.g. "Đã hủy"), else an empty cell
        if isinstance(value, (date, int, float)) and not isinstance(value, bool):
            return value
        return self.display(value)


class Row(tuple):
    """One row's display texts (the tuple itself) and, as `values`, what the database gave
    (codes, dates): a view decides colours from the codes, never from the texts."""

    values: tuple[Any, ...]

    def __new__(cls, texts, values) -> "Row":
        row = super().__new__(cls, texts)
        row.values = tuple(values)
        return row


@dataclass(frozen=True)
class Filter:
    """A named extra filter the section offers (e.g. "Dự thảo", "Quá hạn")."""

    key: str
    title: str
    where: Callable[[], ColumnElement[bool]]


@dataclass(frozen=True)
class ListSource:
    key: str
    id_column: Any
    columns: tuple[Column, ...]
    from_clause: Callable[[Select], Select]  # adds FROM/JOINs to a select
    search_column: Any  # the accent-folded search text
    default_sort: str
    default_descending: bool = False
    tie_breaker: Any = None
    filters: tuple[Filter, ...] = field(default_factory=tuple)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


def ids(
    session: Session,
    source: ListSource,
    text: str = "",
    sort_key: str | None = None,
    descending: bool | None = None,
    filter_key: str | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[int]:
    """The ids of matching rows, in display order. Accent-insensitive: "dak nong" finds "Đắk Nông"."""
    col = source.column(sort_key or source.default_sort)
    desc = source.default_descending if descending is None else descending
    order = col.sort if col.sort is not None else col.expr
    query = source.from_clause(select(source.id_column))
    conditions = list(where)
    for word in fold(text).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(source.search_column.like(f"%{escaped}%", escape="\\"))
    if filter_key:
        conditions.extend(f.where() for f in source.filters if f.key == filter_key)
    if conditions:
        query = query.where(and_(*conditions))
    tie = source.tie_breaker if source.tie_breaker is not None else source.id_column
    query = query.order_by(
        (order.desc() if desc else order.asc()).nulls_last(), tie.desc() if desc else tie.asc()
    )
    return list(session.scalars(query))


def rows(session: Session, source: ListSource, wanted: Sequence[int]) -> dict[int, Row]:
    """Display texts (and stored values) of the given ids (one query), keyed by id."""
    if not wanted:
        return {}
    query = source.from_clause(select(source.id_column, *(c.expr for c in source.columns)))
    query = query.where(source.id_column.in_(list(wanted)))
    out: dict[int, Row] = {}
    for row in session.execute(query):
        values = row[1:]
        out[row[0]] = Row((col.display(value) for col, value in zip(source.columns, values)), values)
    return out


def values(session: Session, source: ListSource, wanted: Sequence[int], keys: Sequence[str]) -> dict[int, tuple]:
    """Typed values of the given ids for the columns `keys` (a spreadsheet's cells): dates and
    numbers as they are stored (a column's `export` expression when it has one), labels as displayed."""
    if not wanted:
        return {}
    columns = [source.column(key) for key in keys]
    query = source.from_clause(select(source.id_column, *(c.export if c.export is not None else c.expr
                                                            for c in columns)))
    query = query.where(source.id_column.in_(list(wanted)))
    out: dict[int, tuple] = {}
    for row in session.execute(query):
        out[row[0]] = tuple(col.typed(value) for col, value in zip(columns, row[1:]))
    return out


def number_text(column: Any) -> Any:
    """SQL for a register number as printed: zero-padded below 10, "" when absent (portable)."""
    from sqlalchemy import String, case, cast

    text = cast(column, String)
    return case((column.is_(None), ""), (column < 10, "0" + text), else_=text)
