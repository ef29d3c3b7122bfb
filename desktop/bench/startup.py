"""Benchmark: start-up, as a whole process, against a bare PySide6 window started the same way.

The program runs the `--exit-when-shown` contract (main window painted, its first list's rows on
screen, exit 0) on the demo database; the bare window is a QMainWindow that quits on its first paint.
Both are measured in one run, alternating, after one warm-up each; the medians, their ratio (goal:
within 3×) and the program's peak memory (goal: under 90 MB) are printed.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

RUNS = 5
RATIO_GOAL = 3.0
MEMORY_GOAL_MB = 90

# The baseline: only PySide6, the same process start, quits once painted.
_BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1000, 600)
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
"""


def bench_startup(workdir: Path) -> list[tuple]:
    from desktop.demo.office import build_demo_database

    db = build_demo_database(workdir / "startup-demo.sqlite3")
    data = workdir / "startup-data"
    data.mkdir(exist_ok=True)
    env = {**os.environ, "TDKT_DATA_DIR": str(data), "PYTHONPYCACHEPREFIX": str(workdir / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program has its bytecode: so do both runs
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = Path(__file__).resolve().parents[2]
    program = [sys.executable, "-m", "desktop", "--db", str(db), "--exit-when-shown"]
    bare = [sys.executable, "-c", _BARE]
    runs: dict[str, list[Run]] = {"program": [], "bare": []}
    for i in range(RUNS + 1):  # run 0 warms the file cache and writes the bytecode: not counted
        order = (("program", program), ("bare", bare)) if i % 2 else (("bare", bare), ("program", program))
        for name, command in order:
            run = measure(command, root, env)
            if i:
                runs[name].append(run)
    wall = {name: statistics.median(r.seconds for r in done) for name, done in runs.items()}
    cpu = {name: statistics.median(r.cpu for r in done) for name, done in runs.items()}
    results = [
        (f"khởi động: cửa sổ PySide6 trống (trung vị {RUNS} lần)", wall["bare"]),
        ("khởi động: TĐKT Desk đến danh sách đầu tiên (--exit-when-shown)", wall["program"]),
        (f"khởi động: tỉ lệ so với cửa sổ trống (mục tiêu ≤ {RATIO_GOAL:g}×)", wall["program"] / wall["bare"], "×"),
    ]
    if cpu["bare"] > 0:  # CPU time: steadier than wall time on a busy machine
        results.append(("khởi động: tỉ lệ thời gian CPU so với cửa sổ trống", cpu["program"] / cpu["bare"], "×"))
    results.append((f"khởi động: bộ nhớ đỉnh (mục tiêu < {MEMORY_GOAL_MB} MB)",
                    max(r.peak_mb for r in runs["program"]), "MB"))
    return results


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time of the whole process
    cpu: float  # user + system CPU seconds (0 where unknown)
    peak_mb: float  # peak resident memory (nan where unknown)


def measure(command: list[str], cwd: Path, env: dict) -> Run:
    """One whole process: it must exit 0 and print nothing on stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss: kilobytes on Linux, bytes on macOS
        run = Run(seconds, usage.ru_utime + usage.ru_stime,
                  usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024))
    else:
        proc.wait()
        run = Run(time.perf_counter() - start, 0.0, _windows_peak(proc))
    out, err = proc.communicate()
    if proc.returncode != 0 or out.strip():
        raise RuntimeError(f"{' '.join(command[:4])}… exit {proc.returncode}: {(out + err).decode(errors='replace')[-500:]}")
    return run


def _windows_peak(proc: subprocess.Popen) -> float:
    """PeakWorkingSetSize of a finished process (its handle is still open) in MB."""
    try:
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
                (name, ctypes.c_size_t) for name in (
                    "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage", "QuotaPagedPoolUsage",
                    "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage", "PagefileUsage", "PeakPagefileUsage")]

        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        handle = wintypes.HANDLE(int(proc._handle))  # type: ignore[attr-defined]
        if ctypes.windll.psapi.GetProcessMemoryInfo(handle, ctypes.byref(counters), counters.cb):
            return counters.PeakWorkingSetSize / (1024 * 1024)
    except Exception:  # noqa: BLE001 - a benchmark prints what it can
        pass
    return float("nan")
