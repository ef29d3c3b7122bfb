"""What every subcommand shares: the --db / --database-url options, opening the database they name,
and the user error that prints as one line on stderr (exit 2). Cheap to import (no SQLAlchemy here)."""
from __future__ import annotations

import argparse
import os
import sys


class CliError(Exception):
    """A user error; printed as one line on stderr, exit code 2."""


def common_options() -> argparse.ArgumentParser:
    """--db / --database-url, accepted before or after the subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="tệp SQLite (mặc định: thư mục dữ liệu người dùng)")
    parent.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS,
                        help="URL SQLAlchemy bất kỳ, ví dụ postgresql+psycopg://... (hoặc TDKT_DATABASE_URL)")
    return parent


def db_options(args: argparse.Namespace) -> tuple[str | None, str | None]:
    return getattr(args, "db", None), getattr(args, "database_url", None)


def open_db(args: argparse.Namespace, *, must_exist: bool = True):
    """The AppContext for --db / --database-url (migrated); a missing file is an error."""
    from desktop.core.context import open_context, resolve_url

    db, url = db_options(args)
    if db is None and url is None and not os.environ.get("TDKT_DATABASE_URL"):
        raise CliError("cần --db PATH hoặc --database-url URL")
    ctx = open_context(resolve_url(db, url), must_exist=must_exist)
    for notice in ctx.notices:  # e.g. a database on a network share
        print(f"Chú ý: {notice}", file=sys.stderr)
    return ctx
