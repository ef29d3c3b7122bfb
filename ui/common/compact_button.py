"""A tool button that shows its icon and text when there is room and the icon alone in a narrow
window, so a toolbar button does not raise the main window's minimum width."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget


class CompactToolButton(QToolButton):
    """Icon and text when there is room, the icon alone in a narrow window (so a new toolbar
    button does not raise the main window's minimum width)."""

    def __init__(self, text: str, button_icon, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(text)
        self.setIcon(button_icon)
        self.measure()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def measure(self) -> None:
        """Take the two sizes again (after a menu or popup mode changed them)."""
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self._small = super().sizeHint()
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._full = super().sizeHint()

    def setMenu(self, menu) -> None:
        super().setMenu(menu)
        self.measure()

    def setPopupMode(self, mode) -> None:
        super().setPopupMode(mode)
        self.measure()

    def sizeHint(self) -> QSize:
        return QSize(self._full)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._small)

    def resizeEvent(self, event) -> None:
        wide = event.size().width() >= self._full.width()
        style = Qt.ToolButtonStyle.ToolButtonTextBesideIcon if wide else Qt.ToolButtonStyle.ToolButtonIconOnly
        if self.toolButtonStyle() != style:
            self.setToolButtonStyle(style)
        super().resizeEvent(event)
