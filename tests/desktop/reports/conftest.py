"""A demo office at a modest scale (tasks done and late, tracking, replies), built once per run."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

SCALE = 1500
SCALE_TODAY = date(2026, 11, 30)  # the scaled office is generated as of this day


@pytest.fixture(scope="session")
def _scaled_template(tmp_path_factory) -> Path:
    from desktop.demo.scale import build_scaled_demo

    path = tmp_path_factory.mktemp("scaled") / "scaled.sqlite3"
    build_scaled_demo(path, SCALE, today=SCALE_TODAY)
    return path


@pytest.fixture
def scaled_ctx(_scaled_template, tmp_path):
    from db.engine import sqlite_url
    from desktop.core.context import open_context

    path = tmp_path / "scaled.sqlite3"
    shutil.copy(_scaled_template, path)
    context = open_context(sqlite_url(path))
    yield context
    context.close()
