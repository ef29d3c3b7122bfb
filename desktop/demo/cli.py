"""`python -m desktop demo --db PATH [--today YYYY-MM-DD] [--scale N]`: build the demo database (with
--scale, an office with N outgoing documents and tasks, tracking and replies in proportion). Its recent
documents and tasks are dated relative to today, or to --today (reproducible tests)."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help="tạo cơ sở dữ liệu mẫu (đơn vị, công văn, nhiệm vụ)")
    p.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    p.add_argument("--scale", metavar="N", help="số văn bản đi (kèm nhiệm vụ, theo dõi, phản hồi theo tỉ lệ), "
                   "ví dụ 100000")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="ngày coi là hôm nay khi tạo dữ liệu mẫu (mặc định: hôm nay)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.core.commands import CliError
    from desktop.demo.office import build_demo_database

    if not getattr(args, "db", None):
        raise CliError("cần --db PATH: tệp SQLite sẽ tạo")
    scale = None
    if args.scale is not None:
        if not args.scale.isdigit() or int(args.scale) < 1:
            raise CliError(f"--scale phải là một số nguyên dương (đã cho {args.scale!r})")
        scale = int(args.scale)
    today = None
    if args.today is not None:
        try:
            today = date.fromisoformat(args.today)
        except ValueError:
            raise CliError(f"--today phải là ngày dạng YYYY-MM-DD (đã cho {args.today!r})") from None
    path = Path(args.db)
    if path.exists():
        if not args.force:
            raise CliError(f"tệp {path} đã tồn tại (thêm --force để ghi đè)")
        path.unlink()
    if scale is None:
        build_demo_database(path, today=today)
        print(f"Đã tạo cơ sở dữ liệu mẫu: {path}")
    else:
        from desktop.demo.scale import build_scaled_demo

        build_scaled_demo(path, scale, today=today)
        print(f"Đã tạo cơ sở dữ liệu mẫu với {scale:,} văn bản đi: {path}".replace(",", "."))
    return 0
