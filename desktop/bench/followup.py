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
