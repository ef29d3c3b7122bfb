"""Subcommands `deadline` (read a Vietnamese deadline phrase) and `holidays` (list a year's
days off), plus the deadline benchmark."""
from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from typing import TYPE_CHECKING

from desktop.cli import CliError, db_options, open_db
from desktop.text import short_date

if TYPE_CHECKING:
    from desktop.followup.calendar import WorkingCalendar

# The deadline modules compile many regular expressions: imported inside the commands so
# that building the command-line parser (on every start, GUI included) stays cheap.

_KIND_LABELS = {"date": "ngày cụ thể", "period": "cuối kỳ", "relative": "tương đối",
                "recurring": "định kỳ", "none": "không xác định"}


def _iso(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {value!r} (dạng YYYY-MM-DD)") from None


def register(sub, common) -> None:
    p = sub.add_parser("deadline", parents=[common], help="đọc một cụm từ thời hạn (\"trước ngày 15/10/2021\")")
    p.add_argument("text", help="cụm từ hoặc cả đoạn văn (với --find)")
    p.add_argument("--find", action="store_true", help="tìm thời hạn trong cả đoạn văn")
    p.add_argument("--doc-date", type=_iso, metavar="YYYY-MM-DD", help="ngày của văn bản")
    p.add_argument("--as-of", type=_iso, metavar="YYYY-MM-DD", help="tính hạn kế tiếp của thời hạn định kỳ")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(run=run_deadline)

    h = sub.add_parser("holidays", parents=[common], help="liệt kê ngày nghỉ lễ, Tết của một năm; ghi ngày nghỉ, ngày làm bù của cơ quan")
    h.add_argument("year", type=int)
    h.add_argument("--add", type=_iso, metavar="YYYY-MM-DD", help="ghi một ngày nghỉ của cơ quan (cần --db và --name)")
    h.add_argument("--work", action="store_true", help="với --add: ngày làm việc bù (thay vì ngày nghỉ)")
    h.add_argument("--name", help="với --add: tên ngày, ví dụ \"Nghỉ Tết Nguyên đán\"")
    h.add_argument("--remove", type=_iso, metavar="YYYY-MM-DD", help="bỏ một ngày do cơ quan ghi (cần --db)")
    h.set_defaults(run=run_holidays)


def _calendar(args: argparse.Namespace) -> WorkingCalendar:
    """The office calendar when a database is given, else the built-in one."""
    from desktop.followup.calendar import WorkingCalendar, load_calendar

    if db_options(args) == (None, None):
        return WorkingCalendar()
    ctx = open_db(args)
    try:
        with ctx.session() as session:
            return load_calendar(session)
    finally:
        ctx.close()


def run_deadline(args: argparse.Namespace) -> int:
    from desktop.followup.deadlines import find_deadline, next_due, parse_deadline

    calendar = _calendar(args)
    reader = find_deadline if args.find else parse_deadline
    result = reader(args.text, doc_date=args.doc_date, calendar=calendar)
    upcoming = next_due(result, args.as_of) if args.as_of else None
    if args.json:
        print(json.dumps({
            "deadline_text": result.text, "deadline": result.date.isoformat() if result.date else None,
            "recurrence": result.recurrence, "kind": result.kind, "day_of_period": result.day_of_period,
            "next_due": upcoming.isoformat() if upcoming else None,
        }, ensure_ascii=False))
        return 0
    if result.text is None:
        print("Không tìm thấy thời hạn.")
        return 1
    print(f"Cụm từ: {result.text}")
    print(f"Loại: {_KIND_LABELS[result.kind]}")
    print(f"Hạn: {short_date(result.date) or '(không xác định)'}")
    if result.recurrence:
        day = f", ngày {result.day_of_period}" if result.day_of_period else ""
        print(f"Lặp lại: {result.recurrence}{day}")
    if args.as_of:
        print(f"Hạn kế tiếp: {short_date(upcoming) or '(không xác định)'}")
    return 1 if result.kind == "none" else 0


def run_holidays(args: argparse.Namespace) -> int:
    if not 1995 <= args.year <= 2100:
        raise CliError("năm phải trong khoảng 1995-2100")
    if args.add or args.remove:
        return _edit_holidays(args)
    if db_options(args) == (None, None):
        for day, name in _calendar(args).holidays_in(args.year):
            print(f"{short_date(day)}  {name}")
        return 0
    from desktop.followup.calendar_service import calendar_year

    ctx = open_db(args)
    try:
        entries = calendar_year(ctx, args.year)
    finally:
        ctx.close()
    for entry in entries:  # days off, then the office's make-up working days
        if entry.off:
            print(f"{short_date(entry.day)}  {entry.name}")
    for entry in entries:
        if not entry.off:
            print(f"{short_date(entry.day)}  (làm bù) {entry.name}")
    return 0


def _edit_holidays(args: argparse.Namespace) -> int:
    from desktop.followup.calendar_service import remove_office_day, set_office_day

    if db_options(args) == (None, None):
        raise CliError("ghi hoặc bỏ ngày của cơ quan cần --db PATH")
    if args.add and not args.name:
        raise CliError("--add cần --name (tên ngày)")
    ctx = open_db(args)
    try:
        if args.add:
            set_office_day(ctx, args.add, "work" if args.work else "off", args.name, ctx.user)
            print(f"Đã ghi {short_date(args.add)}: {'làm bù' if args.work else 'nghỉ'} – {args.name}")
        if args.remove:
            remove_office_day(ctx, args.remove, ctx.user)
            print(f"Đã bỏ ngày {short_date(args.remove)} của cơ quan")
    finally:
        ctx.close()
    return 0


def bench_deadlines(workdir: Path) -> list[tuple[str, float]]:
    """find_deadline over 1,000 item paragraphs; 200 working-day sums across Tết."""
    from desktop.followup.calendar import WorkingCalendar
    from desktop.followup.deadlines import find_deadline

    items = [
        "Sở Nội vụ chủ trì, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/10/2021.",
        "Chủ trì, tham mưu sơ kết phong trào thi đua trong Quý III/2018 theo kế hoạch.",
        "Tiếp tục quán triệt, triển khai các văn bản số 536/KH-UBND ngày 09/10/2017 của tỉnh.",
        "Định kỳ từ ngày 1 đến ngày 5 hằng tháng, các đơn vị gửi số liệu về Văn phòng.",
    ] * 250
    start = time.perf_counter()
    for text in items:
        find_deadline(text, doc_date=date(2021, 1, 4))
    found = time.perf_counter() - start
    calendar = WorkingCalendar()
    start = time.perf_counter()
    for i in range(200):
        calendar.add_working_days(date(2025, 1, 1 + i % 28), 15)
    summed = time.perf_counter() - start
    return [("find_deadline: 1.000 đoạn văn", found), ("add_working_days: 200 lần qua Tết", summed)]
