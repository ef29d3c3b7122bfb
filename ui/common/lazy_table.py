"""A table model over ordered ids whose rows are fetched by page when painted.

The ids come from `Browser.ids` (in the pool); `data()` asks `Browser.rows` for the page that
holds the requested row (one small primary-key query) and caches it. `changed` from the bus
marks the cache stale and reloads the ids. Never a whole table in memory.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from desktop.core.browse import Browser
from desktop.core.listing import Row
from ui.common.background import run_read

PAGE = 100


class LazyTableModel(QAbstractTableModel):
    loaded = Signal(int)  # number of rows after a (re)load

    def __init__(self, browser: Browser, parent=None):
        super().__init__(parent)
        self._browser = browser
        self._columns = browser.columns
        self._ids: list[int] = []
        self._rows: dict[int, Row] = {}
        self._text = ""
        self._filter: str | None = None
        self._sort_key, self._descending = browser.default_sort
        self._generation = 0
        self.ready = False  # True once the first ids arrived

    # ---- loading ----------------------------------------------------------------------
    def reload(self, text: str | None = None, filter_key: str | None | bool = False) -> None:
        """Ask for the ids again (off the GUI thread); the newest request wins."""
        if text is not None:
            self._text = text
        if filter_key is not False:
            self._filter = filter_key  # type: ignore[assignment]
        self._generation += 1
        generation = self._generation
        args = (self._text, self._sort_key, self._descending, self._filter)
        run_read(lambda: self._browser.ids(*args), lambda ids: self._set_ids(generation, ids))

    def _set_ids(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.beginResetModel()
        self._ids = ids
        self._rows.clear()
        self.ready = True
        self.endResetModel()
        self.loaded.emit(len(ids))

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: int) -> int:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    # ---- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return "…"
        value = row[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return value if len(value) > 40 else None
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        info = self._columns[column]
        if not info.sortable:
            return
        self._sort_key = info.key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def values(self, row: int) -> tuple[Any, ...] | None:
        """The stored values of a row (codes, dates), for deciding colours from codes."""
        cached = self._row(row)
        return None if cached is None else cached.values

    def _row(self, row: int) -> Row | None:
        item_id = self.id_at(row)
        if item_id is None:
            return None
        cached = self._rows.get(item_id)
        if cached is None:
            start = row - row % PAGE
            page = self._ids[start:start + PAGE]
            self._rows.update(self._browser.rows(page))
            if len(self._rows) > PAGE * 20:  # keep the cache small: drop all but this page
                self._rows = {i: self._rows[i] for i in page if i in self._rows}
            cached = self._rows.get(item_id)
        return cached

    @property
    def sort_state(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

    @property
    def query_state(self) -> tuple[str, str | None]:
        """The search text and the filter key of the rows shown (exports repeat the same query)."""
        return self._text, self._filter

    @property
    def columns(self):
        return self._columns
