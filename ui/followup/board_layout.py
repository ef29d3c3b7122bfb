"""The follow-up board's widgets (layout only; behaviour is in section.py)."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.followup.categories import CATEGORY_LABELS
from desktop.followup.task_query import TaskFilter
from ui.common.dates import DateField
from ui.common.icons import icon, tool_button

GROUPINGS = (("Không nhóm", None), ("Nhóm theo đơn vị", "unit"), ("Nhóm theo văn bản", "document"))


def _pydate(edit: DateField) -> date:
    return edit.date().toPython()


class BoardLayout:
    def __init__(self, owner: QWidget, model, tree_model):
        # notice banner (non-modal)
        self.banner = QFrame(owner)
        self.banner.setObjectName("noticeBanner")
        self.banner.setStyleSheet("#noticeBanner { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 4px; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_show = QToolButton()
        self.banner_show.setText("Xem nhiệm vụ quá hạn")
        self.banner_close = QToolButton()
        self.banner_close.setIcon(icon("x"))
        self.banner_close.setToolTip("Ẩn thông báo")
        row = QHBoxLayout(self.banner)
        bell = QLabel()
        bell.setPixmap(icon("bell", "#664d03").pixmap(20, 20))
        row.addWidget(bell)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.banner_show)
        row.addWidget(self.banner_close)
        self.banner.hide()

        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(QLabel("<b>Theo dõi nhiệm vụ</b>"))
        self.toolbar.addSpacing(12)
        self.propose_button = tool_button("Đề xuất nhiệm vụ từ văn bản…", "file-import",
                                      "Đọc các mục của một văn bản đi và đề xuất nhiệm vụ, đơn vị, hạn")
        self.progress_button = tool_button("Cập nhật tiến độ…", "check",
                                       "Ghi nhận báo cáo (văn bản đến), ghi chú, hoàn thành")
        self.chase_button = tool_button("Soạn công văn đôn đốc", "send",
                                    "Soạn dự thảo công văn đôn đốc các đơn vị của nhiệm vụ đã chọn")
        self.add_button = tool_button("Thêm…", "plus", "Thêm nhiệm vụ bằng tay hoặc theo văn bản đến")
        for b in (self.propose_button, self.add_button, self.progress_button, self.chase_button):
            self.toolbar.addWidget(b)
        self.toolbar.addStretch(1)
        self.count_label = QLabel()
        self.toolbar.addWidget(self.count_label)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm nhiệm vụ (gõ có dấu hoặc không dấu)…")
        self.search.setMinimumWidth(220)
        self.search.setClearButtonEnabled(True)
        self.unit_combo = QComboBox()
        self.unit_combo.addItem("Mọi đơn vị", None)
        self.category_combo = QComboBox()
        self.category_combo.addItem("Mọi tình trạng", None)
        for key, label in CATEGORY_LABELS.items():
            self.category_combo.addItem(label, key)
        self.movement_combo = QComboBox()
        self.movement_combo.addItem("Mọi phong trào", None)
        self.dispatch_combo = QComboBox()
        self.dispatch_combo.addItem("Mọi văn bản", None)
        for combo, width in ((self.unit_combo, 170), (self.movement_combo, 170), (self.dispatch_combo, 260)):
            combo.setMinimumWidth(width)
            combo.setMaximumWidth(int(width * 2.2))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.due_box = QCheckBox("Hạn từ")
        today = date.today()
        self.due_from = DateField(today - timedelta(days=30))
        self.due_to = DateField(today + timedelta(days=30))
        self.group_combo = QComboBox()
        for label, key in GROUPINGS:
            self.group_combo.addItem(label, key)
        self.filters = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.search, 1)
        for w in (self.unit_combo, self.category_combo, self.movement_combo):
            first.addWidget(w)
        second.addWidget(self.dispatch_combo, 1)
        for w in (self.due_box, self.due_from, QLabel("đến"), self.due_to, self.group_combo):
            second.addWidget(w)
        second.addStretch(1)
        self.filters.addLayout(first)
        self.filters.addLayout(second)

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(owner.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        scale = max(1.0, owner.fontMetrics().height() / 16)
        for i, col in enumerate(model.columns):
            self.table.setColumnWidth(i, int(col.width * scale))
        sort_col = next(i for i, c in enumerate(model.columns) if c.key == model.sort_state[0])
        header.setSortIndicator(sort_col, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # after the indicator: enabling sorts by it
        self.tree = QTreeView()
        self.tree.setModel(tree_model)
        self.tree.setUniformRowHeights(True)  # thousands of groups scroll as fast as a list
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, width in enumerate((300, 45, 90, 190, 70, 300)):
            self.tree.setColumnWidth(i, width)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.tree)
        self.list_page = self.stack

    def set_choices(self, result) -> None:
        units, movements, dispatches = result
        for combo, items in ((self.unit_combo, units), (self.movement_combo, movements),
                             (self.dispatch_combo, dispatches)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for key, label in items:
                combo.addItem(label, key)
                combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

    def task_filter(self) -> TaskFilter:
        due = self.due_box.isChecked()
        return TaskFilter(
            unit_id=self.unit_combo.currentData(), category=self.category_combo.currentData(),
            movement_id=self.movement_combo.currentData(), outgoing_id=self.dispatch_combo.currentData(),
            due_from=_pydate(self.due_from) if due else None, due_to=_pydate(self.due_to) if due else None,
            text=self.search.text(),
        )
