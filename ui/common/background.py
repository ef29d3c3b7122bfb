"""Running work off the GUI thread; results reach widgets only on the GUI thread.

- `run_read(fn, on_done)`: a read or non-DB job (render, parse, large query) in the pool.
- `run_lookup(fn, on_done)`: a short read a clerk waits for (a list's first page, the search box
  as they type) on a lane of its own, never queued behind long reads.
- `run_write(fn, on_done)`: a DB write on the one serial lane; the `Changes` it returns
  is announced on the change bus after `on_done`.
- `run_job(fn, parent, title)`: long work with a progress dialog and a Cancel button; `fn`
  takes `progress` and `cancel` (desktop.core.jobs contract), and with `writes=True` also
  `write`: the job runs in the pool, each of its writes on the serial lane, and what they
  changed is announced on the change bus when it ends.
- `run_task(fn, on_done, on_progress=)`: the same contract for a window that shows progress and
  Hủy itself; `on_gui_thread(fn)` lets a running job hand a first result to the GUI.

Every write, a single edit or a job's step, enters the lane through `on_write_lane`, which
calls the one write door (desktop.core.writes.perform: the lock order, conflicts retried).

A failure reaches `on_error` as `desktop.storage.problems.user_facing(exc)`: a storage failure (read-only,
locked, disk full, file gone, share lost, server down) is one Vietnamese sentence saying what to do, and
no database error shows its SQL.

Nothing tied to a Qt connection may die on a worker thread: the job, what its closure holds and its
relays are let go of on the GUI thread once the worker has let go of them (`_forget`); otherwise PySide
disconnects on the worker while the GUI thread disconnects too, and the two wait for each other.

Tests call `set_inline(True)` so jobs run synchronously (Picard's FakeThreadPool idea).
"""
from __future__ import annotations

import threading
import traceback
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from desktop.core.changes import Changes, split
from desktop.core.jobs import CancelToken, Cancelled
from desktop.core.writes import perform
from desktop.storage.problems import user_facing

_inline = False
_pool: QThreadPool | None = None
_write_lane: QThreadPool | None = None
_lookup_lane: QThreadPool | None = None
_alive: set[_Relay] = set()  # keep relays alive until their result is delivered
_database_path: Path | None = None  # the SQLite file in use, to tell a lost share from a disk error


def set_database_path(path: Path | None) -> None:
    """The database file the jobs use (storage failures are said in Vietnamese, about it)."""
    global _database_path
    _database_path = path


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


def _lane(index: int) -> QThreadPool:
    """0: reads, 1: the serial write lane, 2: short lookups."""
    global _lookup_lane
    if index < 2:
        return pools()[index]
    if _lookup_lane is None:
        _lookup_lane = QThreadPool()
        _lookup_lane.setMaxThreadCount(1)
    return _lookup_lane


def wait_for_all(msecs: int = 10_000) -> None:
    """Block until queued jobs end (application shutdown and test teardown)."""
    if _pool is not None:
        _pool.waitForDone(msecs)
        _write_lane.waitForDone(msecs)  # type: ignore[union-attr]
    if _lookup_lane is not None:
        _lookup_lane.waitForDone(msecs)


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread through a queued signal."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(float, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, gone: threading.Event):
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._gone = gone

    def run(self) -> None:  # worker thread: touch no widget here
        fn, relay, gone = self._fn, self._relay, self._gone
        # The pool may keep this object's Python side after the run: it must not keep the job.
        self._fn = self._relay = self._gone = None
        try:
            try:
                result = fn()
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
                exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
                relay.failed.emit(exc)
            else:
                relay.done.emit(result)
                result = None
        finally:
            # This thread lets go of the job first; the GUI thread holds the relay, the job and what
            # `keep` names until then, so nothing tied to a Qt connection dies here. Such an object
            # dying on this thread makes PySide disconnect it, while the GUI thread, holding the GIL,
            # may be disconnecting too: each then waits for what the other holds (Qt's connection
            # locks, shared between objects, and the GIL), for ever.
            fn = relay = None
            gone.set()


