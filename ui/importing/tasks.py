"""The tasks read from the numbered items, as an editable table: include, item label, unit
(a choice over the unit directory, free text allowed), task text, deadline, the deadline as
written, recurrence. `drafts()` gives the included rows back as TaskDraft for save_import."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QCompleter, QStyledItemDelegate

from desktop.importing.items import Units, match_unit_id
from desktop.importing.parse import TaskDraft
from desktop.core.vocabulary import short_date
from desktop.importing.review import deadline_from_phrase, parse_dmy
from desktop.core.text import vi_sort_key
from ui.common.dates import optional_date, optional_date_edit, set_optional_date

INCLUDE, LABEL, UNIT, DEADLINE, PHRASE, RECURRENCE, TITLE = range(7)
HEADERS = ("Lưu", "Mục", "Đơn vị thực hiện", "Hạn", "Cụm từ thời hạn", "Lặp lại", "Nhiệm vụ")
TIPS = ("Bỏ dấu để không lưu nhiệm vụ này", "Số mục trong văn bản", "Đơn vị trong danh mục (gõ để lọc; "
        "tên ngoài danh mục vẫn được lưu)", "Ngày hạn (để trống: không hạn)", "Thời hạn như văn bản ghi",
        "Nhiệm vụ lặp lại định kỳ", "Nội dung nhiệm vụ")
WIDTHS = (36, 42, 180, 94, 140, 72, 170)  # the task text (last) also stretches
RECURRENCES = ("", "hằng tuần", "hằng tháng", "hằng quý", "định kỳ 6 tháng", "hằng năm")
UNMATCHED = QColor("#9a5b00")


@dataclass
class TaskRow:
    draft: TaskDraft
    include: bool = True


class TaskTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[TaskRow] = []
        self.units: Units = []
        self.doc_date: date | None = None  # for phrases relative to the document's date
        self._unit_names: dict[int, str] = {}

    # ---- data in and out ------------------------------------------------------------------
    def load(self, drafts: list[TaskDraft], units: Units, doc_date: date | None = None) -> None:
        self.beginResetModel()
        self.doc_date = doc_date
        self.rows = [TaskRow(copy.copy(d)) for d in drafts]
        self.units = sorted(units, key=lambda u: vi_sort_key(u[1]))
        self._unit_names = {uid: name for uid, name, _aliases in units}
        self.endResetModel()

    def drafts(self) -> list[TaskDraft]:
        """The included rows, as edited."""
        return [copy.copy(r.draft) for r in self.rows if r.include]

    def unit_names(self) -> list[str]:
        return [name for _uid, name, _aliases in self.units]

    def unit_text(self, row: int) -> str:
        d = self.rows[row].draft
        if d.assignee_unit_id is not None and d.assignee_unit_id in self._unit_names:
            return self._unit_names[d.assignee_unit_id]
        return d.assignee_text or ""

    # ---- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return TIPS[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == INCLUDE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        d = row.draft
        if role == Qt.ItemDataRole.CheckStateRole and col == INCLUDE:
            return Qt.CheckState.Checked if row.include else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == DEADLINE and role == Qt.ItemDataRole.EditRole:
                return d.deadline
            return {
                LABEL: d.item_label, UNIT: self.unit_text(index.row()), TITLE: d.title,
                DEADLINE: short_date(d.deadline), PHRASE: d.deadline_text or "", RECURRENCE: d.recurrence or "",
            }.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == TITLE:
                return d.title
            if col == UNIT:
                if d.assignee_unit_id is None and d.assignee_text:
                    return f"“{d.assignee_text}” chưa khớp đơn vị nào trong danh mục"
                if d.assignee_text and d.assignee_text != self.unit_text(index.row()):
                    return f"{self.unit_text(index.row())} (trong văn bản: {d.assignee_text})"
                return self.unit_text(index.row()) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == UNIT and d.assignee_unit_id is None and d.assignee_text:
            return QBrush(UNMATCHED)
        if role == Qt.ItemDataRole.ForegroundRole and not row.include:
            return QBrush(QColor("#888888"))
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, col = self.rows[index.row()], index.column()
        d = row.draft
        if col == INCLUDE and role == Qt.ItemDataRole.CheckStateRole:
            row.include = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(HEADERS) - 1))
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if col == DEADLINE:
            try:
                d.deadline = _as_date(value)
            except ValueError:
                return False
        elif col == UNIT:
            self._set_unit(index.row(), str(value or "").strip())
        elif col == LABEL:
            d.item_label = str(value or "").strip() or d.item_label
        elif col == TITLE:
            d.title = " ".join(str(value or "").split()) or d.title
        elif col == PHRASE:
            text = " ".join(str(value or "").split())
            if text == (d.deadline_text or ""):
                return True
            d.deadline_text = text or None
            when, recurrence = deadline_from_phrase(text, self.doc_date) if text else (None, None)
            if when is not None:
                d.deadline = when  # a typed phrase the rules can read gives its date
            if recurrence:
                d.recurrence = recurrence
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(HEADERS) - 1))
        elif col == RECURRENCE:
            d.recurrence = str(value or "").strip() or None
        else:
            return False
        self.dataChanged.emit(index, index)
        return True

    def _set_unit(self, row: int, text: str) -> None:
        if text == self.unit_text(row):
            return  # unchanged: keep the text as the document wrote it
        d = self.rows[row].draft
        exact = next((uid for uid, name, _a in self.units if name == text), None)
        d.assignee_unit_id = exact if exact is not None else match_unit_id(text, self.units) if text else None
        d.assignee_text = text or None


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, QDate):
        return optional_date(value)
    return parse_dmy(str(value), "Hạn")


class UnitDelegate(QStyledItemDelegate):
    """An editable combo over the unit directory (type to filter; other text is kept as is)."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(index.model().unit_names())
        completer = combo.completer()
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """A date with a calendar; the first value "không hạn" clears it."""

    def createEditor(self, parent, option, index):
        return optional_date_edit("không hạn", parent)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        set_optional_date(editor, value)

    def setModelData(self, editor, model, index):
        model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))  # never a clipped year
        editor.setGeometry(rect)


class RecurrenceDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItems(list(RECURRENCES))
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
