"""Small editors for the list fields of the import form: one line per entry (Kính gửi, Nơi
nhận) and the table of referenced documents. Each tells which row is current, so the screen
can highlight that entry in the source."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dispatch import Reference
from desktop.core.vocabulary import short_date
from desktop.importing.review import parse_dmy
from ui.common.icons import icon


def _side_buttons(add_tip: str, remove_tip: str) -> tuple[QVBoxLayout, QToolButton, QToolButton]:
    add, remove = QToolButton(), QToolButton()
    add.setIcon(icon("plus"))
    add.setToolTip(add_tip)
    remove.setIcon(icon("trash"))
    remove.setToolTip(remove_tip)
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(add)
    column.addWidget(remove)
    column.addStretch(1)
    return column, add, remove


class LineListEditor(QWidget):
    """Entries one per row; double-click or F2 edits, + adds, the bin removes."""

    row_selected = Signal(int)  # -1: no row
    edited = Signal()

    def __init__(self, visible_rows: int = 4, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.list.setWordWrap(True)
        row_height = self.fontMetrics().height() + 8
        self.list.setMinimumHeight(row_height * visible_rows + 6)
        self.list.setMaximumHeight(row_height * (visible_rows + 2) + 6)
        column, add, remove = _side_buttons("Thêm một dòng", "Xóa dòng đang chọn")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(column)
        add.clicked.connect(self.add_line)
        remove.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(self.row_selected)
        self.list.itemChanged.connect(lambda _item: self.edited.emit())

    def set_lines(self, lines: list[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for line in lines:
            self._append(line)
        self.list.blockSignals(False)

    def lines(self) -> list[str]:
        texts = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return [t for t in texts if t]

    def add_line(self) -> None:
        item = self._append("")
        self.list.setCurrentItem(item)
        self.list.editItem(item)
        self.edited.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.edited.emit()

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item


REFERENCE_COLUMNS = ("Loại", "Số", "Ký hiệu", "Ngày", "Cơ quan ban hành")


class ReferenceEditor(QWidget):
    """Referenced documents (căn cứ, phúc đáp ...): type, number, symbol, date, issuer."""

    row_selected = Signal(int)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, len(REFERENCE_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(REFERENCE_COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        scale = max(1.0, self.fontMetrics().height() / 16)
        for col, width in enumerate((90, 55, 110, 85)):
            self.table.setColumnWidth(col, int(width * scale))
        row_height = self.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setMinimumHeight(row_height * 4 + 8)
        self.table.setMaximumHeight(row_height * 6 + 8)
        column, add, remove = _side_buttons("Thêm văn bản liên quan", "Xóa dòng đang chọn")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(column)
        add.clicked.connect(self.add_row)
        remove.clicked.connect(self.remove_current)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self.row_selected.emit(row))
        self.table.itemChanged.connect(lambda _item: self.edited.emit())

    def set_references(self, references: list[Reference]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for ref in references:
            self._append((ref.type or "", ref.number or "", ref.symbol or "", short_date(ref.date), ref.issuer or ""))
        self.table.blockSignals(False)

    def references(self) -> list[Reference]:
        """The rows as references; ValueError (Vietnamese) for a date that is not a date."""
        out: list[Reference] = []
        for row in range(self.table.rowCount()):
            values = [self._text(row, col) for col in range(len(REFERENCE_COLUMNS))]
            if not any(values):
                continue
            kind, number, symbol, when, issuer = values
            out.append(Reference(type=kind or None, number=number or None, symbol=symbol or None,
                                 date=parse_dmy(when, f"Ngày của văn bản liên quan dòng {row + 1}"),
                                 issuer=issuer or None))
        return out

    def add_row(self) -> None:
        self._append(("",) * len(REFERENCE_COLUMNS))
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))
        self.edited.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def _append(self, values: tuple[str, ...]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, value in enumerate(values):
            self.table.setItem(row, col, QTableWidgetItem(value))

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""
