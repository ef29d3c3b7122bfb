"""Functions run in child processes by the concurrent-save tests (importable under spawn)."""
from __future__ import annotations

import traceback
from datetime import date

GIVE_UP_AFTER = 5  # a broken lock order fails fast (each deadlock costs PostgreSQL a second)


def save_incoming_many(url: str, dispatch_json: str, count: int, barrier, results) -> None:
    """Save `count` incoming letters one after another through the write door, as the program
    does; put (arrival numbers, failures, retries) on `results`. A retry is a transient
    conflict the door got past: on SQLite a writer can wait out its busy timeout while the
    others, saving in a tight loop, keep taking the lock first. Gives up after a few
    failures, which fail the test anyway."""
    import time

    from desktop.core.context import open_context
    from desktop.core.dispatch import Dispatch
    from desktop.core.writes import perform
    from desktop.importing.parse import ImportResult
    from desktop.importing.save import save_import

    numbers: list[int] = []
    failures: list[str] = []
    retries: list[float] = []

    def pause(seconds: float) -> None:
        retries.append(seconds)
        time.sleep(seconds)

    ctx = open_context(url, migrate=False)
    try:
        result = ImportResult(dispatch=Dispatch.from_json(dispatch_json), source_text="")
        barrier.wait()
        for _ in range(count):
            try:
                # the same letter each time, on purpose (numbering under load, not duplicates)
                saved = perform(lambda: save_import(ctx, result, "in", arrival_date=date(2025, 3, 4),
                                                    allow_duplicate=True), sleep=pause)
                numbers.append(saved.arrival_number)
            except Exception as exc:  # noqa: BLE001 - the test counts every failure
                failures.append(f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}")
                if len(failures) >= GIVE_UP_AFTER:
                    break
    except Exception:  # noqa: BLE001
        failures.append(traceback.format_exc())
    finally:
        ctx.close()
        results.put((numbers, failures, len(retries)))


def open_at_once(url: str, barrier, results) -> None:
    """Open (and so migrate) the database at the same moment as the other processes; put
    the revision reached, or the error, on `results`."""
    try:
        from desktop.core.context import open_context

        barrier.wait()
        ctx = open_context(url)
        try:
            results.put(("ok", ctx.migration.to_revision))
        finally:
            ctx.close()
    except Exception as exc:  # noqa: BLE001 - the test reports every failure
        results.put(("failed", f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:300]}"))
