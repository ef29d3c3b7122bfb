"""Subcommand `tasks`: the tasks with their official status category as of a date.

    python -m desktop tasks --db PATH [--as-of YYYY-MM-DD] [--overdue] [--json]
"""
from __future__ import annotations

import argparse
import json
from datetime import date

from desktop.cli import CliError, open_db

_HEADERS = ("Văn bản", "Mục", "Đơn vị thực hiện", "Hạn", "Tình trạng", "Đôn đốc", "Nhiệm vụ")


def register(sub, common) -> None:
    p = sub.add_parser("tasks", parents=[common], help="liệt kê nhiệm vụ và tình trạng thực hiện tại một ngày")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="ngày xét tình trạng (mặc định: hôm nay)")
    p.add_argument("--overdue", action="store_true", help="chỉ nhiệm vụ chưa hoàn thành, quá hạn")
    p.add_argument("--json", action="store_true", help="in danh sách dạng JSON")
    p.set_defaults(run=run)


def _as_of(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"ngày không hợp lệ: {value!r} (dạng YYYY-MM-DD, ví dụ 2019-02-01)") from None


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
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
    table = [(r.document, r.item_label or "", _clip(r.unit, 40), r.deadline.strftime("%d/%m/%Y") if r.deadline else "—",
              r.category_label, str(r.chases), _clip(r.title, 70)) for r in rows]
    widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(_HEADERS)]
    for line in [_HEADERS, *table]:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
    what = "nhiệm vụ quá hạn" if args.overdue else "nhiệm vụ"
    print(f"{len(rows)} {what} tính đến ngày {as_of:%d/%m/%Y}.")
    return 0


def bench_followup(workdir) -> list[tuple[str, float]]:
    """The board's reads on the demo database: task rows, dashboard, propose, a chasing draft."""
    import time

    from desktop.context import open_context
    from desktop.demo import build_demo_database
    from db.engine import sqlite_url
    from desktop.followup.chasing import draft_chasing_letter
    from desktop.followup.dashboard import dashboard
    from desktop.followup.proposals import propose_tasks
    from desktop.followup.task_query import TaskFilter, task_rows

    ctx = open_context(sqlite_url(build_demo_database(workdir / "followup.sqlite3")))
    try:
        as_of = date(2019, 2, 1)
        timings = []
        for label, fn in (
            ("task_rows (demo)", lambda: task_rows(ctx, as_of)),
            ("dashboard (demo)", lambda: dashboard(ctx, as_of)),
            ("propose_tasks 2457/UBND-NC", lambda: propose_tasks(ctx, 1)),
            ("draft_chasing_letter 2 đơn vị", lambda: draft_chasing_letter(
                ctx, [r.id for r in task_rows(ctx, as_of, TaskFilter(overdue=True))][:2], date(2019, 3, 1), "bench")),
        ):
            start = time.perf_counter()
            fn()
            timings.append((label, time.perf_counter() - start))
        return timings
    finally:
        ctx.close()
