"""The lists the GUI browses, behind one small facade (the GUI never sees SQL).

`Browser(ctx, source, detail)` answers `ids(...)` (ordered ids: run it off the GUI thread),
`rows(ids)` (display texts of a page of rows, with their stored values) and `detail(id)` (label/value pairs).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from desktop.core import listing
from desktop.core.context import AppContext
from desktop.core.listing import ListSource

DetailFn = Callable[[object, int], list[tuple[str, str]]]


@dataclass(frozen=True)
class ColumnInfo:
    key: str
    title: str
    width: int
    sortable: bool


class Browser:
    def __init__(self, ctx: AppContext, source: ListSource, detail: DetailFn | None = None):
        self._ctx = ctx
        self._source = source
        self._detail = detail

    @property
    def key(self) -> str:
        return self._source.key

    @property
    def context(self) -> AppContext:
        return self._ctx

    @property
    def columns(self) -> list[ColumnInfo]:
        return [ColumnInfo(c.key, c.title, c.width, c.sortable) for c in self._source.columns]

    @property
    def filters(self) -> list[tuple[str, str]]:
        return [(f.key, f.title) for f in self._source.filters]

    @property
    def default_sort(self) -> tuple[str, bool]:
        return self._source.default_sort, self._source.default_descending

    def ids(self, text: str = "", sort_key: str | None = None, descending: bool | None = None,
            filter_key: str | None = None) -> list[int]:
        with self._ctx.session() as session:
            return listing.ids(session, self._source, text, sort_key, descending, filter_key)

    def rows(self, wanted: list[int]) -> dict[int, listing.Row]:
        with self._ctx.session() as session:
            return listing.rows(session, self._source, wanted)

    def values(self, wanted: list[int], keys: list[str]) -> dict[int, tuple]:
        """Typed cell values of `wanted` for the columns `keys` (exports)."""
        with self._ctx.session() as session:
            return listing.values(session, self._source, wanted, keys)

    def detail(self, item_id: int) -> list[tuple[str, str]]:
        if self._detail is None:
            return []
        with self._ctx.session() as session:
            return self._detail(session, item_id)
