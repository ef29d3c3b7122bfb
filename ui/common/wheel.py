"""Combo boxes and spin boxes (dates included) ignore the mouse wheel unless they have the focus.

Scrolling a long form must scroll the form, never change the urgency or the signer under the
pointer. One application-wide event filter does it for every such widget, wherever it is built:
at polish time they stop taking the focus from the wheel (Qt gives wheel-focus before any filter
sees the event), and a wheel event over one without the focus is passed on to its parents, so the
scroll area around it scrolls. Clicked or tabbed into, the wheel works as usual.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

_GUARDED = (QComboBox, QAbstractSpinBox)
_WHEEL, _POLISH = QEvent.Type.Wheel, QEvent.Type.Polish


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == _WHEEL:
            if isinstance(watched, _GUARDED) and not watched.hasFocus():
                event.ignore()  # not accepted: Qt offers it to the parent (the scroll area)
                return True
        elif kind == _POLISH and isinstance(watched, _GUARDED):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on `app` once (it lives as long as the application)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
