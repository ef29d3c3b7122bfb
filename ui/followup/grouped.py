"""The grouped view of the board, lazy like the lists: one node per unit or dispatch (its counts come
with the group list, one GROUP BY), a group's task ids fetched when it is opened (`fetchMore`), and
its rows a page at a time when painted. Overdue rows red, rows due soon amber, as in the flat list.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeView

from desktop.core.settings import default
from desktop.followup.board import TaskBrowser, TaskGroup
from ui.common.background import run_lookup
from ui.common.lazy_table import PAGE
from ui.followup.board_model import row_tone, tone_brushes

TREE_COLUMNS = ["Đơn vị / văn bản", "Mục", "Hạn", "Tình trạng", "Đôn đốc", "Nhiệm vụ"]
# the list's columns shown under a group, after the first (the unit or the document, whichever the
# group is not)
_SHOWN = ("label", "deadline", "category", "chased", "title")
SCREENFUL = 40  # tasks opened at once when the groups arrive (the groups after them stay closed)
_TOP = 0  # internalId of a group; a task's is its group's row + 1


class GroupedTaskModel(QAbstractItemModel):
    loaded = Signal(int)  # groups arrived: the number of tasks under them

    def __init__(self, browser: TaskBrowser, parent=None):
        super().__init__(parent)
        self._browser = browser
        keys = [c.key for c in browser.columns]
        self._col = {key: keys.index(key) for key in ("document", "unit", "category", "deadline", *_SHOWN)}
        self._groups: list[TaskGroup] = []
        self._ids: dict[int, list[int]] = {}  # group row -> its task ids, once opened
        self._rows: dict[int, Any] = {}  # task id -> listing.Row (pages as painted)
        self._grouping = ""
        self._text = ""
        self._generation = 0
        self._bold: QFont | None = None
        self.today = date.today()
        self.soon_days = default("followup/soon_days")

    # ---- loading ------------------------------------------------------------------------
    def reload(self, grouping: str, text: str = "") -> None:
        """The groups under the browser's filter (off the GUI thread); the newest request wins."""
        self._grouping, self._text = grouping, text
        self._generation += 1
        generation, browser = self._generation, self._browser
        run_lookup(lambda: browser.groups(grouping, text), lambda found: self._set_groups(generation, found))

    def _set_groups(self, generation: int, found: list[TaskGroup]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._groups, self._ids, self._rows = found, {}, {}
        self.today = date.today()
        self.endResetModel()
        self.loaded.emit(sum(g.count for g in found))

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return self._is_group(parent) and parent.row() not in self._ids and self._groups[parent.row()].count > 0

    def fetchMore(self, parent: QModelIndex) -> None:
        row = parent.row()
        self._ids[row] = []  # asked once; the ids replace it
        generation, browser, key, text = self._generation, self._browser, self._groups[row].key, self._text
        run_lookup(lambda: browser.group_ids(key, text), lambda ids: self._set_children(generation, row, ids))

    def _set_children(self, generation: int, row: int, ids: list[int]) -> None:
        if generation != self._generation or not ids:
            return
        self.beginInsertRows(self.index(row, 0), 0, len(ids) - 1)
        self._ids[row] = ids
        self.endInsertRows()

    def set_soon_days(self, days: int) -> None:
        self.soon_days = days  # read when rows are painted

    # ---- what the board asks --------------------------------------------------------------
    @property
    def grouping(self) -> str:
        return self._grouping

    @property
    def groups(self) -> list[TaskGroup]:
        return list(self._groups)

    def group_index(self, key: tuple) -> QModelIndex:
        row = next((i for i, g in enumerate(self._groups) if g.key == key), -1)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    def id_of(self, index: QModelIndex) -> int | None:
        """The task id of a task's row; None for a group."""
        if not index.isValid() or index.internalId() == _TOP:
            return None
        ids = self._ids.get(index.internalId() - 1, [])
        return ids[index.row()] if 0 <= index.row() < len(ids) else None

    def key_of(self, index: QModelIndex) -> tuple | None:
        return self._groups[index.row()].key if self._is_group(index) else None

    # ---- Qt model ------------------------------------------------------------------------
    def _is_group(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return index.isValid() and index.internalId() == _TOP and 0 <= index.row() < len(self._groups)

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else _TOP)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        return len(self._ids.get(parent.row(), ())) if self._is_group(parent) else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(TREE_COLUMNS)

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._groups)
        return self._is_group(parent) and self._groups[parent.row()].count > 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return TREE_COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._group_data(self._groups[index.row()], index.column(), role)
        task_id = self.id_of(index)
        row = self._row(index.internalId() - 1, index.row()) if task_id is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return task_id
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            values = row.values
            tone = row_tone(values[self._col["category"]], values[self._col["deadline"]], self.today, self.soon_days)
            return tone_brushes(tone, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._cell(row, index.column())
            return text if role == Qt.ItemDataRole.DisplayRole or len(text) > 40 else None
        return None

    def _group_data(self, group: TaskGroup, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:  # one line across the columns (the view spans it)
            return f"{group.title}  ({group.summary})" if column == 0 else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return group.title
        if role == Qt.ItemDataRole.FontRole:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None

    def _cell(self, row, column: int) -> str:
        if column == 0:
            if self._grouping == "unit":
                return row[self._col["document"]] or "(giao trực tiếp)"
            return row[self._col["unit"]]
        return row[self._col[_SHOWN[column - 1]]]

    def _row(self, group_row: int, row: int):
        ids = self._ids.get(group_row, [])
        task_id = ids[row]
        cached = self._rows.get(task_id)
        if cached is None:
            start = row - row % PAGE
            page = ids[start:start + PAGE]
            if len(self._rows) > PAGE * 20:  # keep the cache small
                self._rows = {}
            self._rows.update(self._browser.rows(page))
            cached = self._rows.get(task_id)
        return cached


def open_first_groups(tree: QTreeView, model: GroupedTaskModel, remembered: set[tuple]) -> None:
    """Open the groups the clerk had open (`remembered` keys) or, when none of them is left, the first
    ones up to about a screenful of tasks; the others stay closed until opened (their tasks unread)."""
    keep = remembered & {g.key for g in model.groups}
    shown = 0
    for row in range(model.rowCount()):  # a group's title and counts across the row
        tree.setFirstColumnSpanned(row, QModelIndex(), True)
    for row, group in enumerate(model.groups):
        if group.key in keep if keep else (shown < SCREENFUL or row == 0):
            index = model.index(row, 0)
            if model.canFetchMore(index):
                model.fetchMore(index)  # now, not when the view next lays itself out
            tree.expand(index)
            shown += group.count
