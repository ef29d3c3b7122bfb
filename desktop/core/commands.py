"""What every subcommand shares: the --db / --database-url / --user options, opening the database they
name as that user, and the user error that prints as one line on stderr (exit 2). Cheap to import (no
SQLAlchemy here)."""
from __future__ import annotations

import argparse
import os
import sys


class CliError(Exception):
    """A user error; printed as one line on stderr, exit code 2."""


def common_options() -> argparse.ArgumentParser:
    """--db / --database-url / --user, accepted before or after the subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="tệp SQLite (mặc định: thư mục dữ liệu người dùng)")
    parent.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS,
                        help="URL SQLAlchemy bất kỳ, ví dụ postgresql+psycopg://... (hoặc TDKT_DATABASE_URL)")
    parent.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help="người thực hiện khi cơ quan có nhiều người dùng (hoặc TDKT_USER); mật khẩu hỏi "
                             "trên cửa sổ lệnh hoặc lấy từ TDKT_PASSWORD")
    return parent


def db_options(args: argparse.Namespace) -> tuple[str | None, str | None]:
    return getattr(args, "db", None), getattr(args, "database_url", None)


def open_db(args: argparse.Namespace, *, must_exist: bool = True):
    """The AppContext for --db / --database-url (migrated), acting for --user (TDKT_USER) when the
    office has several users (desktop/users/login.py); a missing file or a failed login is an error."""
    from desktop.core.context import open_context, resolve_url
    from desktop.users.login import LoginFailed, sign_in_cli

    db, url = db_options(args)
    if db is None and url is None and not os.environ.get("TDKT_DATABASE_URL"):
        raise CliError("cần --db PATH hoặc --database-url URL")
    ctx = open_context(resolve_url(db, url), must_exist=must_exist)
    for notice in ctx.notices:  # e.g. a database on a network share
        print(f"Chú ý: {notice}", file=sys.stderr)
    try:
        sign_in_cli(ctx, getattr(args, "user", None))
    except LoginFailed as exc:
        ctx.close()
        raise CliError(str(exc)) from None
    except BaseException:
        ctx.close()
        raise
    return ctx
