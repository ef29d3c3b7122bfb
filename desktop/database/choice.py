"""The PC's database choice, kept as JSON in the data folder (`database.json`; no password in it).

`--db`, `--database-url` and `TDKT_DATABASE_URL` still override it (desktop.core.context.resolve_url)."""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Callable

from desktop.database.server import ServerAddress, server_url

FILE_NAME = "database.json"


def _path() -> Path:
    from desktop.core.paths import data_dir

    return data_dir() / FILE_NAME


def load_choice() -> ServerAddress | None:
    """The server this PC uses, or None for the local SQLite file (also when the file is unreadable)."""
    try:
        raw = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if raw.get("kind") != "postgresql":
        return None
    try:
        return ServerAddress(str(raw["host"]), int(raw["port"]), str(raw["database"]), str(raw["user"]))
    except (KeyError, TypeError, ValueError):
        return None


def save_choice(address: ServerAddress | None) -> None:
    """Keep the choice (atomic replace); None goes back to the local file."""
    data = {"kind": "sqlite"} if address is None else {"kind": "postgresql", **asdict(address)}
    target = _path()
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, target)


def start_url(ask_password: Callable[[ServerAddress, str | None], str | None],
              check: Callable[[str], str | None] | None = None) -> str | None:
    """The server URL to open when the PC chose a server, or None (no server chosen, or the clerk gave up).

    The password comes from the keyring, else from `ask_password(address, reason)`; when the server refuses
    it (or cannot be reached) the clerk is asked again with the reason, until they cancel (None)."""
    from desktop.database.secrets import load_password
    from desktop.database.server import check_server

    check = check or check_server
    address = load_choice()
    if address is None:
        return None
    password = load_password(address.user, address.host, address.database)
    reason = None
    while True:
        if password is None:
            password = ask_password(address, reason)
            if password is None:
                return None
        url = server_url(address, password)
        reason = check(url)
        if reason is None:
            return url
        password = None

def describe_url(url: str) -> str:
    """Where `url` points, for the clerk: "tệp …" or "máy chủ …, cơ sở dữ liệu …" (never the password)."""
    from db.engine import sqlite_path
    from sqlalchemy.engine import make_url

    path = sqlite_path(url)
    if path is not None:
        return f"tệp {path}"
    parsed = make_url(url)
    return f"máy chủ {parsed.host}:{parsed.port or 5432}, cơ sở dữ liệu {parsed.database}"