def _submit(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
    pool_index: int,
    after: Callable[[Any], None] | None = None,
    at_end: Callable[[], None] | None = None,
    keep: object = None,
) -> _Relay:
    """`after(result)` follows `on_done`; `at_end()` follows whatever ended the work (done,
    failed or cancelled). `keep` (e.g. a progress relay the job emits on) is let go of on the GUI
    thread, once the worker has let go of the job."""
    relay = _Relay()
    relay.keep = keep

    def finish(result: Any) -> None:
        _release(relay)
        if on_done is not None:
            on_done(result)
        if after is not None:
            after(result)
        if at_end is not None:
            at_end()

    def fail(exc: BaseException) -> None:
        _release(relay)
        if not isinstance(exc, Cancelled):
            (on_error or default_error_handler)(user_facing(exc, _database_path))
        if at_end is not None:
            at_end()

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
    relay.worker_gone = threading.Event()
    # the job itself too: what its closure holds (a cancel token connected to a dialog's signal, a
    # progress relay) dies on this thread, never on the worker's
    relay.keep = (fn, keep)
    _alive.add(relay)
    _lane(pool_index).start(_Task(fn, relay, relay.worker_gone))
    return relay


def _release(relay: _Relay) -> None:
    """A delivered relay lets go of its callbacks. They refer to the relay (and to the widgets that
    asked), and a cycle through a Qt connection is never collected: each job would keep its
    window alive for the rest of the day."""
    for signal in (relay.done, relay.failed):
        signal.disconnect()
    _forget(relay)


def _forget(relay: _Relay) -> None:
    """Drop the relay (and what it keeps) here, on the GUI thread, once its worker has let go of it."""
    gone = getattr(relay, "worker_gone", None)
    if gone is None or gone.is_set():
        _alive.discard(relay)
        relay.keep = None
    else:  # the worker is still returning from its run: a moment later
        QTimer.singleShot(5, lambda: _forget(relay))


def run_read(fn, on_done=None, on_error=None) -> _Relay:
    """Run `fn()` in the pool; `on_done(result)` runs later on the GUI thread."""
    return _submit(fn, on_done, on_error, 0)


def on_write_lane(call: Callable[[], Any]) -> Any:
    """The write lane's entry point: every write of the GUI (a `run_write`, or one `write` of a
    job) runs here, on the lane's one thread (inline in tests), through the one write door."""
    return perform(call)


def run_lookup(fn, on_done=None, on_error=None) -> _Relay:
    """Run a short read `fn()` on the lookup lane (one thread of its own); `on_done` on the GUI thread."""
    return _submit(fn, on_done, on_error, 2)


def run_write(fn: Callable[[], tuple[Any, Changes] | Changes], on_done=None, on_error=None) -> _Relay:
    """Run a service write on the serial lane; announce its Changes on the change bus.

    `fn` returns a Changes, or a (value, Changes) pair (desktop.core.changes.split); `on_done`
    receives the value (or the Changes) before the bus tells every view what changed.
    """
    def done(result):
        if on_done is not None:
            on_done(split(result)[0])

    return _submit(lambda: on_write_lane(fn), done, on_error, 1, after=lambda result: _announce(split(result)[1]))


def _announce(changes: Changes) -> None:
    from ui.common.change_bus import change_bus

    if changes.any():
        change_bus().changed.emit(changes)


class _LaneCall(QRunnable):
    """One call of a job's `write`, run on the write lane; the job's thread waits on `future`."""

    def __init__(self, call: Callable[[], Any], future: Future):
        super().__init__()
        self._call, self._future = call, future

    def run(self) -> None:  # the write lane's thread
        try:
            self._future.set_result(on_write_lane(self._call))
        except BaseException as exc:  # noqa: BLE001 - the job's thread re-raises it
            self._future.set_exception(exc)


