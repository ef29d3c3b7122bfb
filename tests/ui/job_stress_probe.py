"""Run N progress-reporting jobs on real threads, one after another, each with its window and cancel
token left to the job (as a caller that does not keep them); print "ok N" when all ended. Run in a
process of its own by test_background.py: a deadlock then ends in a timeout, not in a hung test run."""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(count: int) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from ui.common.background import run_job, wait_for_all

    done: list[int] = []

    def job(progress, cancel):
        for step in range(5):
            progress(step / 5, "bước")
        return 1

    for n in range(count):
        run_job(job, done.append)
        while len(done) <= n:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    wait_for_all()
    print("ok", len(done), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
