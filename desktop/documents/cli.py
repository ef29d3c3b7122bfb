"""`python -m desktop register ...`: the numbering register from the command line.

    register list    --code CV-DI [--year 2025]
    register next    --code CV-DI [--year 2025]
    register reserve --code CV-DI --reason "..." [--year 2025]
    register void    --code CV-DI --number 7 --reason "..." [--year 2025]
    register check   --code CV-DI --number 7 --date 15/03/2025
"""
from __future__ import annotations

import argparse
from datetime import date


def register(sub, common) -> None:
    p = sub.add_parser("register", parents=[common], help="sổ đăng ký văn bản: xem, giữ số, hủy số, kiểm tra số nhập tay")
    p.add_argument("action", choices=("list", "next", "reserve", "void", "check"))
    p.add_argument("--code", required=True, help="mã sổ, ví dụ CV-DI")
    p.add_argument("--year", type=int, default=None, help="năm của sổ (mặc định: năm nay, hoặc năm của --date)")
    p.add_argument("--number", type=int, default=None, help="số (cho void, check)")
    p.add_argument("--reason", default=None, help="lý do (cho reserve, void)")
    p.add_argument("--date", default=None, help="ngày văn bản dd/mm/yyyy (cho check)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from db.models import Register
    from desktop.core.commands import CliError, open_db
    from desktop.core.writes import perform
    from desktop.documents import numbering
    from desktop.core.vocabulary import read_date, short_date

    on = read_date(args.date) if args.date else None
    if args.date and on is None:
        raise CliError(f"ngày «{args.date}» không đúng dạng dd/mm/yyyy")
    year = args.year or (on.year if on else date.today().year)
    ctx = open_db(args)
    try:
        with ctx.session() as session:
            register_id = session.scalar(select(Register.id).where(Register.code == args.code))
        if register_id is None:
            raise CliError(f"không có sổ mã «{args.code}»")
        if args.action == "list":
            for row in numbering.register_entries(ctx, register_id, year):
                when = short_date(row.date)
                what = row.subject or row.reason or ""
                print(f"{row.number_label}\t{row.status_label}\t{row.symbol or ''}\t{when}\t{what}")
        elif args.action == "next":
            with ctx.session() as session:
                print(numbering.next_number(session, register_id, year))
        elif args.action == "reserve":
            number, _ = perform(lambda: numbering.reserve_number(ctx, register_id, year, args.reason or "", ctx.user))
            print(f"Đã giữ số {number:02d}/{year}.")
        elif args.action in ("void", "check") and args.number is None:
            raise CliError("cần --number")
        elif args.action == "void":
            perform(lambda: numbering.void_number(ctx, register_id, year, args.number, args.reason or "", ctx.user))
            print(f"Đã hủy số {args.number:02d}/{year}.")
        else:
            if on is None:
                raise CliError("cần --date dd/mm/yyyy")
            check = numbering.check_manual_number(ctx, register_id, year, args.number, on)
            for message in check.errors:
                print(f"Lỗi: {message}")
            for message in check.warnings:
                print(f"Lưu ý: {message}")
            if check.ok and not check.warnings:
                print("Số hợp lệ.")
            return 0 if check.ok else 2
    finally:
        ctx.close()
    return 0
