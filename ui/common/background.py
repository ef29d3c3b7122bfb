"""Running work off the GUI thread; results reach widgets only on the GUI thread.

- `run_read(fn, on_done)`: a read or non-DB job (render, parse, large query) in the pool.
- `run_write(fn, on_done)`: a DB write on the one serial lane; the `Changes` it returns
  is announced on the change bus after `on_done`.
- `run_job(fn, parent, title)`: long work with a progress dialog and a Cancel button; `fn`
  takes `progress` and `cancel` (desktop.core.jobs contract).

Tests call `set_inline(True)` so jobs run synchronously (Picard's FakeThreadPool idea).
"""
from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.changes import Changes
from desktop.core.jobs import CancelToken, Cancelled

_inline = False
_pool: QThreadPool | None = None
_write_lane: QThreadPool | None = None
_alive: set[_Relay] = set()  # keep relays alive until their result is delivered


def set_inline(value: bool) -> None:
    """Run every job synchronously on the calling thread (tests)."""
    global _inline
    _inline = value


def pools() -> tuple[QThreadPool, QThreadPool]:
    global _pool, _write_lane
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
        _write_lane = QThreadPool()
        _write_lane.setMaxThreadCount(1)  # one serial lane for DB writes
    return _pool, _write_lane  # type: ignore[return-value]


def wait_for_all(msecs: int = 10_000) -> None:
    """Block until queued jobs end (application shutdown and test teardown)."""
    if _pool is not None:
        _pool.waitForDone(msecs)
        _write_lane.waitForDone(msecs)  # type: ignore[union-attr]


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread through a queued signal."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(float, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:  # worker thread: touch no widget here
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


def _submit(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
    pool_index: int,
    after: Callable[[Any], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> _Relay:
    relay = _Relay()

    def finish(result: Any) -> None:
        _alive.discard(relay)
        if on_done is not None:
            on_done(result)
        if after is not None:
            after(result)

    def fail(exc: BaseException) -> None:
        _alive.discard(relay)
        if isinstance(exc, Cancelled):
            if on_cancelled is not None:
                on_cancelled()
            return
        (on_error or default_error_handler)(exc)

    relay.done.connect(finish)
    relay.failed.connect(fail)
    if _inline:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001
            fail(exc)
        else:
            finish(result)
        return relay
    _alive.add(relay)
    pools()[pool_index].start(_Task(fn, relay))
    return relay


def run_read(fn, on_done=None, on_error=None) -> _Relay:
    """Run `fn()` in the pool; `on_done(result)` runs later on the GUI thread."""
    return _submit(fn, on_done, on_error, 0)


def run_write(fn: Callable[[], tuple[Any, Changes] | Changes], on_done=None, on_error=None) -> _Relay:
    """Run a service write on the serial lane; announce its Changes on the change bus.

    `fn` returns a Changes, or a (value, Changes) pair; `on_done` receives the value (or the
    Changes) before the bus tells every view what changed.
    """
    from ui.common.change_bus import change_bus

    def split(result):
        if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Changes):
            return result
        return result, result if isinstance(result, Changes) else Changes()

    def done(result):
        value, _ = split(result)
        if on_done is not None:
            on_done(value)

    def announce(result):
        _, changes = split(result)
        if changes.any():
            change_bus().changed.emit(changes)

    return _submit(fn, done, on_error, 1, after=announce)


def run_job(fn, on_done=None, on_error=None, *, parent=None, title: str = "Đang xử lý…",
            announce: bool = False) -> CancelToken:
    """Long work with a progress window (Hủy stops it between steps). The callbacks are dropped
    when `parent` is gone by the time the job ends (a window closed meanwhile); with `announce`,
    the result's `changes` (a Changes: what the job wrote) go on the change bus all the same."""
    import shiboken6

    from ui.common.progress import JobDialog

    token = CancelToken()
    dialog = JobDialog(title, parent)
    dialog.canceled.connect(token.cancel)
    relay = _Relay()  # progress, from the worker thread to the GUI thread (queued)
    relay.progressed.connect(dialog.set_progress)

    def progress(fraction: float, message: str = "") -> None:  # called on the worker thread
        relay.progressed.emit(fraction, message)

    def close_then(callback, result: bool):
        def inner(value):
            if shiboken6.isValid(dialog):
                dialog.end()
            if parent is None or shiboken6.isValid(parent):  # else the window that asked is gone
                if callback is not None:
                    callback(value)
            changes = getattr(value, "changes", None) if result and announce else None
            if isinstance(changes, Changes) and changes.any():
                from ui.common.change_bus import change_bus

                change_bus().changed.emit(changes)
        return inner

    def cancelled() -> None:
        if shiboken6.isValid(dialog):
            dialog.end()

    _submit(lambda: fn(progress=progress, cancel=token), close_then(on_done, True),
            close_then(on_error or default_error_handler, False), 0, on_cancelled=cancelled)
    return token


def default_error_handler(exc: BaseException) -> None:
    """Show an unexpected failure as one Vietnamese message box."""
    from ui.common.messages import show_error

    show_error(None, str(exc) or exc.__class__.__name__)


