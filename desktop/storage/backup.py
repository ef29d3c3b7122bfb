"""Backups, whole or not at all.

- SQLite: a copy of the file made with SQLite's online backup API (a consistent snapshot while the
  program keeps working), checked with integrity_check, renamed into place (db.sqlite_copy). The copy is
  an ordinary SQLite file.
- PostgreSQL: a zip archive ("TĐKT backup") holding `manifest.json` (what the database held: counts,
  last numbers, schema revision) and either `pg_dump.custom` (pg_dump's custom format, when pg_dump is
  installed and agrees with the server) or `tables.jsonl` (every table exported, desktop.storage.export).
  Written under a temporary name and renamed.

`make_backup(url, out)` does either; `backup_before_migration` is what `db.migrate.upgrade` calls before
it migrates a PostgreSQL database. A failure leaves no file and raises (said in Vietnamese by
desktop.storage.problems).
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from db.engine import make_engine, sqlite_path
from db.sqlite_copy import copy_database, written_whole
from desktop.storage.export import export_tables
from desktop.storage.summary import Summary, summarize

ARCHIVE_FORMAT = "tdkt-backup"
MANIFEST = "manifest.json"
PG_DUMP_MEMBER = "pg_dump.custom"
TABLES_MEMBER = "tables.jsonl"
PG_TIMEOUT_S = 3600


class BackupError(Exception):
    """A backup could not be made; the message is for the user (Vietnamese)."""


def make_backup(url: str, out: Path, *, use_pg_dump: bool = True) -> Path:
    """Back up the database at `url` into `out` (replaced atomically when it exists)."""
    out = Path(out)
    if out.exists() and out.is_dir():
        raise BackupError(f"{out} là một thư mục: hãy chỉ ra tên tệp sao lưu.")
    if not out.parent.is_dir():
        raise BackupError(f"Thư mục {out.parent} không tồn tại.")
    path = sqlite_path(url)
    if path is not None:
        if not path.is_file():
            raise BackupError(f"Không tìm thấy tệp cơ sở dữ liệu {path}.")
        if path.resolve() == out.resolve():
            raise BackupError("Tệp sao lưu phải khác tệp cơ sở dữ liệu.")
        return copy_database(path, out)
    engine = make_engine(url)
    try:
        return backup_postgres(engine, out, use_pg_dump=use_pg_dump)
    finally:
        engine.dispose()


def backup_postgres(engine: Engine, out: Path, *, use_pg_dump: bool = True) -> Path:
    with engine.connect() as conn:
        summary = summarize(conn, created=datetime.now())
    with written_whole(out) as part, zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        dumped = use_pg_dump and _pg_dump_into(engine, archive)
        if not dumped:
            member = zipfile.ZipInfo(TABLES_MEMBER, date_time=datetime.now().timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(member, "w", force_zip64=True) as raw, io.TextIOWrapper(raw, encoding="utf-8") as stream:
                with engine.connect() as conn:
                    export_tables(conn, stream)
        manifest = {"format": ARCHIVE_FORMAT, "version": 1, "payload": PG_DUMP_MEMBER if dumped else TABLES_MEMBER,
                    "database": engine.url.render_as_string(hide_password=True), "summary": summary.to_json_dict()}
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
    return out


def read_manifest(path: Path) -> tuple[dict, Summary]:
    """The manifest of a TĐKT backup archive; ValueError when `path` is not one."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            if manifest.get("payload") not in archive.namelist():
                raise ValueError("thiếu phần dữ liệu")
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path.name} không phải tệp sao lưu của TĐKT Desk") from exc
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise ValueError(f"{path.name} không phải tệp sao lưu của TĐKT Desk")
    return manifest, Summary.from_json_dict(manifest.get("summary") or {})


def pg_tool(name: str) -> str | None:
    """pg_dump / pg_restore when installed (TDKT_PG_BIN may name their folder)."""
    folder = os.environ.get("TDKT_PG_BIN")
    if folder:
        candidate = Path(folder) / (name + (".exe" if os.name == "nt" else ""))
        return str(candidate) if candidate.exists() else None
    return shutil.which(name)


def pg_connection_args(url: str) -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment (the password) for a PostgreSQL client tool."""
    parsed = make_url(url)
    args = []
    if parsed.host:
        args += ["-h", parsed.host]
    if parsed.port:
        args += ["-p", str(parsed.port)]
    if parsed.username:
        args += ["-U", parsed.username]
    args += ["-d", parsed.database or "postgres"]
    env = {**os.environ}
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    return args, env


def _pg_dump_into(engine: Engine, archive: zipfile.ZipFile) -> bool:
    """pg_dump's custom-format dump as a member of `archive`; False when pg_dump is absent or fails
    (an older pg_dump refuses a newer server): the caller then exports the tables itself."""
    exe = pg_tool("pg_dump")
    if exe is None:
        return False
    args, env = pg_connection_args(engine.url.render_as_string(hide_password=False))
    with tempfile.TemporaryDirectory(prefix="tdkt-dump-") as folder:
        dump = Path(folder) / PG_DUMP_MEMBER
        try:
            result = subprocess.run([exe, "--format=custom", "--no-owner", "--no-privileges", "-f", str(dump), *args],
                                    env=env, capture_output=True, timeout=PG_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired):
            return False
        if result.returncode != 0 or not dump.exists() or dump.stat().st_size == 0:
            return False
        archive.write(dump, PG_DUMP_MEMBER)
    return True


def backups_folder() -> Path:
    from desktop.core.paths import data_dir

    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_before_migration(engine: Engine, revision: str) -> Path:
    """The PostgreSQL backup `db.migrate.upgrade` makes before migrating (in the user-data folder)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    database = make_url(engine.url).database or "postgres"
    out = backups_folder() / f"truoc-nang-cap-{database}-{revision}-{stamp}.tdkt-backup"
    return backup_postgres(engine, out)
