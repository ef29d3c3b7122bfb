"""Windows that fit an office laptop: 1366×768 at 125 % is about 1093×614 logical pixels, less the taskbar.

`fit_window(window, key, width, height)` opens a window or dialog at the size it had when last closed,
else at its preferred size, never larger than the available area of its screen (room left for the title
bar), and remembers its size when it is hidden. The sizes are per-user settings `windows/<key>`
(declared in desktop/core/settings/options.py, kept in ui.ini beside the data).
"""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.common.user_settings import user_settings

TITLE_BAR = 32  # logical pixels a window system's title bar and borders take above the client area
BORDER = 8
_SIZE = re.compile(r"(\d+)x(\d+)")


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen (its parent's, before it is shown) not taken by the taskbar."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1093, 574)


def largest_size(widget: QWidget) -> QSize:
    """The largest client size whose frame still fits the available area."""
    area = available_area(widget)
    return QSize(area.width() - 2 * BORDER, area.height() - TITLE_BAR - BORDER)


def fit_window(window: QWidget, key: str, width: int = 0, height: int = 0, *, center: bool = False) -> None:
    """Size `window` (remembered, else width × height; a 0 takes the size hint's) within the screen,
    and remember its size when it is hidden."""
    saved = _SIZE.fullmatch(user_settings().value(f"windows/{key}"))
    hint = window.sizeHint()
    preferred = QSize(width or hint.width(), height or hint.height())
    size = QSize(int(saved.group(1)), int(saved.group(2))) if saved else preferred
    size = size.boundedTo(largest_size(window))
    window.resize(size)
    if center:
        area = available_area(window)
        frame = QRect(0, 0, size.width() + 2 * BORDER, size.height() + TITLE_BAR + BORDER)
        frame.moveCenter(area.center())
        window.move(max(area.left(), frame.left()), max(area.top(), frame.top()))
    _SizeKeeper(window, key)


def clamp_to_screen(window: QWidget) -> None:
    """Shrink a window whose restored geometry is larger than its screen now offers."""
    size = window.size().boundedTo(largest_size(window))
    if size != window.size():
        window.resize(size)


def keep_inside(window: QWidget) -> None:
    """Move a window whose frame sticks out of the available area back inside it (a dialog centred on
    a parent near the screen's edge)."""
    area, frame = available_area(window), window.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(window.x() + x - frame.left(), window.y() + y - frame.top())


class _SizeKeeper(QObject):
    """Keeps the window inside the screen when shown; writes its size to ui.ini each time it is
    hidden (closed, accepted, rejected)."""

    def __init__(self, window: QWidget, key: str):
        super().__init__(window)
        self._key = f"windows/{key}"
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            keep_inside(watched)
        elif event.type() == QEvent.Type.Hide and isinstance(watched, QWidget) and not watched.isMinimized():
            store = user_settings()
            store.set_value(self._key, f"{watched.width()}x{watched.height()}")
            store.sync()
        return False
