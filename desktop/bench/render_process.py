"""Benchmark: `render` of one letter as a whole process, against LibreOffice converting the same DOCX to PDF.

Both are started the same way (a fresh process each, alternating, after one warm-up); the goal is the
program within 0.35× of LibreOffice. Skipped where LibreOffice is not installed.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 3
RATIO_GOAL = 0.35


def bench_render_process(workdir: Path) -> list[tuple]:
    from desktop.bench.letters import FIXTURE, three_page_dispatch

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return []
    source = workdir / "render-letter.json"
    if FIXTURE.exists():
        source.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        source.write_text(three_page_dispatch().to_json(), encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(workdir / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    docx = workdir / "render-letter.docx"
    subprocess.run([sys.executable, "-m", "desktop", "render", "--json", str(source), "--docx", str(docx)],
                   cwd=root, env=env, capture_output=True, check=True)
    ours = [sys.executable, "-m", "desktop", "render", "--json", str(source), "--pdf", str(workdir / "render.pdf")]
    theirs = [soffice, f"-env:UserInstallation={(workdir / 'lo-profile').as_uri()}", "--headless",
              "--convert-to", "pdf", "--outdir", str(workdir / "lo"), str(docx)]
    times: dict[str, list[float]] = {"ours": [], "theirs": []}
    for i in range(RUNS + 1):
        for name, command in ((("ours", ours), ("theirs", theirs)) if i % 2 else (("theirs", theirs), ("ours", ours))):
            start = time.perf_counter()
            subprocess.run(command, cwd=root, env=env, capture_output=True, check=True)
            if i:
                times[name].append(time.perf_counter() - start)
    ours_s, theirs_s = statistics.median(times["ours"]), statistics.median(times["theirs"])
    return [
        ("render 1 công văn ra PDF (tiến trình mới)", ours_s),
        ("LibreOffice chuyển cùng văn bản DOCX ra PDF", theirs_s),
        (f"render / LibreOffice (mục tiêu ≤ {RATIO_GOAL:g}×)", ours_s / theirs_s, "×"),
    ]
