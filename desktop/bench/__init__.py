"""`python -m desktop bench`: prints timings of the operations that must stay fast (every benchmark lives in this package).

Each feature adds a measurement to BENCHMARKS: a function `fn(workdir) -> list[(label, seconds)]`
(or `(label, value, unit)` for what is not a time, e.g. a ratio or megabytes).
Timings are printed, never asserted in tests.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Callable

Benchmark = Callable[[Path], list[tuple[str, float]]]
BENCHMARKS: list[tuple[str, str]] = [
    ("desktop.bench.startup", "bench_startup"),
    ("desktop.bench.lists", "bench_document_list"),
    ("desktop.bench.letters", "bench_render"),
    ("desktop.bench.render_process", "bench_render_process"),
    ("desktop.bench.importing", "bench_import"),
    ("desktop.bench.deadlines", "bench_deadlines"),
    ("desktop.bench.numbering", "bench_allocation"),
    ("desktop.bench.followup", "bench_followup"),
    ("desktop.bench.reports", "bench_register_export"),
]


def register(sub, common) -> None:
    p = sub.add_parser("bench", parents=[common], help="đo thời gian các thao tác chính và in kết quả")
    p.add_argument("--only", metavar="NAME", help="chỉ chạy phép đo có tên chứa NAME")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import importlib

    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp:
        for module, func in BENCHMARKS:
            if args.only and args.only not in func:
                continue
            fn: Benchmark = getattr(importlib.import_module(module), func)
            for entry in fn(Path(tmp)):
                print(line(*entry), flush=True)
    return 0


def line(label: str, value: float, unit: str = "") -> str:
    """One printed result: a time in ms, or a value with its unit."""
    if not unit:
        return f"{label:<60} {value * 1000:10.1f} ms"
    return f"{label:<60} {value:10.{2 if unit == '×' else 1}f} {unit}"
