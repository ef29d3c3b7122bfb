"""Shared helpers for the editor tests: a fresh register, PDF text of the live preview."""
from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt


def add_register(ctx, code: str = "CV-THU") -> int:
    from db.models import Register

    with ctx.write_session() as session:
        row = Register(code=code, name=f"Sổ công văn đi ({code})", direction="out")
        session.add(row)
        session.commit()
        return row.id


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "preview.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def choose(combo, text: str) -> None:
    index = next(i for i in range(combo.count()) if text in combo.itemText(i))
    combo.setCurrentIndex(index)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def trigger(editor, key: str) -> None:
    action = editor.actions_by_key[key]
    assert action.isEnabled(), f"{key} is disabled"
    action.trigger()


def type_text(widget, text: str) -> None:
    """Type `text` into `widget` key by key; QTest.keyClicks asserts on non-ASCII characters,
    so those are sent as key events carrying the text (what an input method delivers)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch.isascii():
            QTest.keyClick(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
