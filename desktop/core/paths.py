"""Where the program keeps its files (platformdirs: %LOCALAPPDATA%\\TDKT Desk on Windows)."""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "TDKT Desk"
APP_AUTHOR = "TDKT"


def data_dir() -> Path:
    from platformdirs import user_data_dir  # small; imported here to keep module import free

    override = os.environ.get("TDKT_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "tdkt.sqlite3"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite3"


def cache_dir() -> Path:
    """What the program can rebuild (e.g. the compiled Qt translation); TDKT_CACHE_DIR overrides."""
    from platformdirs import user_cache_dir

    override = os.environ.get("TDKT_CACHE_DIR")
    path = Path(override) if override else Path(user_cache_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path
