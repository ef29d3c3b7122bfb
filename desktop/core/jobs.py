"""Long work as a plain function with cancel and progress (calibre's threaded_jobs contract).

A job is `fn(*args, progress=..., cancel=...)`; it reports `progress(fraction, message)` and
checks `cancel.raise_if_cancelled()` between steps. The GUI adapts this to a progress dialog
with a Cancel button; tests and the CLI call the function directly.

Which lane a job runs on, and why:
- The job itself (reading files, parsing, rendering: seconds to minutes) runs in the GUI's
  read pool, never on the serial write lane: a long job there would hold every single edit
  queued behind it (Save, Ban hành would wait for a whole folder import).
- A job that writes takes a third argument, `write`, and makes every write through it:
  `write(lambda: service(ctx, ...))` runs that one service call on the serial write lane,
  through the one write door (desktop/core/writes.py: its lock order, its retry of
  conflicts), while the job's thread waits, and returns what the call returned. So a job's
  writes never overlap another write and go one at a time between single edits. The GUI adds
  up the `Changes` of those calls and announces them once on the change bus when the job
  ends (done, failed or cancelled), the same `changed(...)` a single edit sends; a job never
  announces by hand and never opens a write session itself.
- Outside the GUI (the CLI, tests) `write` is `write_here`: the same door on the job's own
  thread.
"""
from __future__ import annotations

import threading
from typing import Any, Callable


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


WriteFn = Callable[[Callable[[], Any]], Any]
"""A job's `write`: runs one service call through the write door, returns what it returned."""


def write_here(call: Callable[[], Any]) -> Any:
    """The `write` of a job run outside the GUI (CLI, tests): the write door on this thread."""
    from desktop.core.writes import perform

    return perform(call)
