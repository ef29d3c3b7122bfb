"""Start several processes at the same moment (spawn, as on Windows) and collect what each
put on its queue. Each target takes its own arguments, then a barrier and a results queue."""
from __future__ import annotations

import multiprocessing
from typing import Any, Callable

RUNAWAY_S = 300  # a generous bound that only catches a hung child, not a benchmark


def run_together(target: Callable[..., None], args: tuple, processes: int) -> list[Any]:
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(processes), spawn.Queue()
    children = [spawn.Process(target=target, args=(*args, barrier, results)) for _ in range(processes)]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=RUNAWAY_S) for _ in children]
    for child in children:
        child.join(RUNAWAY_S)
    return outcomes
