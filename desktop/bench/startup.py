"""Benchmark: a fresh process from start to the main window shown (offscreen), on the demo DB."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Runs in a child process (the GUI floor is only ever imported there, never by the core).
_CHILD = """
import sys, time
start = time.perf_counter()
from desktop.core.context import open_context, resolve_url
from ui.app import make_app
from ui.common.user_settings import user_settings
from ui.main_window import MainWindow
app = make_app()
ctx = open_context(resolve_url(sys.argv[1]))
window = MainWindow(ctx, user_settings())
window.show()
app.processEvents()
print(time.perf_counter() - start)
heavy = [m for m in ('reportlab', 'openpyxl', 'docx', 'pdfplumber', 'pypdfium2') if m in sys.modules]
print(','.join(heavy))
"""


def bench_startup(workdir: Path) -> list[tuple[str, float]]:
    from desktop.demo.office import build_demo_database

    db = build_demo_database(workdir / "startup-demo.sqlite3")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TDKT_DATA_DIR": str(workdir)}
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", _CHILD, str(db)], cwd=root, env=env,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    seconds, heavy = float(out[0]), (out[1] if len(out) > 1 else "")
    label = "khởi động: đến cửa sổ chính (tiến trình mới)"
    if heavy:
        label += f" [đã nạp: {heavy}]"
    return [(label, seconds)]
