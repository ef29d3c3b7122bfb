"""Benchmark: the follow-up board's reads on the demo database."""
from __future__ import annotations

from datetime import date


def bench_followup(workdir) -> list[tuple[str, float]]:
    """The board's reads on the demo database: task rows, dashboard, propose, a chasing draft."""
    import time

    from desktop.core.context import open_context
    from desktop.demo.office import build_demo_database
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


def bench_board_groups(workdir) -> list[tuple[str, float]]:
    """The grouped board on the office at 100,000 documents: the groups with their counts, one
    opened group's tasks (best of three: the first run also compiles the SQL) — beside reading every
    task's row, as the grouped view did before."""
    import time

    from db.engine import sqlite_url
    from desktop.bench import best_of
    from desktop.core.context import open_context
    from desktop.demo.scale import build_scaled_demo
    from desktop.followup.board import TaskBrowser
    from desktop.followup.task_query import task_rows

    db = workdir / "scale.sqlite3"  # the reports and search benchmarks build the same office
    if not db.exists():
        build_scaled_demo(db, 100_000)
    ctx = open_context(sqlite_url(db))
    try:
        browser = TaskBrowser(ctx)
        timings = []
        for grouping, label in (("unit", "đơn vị"), ("document", "văn bản")):
            count = len(browser.groups(grouping))
            wall, _ = best_of(lambda: browser.groups(grouping))
            timings.append((f"bảng nhiệm vụ nhóm theo {label}: {count:,} nhóm".replace(",", "."), wall))
        key = browser.groups("unit")[0].key
        wall, _ = best_of(lambda: browser.rows(browser.group_ids(key)[:100]))
        timings.append(("mở một nhóm (ids + 100 dòng)", wall))
        start = time.perf_counter()
        rows = task_rows(ctx, date.today())
        timings.append((f"(trước đây) đọc cả {len(rows):,} nhiệm vụ để nhóm".replace(",", "."),
                        time.perf_counter() - start))
        return timings
    finally:
        ctx.close()
