"""A banner above a work area: one message (or a few lines) in the colour of its kind, with
room for buttons on the right (e.g. "Hoàn tác")."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.common.icons import icon

BANNER_COLOURS = {  # kind: (background, border, icon)
    "info": ("#eef4fb", "#9db7d8", "info-circle"),
    "warning": ("#fff5d6", "#d99a00", "alert-triangle"),
    "error": ("#fde8e8", "#c0392b", "x"),
    "success": ("#e8f6ec", "#2e8b57", "check"),
}


class Banner(QFrame):
    """One line (or a few) of status above the work area: warnings, errors, success."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = ""
        self.icon = QLabel()
        self.icon.setFixedWidth(22)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.row = layout  # buttons may be added after the text
        self.setVisible(False)

    def show_message(self, kind: str, text: str) -> None:
        background, border, name = BANNER_COLOURS[kind]
        self.kind = kind
        self.setStyleSheet(f"Banner {{ background: {background}; border: 1px solid {border}; border-radius: 3px; }}"
                           "QLabel { background: transparent; border: none; }")
        self.icon.setPixmap(icon(name, border).pixmap(18, 18))
        self.text.setText(text)
        self.setVisible(True)

    def clear(self) -> None:
        self.kind = ""
        self.text.clear()
        self.setVisible(False)
