"""`python -m desktop bench`: prints timings of the operations that must stay fast (every benchmark lives in this package).

Each feature adds a measurement to BENCHMARKS: a function `fn(workdir) -> list[(label, seconds)]`.
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
            for label, seconds in fn(Path(tmp)):
                print(f"{label:<60} {seconds * 1000:10.1f} ms", flush=True)
    return 0
