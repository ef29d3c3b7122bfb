"""`python -m desktop demo --db PATH`: build the demo database."""
from __future__ import annotations

import argparse
from pathlib import Path


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help="tạo cơ sở dữ liệu mẫu (đơn vị, công văn, nhiệm vụ)")
    p.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.core.commands import CliError
    from desktop.demo.office import build_demo_database

    if not getattr(args, "db", None):
        raise CliError("cần --db PATH: tệp SQLite sẽ tạo")
    path = Path(args.db)
    if path.exists():
        if not args.force:
            raise CliError(f"tệp {path} đã tồn tại (thêm --force để ghi đè)")
        path.unlink()
    build_demo_database(path)
    print(f"Đã tạo cơ sở dữ liệu mẫu: {path}")
    return 0
