""""Tổng quan": counts per official category and per unit as of a date, a bar chart, and the
overdue and due-soon lists. Data from `desktop.followup.dashboard` (read in the pool)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.settings import default
from desktop.core.vocabulary import short_date
from desktop.followup.categories import CATEGORY_LABELS, CATEGORY_ORDER
from desktop.followup.dashboard import Dashboard, dashboard
from desktop.followup.task_query import TaskFilter
from ui.common.background import run_read
from ui.common.dates import DateField
from ui.followup.board_model import CATEGORY_COLOURS, tone_brushes
from ui.followup.chart import StackedBarChart


class DashboardPanel(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.task_filter = TaskFilter()
        self.data: Dashboard | None = None
        self.as_of = DateField(date.today())
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>Tổng quan nhiệm vụ</b> tính đến ngày"))
        top.addWidget(self.as_of)
        top.addStretch(1)
        self.total_label = QLabel()
        top.addWidget(self.total_label)

        boxes = QHBoxLayout()
        self.category_values: dict[str, QLabel] = {}
        for key in CATEGORY_ORDER:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            colour = CATEGORY_COLOURS[key].name()
            frame.setStyleSheet(f"QFrame {{ border-left: 6px solid {colour}; }} QLabel {{ border: none; }}")
            inner = QVBoxLayout(frame)
            value = QLabel("–")
            value.setStyleSheet(f"font-size: 22pt; font-weight: bold; color: {colour};")
            caption = QLabel(CATEGORY_LABELS[key])
            caption.setWordWrap(True)
            inner.addWidget(value)
            inner.addWidget(caption)
            self.category_values[key] = value
            boxes.addWidget(frame, 1)

        self.chart = StackedBarChart()
        self.overdue_list = self._task_tree()
        self.soon_list = self._task_tree()
        lists = QGridLayout()
        lists.addWidget(QLabel("<b>Quá hạn</b>"), 0, 0)
        self.soon_label = QLabel(self._soon_title(default("followup/soon_days")))
        lists.addWidget(self.soon_label, 0, 1)
        lists.addWidget(self.overdue_list, 1, 0)
        lists.addWidget(self.soon_list, 1, 1)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addLayout(boxes)
        layout.addWidget(QLabel("<b>Theo đơn vị</b> (đơn vị có nhiều nhiệm vụ quá hạn nhất ở trên)"))
        layout.addWidget(self.chart)
        layout.addLayout(lists, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _soon_title(days: int) -> str:
        return f"<b>Đến hạn trong {days} ngày tới</b>"

    @staticmethod
    def _task_tree() -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(["Hạn", "Đơn vị", "Văn bản, mục", "Đôn đốc"])
        tree.setRootIsDecorated(False)
        tree.setColumnWidth(0, 90)
        tree.setColumnWidth(1, 220)
        tree.setColumnWidth(2, 140)
        tree.setMinimumHeight(140)
        return tree

    def current_as_of(self) -> date:
        return self.as_of.date().toPython()

    def refresh(self, task_filter: TaskFilter | None = None) -> None:
        if task_filter is not None:
            self.task_filter = task_filter
        as_of, flt = self.current_as_of(), self.task_filter
        run_read(lambda: dashboard(self.ctx, as_of, flt), self._show)

    def _show(self, data: Dashboard) -> None:
        self.data = data
        for key, label in self.category_values.items():
            label.setText(str(data.by_category[key]))
        self.total_label.setText(f"Tổng số: <b>{data.total}</b> nhiệm vụ")
        self.soon_label.setText(self._soon_title(data.soon_days))
        self.chart.set_data(
            [(u.unit, [u.counts[k] for k in CATEGORY_ORDER]) for u in data.by_unit],
            [(CATEGORY_LABELS[k], CATEGORY_COLOURS[k]) for k in CATEGORY_ORDER],
        )
        for tree, rows, tone in ((self.overdue_list, data.overdue, "overdue"), (self.soon_list, data.due_soon, "soon")):
            tree.clear()
            for r in rows:
                item = QTreeWidgetItem([short_date(r.deadline), r.unit,
                                        f"{r.document} mục {r.item_label}" if r.item_label else r.document,
                                        str(r.chases)])
                item.setToolTip(1, r.title)
                for col in range(4):
                    item.setBackground(col, tone_brushes(tone, Qt.ItemDataRole.BackgroundRole))
                    item.setForeground(col, tone_brushes(tone, Qt.ItemDataRole.ForegroundRole))
                tree.addTopLevelItem(item)
