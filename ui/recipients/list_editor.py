"""The frame the group and cluster editors share: a list of items on the left (new, delete), the
chosen item's form and member table on the right, one error line, Save; reads in the pool,
writes on the write lane. A subclass says how to list, load, show, read, write and delete."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.recipients.directory import UnitChoice
from ui.common.background import run_read, run_write
from ui.common.forms import ERROR_STYLE
from ui.common.messages import confirm
from ui.recipients.unit_picker import UnitPickerDialog
from ui.common.window_size import fit_window


class ListEditorDialog(QDialog):
    def __init__(self, ctx, units: list[UnitChoice], title: str, columns: list[str], new_text: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.units = units
        self.names = {u.id: u.name for u in units}
        self.current_id: int | None = None
        self.members: list = []
        self.last_picker: UnitPickerDialog | None = None
        self.setWindowTitle(title)
        fit_window(self, "unit-lists", 1100, 640)

        self.items = QListWidget()
        self.new_button, self.delete_button = QPushButton(new_text), QPushButton("Xóa")
        left = QWidget()
        self.left_layout = QVBoxLayout(left)
        self.left_layout.setContentsMargins(0, 0, 0, 0)
        self.left_layout.addWidget(self.items)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        self.left_layout.addLayout(row)

        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(columns)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.add_member_button = QPushButton("Thêm đơn vị…")
        self.remove_member_button = QPushButton("Bỏ khỏi danh sách")
        self.save_button = QPushButton("Lưu")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.tools = QHBoxLayout()
        self.tools.addWidget(self.add_member_button)
        self.tools.addWidget(self.remove_member_button)
        self.tools.addStretch(1)
        self.tools.addWidget(self.save_button)
        right = QWidget()
        self.right_layout = QVBoxLayout(right)
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.right_layout.addWidget(self.table)
        self.right_layout.addLayout(self.tools)
        self.right_layout.addWidget(self.error)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([360, 740])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(close)

        self.items.currentItemChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.new_item)
        self.delete_button.clicked.connect(lambda: self.delete_current())
        self.add_member_button.clicked.connect(self.pick_members)
        self.remove_member_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(self.save)

    # ---- what a subclass provides -----------------------------------------------------
    def list_rows(self) -> list[tuple[int, str]]:  # in the pool
        raise NotImplementedError

    def load(self, item_id: int):  # in the pool
        raise NotImplementedError

    def show_item(self, loaded) -> None:
        raise NotImplementedError

    def clear_form(self) -> None:
        raise NotImplementedError

    def fill_table(self) -> None:
        raise NotImplementedError

    def read_table(self) -> None:
        raise NotImplementedError

    def write(self, item_id: int | None):
        """A function for the write lane that saves the form: -> (id, Changes); raise to refuse."""
        raise NotImplementedError

    def delete(self, item_id: int):
        raise NotImplementedError

    def add_members(self, unit_ids: list[int]) -> None:
        raise NotImplementedError

    # ---- the list ---------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        run_read(self.list_rows, lambda rows: self._show_rows(rows, select_id))

    def _show_rows(self, rows: list[tuple[int, str]], select_id: int | None) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        for item_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setToolTip(text)
            self.items.addItem(item)
        self.items.blockSignals(False)
        wanted = select_id if select_id is not None else (rows[0][0] if rows else None)
        for row in range(self.items.count()):
            if self.items.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                self.items.setCurrentRow(row)
                return
        self.new_item()

    def select_named(self, name: str) -> None:
        """Choose the item whose text starts with "<name> (" (tests and keyboard users)."""
        for row in range(self.items.count()):
            if self.items.item(row).text().startswith(name + " ("):
                self.items.setCurrentRow(row)
                return
        raise LookupError(name)

    def _chosen(self, item, _previous=None) -> None:
        if item is None:
            return
        item_id = item.data(Qt.ItemDataRole.UserRole)
        run_read(lambda: self.load(item_id), lambda loaded: self._show(item_id, loaded))

    def _show(self, item_id: int, loaded) -> None:
        self.current_id = item_id
        self.error.clear()
        self.show_item(loaded)
        self.fill_table()

    def new_item(self) -> None:
        self.items.blockSignals(True)
        self.items.setCurrentRow(-1)
        self.items.blockSignals(False)
        self.current_id = None
        self.members = []
        self.error.clear()
        self.clear_form()
        self.fill_table()

    # ---- members ----------------------------------------------------------------------
    def set_unit_cell(self, row: int, unit_id: int) -> None:
        item = QTableWidgetItem(self.names.get(unit_id, f"#{unit_id}"))
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, item)

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def remove_selected(self) -> None:
        self.read_table()
        rows = set(self.selected_rows())
        self.members = [m for i, m in enumerate(self.members) if i not in rows]
        self.fill_table()

    def pick_members(self) -> None:
        dialog = UnitPickerDialog([u for u in self.units if u.active], "Thêm đơn vị",
                                  "Chọn một hoặc nhiều đơn vị (Ctrl/Shift để chọn nhiều):", self)
        self.last_picker = dialog
        dialog.accepted.connect(lambda: self.add_members(dialog.chosen))
        dialog.open()

    # ---- writing ----------------------------------------------------------------------
    def save(self) -> None:
        try:
            fn = self.write(self.current_id)
        except ValueError as exc:  # refused before anything runs (an empty name)
            self.error.setText(str(exc))
            return
        self.save_button.setEnabled(False)

        def saved(new_id: int) -> None:
            self.save_button.setEnabled(True)
            self.error.clear()
            self.reload(new_id)

        run_write(fn, saved, self.failed)

    def failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(str(exc))

    def delete_question(self) -> str:
        return "Xóa mục đang chọn?"

    def delete_current(self) -> None:
        if self.current_id is None or not confirm(self, self.delete_question(), yes="Xóa"):
            return
        item_id = self.current_id
        run_write(lambda: self.delete(item_id), lambda _c: self.reload(), self.failed)
