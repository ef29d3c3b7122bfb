"""The command line: `python -m desktop [--db PATH | --database-url URL] [--demo] [--smoke] [COMMAND ...]`.

Without a command it starts the GUI. Each feature registers its subcommand in its own module
(listed in COMMAND_MODULES): `register(subparsers, common)` adds a parser whose `run(args)`
returns an exit code. Errors are one line on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

from desktop import __version__
from desktop.core.commands import CliError, common_options

# Modules that add a subcommand; each must be cheap to import (no reportlab/openpyxl/Qt at top).
COMMAND_MODULES = (
    "desktop.demo.cli",
    "desktop.bench",
    "desktop.letters.cli",
    "desktop.importing.cli",
    "desktop.followup.cli",
    "desktop.documents.cli",
    "desktop.recipients.directory_cli",
    "desktop.reports.cli",
)


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="python -m desktop",
        description="TĐKT Desk: công văn, sổ đăng ký và theo dõi nhiệm vụ của Ban Thi đua - Khen thưởng.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"TĐKT Desk {__version__}")
    parser.add_argument("--demo", action="store_true", help="mở ứng dụng trên cơ sở dữ liệu mẫu (tạo nếu chưa có)")
    parser.add_argument("--smoke", action="store_true",
                        help="mở cửa sổ chính (không hiển thị), duyệt mọi mục rồi thoát với mã 0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="các lệnh")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command:
            return int(args.run(args) or 0)
        from desktop.gui_launch import launch  # the GUI path: imports ui lazily

        return launch(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # one line, never a traceback (TDKT_DEBUG=1 shows it)
        if os.environ.get("TDKT_DEBUG"):
            raise
        print(f"Lỗi: {_message(exc)}", file=sys.stderr)
        return 2 if _is_user_error(exc) else 1


def _message(exc: BaseException) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    return " ".join(text.split())[:500]


def _is_user_error(exc: BaseException) -> bool:
    from db.migrate import StorageError
    from desktop.core.dispatch import DispatchFormatError

    return isinstance(exc, (CliError, StorageError, DispatchFormatError, FileNotFoundError, ValueError))
