"""Choosing units from the directory: a filter box (accent-insensitive, name or code) over a list,
as a widget (merge) or a small dialog (adding members to a group or a cluster)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import fold
from desktop.recipients.directory import UnitChoice
from ui.common.window_size import fit_window


def choice_label(choice: UnitChoice) -> str:
    return f"{choice.name} ({choice.code})" + ("" if choice.active else " – ngừng hoạt động")


class UnitPicker(QWidget):
    """Filter box + list of units; `selected_ids()` in list order."""

    def __init__(self, choices: list[UnitChoice], *, multiple: bool = False, parent=None):
        super().__init__(parent)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText("Gõ tên hoặc mã đơn vị (có dấu hoặc không dấu)…")
        self.filter_box.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multiple
                                   else QAbstractItemView.SelectionMode.SingleSelection)
        self._keys: list[str] = []
        for choice in choices:
            item = QListWidgetItem(choice_label(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            if not choice.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
            self._keys.append(fold(f"{choice.name} {choice.code}"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list)
        self.filter_box.textChanged.connect(self.apply_filter)

    def apply_filter(self, text: str) -> None:
        words = fold(text).split()
        first = None
        for row, key in enumerate(self._keys):
            hidden = not all(w in key for w in words)
            self.list.item(row).setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None and not self.list.selectedItems():
            self.list.setCurrentRow(first)

    def visible_ids(self) -> list[int]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())
                if not self.list.item(r).isHidden()]

    def select_id(self, unit_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == unit_id:
                self.list.setCurrentRow(row)
                return

    def selected_ids(self) -> list[int]:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems() if not item.isHidden())
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in rows]


class UnitPickerDialog(QDialog):
    """Pick one or more units; `chosen` holds their ids after OK."""

    def __init__(self, choices: list[UnitChoice], title: str, prompt: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_window(self, "unit-picker", 560, 520)
        self.picker = UnitPicker(choices, multiple=True)
        self.chosen: list[int] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Thêm")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.take)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt))
        layout.addWidget(self.picker)
        layout.addWidget(buttons)
        self.picker.list.itemDoubleClicked.connect(lambda _item: self.take())

    def take(self) -> None:
        self.chosen = self.picker.selected_ids()
        if self.chosen:
            self.accept()
