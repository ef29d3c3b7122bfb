"""Colours of the follow-up board: overdue rows red, rows due within the office's reminder window
(setting followup/soon_days) amber.

`TaskTableModel` is the lazy task list with BackgroundRole/ForegroundRole per row, decided from
the row's stored category code and deadline (no extra query while painting, never label text).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.settings import default
from desktop.followup.categories import CATEGORY_COLOURS as CATEGORY_HEX
from desktop.followup.categories import due_soon
from ui.common.lazy_table import LazyTableModel

OVERDUE_BG = QColor("#f8d7da")
OVERDUE_FG = QColor("#842029")
SOON_BG = QColor("#fff3cd")
SOON_FG = QColor("#664d03")
# Bar and box colours of the four official categories (in CATEGORY_ORDER).
CATEGORY_COLOURS = {key: QColor(value) for key, value in CATEGORY_HEX.items()}


def row_tone(category: str | None, deadline: date | None, today: date, soon_days: int | None = None) -> str | None:
    """"overdue", "soon" or None for one row, from its category code as of `today` (`soon_days`: the
    office's reminder window; the setting's default when None)."""
    if category == "open_overdue":
        return "overdue"
    if category == "open_in_time" and due_soon(deadline, "open", today, soon_days):
        return "soon"
    return None


def tone_brushes(tone: str | None, role: int) -> QBrush | None:
    if tone is None:
        return None
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(OVERDUE_BG if tone == "overdue" else SOON_BG)
    return QBrush(OVERDUE_FG if tone == "overdue" else SOON_FG)


class TaskTableModel(LazyTableModel):
    def __init__(self, browser, parent=None):
        super().__init__(browser, parent)
        keys = [c.key for c in self.columns]
        self._category_col = keys.index("category")
        self._deadline_col = keys.index("deadline")
        self.today = date.today()
        self.soon_days = default("followup/soon_days")  # the section sets the office's value

    def set_soon_days(self, days: int) -> None:
        if days != self.soon_days:
            self.soon_days = days
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                      [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole])

    def tone(self, row: int) -> str | None:
        values = self.values(row)
        if values is None:
            return None
        return row_tone(values[self._category_col], values[self._deadline_col], self.today, self.soon_days)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and index.isValid():
            return tone_brushes(self.tone(index.row()), role)
        return super().data(index, role)
