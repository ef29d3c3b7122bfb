"""A stacked horizontal bar chart painted with QPainter (no QtCharts): one bar per unit,
one segment per official category, with a legend."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class StackedBarChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, list[int]]] = []
        self._series: list[tuple[str, QColor]] = []
        self._max_rows = 12
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, rows: list[tuple[str, list[int]]], series: list[tuple[str, QColor]]) -> None:
        """`rows`: (label, value per series); `series`: (legend label, colour)."""
        self._rows = rows[: self._max_rows]
        self._series = series
        self.updateGeometry()
        self.update()

    @property
    def rows(self) -> list[tuple[str, list[int]]]:
        return list(self._rows)

    def _bar_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        return QSize(520, self._bar_height() * (max(1, len(self._rows)) + 2) + 16)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        bar_h = self._bar_height()
        if not self._rows:
            p.setPen(self.palette().color(self.foregroundRole()))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Chưa có nhiệm vụ để thống kê.")
            return
        label_w = min(int(self.width() * 0.42), max(fm.horizontalAdvance(label) for label, _ in self._rows) + 12)
        total_w = self.width() - label_w - 48
        biggest = max(1, max(sum(values) for _, values in self._rows))
        text_pen = QPen(self.palette().color(self.foregroundRole()))
        y = 4
        for label, values in self._rows:
            p.setPen(text_pen)
            shown = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(QRectF(0, y, label_w - 8, bar_h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown)
            x = float(label_w)
            for (name, colour), value in zip(self._series, values):
                if value <= 0:
                    continue
                w = total_w * value / biggest
                p.fillRect(QRectF(x, y + 3, w, bar_h - 6), colour)
                if w > fm.horizontalAdvance(str(value)) + 4:
                    p.setPen(QPen(QColor("white")))
                    p.drawText(QRectF(x, y, w, bar_h), Qt.AlignmentFlag.AlignCenter, str(value))
                x += w
            p.setPen(text_pen)
            p.drawText(QRectF(x + 4, y, 44, bar_h), Qt.AlignmentFlag.AlignVCenter, str(sum(values)))
            y += bar_h
        # legend
        y += 8
        x = float(label_w)
        for name, colour in self._series:
            p.fillRect(QRectF(x, y + bar_h / 2 - 5, 10, 10), colour)
            p.setPen(text_pen)
            p.drawText(QRectF(x + 14, y, fm.horizontalAdvance(name) + 4, bar_h), Qt.AlignmentFlag.AlignVCenter, name)
            x += fm.horizontalAdvance(name) + 30
        p.end()