class _JobWriter:
    """A job's `write` (desktop.core.jobs): each call runs on the write lane while the job's
    thread waits for it; the Changes of the calls are added up for `run_job` to announce."""

    def __init__(self) -> None:
        self.changes = Changes()

    def __call__(self, call: Callable[[], Any]) -> Any:
        if _inline:
            result = on_write_lane(call)
        else:
            future: Future = Future()
            pools()[1].start(_LaneCall(call, future))
            result = future.result()
        self.changes |= split(result)[1]
        return result


def run_job(fn, on_done=None, on_error=None, *, parent=None, title: str = "Đang xử lý…",
            writes: bool = False) -> CancelToken:
    """Long work with a progress window (Hủy stops it between steps), in the pool.

    With `writes`, `fn` also takes `write` and makes its writes through it: each runs on the
    serial write lane, and what they changed is announced on the change bus once the job has
    ended, done, failed or cancelled (see desktop.core.jobs for why) — even when the window that
    started it was closed meanwhile; then only its callbacks are dropped.
    """
    import shiboken6

    from ui.common.progress import JobDialog

    token = CancelToken()
    dialog = JobDialog(title, parent)
    dialog.canceled.connect(token.cancel)
    relay = _Relay()  # progress, from the worker thread to the GUI thread (queued); kept by the job's relay
    relay.progressed.connect(dialog.set_progress)

    def progress(fraction: float, message: str = "") -> None:  # called on the worker thread
        relay.progressed.emit(fraction, message)

    def close_then(callback):
        def inner(value):
            if shiboken6.isValid(dialog):
                dialog.end()
            if callback is not None and (parent is None or shiboken6.isValid(parent)):
                callback(value)  # else the window that asked is gone: nobody to tell
        return inner

    writer = _JobWriter() if writes else None
    extra = {"write": writer} if writer is not None else {}

    def end() -> None:  # done, failed or cancelled
        if shiboken6.isValid(dialog):  # (a deleted dialog took its connection with it)
            relay.progressed.disconnect()  # let go of the dialog (see _release)
            dialog.end()
        if writer is not None:
            _announce(writer.changes)

    _submit(lambda: fn(progress=progress, cancel=token, **extra), close_then(on_done),
            close_then(on_error or default_error_handler), 0, at_end=end, keep=relay)
    return token


CANCELLED = object()  # what `run_task` hands `on_done` when the job was cancelled


def run_task(fn, on_done=None, on_error=None, *, on_progress=None, token: CancelToken | None = None) -> CancelToken:
    """Long work whose window shows the progress itself (a bar and a Hủy button of its own, so
    the clerk can keep reading what is already there): `fn(progress=, cancel=)` runs in the pool,
    `on_progress(fraction, message)` and `on_done(result)` run on the GUI thread; a cancelled job
    ends with `on_done(CANCELLED)`. Returns the token that Hủy cancels (`token`, when given: the
    caller holds it before the work starts, which matters when tests run it inline)."""
    token = token if token is not None else CancelToken()
    relay = _Relay()
    if on_progress is not None:
        relay.progressed.connect(on_progress)

    def progress(fraction: float, message: str = "") -> None:  # any thread
        relay.progressed.emit(fraction, message)

    def job():
        try:
            return fn(progress=progress, cancel=token)
        except Cancelled:
            return CANCELLED

    def done(value):
        if on_done is not None:
            on_done(value)

    _submit(job, done, on_error, 0, keep=relay)
    return token


def on_gui_thread(fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """A callable that any thread may call with one value; `fn(value)` runs on the GUI thread
    (a worker hands a first result to the window while it goes on). Create it on the GUI thread and
    keep it referenced there until the job is over: its relay is a QObject, which must not be
    destroyed by the worker thread when the job lets go of it."""
    relay = _Relay()
    relay.done.connect(fn)

    def call(value: Any) -> None:
        relay.done.emit(value)

    call.relay = relay  # type: ignore[attr-defined]  # the relay lives as long as the callable
    return call


def default_error_handler(exc: BaseException) -> None:
    """Show an unexpected failure as one Vietnamese message box."""
    from ui.common.messages import show_error

    show_error(None, str(exc) or exc.__class__.__name__)


