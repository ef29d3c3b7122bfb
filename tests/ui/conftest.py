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
