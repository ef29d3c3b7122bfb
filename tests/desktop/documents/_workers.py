"""Functions run in child processes by the concurrency tests (importable under spawn)."""
from __future__ import annotations

import time
from datetime import date


def issue_many(url: str, ids: list[int], start_at: float) -> list[int]:
    from desktop.core.context import open_context
    from desktop.documents.flow import issue

    ctx = open_context(url, migrate=False)
    try:
        while time.time() < start_at:  # start all workers together
            time.sleep(0.005)
        return [issue(ctx, doc_id, f"worker-{ids[0]}", on=date(2025, 6, 2))[0] for doc_id in ids]
    finally:
        ctx.close()


def reserve_many(url: str, register_id: int, count: int, start_at: float) -> list[int]:
    from desktop.core.context import open_context
    from desktop.documents.numbering import reserve_number

    ctx = open_context(url, migrate=False)
    try:
        while time.time() < start_at:
            time.sleep(0.005)
        return [reserve_number(ctx, register_id, 2025, "giữ số thử", "worker")[0] for _ in range(count)]
    finally:
        ctx.close()
