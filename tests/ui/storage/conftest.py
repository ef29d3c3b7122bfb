"""The automatic backup runs at once in these tests (not a few seconds after the window is up)."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def backup_at_once(monkeypatch):
    monkeypatch.setattr("ui.storage.startup.START_DELAY_MS", 0)
