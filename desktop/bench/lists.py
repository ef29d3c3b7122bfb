"""Benchmark: the first screen of a 100,000-row document list, as the lazy table model reads it —
the first page of ids (along the list's index) and its rows — then all the ids (in the background
while the first screen shows), a search and a sort by another column."""
from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert


def make_large_database(path: Path, n: int = 100_000):
    """A migrated SQLite file with `n` issued dispatches (bulk insert, one transaction)."""
    from db.engine import sqlite_url
    from db.models import OutgoingDocument
    from desktop.core.context import open_context

    ctx = open_context(sqlite_url(path))
    rows = [
        {"issuer_name": "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", "subject": f"đôn đốc thực hiện nhiệm vụ số {i}",
         "search_folded": f"don doc thuc hien nhiem vu so {i}", "date": date(2016, 1, 1) + timedelta(days=i % 3650),
         "status": "issued", "doc_type": "Công văn", "body": "", "copies": 0, "version": 1,
         "year": 2016 + (i % 3650) // 365, "number": i + 1, "symbol": "UBND-NC"}
        for i in range(n)
    ]
    with ctx.session() as s, s.begin():
        s.execute(insert(OutgoingDocument), rows)
    return ctx


def bench_document_list(workdir: Path) -> list[tuple[str, float]]:
    from desktop.core.browse import Browser
    from desktop.documents.lists import OUTGOING

    from sqlalchemy.orm import configure_mappers

    page = 100  # ui.common.lazy_table.PAGE (the bench imports no Qt)
    ctx = make_large_database(workdir / "large.sqlite3")
    try:
        browser = Browser(ctx, OUTGOING)
        # once per process, at the first ORM query whatever it is: timed on its own line
        start = time.perf_counter()
        configure_mappers()
        mappers = time.perf_counter() - start
        start = time.perf_counter()
        browser.rows(browser.ids(limit=page))
        first_screen = time.perf_counter() - start
        start = time.perf_counter()
        browser.ids()
        all_ids = time.perf_counter() - start
        start = time.perf_counter()
        found = browser.ids("nhiem vu so 4242")
        search = time.perf_counter() - start
        start = time.perf_counter()
        browser.ids(sort_key="subject")
        resort = time.perf_counter() - start
        assert found
    finally:
        ctx.close()
    return [
        ("SQLAlchemy: cấu hình mapper (một lần mỗi tiến trình)", mappers),
        ("100 000 văn bản đi: màn hình đầu (100 ids + 100 dòng)", first_screen),
        ("100 000 văn bản đi: mọi ids (nền, sau màn hình đầu)", all_ids),
        ("100 000 văn bản đi: tìm không dấu", search),
        ("100 000 văn bản đi: sắp xếp theo trích yếu", resort),
    ]
