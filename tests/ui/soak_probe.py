"""Soak probe: drive the main screens for many steps in one process and sample what might leak.

Run in a fresh process (offscreen Qt): `python tests/ui/soak_probe.py DEMO.sqlite3 [STEPS]`.
Each cycle switches through every section, scrolls and filters the lists, opens and closes a detail
view, the print preview and the editor (with its live page preview), all with the real worker
threads. After the warm-up and then every tenth of the run it collects garbage and notes
sys.getrefcount(None), the resident memory (MB, Linux) and the number of live Qt widgets.
Prints one JSON object: {"steps", "samples": [{"step", "none", "rss_mb", "widgets"}]}.
"""
from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

STEPS = 3000
CYCLE = 100  # per cycle: every section, 73 scrolls, 15 filters, 2 detail views, a preview, an editor


def rss_mb() -> float | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
    except OSError:
        return None
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def main(db: str, steps: int) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QMessageBox

    from db.engine import sqlite_url
    from desktop.core.context import open_context
    from ui.app import make_app
    from ui.common.user_settings import user_settings
    from ui.common import background
    from ui.main_window import MainWindow

    app = make_app()
    QMessageBox.exec = lambda self: 0  # nothing may wait for a click
    ctx = open_context(sqlite_url(db))

    def settle() -> None:
        """Run the event loop until every worker result has been delivered and deletions done."""
        pool, lane = background.pools()
        while True:
            app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            if not background._alive and pool.activeThreadCount() == 0 and lane.activeThreadCount() == 0:
                app.processEvents()
                if not background._alive:
                    return
            pool.waitForDone(5)  # a worker is still busy, or its result waits in the queue
            lane.waitForDone(5)

    def close_others() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget is not window and widget.windowTitle():
                widget.close()

    window = MainWindow(ctx, user_settings())
    window.show()
    keys = [spec.key for spec in window.specs]
    outgoing = window.section("outgoing")
    settle()
    ids = [outgoing.model.id_at(r) for r in range(min(40, outgoing.model.rowCount()))]
    words = ["thi dua", "khen thuong", "so noi vu", "", "phong trao", ""]

    def step(i: int) -> None:
        kind = i % CYCLE
        if kind < len(keys):
            window.section(keys[kind])
        elif kind < 80:
            section = window.stack.currentWidget()
            bar = section.table.verticalScrollBar()
            bar.setValue((i * 37) % (bar.maximum() + 1))
            section.table.viewport().repaint()
        elif kind < 95:
            section = window.section(keys[i % len(keys)])
            section.filter_box.setText(words[i % len(words)])
            if hasattr(section, "_apply_filter"):
                section._apply_filter()
            else:
                section.apply_filters()
        elif kind < 97:
            section = window.section(keys[i % len(keys)])
            if hasattr(section, "show_detail") and section.model.rowCount():
                section.show_detail(section.model.id_at(0))  # a detail view, or the unit's editor
                settle()
                close_others()
        elif kind == 97:
            window.section("outgoing")
            outgoing.filter_box.setText("")
            outgoing._apply_filter()
            settle()
            outgoing.table.selectRow(i % max(1, min(20, outgoing.model.rowCount())))
            outgoing.preview_selected()
            settle()
            outgoing.last_preview.close()
        elif kind == 98:
            from ui.documents.editor import open_editor

            editor = open_editor(ctx, ids[i % len(ids)])
            settle()
            editor.dirty = False
            editor.close()
        settle()

    samples = []

    def sample(at: int) -> None:
        settle()
        gc.collect()
        samples.append({"step": at, "none": sys.getrefcount(None), "rss_mb": rss_mb(),
                        "widgets": len(QApplication.allWidgets())})

    warm = steps // 10
    for i in range(steps):
        step(i)
        if i + 1 == warm or (i + 1 > warm and (i + 1 - warm) % max(1, (steps - warm) // 9) == 0):
            sample(i + 1)
    window.close()
    settle()
    ctx.close()
    print(json.dumps({"steps": steps, "samples": samples}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else STEPS)
