"""The table of one dispatch's tracking rows (units × status): what the Phản hồi window shows.

Rows are plain `TrackingRow`s read off the GUI thread; the filter ("chưa phản hồi", "quá hạn")
is applied here, on the few dozen rows of one dispatch. Colours come from the status codes.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.text import fold
from desktop.core.vocabulary import CHANNEL_LABELS, short_date
from desktop.tracking.query import TrackingRow

COLUMNS = ("Đơn vị", "Dòng in trên văn bản", "Đã gửi", "Cách gửi", "Đã nhận", "Trả lời", "Tình trạng")
WIDTHS = (250, 220, 95, 115, 95, 175, 170)
FILTERS = (("all", "Tất cả đơn vị"), ("pending", "Chưa phản hồi"), ("late", "Quá hạn"))
_TONES = {  # status code: (background, foreground)
    "overdue": ("#f8d7da", "#842029"),
    "late_reply": ("#fff3cd", "#664d03"),
    "on_time": (None, "#1e6b34"),
    "copy": (None, "#6c757d"),
    "untracked": (None, "#6c757d"),
}


def _when(value) -> str:
    return short_date(value) if value else ""


class TrackingRowsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.all_rows: list[TrackingRow] = []
        self.rows: list[TrackingRow] = []
        self.filter_key = "all"
        self.search = ""

    def set_rows(self, rows: list[TrackingRow]) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self.rows = [r for r in self.all_rows if self._shown(r)]
        self.endResetModel()

    def set_filter(self, key: str | None = None, text: str | None = None) -> None:
        """Show all rows, the rows still waiting ("pending") or the late ones ("late"); `text`
        keeps the rows whose unit or line contains it (accents and case ignored)."""
        self.filter_key = key if key is not None else self.filter_key
        self.search = fold(text) if text is not None else self.search
        self.set_rows(self.all_rows)

    def _shown(self, row: TrackingRow) -> bool:
        if self.search and self.search not in fold(f"{row.unit} {row.line}"):
            return False
        if self.filter_key == "pending":
            return row.pending
        if self.filter_key == "late":
            return row.late
        return True

    def row_at(self, index: int) -> TrackingRow | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def cell(self, row: TrackingRow, column: int) -> str:
        return (
            row.unit, row.line, _when(row.sent_at), CHANNEL_LABELS.get(row.channel or "", ""),
            _when(row.acknowledged_at), row.reply_label, row.status_label,
        )[column]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        tone = _TONES.get(row.status)
        if tone is not None and role == Qt.ItemDataRole.BackgroundRole and tone[0]:
            return QBrush(QColor(tone[0]))
        if tone is not None and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(tone[1]))
        return None

    @staticmethod
    def _tooltip(row: TrackingRow) -> str:
        parts = [row.unit, f"Dòng in: {row.line}"]
        if row.backfilled:
            parts.append("Thành viên nhóm theo danh mục ngày nâng cấp dữ liệu (văn bản ban hành trước khi theo dõi).")
        if row.reply_id is not None:
            how = "tự liên kết (văn bản dẫn chiếu công văn này)" if row.reply_link == "auto" else "văn thư ghi nhận"
            parts.append(f"Trả lời: {row.reply_label} – {how}")
        if row.unit_id is None:
            parts.append("Dòng ghi tự do: chọn “Gắn đơn vị…” để theo dõi.")
        return "\n".join(parts)
