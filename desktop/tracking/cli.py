"""`python -m desktop recipients --db PATH --id N [--pending] [--json]`: the tracking rows of
outgoing document N, in the order the lines are printed (members of a group in its order).

--json gives a list of {"unit", "unit_id", "line", "sent_at", "channel", "acknowledged_at",
"replied_at", "reply": {"id", "number", "symbol", "date"} | null, "late"}: `*_at` ISO local
date-times or null, `reply.date` the reply letter's own date, `channel` "post" | "email" |
"axis" | "hand" | null. --pending keeps the rows without a reply.
"""
from __future__ import annotations

import argparse
import json
from datetime import datetime

from desktop.core.commands import CliError, open_db

_HEADERS = ("Đơn vị", "Dòng in trên văn bản", "Đã gửi", "Cách gửi", "Đã nhận", "Trả lời", "Tình trạng")


def register(sub, common) -> None:
    p = sub.add_parser("recipients", parents=[common],
                       help="theo dõi từng đơn vị nhận một văn bản đi: đã gửi, đã nhận, đã trả lời, quá hạn")
    p.add_argument("--id", type=int, required=True, metavar="N", help="số định danh của văn bản đi")
    p.add_argument("--pending", action="store_true", help="chỉ các dòng chưa có trả lời")
    p.add_argument("--json", action="store_true", help="in danh sách dạng JSON")
    p.set_defaults(run=run)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def as_json(row) -> dict:
    """One tracking row in the contract's shape."""
    reply = None
    if row.reply_id is not None:
        reply = {"id": row.reply_id, "number": row.reply_number, "symbol": row.reply_symbol,
                 "date": row.reply_date.isoformat() if row.reply_date else None}
    return {
        "unit": row.unit, "unit_id": row.unit_id, "line": row.line, "sent_at": _iso(row.sent_at),
        "channel": row.channel, "acknowledged_at": _iso(row.acknowledged_at), "replied_at": _iso(row.replied_at),
        "reply": reply, "late": bool(row.late),
    }


def run(args: argparse.Namespace) -> int:
    from desktop.core.vocabulary import CHANNEL_LABELS, short_date
    from desktop.tracking.query import dispatch_tracking

    ctx = open_db(args)
    try:
        try:
            tracking = dispatch_tracking(ctx, args.id)
        except LookupError:
            raise CliError(f"không có văn bản đi số định danh {args.id}") from None
    finally:
        ctx.close()
    rows = [r for r in tracking.rows if not (args.pending and r.replied)]
    if args.json:
        print(json.dumps([as_json(r) for r in rows], ensure_ascii=False, indent=1))
        return 0

    def when(value: datetime | None) -> str:
        return f"{short_date(value)} {value:%H:%M}" if value else "—"

    table = [(r.unit, r.line, when(r.sent_at), CHANNEL_LABELS.get(r.channel or "", "—"), when(r.acknowledged_at),
              r.reply_label or "—", r.status_label) for r in rows]
    widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(_HEADERS)]
    print(f"{tracking.title}: {tracking.subject}")
    for line in [_HEADERS, *table]:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
    deadline = f"hạn trả lời {short_date(tracking.deadline)}" if tracking.deadline else "chưa có hạn trả lời"
    print(f"{tracking.count('units')} đơn vị chờ trả lời: {tracking.count('replied')} đã trả lời, "
          f"{tracking.count('pending')} chưa trả lời, {tracking.count('late')} quá hạn ({deadline}).")
    return 0
