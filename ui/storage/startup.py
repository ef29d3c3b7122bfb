"""On start: the automatic backup of a SQLite database (a few seconds after the window is up, then every N
hours), and the notice about a database on a network share. Work runs off the GUI thread; a failure is a
notice, never a dialog."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from desktop.storage.schedule import policy, run_automatic_backup
from ui.common.background import run_read, set_database_path

HOUR_MS = 60 * 60 * 1000
START_DELAY_MS = 5000  # the first backup once the window is up and its first list is shown (0: at once)


class AutoBackup(QObject):
    """`last` is the newest automatic backup made while the program runs (None before the first)."""

    def __init__(self, ctx, window):
        super().__init__(window)
        self._ctx = ctx
        self._window = window
        self.last = None
        self.failure: str | None = None
        self.timer = QTimer(self)  # both timers die with the window: no backup is started after it
        self.timer.timeout.connect(self.run_now)
        self.first = QTimer(self, singleShot=True, interval=START_DELAY_MS)
        self.first.timeout.connect(self.run_now)
        if ctx.db_path is not None:
            if START_DELAY_MS:
                self.first.start()
            else:
                self.run_now()

    def run_now(self) -> None:
        ctx = self._ctx

        def work():
            return run_automatic_backup(ctx), policy(ctx).interval_hours

        run_read(work, self._done, self._failed)

    def _done(self, result) -> None:
        self.last, hours = result
        self.failure = None
        if isValid(self.timer):  # the window may have closed while the copy was made
            self.timer.start(hours * HOUR_MS)

    def _failed(self, exc: BaseException) -> None:
        self.failure = f"Chưa sao lưu tự động được: {exc}"
        if isValid(self.timer):
            self._window.notify("", self.failure)
            self.timer.start(HOUR_MS)  # try again in an hour


class NoticeBanner(QWidget):
    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("storageNotice")
        self.setStyleSheet("#storageNotice { background: #fff3cd; border-bottom: 1px solid #e0c36a; }")
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        close = QPushButton("Đóng")
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        row.addWidget(self.text, 1)
        row.addWidget(close)


class StorageStartup:
    def __init__(self, ctx, window):
        self.backups = AutoBackup(ctx, window)
        self.banner = None
        if ctx.notices:
            self.banner = NoticeBanner(" ".join(ctx.notices))
            window.add_banner(self.banner)


def start_storage(ctx, window) -> StorageStartup:
    set_database_path(ctx.db_path)
    return StorageStartup(ctx, window)
