"""Backup and restore as the office's people do them: who may, and the audit log's record of it.

`backup.make_backup` and `restore.restore` work on a database by its URL and know no user. These two
calls act for `ctx`'s user: anyone may make a backup (it changes nothing; the log records who made it),
only quản trị may restore (it replaces every document). The check is made against the database that is
about to be replaced; a database that cannot be read at all (damaged, gone) has nobody left to ask, and
restoring it is exactly what the backup is for. After a restore the log of the restored database
records who restored it, from which file, and where the replaced one was kept.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from sqlalchemy.exc import SQLAlchemyError

from desktop.core.access import ADMIN, check_right
from desktop.core.audit import record
from desktop.core.context import AppContext
from desktop.storage.backup import make_backup
from desktop.storage.restore import BackupInfo, RestoreResult, restore

ENTITY = "database"


def backup_database(ctx: AppContext, out: Path) -> Path:
    """A backup of `ctx`'s database into `out`, recorded in its audit log."""
    written = make_backup(ctx.url, Path(out))
    _record(ctx, "backup", source_file=str(written))
    return written


def check_may_restore(ctx: AppContext) -> None:
    """PermissionDenied unless `ctx`'s user is quản trị (in an office with several users)."""
    try:
        with ctx.session() as session:
            check_right(session, ctx.actor, ADMIN)
    except SQLAlchemyError:
        return  # the database cannot be read: nobody's rights are left in it to check


def restore_database(ctx: AppContext, info: BackupInfo,
                     progress: Callable[[float, str], None] | None = None) -> RestoreResult:
    """Replace `ctx`'s database by the backup `info` (quản trị only), open it again (a backup of an
    older version is migrated) and record the restore in the restored database's log."""
    check_may_restore(ctx)
    ctx.engine.dispose()  # no connection of ours holds the file while it is replaced
    result = restore(ctx.url, info, progress)
    ctx.reopen()
    _record(ctx, "restore", source_file=str(info.path), note=_aside_note(result))
    return result


def _aside_note(result: RestoreResult) -> str | None:
    return f"dữ liệu cũ giữ tại {result.aside}" if result.aside is not None else None


def _record(ctx: AppContext, action: str, **details) -> None:
    with ctx.write_session() as session:
        record(session, ctx.user, action, ENTITY, None, **{k: v for k, v in details.items() if v is not None})
        session.commit()
