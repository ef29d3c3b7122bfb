"""The grouped view of the board: the filtered tasks under one node per unit or dispatch."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from desktop.core.vocabulary import short_date
from desktop.followup.task_query import TaskRow
from ui.followup.board_model import tone_brushes

TREE_COLUMNS = ["Đơn vị / văn bản", "Mục", "Hạn", "Tình trạng", "Đôn đốc", "Nhiệm vụ"]


def _key(row: TaskRow, grouping: str) -> str:
    if grouping == "unit":
        return row.unit or "(chưa xác định đơn vị)"
    return f"{row.document} – {row.document_subject}" if row.document else "(không có văn bản)"


def fill_grouped(tree: QTreeWidget, rows: list[TaskRow], grouping: str) -> None:
    """Group `rows` by "unit" or "document"; each group shows its size and overdue count."""
    tree.clear()
    groups: dict[str, list[TaskRow]] = {}
    for row in rows:
        groups.setdefault(_key(row, grouping), []).append(row)
    bold = QFont(tree.font())
    bold.setBold(True)
    for name, members in groups.items():
        overdue = sum(1 for r in members if r.overdue)
        parent = QTreeWidgetItem([name, "", "", f"{len(members)} nhiệm vụ" + (f", {overdue} quá hạn" if overdue else "")])
        parent.setFont(0, bold)
        parent.setFirstColumnSpanned(False)
        tree.addTopLevelItem(parent)
        for r in members:
            first = (r.document or "(giao trực tiếp)") if grouping == "unit" else r.unit
            child = QTreeWidgetItem([first, r.item_label or "", short_date(r.deadline),
                                     r.category_label, str(r.chases), r.title])
            child.setData(0, Qt.ItemDataRole.UserRole, r.id)
            child.setToolTip(5, r.title)
            tone = "overdue" if r.overdue else "soon" if r.due_soon else None
            if tone:
                for col in range(len(TREE_COLUMNS)):
                    child.setBackground(col, tone_brushes(tone, Qt.ItemDataRole.BackgroundRole))
                    child.setForeground(col, tone_brushes(tone, Qt.ItemDataRole.ForegroundRole))
            parent.addChild(child)
        parent.setExpanded(True)
