"""Icons from resources/icons (Tabler, MIT), tinted to the palette's text colour, and the tool
button that shows one beside its text."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QToolButton
from PySide6.QtSvg import QSvgRenderer


@lru_cache(maxsize=None)
def icon(name: str, color: str = "#1f3b63") -> QIcon:
    try:
        svg = resources.files("resources.icons").joinpath(f"{name}.svg").read_text(encoding="utf-8")
    except FileNotFoundError:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode("utf-8")))
    result = QIcon()
    for size in (16, 20, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(Qt.GlobalColor.transparent))
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def tool_button(text: str, button_icon: QIcon | str, tip: str = "") -> QToolButton:
    """A tool button with its icon (a QIcon or an icon name) beside its text."""
    button = QToolButton()
    button.setText(text)
    button.setIcon(icon(button_icon) if isinstance(button_icon, str) else button_icon)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setToolTip(tip or text)
    return button
