"""Long work as a plain function with cancel and progress (calibre's threaded_jobs contract).

A job is `fn(*args, progress=..., cancel=...)`; it reports `progress(fraction, message)` and
checks `cancel.raise_if_cancelled()` between steps. The GUI adapts this to a progress dialog
with a Cancel button; tests and the CLI call the function directly.
"""
from __future__ import annotations

import threading
from typing import Callable


class Cancelled(Exception):
    """Raised inside a job when the user cancelled it."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def no_progress(fraction: float, message: str = "") -> None:
    """A progress sink that ignores reports (CLI and tests)."""


ProgressFn = Callable[[float, str], None]
