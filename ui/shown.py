"""`--exit-when-shown`: leave the event loop once the main window is painted with its first list's rows.

The current section's table must have its ids (`model.ready`) and then paint its viewport (which
fetches the visible rows); a section without a table counts as shown when the window paints.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FirstRowsShown(QObject):
    def __init__(self, app: QApplication, window, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self.done = False
        section = window.stack.currentWidget()
        model = getattr(section, "model", None)
        table = getattr(section, "table", None)
        self._ready = model is None or bool(getattr(model, "ready", True))
        if model is not None and not self._ready:
            model.loaded.connect(self._on_loaded)
        self._target: QWidget = table.viewport() if table is not None and table.isVisible() else window
        self._target.installEventFilter(self)

    def _on_loaded(self, _rows: int) -> None:
        self._ready = True
        self._target.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._ready and not self.done:
            self.done = True
            QTimer.singleShot(0, self._app.quit)  # after this paint has finished
        return False


def exit_when_shown(app: QApplication, window) -> int:
    """Run the event loop until the first rows are painted; 0 then (the watchdog handles never)."""
    probe = FirstRowsShown(app, window)
    if not probe.done:
        app.exec()
    return 0 if probe.done else 1
