"""`python -m desktop search --db PATH TEXT [--limit N] [--json]` (a contract): every word must
match, accent- and case-insensitive; an exact number/symbol first, then by relevance; `--limit`
50 by default; `--json` prints a list of {"kind", "id", "title"}, otherwise one line per hit,
`kind<TAB>id<TAB>title`; no hit is `[]` (with --json) or nothing, and exit 0."""
from __future__ import annotations

import argparse
import json

from desktop.core.commands import open_db


def _limit(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"--limit phải là số nguyên dương: {value!r}")
    return number


def register(sub, common) -> None:
    p = sub.add_parser("search", parents=[common],
                       help="tìm mọi nơi: văn bản đi, văn bản đến, nhiệm vụ, đơn vị (không dấu cũng được)")
    p.add_argument("text", nargs="+", metavar="TEXT", help='các từ cần tìm, ví dụ "1607/UBND" hoặc "nội vụ"')
    p.add_argument("--limit", type=_limit, default=50, metavar="N", help="số kết quả tối đa (mặc định 50)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.search.query import search

    ctx = open_db(args)
    try:
        hits = search(ctx, " ".join(args.text), args.limit)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps([hit.as_json() for hit in hits], ensure_ascii=False))
        return 0
    for hit in hits:
        print(f"{hit.kind}\t{hit.id}\t{' '.join(hit.title.split())}")
    return 0
