"""The GUI's lanes: a single edit and every write of a long job go through the write lane's
entry point and the write door; what a job wrote is announced once on changed(...), however
the job ends."""
from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy.exc import OperationalError

from desktop.core.changes import Changes
from desktop.core.jobs import Cancelled


@pytest.fixture
def heard():
    from ui.common.change_bus import change_bus

    got: list[Changes] = []
    change_bus().changed.connect(got.append)
    yield got
    change_bus().changed.disconnect(got.append)


@pytest.fixture
def no_pause(monkeypatch):
    from types import SimpleNamespace

    import desktop.core.writes as writes

    pauses: list[float] = []
    monkeypatch.setattr(writes, "time", SimpleNamespace(sleep=pauses.append))  # the door's pauses, nothing else
    return pauses


def _locked() -> OperationalError:
    return OperationalError("UPDATE tasks ...", {}, sqlite3.OperationalError("database is locked"))


def test_a_single_edit_meeting_a_conflict_is_retried_by_the_door_and_announced_once(qapp, heard, no_pause):
    from ui.common.background import run_write

    attempts, done = [], []

    def edit():
        attempts.append(1)
        if len(attempts) < 3:
            raise _locked()
        return 7, Changes(tasks=True)

    run_write(edit, done.append, lambda exc: pytest.fail(f"the conflict reached the GUI: {exc}"))
    assert len(attempts) == 3 and len(no_pause) == 2
    assert done == [7] and heard == [Changes(tasks=True)]


def _job_writing(changes_list, then=None):
    def job(progress, cancel, write):
        for changes in changes_list:
            write(lambda c=changes: c)
        if then is not None:
            raise then
        return "xong"
    return job


def test_a_job_announces_what_its_writes_changed_once_when_it_ends(qapp, heard):
    from ui.common.background import run_job

    done = []
    run_job(_job_writing([Changes(incoming=True), Changes(registers=True)]), done.append, writes=True)
    assert done == ["xong"] and heard == [Changes(incoming=True, registers=True)]


@pytest.mark.parametrize("ending", [Cancelled(), RuntimeError("hỏng")])
def test_a_cancelled_or_failed_job_still_announces_what_it_wrote(qapp, heard, ending):
    from ui.common.background import run_job

    errors = []
    run_job(_job_writing([Changes(incoming=True)], then=ending), lambda _v: pytest.fail("not done"),
            errors.append, writes=True)
    assert heard == [Changes(incoming=True)]
    assert errors == ([] if isinstance(ending, Cancelled) else [ending])


def test_a_job_that_writes_nothing_announces_nothing(qapp, heard):
    from ui.common.background import run_job

    run_job(_job_writing([]), writes=True)
    run_job(lambda progress, cancel: None)  # a read-only job gets no `write`
    assert heard == []


def test_with_real_threads_a_jobs_write_runs_on_the_write_lane_not_on_the_jobs_thread(qtbot, heard):
    from ui.common.background import run_job, set_inline, wait_for_all

    threads: dict[str, threading.Thread] = {}

    def job(progress, cancel, write):
        threads["job"] = threading.current_thread()

        def call():
            threads["write"] = threading.current_thread()
            return Changes(tasks=True)

        write(call)
        return "xong"

    done = []
    set_inline(False)
    try:
        run_job(job, done.append, writes=True)
        qtbot.waitUntil(lambda: done == ["xong"], timeout=10_000)
    finally:
        wait_for_all()
        set_inline(True)
    assert threads["write"] is not threads["job"]
    assert threading.main_thread() not in (threads["write"], threads["job"])
    qtbot.waitUntil(lambda: heard == [Changes(tasks=True)], timeout=10_000)


def test_with_real_threads_what_a_job_keeps_dies_on_the_gui_thread(qtbot):
    """A QObject a job uses (its progress relay) is let go of on the GUI thread, after the worker has let
    go of the job: one dying on the worker thread could deadlock against the GUI thread (Qt's connection
    lock against the GIL)."""
    import threading
    import time

    from PySide6.QtCore import QObject

    from ui.common import background

    died: list[bool] = []
    done: list[int] = []
    kept = QObject()
    kept.destroyed.connect(lambda *_: died.append(threading.current_thread() is threading.main_thread()))
    background.set_inline(False)
    try:
        relay = background._submit(lambda: time.sleep(0.05) or 1, done.append, None, 0, keep=kept)  # noqa: SLF001
        del kept
        qtbot.waitUntil(lambda: bool(died), timeout=10_000)
        assert relay.worker_gone.is_set() and relay not in background._alive
    finally:
        background.wait_for_all()
        background.set_inline(True)
    assert done == [1] and died == [True]


def test_thousands_of_jobs_on_real_threads_never_deadlock():
    """What a job's closure holds (its cancel token, connected to its window's Hủy; its progress relay) is
    let go of on the GUI thread. Let go of on the worker's, PySide disconnects it there while the GUI
    thread disconnects a finished job's relay: Qt's shared connection locks against the GIL, a hang
    within a few thousand jobs before this was fixed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    probe = Path(__file__).with_name("job_stress_probe.py")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run([sys.executable, str(probe), "10000"], env=env, capture_output=True, text=True,
                              timeout=180)
    except subprocess.TimeoutExpired:
        pytest.fail("10,000 jobs did not end within 3 minutes: a deadlock between the worker and GUI threads")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok 10000"
