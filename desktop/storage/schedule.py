"""Automatic rotating backups of a SQLite database: one on start and one every N hours while the program
runs, kept as the newest backup of each of the last K days and of each of the last W weeks (office
settings `backup/interval_hours`, `backup/keep_daily`, `backup/keep_weekly`).

They live in the user-data folder, away from the database file (a database on a USB stick or a share
that fails does not take its backups with it): `backups/<file name>-<hash>/tu-dong-<time>.sqlite3`.
Only files of that pattern are ever deleted.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from db.sqlite_copy import copy_database
from desktop.core.context import AppContext
from desktop.storage.backup import backups_folder

PREFIX = "tu-dong-"
SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(rf"^{PREFIX}(\d{{8}}-\d{{6}}){re.escape(SUFFIX)}$")


@dataclass(frozen=True)
class Policy:
    interval_hours: int = 4
    keep_daily: int = 7
    keep_weekly: int = 8


def policy(ctx: AppContext) -> Policy:
    """The office's settings; the defaults when the database cannot be read."""
    from desktop.core.settings.office_store import read_office_overrides

    try:
        values = read_office_overrides(ctx, "backup")
    except Exception:  # a database that cannot be read still gets its backups
        values = {}
    return Policy(**{k: v for k, v in values.items() if k in Policy.__dataclass_fields__})


def folder_for(db_path: Path) -> Path:
    """The automatic backups of one database file."""
    resolved = str(db_path.expanduser().resolve())
    key = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:10]
    folder = backups_folder() / f"{db_path.stem}-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def automatic_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """(time, file) of the automatic backups in `folder`, newest first."""
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            found.append((datetime.strptime(match.group(1), STAMP), path))
    return sorted(found, reverse=True)


def is_due(folder: Path, interval_hours: int, now: datetime) -> bool:
    found = automatic_backups(folder)
    return not found or now - found[0][0] >= timedelta(hours=interval_hours)


def to_keep(backups: list[tuple[datetime, Path]], keep_daily: int, keep_weekly: int) -> set[Path]:
    """The newest backup overall, of each of the last `keep_daily` days that have one, and of each of
    the last `keep_weekly` ISO weeks that have one."""
    keep: set[Path] = set()
    days: list = []
    weeks: list = []
    for when, path in sorted(backups, reverse=True):
        if not keep:
            keep.add(path)
        day, week = when.date(), when.isocalendar()[:2]
        if day not in days:
            days.append(day)
            if len(days) <= keep_daily:
                keep.add(path)
        if week not in weeks:
            weeks.append(week)
            if len(weeks) <= keep_weekly:
                keep.add(path)
    return keep


def prune(folder: Path, keep_daily: int, keep_weekly: int) -> list[Path]:
    """Delete the automatic backups the policy no longer keeps; answers what was deleted."""
    backups = automatic_backups(folder)
    keep = to_keep(backups, keep_daily, keep_weekly)
    removed = []
    for _, path in backups:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def run_automatic_backup(ctx: AppContext, now: datetime | None = None, *, force: bool = True) -> Path | None:
    """Back up `ctx`'s SQLite file now (or only when due, `force=False`), then prune; None for
    PostgreSQL (its backups are the server's, or `python -m desktop backup`)."""
    db_path = ctx.db_path
    if db_path is None or not db_path.exists():
        return None
    now = now or datetime.now()
    rules = policy(ctx)
    folder = folder_for(db_path)
    if not force and not is_due(folder, rules.interval_hours, now):
        return None
    out = copy_database(db_path, folder / f"{PREFIX}{now.strftime(STAMP)}{SUFFIX}")
    prune(folder, rules.keep_daily, rules.keep_weekly)
    return out


def suggested_backup_path(ctx: AppContext, now: datetime | None = None) -> Path:
    """Where "Sao lưu ngay" proposes to write: beside the automatic backups, a name of its own
    (never pruned); a server database's backup archive in the backups folder."""
    stamp = (now or datetime.now()).strftime(STAMP)
    if ctx.db_path is not None:
        return folder_for(ctx.db_path) / f"sao-luu-{stamp}{SUFFIX}"
    from sqlalchemy.engine import make_url

    return backups_folder() / f"sao-luu-{make_url(ctx.url).database or 'postgres'}-{stamp}.tdkt-backup"


def latest_backups(ctx: AppContext) -> Path:
    """The folder "Khôi phục…" opens first."""
    return folder_for(ctx.db_path) if ctx.db_path is not None else backups_folder()
