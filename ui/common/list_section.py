"""A section showing one lazy list: filter box, filter choice, count, table, detail on double-click.

Redraws itself when the change bus reports one of the flags it shows.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.browse import Browser
from desktop.core.changes import Changes
from desktop.core.vocabulary import vi_number
from ui.common.background import run_read
from ui.common.change_bus import change_bus
from ui.common.compact_button import CompactToolButton
from ui.common.detail_dialog import DetailDialog
from ui.common.icons import tool_button
from ui.common.lazy_table import LazyTableModel
from ui.common.list_export import ListExporter, section_view


OPEN_KEY = "Return"
SHORTCUTS = ("Trong danh sách", (("Mở, xem chi tiết dòng đang chọn", OPEN_KEY),))


class ListSection(QWidget):
    opened = Signal(int)  # an item was opened (double-click / Enter)

    def __init__(self, browser: Browser, *, title: str, watch: tuple[str, ...], item_name: str, parent=None,
                 export_title: str | None = None):
        super().__init__(parent)
        self.browser = browser
        self.title = title
        self.export_title = export_title or f"Danh sách {title[:1].lower()}{title[1:]}"
        self._watch = watch
        self._item_name = item_name
        self.model = LazyTableModel(browser, self)

        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText("Tìm kiếm (gõ có dấu hoặc không dấu)…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_choice = QComboBox()
        self.filter_choice.addItem("Tất cả", None)
        for key, label in browser.filters:
            self.filter_choice.addItem(label, key)
        self.count_label = QLabel()
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(QLabel(f"<b>{title}</b>"))
        self.toolbar.addSpacing(12)
        self.toolbar.addWidget(self.filter_box, 1)
        self.toolbar.addWidget(self.filter_choice)
        self.exporter = ListExporter(self, browser.context, browser, lambda selection: section_view(self, selection))
        self.toolbar.addWidget(self.exporter.button)
        self.toolbar.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        scale = max(1.0, self.fontMetrics().height() / 16)
        for i, col in enumerate(browser.columns):
            self.table.setColumnWidth(i, int(col.width * scale))
        sort_key, descending = browser.default_sort
        sort_col = next(i for i, c in enumerate(browser.columns) if c.key == sort_key)
        header.setSortIndicator(sort_col, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._apply_filter)
        self.filter_box.textChanged.connect(lambda _t: self._debounce.start())
        self.filter_choice.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.model.loaded.connect(self._show_count)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        open_action = QAction(self, shortcut=OPEN_KEY, triggered=lambda: self._open(self.table.currentIndex().row()))
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(open_action)
        change_bus().changed.connect(self._on_changed)
        self.opened.connect(self.show_detail)
        self._loaded_once = False

    # ---- behaviour --------------------------------------------------------------------
    def activate(self) -> None:
        """Called when the section becomes visible; the first visit loads the ids."""
        if not self._loaded_once:
            self._loaded_once = True
            self.model.reload()

    def add_button(self, text: str, icon, slot, tooltip: str = "", *, compact: bool = False) -> QToolButton:
        """A toolbar button; `compact` ones drop their text when the window is narrow."""
        if compact:
            button: QToolButton = CompactToolButton(text, icon)
            button.setToolTip(tooltip or text)
        else:
            button = tool_button(text, icon, tooltip)
        button.clicked.connect(slot)
        self.toolbar.insertWidget(2, button)
        return button

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def _apply_filter(self) -> None:
        self.model.reload(self.filter_box.text(), self.filter_choice.currentData())

    def _show_count(self, n: int) -> None:
        self.count_label.setText(f"{vi_number(n)} {self._item_name}")

    def _on_changed(self, changes: Changes) -> None:
        if self._loaded_once and any(getattr(changes, flag) for flag in self._watch):
            self.model.reload()

    def _open(self, row: int) -> None:
        item_id = self.model.id_at(row)
        if item_id is not None:
            self.opened.emit(item_id)

    def show_detail(self, item_id: int) -> None:
        def show(fields):
            dialog = DetailDialog(f"{self.title} – chi tiết", fields, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.last_detail = dialog

        run_read(lambda: self.browser.detail(item_id), show)
