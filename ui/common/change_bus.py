"""One `changed(Changes)` signal: every write announces what it changed; each view redraws
itself when the flags it shows are set. No view refreshes another."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    changed = Signal(object)  # desktop.core.changes.Changes


_bus: ChangeBus | None = None


def change_bus() -> ChangeBus:
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus
