"""Soak of the pinned PySide6: calls into Qt that return None must not lose references to None.

PySide6 6.12.0 on Python 3.11 gives back a reference to None it never took on every such call, and
a process dies ("Fatal Python error: none_dealloc") after a few thousand of them; 6.11.3 is sound.
The probe runs in its own process (a fresh interpreter, offscreen Qt) and prints the change of
sys.getrefcount(None) after 50,000 calls of each kind, so a failure names the leaking call.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).with_name("none_refcount_probe.py")
CALLS = 50_000
NOISE = 1000  # a fall smaller than this is bookkeeping noise, not a reference lost per call
EXPECTED = ("QLabel.setText", "QComboBox.itemData (None data)", "QWidget.parentWidget (top-level)",
            "QObject.property (unset name)", "QModelIndex.data (empty cell)")


def parse(stdout: str) -> dict[str, int]:
    deltas = {}
    for line in stdout.splitlines():
        name, _, delta = line.rpartition("\t")
        if name:
            deltas[name] = int(delta)
    return deltas


def test_parse_reads_the_probe_lines():
    assert parse("QLabel.setText\t-50000\nnoise\nQObject.property (unset name)\t0\n") == {
        "QLabel.setText": -50000, "QObject.property (unset name)": 0}


def test_calls_returning_none_keep_none_alive():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(PROBE), str(CALLS)], env=env, capture_output=True,
                          text=True, timeout=600)
    deltas = parse(done.stdout)
    report = f"changes of sys.getrefcount(None) after {CALLS} calls each: {deltas}\n{done.stderr[-2000:]}"
    assert done.returncode == 0 and tuple(deltas) == EXPECTED, report
    leaking = {name: delta for name, delta in deltas.items() if delta <= -NOISE}
    assert not leaking, f"these calls lose a reference to None on every call: {leaking}\n{report}"
