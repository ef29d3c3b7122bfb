"""Editor windows delete themselves on close; close whatever a test left open, without asking."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def close_editors():
    yield
    import shiboken6

    from ui.documents import editor as editor_module

    for window in list(editor_module._open):
        if shiboken6.isValid(window):
            window.dirty = False
            window.close()
    editor_module._open.clear()
