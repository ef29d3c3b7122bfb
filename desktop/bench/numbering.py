"""Benchmark: reserving numbers in a register, one transaction each."""
from __future__ import annotations

from db.models import Register
from desktop.documents.numbering import register_entries, reserve_number


def bench_allocation(workdir) -> list[tuple[str, float]]:
    """Benchmark: 200 numbers reserved one transaction each on a fresh SQLite file."""
    import time

    from db.engine import sqlite_url
    from desktop.core.context import open_context

    ctx = open_context(sqlite_url(workdir / "numbering-bench.sqlite3"))
    try:
        with ctx.session() as session:
            register = Register(code="BENCH", name="Sổ đo", direction="out")
            session.add(register)
            session.commit()
            register_id = register.id
        start = time.perf_counter()
        for _ in range(200):
            reserve_number(ctx, register_id, 2025, "đo", "bench")
        per = (time.perf_counter() - start) / 200
        start = time.perf_counter()
        rows = register_entries(ctx, register_id, 2025)
        listing = time.perf_counter() - start
        assert len(rows) == 200
        return [("numbering: reserve one number (SQLite, one transaction)", per),
                ("numbering: list a register of 200 numbers", listing)]
    finally:
        ctx.close()
