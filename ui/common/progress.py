"""The progress window of a long job: a label, a bar and "Hủy".

A QProgressDialog, but its bar is set directly: QProgressDialog.setValue() calls
QCoreApplication.processEvents() when the dialog is modal, so every progress step of a job opened a
nested event loop in which the job's own "done" (and the change bus, and whatever the sections do
with it) ran re-entrantly, under a dialog still half way through setValue. The application's own loop
is already running; nothing needs pumping. The window blocks its parent window while shown, appears
only when the job lasts longer than `delay_ms`, and closes itself for good when the job ends.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

STEPS = 1000


class JobDialog(QProgressDialog):
    def __init__(self, title: str, parent: QWidget | None = None, *, delay_ms: int = 400):
        super().__init__(title, "Hủy", 0, STEPS, parent)
        self.setWindowTitle("TĐKT Desk")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoReset(False)
        self.setAutoClose(False)
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.setBar(self.bar)
        self.setMinimumWidth(420)
        self.setMinimumDuration(delay_ms)  # Qt shows it after this long (its own timer), never before

    def set_progress(self, fraction: float, message: str = "") -> None:
        """Move the bar (not setValue: see the module's note)."""
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * STEPS))
        if message:
            self.setLabelText(message)

    def end(self) -> None:
        """The job is over: close for good."""
        self.cancel()  # stops Qt's show timer, resets and hides
        self.deleteLater()
