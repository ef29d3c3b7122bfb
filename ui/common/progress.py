"""The progress window of a long job: a label, a bar and "Hủy".

Not QProgressDialog: a modal QProgressDialog calls QCoreApplication.processEvents() inside
setValue(), so every progress step of a job opened a nested event loop in which the job's own
"done" (and the change bus, and whatever the sections do with it) ran re-entrantly, under a
dialog that was still half way through setValue. This one only sets its bar: the application's
own loop is already running. It blocks its parent window (window-modal) while shown, appears
only when the job lasts longer than `delay_ms`, and closes itself when the job ends.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

STEPS = 1000


class JobDialog(QDialog):
    canceled = Signal()  # noqa: N815 (QProgressDialog's name)

    def __init__(self, title: str, parent: QWidget | None = None, *, delay_ms: int = 400):
        super().__init__(parent)
        self.setWindowTitle("TĐKT Desk")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(title)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("Hủy")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.finished_job = False
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._appear)
        self._timer.start()

    def _appear(self) -> None:
        if not self.finished_job:
            self.show()

    def set_progress(self, fraction: float, message: str = "") -> None:
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * STEPS))
        if message:
            self.label.setText(message)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText("Đang dừng…")
        self.canceled.emit()

    def reject(self) -> None:  # Esc or the window's close button: the same as Hủy
        if not self.finished_job:
            self._cancel()
            return
        super().reject()

    def end(self) -> None:
        """The job is over: close for good (never shows after this)."""
        self.finished_job = True
        self._timer.stop()
        self.hide()
        self.deleteLater()
