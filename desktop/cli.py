"""The command line: `python -m desktop [--db PATH | --database-url URL] [--demo] [--smoke] [--self-test] [COMMAND ...]`.

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
    "desktop.recipients.cli",
    "desktop.reports.cli",
    "desktop.tracking.cli",
)


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole parser; without `commands` only the GUI's options (a GUI start imports no command module)."""
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
    parser.add_argument("--self-test", action="store_true",
                        help="tự kiểm tra sau khi cài đặt: cơ sở dữ liệu, văn bản PDF, OCR, Excel; in mỗi bước một dòng")
    parser.add_argument("--exit-when-shown", action="store_true",
                        help="mở cửa sổ chính, chờ đến khi danh sách đầu tiên hiện các dòng rồi thoát "
                             "với mã 0 (không in gì; dùng để đo thời gian khởi động)")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="các lệnh")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def _names_a_command(argv: Sequence[str]) -> bool:
    """Whether the arguments hold anything but the GUI's own options (then the full parser is built)."""
    takes_value = {"--db", "--database-url"}
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in takes_value:
            skip = True
        elif token in ("-h", "--help") or not token.startswith("-"):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(commands=_names_a_command(argv))
    args = parser.parse_args(argv)
    try:
        if args.command:
            return int(args.run(args) or 0)
        if args.self_test:
            from desktop.selftest import run_self_test

            return run_self_test()
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
