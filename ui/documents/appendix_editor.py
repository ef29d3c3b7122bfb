"""The editor's appendices (Phụ lục): a list on the left ("Phụ lục I", "Phụ lục II" … by place),
the chosen one's title and body on the right, typed like the letter's body; rows of a table are
typed "cột 1 | cột 2 | cột 3", one row per line."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.inputs import AppendixInput
from desktop.documents.parts import appendix_title

HINT = ("Mỗi phụ lục bắt đầu một trang mới sau trang ký. Nội dung gõ như phần nội dung chính; một bảng gõ "
        "mỗi hàng một dòng, các ô cách nhau bằng «|».")


class AppendixList(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[AppendixInput] = []
        self._shown = -1
        self._filling = False
        self.list = QListWidget()
        self.list.setMaximumWidth(130)
        self.add_button = QPushButton("Thêm phụ lục")
        self.remove_button = QPushButton("Xóa")
        self.subtitle = QLineEdit(placeholderText="tên phụ lục, vd. Danh sách đơn vị đề nghị khen thưởng")
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText("Nội dung phụ lục…")
        self.body.setMinimumHeight(120)
        hint = QLabel(f"<small>{HINT}</small>")
        hint.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.add_button)
        left.addWidget(self.remove_button)
        right = QVBoxLayout()
        right.addWidget(self.subtitle)
        right.addWidget(self.body, 1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left)
        row.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(hint)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(self._show)
        self.subtitle.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self._refresh()

    # ---- the value -----------------------------------------------------------------------
    def set_items(self, items: list[AppendixInput]) -> None:
        self._items = [AppendixInput(a.subtitle, a.body, a.title) for a in items]
        self._shown = -1
        self._refresh(0 if self._items else -1)

    def items(self) -> list[AppendixInput]:
        self._keep()
        return [AppendixInput(a.subtitle, a.body, a.title) for a in self._items]

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.add_button, self.remove_button):
            w.setEnabled(not read_only)
        self.subtitle.setReadOnly(read_only)
        self.body.setReadOnly(read_only)

    # ---- editing -------------------------------------------------------------------------
    def add(self) -> None:
        self._keep()
        self._items.append(AppendixInput())
        self._refresh(len(self._items) - 1)
        self.subtitle.setFocus()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._items):
            return
        del self._items[row]
        self._shown = -1
        self._refresh(min(row, len(self._items) - 1))
        self.changed.emit()

    def _keep(self) -> None:
        if 0 <= self._shown < len(self._items):
            item = self._items[self._shown]
            item.subtitle = self.subtitle.text().strip() or None
            item.body = self.body.toPlainText()

    def _edited(self) -> None:
        if not self._filling:
            self._keep()
            self.changed.emit()

    def _show(self, row: int) -> None:
        if self._filling:
            return
        self._keep()
        self._shown = row
        self._filling = True
        item = self._items[row] if 0 <= row < len(self._items) else None
        self.subtitle.setText((item.subtitle or "") if item else "")
        self.body.setPlainText(item.body if item else "")
        self.subtitle.setEnabled(item is not None)
        self.body.setEnabled(item is not None)
        self._filling = False

    def _refresh(self, current: int = -1) -> None:
        self._filling = True
        self.list.clear()
        for i, item in enumerate(self._items):
            self.list.addItem(item.title or appendix_title(i, len(self._items)))
        self._filling = False
        self.remove_button.setEnabled(bool(self._items))
        self.list.setCurrentRow(current)
        self._show(current)
