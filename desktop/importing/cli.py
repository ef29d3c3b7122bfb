"""`python -m desktop import FILE [--json] [--db PATH --save-as in|out]`."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub, common) -> None:
    p = sub.add_parser("import", parents=[common],
                       help="đọc một văn bản có sẵn (.txt, .md, .docx, .pdf) thành dữ liệu có cấu trúc")
    p.add_argument("file", metavar="FILE", help="tệp văn bản cần nhập, hoặc một thư mục (nhập cả thư mục)")
    p.add_argument("--json", action="store_true", help="in văn bản dạng JSON (mặc định nếu không lưu)")
    p.add_argument("--save-as", choices=("in", "out"), dest="save_as",
                   help="lưu vào cơ sở dữ liệu: in = văn bản đến, out = văn bản đi đã ban hành")
    p.add_argument("--warnings", action="store_true", help="in các cảnh báo (trường không đọc được) ra stderr")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="nhận dạng chữ trên ảnh trang PDF: auto = trang không có lớp chữ dùng được (mặc định), "
                        "always = mọi trang, never = không bao giờ")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.core.commands import CliError, open_db
    from desktop.importing.parse import read_dispatch

    ctx = None
    if args.save_as:
        ctx = open_db(args)
    elif getattr(args, "db", None) or getattr(args, "database_url", None):
        ctx = open_db(args)
    try:
        units = None
        if ctx is not None:
            from desktop.importing.save import load_units

            with ctx.session() as session:
                units = load_units(session)
        if Path(args.file).is_dir():
            return _run_folder(args, ctx, units)
        result = read_dispatch(Path(args.file), units=units, ocr=args.ocr)
        if args.warnings:
            for warning in result.warnings:
                print(f"Cảnh báo: {warning}", file=sys.stderr)
        if args.json or not args.save_as:
            _write_utf8(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2) + "\n")
        if args.save_as:
            from desktop.core.writes import perform
            from desktop.importing.save import save_import

            if ctx is None:
                raise CliError("cần --db PATH hoặc --database-url URL để lưu")
            outcome = perform(lambda: save_import(ctx, result, args.save_as, source_file=str(Path(args.file).resolve())))
            print(outcome.message, file=sys.stderr if args.json else sys.stdout)
        return 0
    finally:
        if ctx is not None:
            ctx.close()


def _write_utf8(text: str) -> None:
    """UTF-8 whatever the console code page (a Windows console may be cp1252)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _run_folder(args: argparse.Namespace, ctx, units) -> int:
    """One line per file: status, name, message; exit 1 when any file failed."""
    from pathlib import Path

    from desktop.importing.batch import FAILED, STATUS_LABELS, import_folder

    reports = import_folder(Path(args.file), units=units, ctx=ctx, save_as=args.save_as, ocr=args.ocr)
    for r in reports:
        line = f"{STATUS_LABELS[r.status]}\t{r.path.name}\t{r.message}".rstrip()
        if args.json and r.result is not None:
            line += "\t" + json.dumps(r.result.to_json_dict(), ensure_ascii=False)
        _write_utf8(line + "\n")
    counts = {s: sum(r.status == s for r in reports) for s in STATUS_LABELS}
    print(", ".join(f"{STATUS_LABELS[s]}: {n}" for s, n in counts.items()), file=sys.stderr)
    return 1 if counts[FAILED] else 0
