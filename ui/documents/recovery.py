"""The offer to reopen drafts autosaved before a crash: a non-blocking banner across the main window,
started by the start-up hook "documents-recovery" (listed in ui/sections.py STARTUP)."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.documents.autosave import discard_autosave, pending_autosaves
from ui.common.background import run_read, run_write


class RecoveryBanner(QWidget):
    """Hidden until `check()` finds autosaves of this user; "Mở lại" opens each in an editor
    with the autosaved text restored, "Bỏ qua" forgets them."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pending = []
        self.editors = []
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.reopen_button = QPushButton("Mở lại")
        self.dismiss_button = QPushButton("Bỏ qua")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reopen_button)
        layout.addWidget(self.dismiss_button)
        self.setStyleSheet("background: #fff4d6;")
        self.reopen_button.clicked.connect(self.reopen)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.hide()

    def check(self) -> None:
        user = self.ctx.user
        run_read(lambda: pending_autosaves(self.ctx, user), self._found)

    def _found(self, pending) -> None:
        self.pending = pending
        if not pending:
            self.hide()
            return
        subjects = "; ".join(f"V/v {p.subject}" if p.subject else "(chưa có trích yếu)" for p in pending[:3])
        more = f" và {len(pending) - 3} bản khác" if len(pending) > 3 else ""
        self.text.setText(f"<b>Khôi phục bản tự lưu?</b> Có {len(pending)} văn bản đang soạn dở chưa lưu "
                          f"từ lần làm việc trước: {subjects}{more}.")
        self.show()

    def reopen(self) -> None:
        from ui.documents.editor import open_editor

        for info in self.pending:
            self.editors.append(open_editor(self.ctx, info.outgoing_id, restore=True,
                                            autosave_id=info.id if info.outgoing_id is None else None))
        self.pending = []
        self.hide()

    def dismiss(self) -> None:
        items = list(self.pending)

        def forget():
            for info in items:
                discard_autosave(self.ctx, info.outgoing_id, autosave_id=info.id)
        run_write(forget)
        self.pending = []
        self.hide()


def start_recovery(ctx, window) -> RecoveryBanner:
    """Start-up hook: the banner goes above the sections and looks for this user's autosaves."""
    banner = RecoveryBanner(ctx, window)
    window.add_banner(banner)
    banner.check()
    return banner
