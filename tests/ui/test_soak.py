"""No crash in a long day: thousands of steps through the main screens in one process leak nothing.

The probe (tests/ui/soak_probe.py) runs in its own process with the real worker threads: it switches
sections, scrolls and filters the lists, opens and closes detail views, the print preview and the
editor. Samples after the warm-up: the number of live widgets stays the same, sys.getrefcount(None)
does not fall (PySide6 6.11 gains a few references to None per window built, which is harmless; the
6.12 loss is what kills a process), and resident memory does not climb.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

PROBE = REPO / "tests" / "ui" / "soak_probe.py"
STEPS = 3000
NONE_NOISE = 1000
RSS_LIMIT_MB = 60  # generous: one leaked preview (its page images) is several MB, 30 of them far more


@pytest.fixture(scope="module")
def samples(tmp_path_factory, _demo_db_template):
    tmp = tmp_path_factory.mktemp("soak")
    db = tmp / "demo.sqlite3"
    db.write_bytes(_demo_db_template.read_bytes())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TDKT_DATA_DIR": str(tmp)}
    done = subprocess.run([sys.executable, str(PROBE), str(db), str(STEPS)], cwd=REPO, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["steps"] == STEPS and len(result["samples"]) == 10
    return result["samples"]


@pytest.mark.slow
def test_no_window_or_widget_piles_up(samples):
    counts = [s["widgets"] for s in samples]
    assert max(counts) - counts[0] <= 2, counts


@pytest.mark.slow
def test_references_to_none_do_not_fall(samples):
    nones = [s["none"] for s in samples]
    assert min(nones[1:]) >= nones[0] - NONE_NOISE, nones


@pytest.mark.slow
def test_memory_does_not_grow_without_bound(samples):
    rss = [s["rss_mb"] for s in samples]
    if rss[0] is None:
        pytest.skip("resident memory is read from /proc (Linux)")
    assert max(rss) - rss[0] <= RSS_LIMIT_MB, rss
    first, last = sum(rss[:3]) / 3, sum(rss[-3:]) / 3
    assert last - first <= RSS_LIMIT_MB / 2, rss
