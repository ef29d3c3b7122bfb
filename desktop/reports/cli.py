"""`python -m desktop export`: the Excel reports from the command line (a contract: names and options
exactly as issue 12 gives them).

    export (register-out|register-in|tasks|responses) --db PATH [--code REGISTER_CODE]
           [--year Y | --month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD]
           [--as-of YYYY-MM-DD] [--id N] --xlsx OUT

An option that does not apply to the report, a bad value or an unwritable path: one line on
stderr and exit 2. Success prints the path written.
"""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.core.commands import CliError, open_db

REPORTS = ("register-out", "register-in", "tasks", "responses")
# Which optional options each report takes (--xlsx and --db are always there).
APPLIES = {
    "register-out": {"code", "period"},
    "register-in": {"code", "period"},
    "tasks": {"period", "as_of"},
    "responses": {"period", "as_of", "id"},
}
_FLAGS = {"code": "--code", "as_of": "--as-of", "id": "--id"}


def register(sub, common) -> None:
    p = sub.add_parser("export", parents=[common], help="xuất báo cáo Excel: sổ đăng ký đi/đến, tình hình "
                       "thực hiện nhiệm vụ, bảng theo dõi phản hồi")
    p.add_argument("report", choices=REPORTS, help="báo cáo cần xuất")
    p.add_argument("--code", metavar="REGISTER_CODE", help="mã sổ, ví dụ CV-DI (mặc định: mọi sổ cùng chiều)")
    p.add_argument("--year", metavar="Y", help="năm (mặc định: năm nay)")
    p.add_argument("--month", metavar="YYYY-MM", help="một tháng")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="từ ngày (đi cùng --to)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="đến ngày (đi cùng --from)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="tính đến ngày (tasks, responses; mặc định: hôm nay)")
    p.add_argument("--id", metavar="N", help="một công văn đi (responses)")
    p.add_argument("--xlsx", metavar="OUT", required=True, help="tệp .xlsx sẽ ghi")
    p.set_defaults(run=run)


def _check_applies(args: argparse.Namespace) -> None:
    allowed = APPLIES[args.report]
    given = {"code": args.code, "as_of": args.as_of, "id": args.id}
    for key, value in given.items():
        if value is not None and key not in allowed:
            raise CliError(f"{_FLAGS[key]} không dùng cho báo cáo {args.report}")
    if args.id is not None and any(v is not None for v in (args.year, args.month, args.start, args.end)):
        raise CliError("--id không dùng cùng --year, --month, --from/--to")


def _parsed(args: argparse.Namespace):
    """(period, as_of, outgoing id), checked before the database is opened."""
    from desktop.reports.period import iso_date, parse_period

    _check_applies(args)
    try:
        period = parse_period(args.year, args.month, args.start, args.end)
        as_of = iso_date(args.as_of) if args.as_of else date.today()
    except ValueError as exc:
        raise CliError(str(exc)) from None
    outgoing_id = None
    if args.id is not None:
        if not args.id.isdigit() or int(args.id) < 1:
            raise CliError(f"--id phải là một số nguyên dương (đã cho {args.id!r})")
        outgoing_id = int(args.id)
    out = Path(args.xlsx)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"tệp ra phải có đuôi .xlsx: {out}")
    return period, as_of, outgoing_id, out


def run(args: argparse.Namespace) -> int:
    from desktop.reports.output import ExportError, check_destination

    period, as_of, outgoing_id, out = _parsed(args)
    try:
        check_destination(out)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    ctx = open_db(args)
    try:
        written = _export(ctx, args.report, out, period, as_of, outgoing_id, args.code)
    except (ExportError, ValueError) as exc:
        raise CliError(str(exc)) from None
    finally:
        ctx.close()
    print(written)
    return 0


def _export(ctx, report: str, out: Path, period, as_of: date, outgoing_id: int | None, code: str | None) -> Path:
    if report in ("register-out", "register-in"):
        from desktop.reports.registers import export_register

        return export_register(ctx, out, "out" if report == "register-out" else "in", period, code)
    if report == "tasks":
        from desktop.reports.tasks_report import export_tasks

        return export_tasks(ctx, out, period, as_of)
    from desktop.reports.responses import export_responses

    return export_responses(ctx, out, as_of, period=None if outgoing_id else period, outgoing_id=outgoing_id)
