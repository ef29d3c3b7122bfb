"""`python -m desktop backup` and `python -m desktop restore`.

    python -m desktop backup (--db PATH | --database-url URL) --out FILE
    python -m desktop restore (--db PATH | --database-url URL) --from FILE [--yes]

`backup` copies the database as it is (never migrates it). `restore` prints what the backup holds; without
--yes it asks on a terminal and refuses otherwise. Replacing an existing SQLite file needs quản trị when the
office has several users (--user / TDKT_USER), and the restored database's log records it. A SQLite restore keeps the replaced file aside; a
PostgreSQL restore goes into an empty database. The restored database is then opened, which migrates a
backup made by an older version.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.core.commands import CliError, db_options


def register(sub, common) -> None:
    p = sub.add_parser("backup", parents=[common], help="sao lưu cơ sở dữ liệu ra một tệp")
    p.add_argument("--out", metavar="FILE", required=True, help="tệp sao lưu sẽ ghi")
    p.set_defaults(run=run_backup)
    r = sub.add_parser("restore", parents=[common], help="khôi phục cơ sở dữ liệu từ một tệp sao lưu")
    r.add_argument("--from", dest="source", metavar="FILE", required=True, help="tệp sao lưu")
    r.add_argument("--yes", action="store_true", help="không hỏi lại (dùng trong tập lệnh)")
    r.set_defaults(run=run_restore)


def _url(args: argparse.Namespace) -> str:
    from desktop.core.context import resolve_url

    db, url = db_options(args)
    if db is None and url is None and not os.environ.get("TDKT_DATABASE_URL"):
        raise CliError("cần --db PATH hoặc --database-url URL")
    return resolve_url(db, url)


def _current(args: argparse.Namespace, url: str):
    """The SQLite database a restore would replace, opened as --user (its rights are checked), or None
    when there is none to protect: no file, one that cannot be read, or a PostgreSQL database (a restore
    goes only into an empty one)."""
    from db.engine import sqlite_path
    from db.migrate import StorageError
    from desktop.core.commands import open_db

    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    try:
        return open_db(args)
    except StorageError:
        return None  # damaged or not ours: restoring it is what the backup is for


def run_backup(args: argparse.Namespace) -> int:
    from desktop.storage.backup import BackupError, make_backup
    from desktop.storage.restore import read_backup

    try:
        out = make_backup(_url(args), Path(args.out))
    except BackupError as exc:
        raise CliError(str(exc)) from None
    summary = read_backup(out).summary
    print(f"Đã sao lưu vào {out} ({summary.documents} văn bản, {summary.tasks} nhiệm vụ, "
          f"{max(1, out.stat().st_size // 1024)} KB).")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from db.engine import sqlite_path
    from desktop.core.access import PermissionDenied
    from desktop.core.context import open_context
    from desktop.storage.restore import RestoreError, read_backup, restore
    from desktop.storage.service import check_may_restore, restore_database

    url = _url(args)
    try:
        info = read_backup(Path(args.source))
    except RestoreError as exc:
        raise CliError(str(exc)) from None
    ctx = _current(args, url)
    try:
        if ctx is not None:
            check_may_restore(ctx)
    except PermissionDenied as exc:
        ctx.close()
        raise CliError(str(exc)) from None
    target = sqlite_path(url) or "máy chủ PostgreSQL"
    print(f"Bản sao lưu {info.path}:")
    for line in info.summary.lines():
        print(f"  {line}")
    if info.older:
        print("  Bản sao lưu của phiên bản trước: sẽ được nâng cấp sau khi khôi phục.")
    try:
        if not args.yes and not _confirmed(f"Thay dữ liệu của {target} bằng bản sao lưu này? [c/K] "):
            raise CliError("chưa khôi phục: cần trả lời «c» trên cửa sổ lệnh, hoặc thêm --yes")
        if ctx is not None:  # the restore recorded in the restored database's log, as the user who did it
            result = restore_database(ctx, info)
        else:
            result = restore(url, info)
            open_context(url).close()  # migrates a backup made by an older version
    except RestoreError as exc:
        raise CliError(str(exc)) from None
    finally:
        if ctx is not None:
            ctx.close()
    if result.aside is not None:
        print(f"Dữ liệu cũ được giữ tại {result.aside}")
    print("Đã khôi phục.")
    return 0


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().casefold() in ("c", "có", "co", "y", "yes")
