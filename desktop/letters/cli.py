"""`python -m desktop render`: a dispatch (JSON file or stored document) as PDF or DOCX.

    python -m desktop render --json FILE (--pdf OUT | --docx OUT)
    python -m desktop render --db PATH --id N (--pdf OUT | --docx OUT)

Bad input is one Vietnamese line on stderr naming the field, a non-zero exit, and no output
file: the letter is written to a temporary file beside OUT and renamed only when complete.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.core.commands import CliError, db_options, open_db
from desktop.letters.save import write_atomically


def register(sub, common) -> None:
    p = sub.add_parser("render", parents=[common],
                       help="in văn bản theo thể thức Nghị định 30 ra PDF hoặc DOCX")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--json", metavar="FILE", help="văn bản dạng JSON (xem dispatch-json.md)")
    source.add_argument("--id", type=int, metavar="N", help="văn bản đi đã lưu (cần --db hoặc --database-url)")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="OUT", help="ghi tệp PDF")
    out.add_argument("--docx", metavar="OUT", help="ghi tệp DOCX")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.core.dispatch import Dispatch
    from desktop.letters.layout import LetterSettings, load_letter_settings

    target = Path(args.pdf or args.docx)
    if not target.parent.exists():
        raise CliError(f"thư mục {target.parent} không tồn tại")
    settings = LetterSettings()
    if args.json:
        dispatch = Dispatch.from_json(_read_text(Path(args.json)))
        if any(db_options(args)):
            settings = _settings_from_db(args, load_letter_settings)
    else:
        dispatch, settings = _stored(args)
    missing = dispatch.missing_for_render()
    if missing:
        raise CliError(f"thiếu trường bắt buộc: {', '.join(missing)}")
    if args.pdf:
        from desktop.letters.pdf import render_pdf

        data = render_pdf(dispatch, settings)
    else:
        from desktop.letters.docx import render_docx

        data = render_docx(dispatch, settings)
    write_atomically(target, data)
    print(f"Đã ghi {target} ({len(data) // 1024} KB)")
    return 0


def _read_text(path: Path) -> str:
    from desktop.core.limits import LimitExceeded, Limits, read_bounded

    try:
        return read_bounded(path, Limits.defaults()).decode("utf-8-sig")
    except LimitExceeded as exc:
        raise CliError(str(exc)) from None
    except FileNotFoundError:
        raise CliError(f"không tìm thấy tệp {path}") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: tệp không phải văn bản UTF-8") from None


def _settings_from_db(args, loader):
    ctx = open_db(args)
    try:
        with ctx.session() as session:
            return loader(session)
    finally:
        ctx.close()


def _stored(args):
    from desktop.documents.convert import dispatch_from_outgoing
    from desktop.letters.layout import load_letter_settings

    ctx = open_db(args)
    try:
        with ctx.session() as session:
            try:
                dispatch = dispatch_from_outgoing(session, args.id)
            except LookupError as exc:
                raise CliError(str(exc)) from None
            return dispatch, load_letter_settings(session)
    finally:
        ctx.close()
