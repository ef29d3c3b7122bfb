"""Subcommands of the follow-up feature: `deadline` (read a Vietnamese deadline phrase), `holidays`
(list or edit a year's days off) and `tasks` (tasks with their official status category as of a date):

    python -m desktop tasks --db PATH [--as-of YYYY-MM-DD] [--overdue] [--json]
"""
from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from typing import TYPE_CHECKING

from desktop.core.commands import CliError, db_options, open_db
from desktop.core.vocabulary import short_date

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
    _register_tasks(sub, common)


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
    from desktop.core.writes import perform
    from desktop.followup.calendar_service import remove_office_day, set_office_day

    if db_options(args) == (None, None):
        raise CliError("ghi hoặc bỏ ngày của cơ quan cần --db PATH")
    if args.add and not args.name:
        raise CliError("--add cần --name (tên ngày)")
    ctx = open_db(args)
    try:
        if args.add:
            perform(lambda: set_office_day(ctx, args.add, "work" if args.work else "off", args.name, ctx.user))
            print(f"Đã ghi {short_date(args.add)}: {'làm bù' if args.work else 'nghỉ'} – {args.name}")
        if args.remove:
            perform(lambda: remove_office_day(ctx, args.remove, ctx.user))
            print(f"Đã bỏ ngày {short_date(args.remove)} của cơ quan")
    finally:
        ctx.close()
    return 0


# --- tasks ---

_HEADERS = ("Văn bản", "Mục", "Đơn vị thực hiện", "Hạn", "Tình trạng", "Đôn đốc", "Nhiệm vụ")


def _register_tasks(sub, common) -> None:
    p = sub.add_parser("tasks", parents=[common], help="liệt kê nhiệm vụ và tình trạng thực hiện tại một ngày")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="ngày xét tình trạng (mặc định: hôm nay)")
    p.add_argument("--overdue", action="store_true", help="chỉ nhiệm vụ chưa hoàn thành, quá hạn")
    p.add_argument("--json", action="store_true", help="in danh sách dạng JSON")
    p.set_defaults(run=run_tasks)


def _as_of(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"ngày không hợp lệ: {value!r} (dạng YYYY-MM-DD, ví dụ 2019-02-01)") from None


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run_tasks(args: argparse.Namespace) -> int:
    as_of = _as_of(args.as_of)  # checked before the database is opened
    from desktop.followup.task_query import TaskFilter, task_rows

    ctx = open_db(args)
    try:
        rows = task_rows(ctx, as_of, TaskFilter(overdue=args.overdue))
    finally:
        ctx.close()
    if args.json:
        print(json.dumps([{
            "id": r.id, "document": r.document, "item": r.item_label, "unit": r.unit, "unit_id": r.unit_id,
            "title": r.title, "deadline": r.deadline.isoformat() if r.deadline else None,
            "deadline_text": r.deadline_text, "status": r.status,
            "completed_on": r.completed_on.isoformat() if r.completed_on else None,
            "category": r.category, "category_label": r.category_label, "due_soon": r.due_soon,
            "chases": r.chases, "movement": r.movement,
        } for r in rows], ensure_ascii=False, indent=1))
        return 0
    table = [(r.document, r.item_label or "", _clip(r.unit, 40), short_date(r.deadline) or "—",
              r.category_label, str(r.chases), _clip(r.title, 70)) for r in rows]
    widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(_HEADERS)]
    for line in [_HEADERS, *table]:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
    what = "nhiệm vụ quá hạn" if args.overdue else "nhiệm vụ"
    print(f"{len(rows)} {what} tính đến ngày {short_date(as_of)}.")
    return 0
