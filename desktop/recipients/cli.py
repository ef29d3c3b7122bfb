"""`python -m desktop directory export|import`: the unit directory to and from Excel.

    directory export --db PATH --xlsx FILE
    directory import --db PATH --xlsx FILE [--dry-run]

Import prints one line on stderr per wrong row ("Dòng 7, sheet Đơn vị: …") and exits 2 with
nothing written when any row is wrong; otherwise one line with the counts added and changed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub, common) -> None:
    p = sub.add_parser("directory", parents=[common], help="danh bạ đơn vị: xuất ra, nhập từ Excel (.xlsx)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", parents=[common], help="xuất danh bạ (đơn vị, thành viên nhóm, cụm/khối)")
    export.add_argument("--xlsx", required=True, metavar="FILE", help="tệp .xlsx sẽ ghi")
    export.set_defaults(run=run_export)
    imp = actions.add_parser("import", parents=[common], help="nhập danh bạ từ tệp .xlsx (khớp theo Mã)")
    imp.add_argument("--xlsx", required=True, metavar="FILE", help="tệp .xlsx cần nhập")
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    imp.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    from desktop.core.commands import CliError, open_db
    from desktop.recipients.excel_export import export_directory

    target = Path(args.xlsx)
    if target.suffix.lower() != ".xlsx":
        raise CliError(f"tệp xuất cần đuôi .xlsx: {target}")
    if not target.parent.exists():
        raise CliError(f"thư mục {target.parent} không tồn tại")
    ctx = open_db(args)
    try:
        counts = export_directory(ctx, target)
    finally:
        ctx.close()
    print(f"Đã xuất {counts.units} đơn vị, {counts.memberships} dòng thành viên nhóm, "
          f"{counts.clusters} dòng cụm, khối thi đua vào {target}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from desktop.core.commands import CliError, open_db
    from desktop.recipients.directory import DirectoryError
    from desktop.recipients.excel_import import import_directory

    source = Path(args.xlsx)
    if not source.exists():
        raise CliError(f"không tìm thấy tệp {source}")
    ctx = open_db(args)
    try:
        report, _ = import_directory(ctx, source, ctx.user, dry_run=args.dry_run)
    except DirectoryError as exc:
        raise CliError(str(exc)) from None
    finally:
        ctx.close()
    if report.errors:
        for outcome in report.errors:
            print(outcome.line(), file=sys.stderr)
        return 2
    if args.dry_run:
        print(f"Kiểm tra xong, chưa ghi: {report.summary()}.")
    elif report.written:
        print(f"Đã nhập danh bạ: {report.summary()}.")
    else:
        print("Đã nhập danh bạ: thêm 0, sửa 0 (không có gì thay đổi).")
    return 0
