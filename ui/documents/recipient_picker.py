"""Kính gửi / Nơi nhận lists: units and groups from the directory, free text, purpose, order.

`RecipientList` holds `RecipientInput` lines (drag to reorder, up/down, remove, purpose);
`DirectoryPicker` is the dialog that picks units and groups with an accent-insensitive filter.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.inputs import RecipientInput
from desktop.documents.editor_data import Choice, filter_choices, recipient_from_choice
from ui.common.icons import icon
from ui.common.window_size import fit_window

PURPOSES = ("", "(b/c)", "(để b/c)", "(để th/h)", "(để ph/h th/h)", "(theo dõi)")
ROLE = Qt.ItemDataRole.UserRole


def line_label(line: RecipientInput) -> str:
    text = line.text or ""
    if line.group_id is not None:
        text = f"[Nhóm] {text}"
    return f"{text} {line.purpose}" if line.purpose else text


class DirectoryPicker(QDialog):
    """Pick units and groups (several at once); `chosen()` gives the lines in picking order."""

    def __init__(self, units: list[Choice], groups: list[Choice], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Chọn cơ quan, đơn vị hoặc nhóm")
        fit_window(self, "directory-picker", 560, 520)
        self._entries = [("group", c) for c in groups] + [("unit", c) for c in units]
        self.filter_box = QLineEdit(placeholderText="Lọc: gõ có dấu hoặc không dấu (vd. so noi vu)…")
        self.filter_box.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Thêm vào danh sách")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.filter_box.textChanged.connect(self._refill)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self._refill("")

    def _refill(self, text: str) -> None:
        self.list.clear()
        groups = filter_choices([c for k, c in self._entries if k == "group"], text)
        units = filter_choices([c for k, c in self._entries if k == "unit"], text)
        for kind, items in (("group", groups), ("unit", units)):
            for choice in items:
                label = f"Nhóm: {choice.label} ({choice.detail})" if kind == "group" else choice.label
                item = QListWidgetItem(label)
                item.setData(ROLE, (kind, choice))
                self.list.addItem(item)
        self.count.setText(f"{len(groups)} nhóm, {len(units)} đơn vị")

    def select_label(self, label: str) -> None:
        """Select the first entry whose text contains `label` (tests, keyboard users)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if label in item.text():
                item.setSelected(True)
                return

    def accept(self) -> None:
        """Enter in the filter box takes the first match when nothing is selected."""
        if not self.list.selectedItems() and self.list.count():
            self.list.item(0).setSelected(True)
        super().accept()

    def chosen(self) -> list[RecipientInput]:
        items = sorted(self.list.selectedItems(), key=self.list.row)
        return [recipient_from_choice(choice, kind) for kind, choice in (i.data(ROLE) for i in items)]


class RecipientList(QWidget):
    """An ordered list of recipient lines with its buttons; emits `changed` on every edit."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.units: list[Choice] = []
        self.groups: list[Choice] = []
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(88)
        self.list.setMaximumHeight(120)
        self.list.model().rowsMoved.connect(lambda *_: self.changed.emit())
        self.free_text = QLineEdit(placeholderText=f"Gõ thêm một dòng {title} rồi nhấn Enter…")
        self.free_text.returnPressed.connect(self.add_free_text)
        self.pick_button = QPushButton(icon("plus"), "Danh bạ…")
        self.pick_button.setToolTip("Chọn cơ quan, đơn vị hoặc nhóm từ danh bạ")
        self.pick_button.clicked.connect(self.open_picker)
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItems(PURPOSES)
        self.purpose.setToolTip("Mục đích gửi của dòng đang chọn, vd. (b/c)")
        self.purpose.setMinimumWidth(110)
        self.purpose.currentTextChanged.connect(self._set_purpose)
        self.up = self._tool("", "▲", lambda: self.move(-1), "Chuyển lên")
        self.down = self._tool("", "▼", lambda: self.move(1), "Chuyển xuống")
        self.remove = self._tool("trash", "Xóa", self.remove_current, "Xóa dòng đang chọn")
        self.list.currentRowChanged.connect(self._row_changed)

        top = QHBoxLayout()
        top.addWidget(self.free_text, 1)
        top.addWidget(self.pick_button)
        side = QVBoxLayout()
        for w in (self.up, self.down, self.remove):
            side.addWidget(w)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("Mục đích:"))
        bottom.addWidget(self.purpose)
        bottom.addWidget(QLabel("<small>Kéo thả để đổi thứ tự</small>"))
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addLayout(bottom)
        self.last_picker: DirectoryPicker | None = None

    def _tool(self, name: str, text: str, slot, tip: str) -> QToolButton:
        button = QToolButton()
        if name:
            button.setIcon(icon(name))
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ---- content ----------------------------------------------------------------------
    def set_directory(self, units: list[Choice], groups: list[Choice]) -> None:
        self.units, self.groups = units, groups

    def lines(self) -> list[RecipientInput]:
        return [self.list.item(r).data(ROLE) for r in range(self.list.count())]

    def set_lines(self, lines: list[RecipientInput]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for line in lines:
            self._append(line)
        self.list.blockSignals(False)

    def _append(self, line: RecipientInput) -> None:
        item = QListWidgetItem(line_label(line))
        item.setData(ROLE, line)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        self.list.addItem(item)

    def add_lines(self, lines: list[RecipientInput]) -> None:
        for line in lines:
            self._append(line)
        if lines:
            self.list.setCurrentRow(self.list.count() - 1)
            self.changed.emit()

    def add_free_text(self) -> None:
        text = " ".join(self.free_text.text().split())
        if text:
            self.add_lines([RecipientInput(text=text)])
            self.free_text.clear()

    def open_picker(self) -> None:
        picker = DirectoryPicker(self.units, self.groups, self)
        picker.accepted.connect(lambda: self.add_lines(picker.chosen()))
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
        self.last_picker = picker
        picker.open()

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def _row_changed(self, row: int) -> None:
        line = self.list.item(row).data(ROLE) if row >= 0 else None
        self.purpose.blockSignals(True)
        self.purpose.setCurrentText(line.purpose or "" if line else "")
        self.purpose.blockSignals(False)

    def _set_purpose(self, text: str) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        line = replace(item.data(ROLE), purpose=text.strip() or None)
        item.setData(ROLE, line)
        item.setText(line_label(line))
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.free_text, self.pick_button, self.purpose, self.up, self.down, self.remove):
            w.setEnabled(not read_only)
        self.list.setDragEnabled(not read_only)
