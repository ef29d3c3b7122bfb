"""GUI tests: workers run inline (no threads to wait for), one QApplication (pytest-qt)."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def inline_workers():
    from ui.common.background import set_inline, wait_for_all

    set_inline(True)
    yield
    wait_for_all()
    set_inline(False)


@pytest.fixture(autouse=True)
def no_unexpected_message_box(monkeypatch):
    """A message box a test did not expect fails the test with its text, instead of waiting forever for a
    click offscreen (tests that expect one replace ui.common.messages' functions)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def refuse(box: QMessageBox) -> int:
        shown.append(f"{box.windowTitle()}: {box.text()}")
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    yield shown
    assert not shown, f"a message box the test did not expect: {shown}"


@pytest.fixture
def main_window(qtbot, demo_ctx):
    from ui.app import make_app
    from ui.common.user_settings import user_settings
    from ui.main_window import MainWindow

    make_app()
    window = MainWindow(demo_ctx, user_settings())
    qtbot.addWidget(window)
    window.show()
    return window
