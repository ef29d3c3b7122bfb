"""What the clerk records on tracking rows: bulk actions on a selection ("đã gửi qua trục liên
thông hôm nay", "đã nhận được"), a unit attached to a free-text line, whether a row waits for
an answer, and the dispatch's reply deadline. Each write is one transaction with an audit
entry; bulk actions and attaching return the entry's id, which `undo.undo` takes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from db.models import OutgoingDocument, RecipientTracking, Unit
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.vocabulary import short_date
from desktop.tracking.undo import TRACKING_ENTITY, remember, snapshot

__all__ = ["BULK_ACTIONS", "BulkDone", "TrackingError", "bulk_mark", "attach_unit", "set_reply_deadline"]


class TrackingError(ValueError):
    """A tracking write refused, with a Vietnamese message; nothing was written."""


@dataclass(frozen=True)
class BulkAction:
    label: str  # as the GUI shows it
    fields: tuple[str, ...]  # what it changes (and what undo restores)
    channel: str | None = None


BULK_ACTIONS = {
    "sent_axis": BulkAction("Đã gửi qua trục liên thông hôm nay", ("sent_at", "channel"), "axis"),
    "sent_email": BulkAction("Đã gửi qua thư điện tử hôm nay", ("sent_at", "channel"), "email"),
    "sent_post": BulkAction("Đã gửi qua bưu điện hôm nay", ("sent_at", "channel"), "post"),
    "sent_hand": BulkAction("Đã gửi trực tiếp hôm nay", ("sent_at", "channel"), "hand"),
    "acknowledged": BulkAction("Đã nhận được", ("acknowledged_at",)),
    "replied": BulkAction("Đã trả lời (không có văn bản đến)", ("replied_at", "answered_on", "reply_link")),
    "awaits": BulkAction("Chờ trả lời", ("awaits_reply",)),
    "no_reply": BulkAction("Không cần trả lời", ("awaits_reply",)),
}


@dataclass
class BulkDone:
    undo_id: int  # the audit entry: `desktop.tracking.undo.undo(ctx, undo_id, user)`
    count: int
    message: str


def _apply(row: RecipientTracking, key: str, action: BulkAction, now: datetime) -> bool:
    """Set the action's values on `row`; False when there is nothing to do for it."""
    if key.startswith("sent_"):
        row.sent_at, row.channel = now, action.channel
    elif key == "acknowledged":
        if row.acknowledged_at is not None:
            return False
        row.acknowledged_at = now
    elif key == "replied":
        if row.replied_at is not None or row.unit_id is None:
            return False
        row.replied_at, row.answered_on, row.reply_link = now, now.date(), "manual"
    else:
        row.awaits_reply = key == "awaits"
    return True


def bulk_mark(ctx: AppContext, row_ids: list[int], key: str, user: str, *,
              now: datetime | None = None) -> tuple[BulkDone, Changes]:
    """Apply bulk action `key` (of BULK_ACTIONS) to the rows `row_ids`, in one transaction."""
    action = BULK_ACTIONS.get(key)
    if action is None:
        raise TrackingError(f"Thao tác không hợp lệ: {key!r}.")
    if not row_ids:
        raise TrackingError("Chưa chọn đơn vị nào.")
    now = (now or datetime.now()).replace(microsecond=0)
    with ctx.write_session() as session:
        rows = session.scalars(select(RecipientTracking).where(RecipientTracking.id.in_(row_ids))).all()
        if len(rows) != len(set(row_ids)):
            raise TrackingError("Có đơn vị đã chọn không còn trong danh sách theo dõi; hãy tải lại.")
        before: dict[int, dict] = {}
        for row in rows:
            old = snapshot(row, action.fields)
            if _apply(row, key, action, now):
                before[row.id] = old
        if not before:
            raise TrackingError(f"Không có gì để ghi: các đơn vị đã chọn đều đã “{action.label.lower()}”.")
        outgoing = {row.outgoing_id for row in rows}
        undo_id = remember(session, user, "bulk", outgoing.pop() if len(outgoing) == 1 else None,
                           rows=before, label=action.label)
        session.commit()
    message = f"{action.label}: {len(before)} đơn vị."
    return BulkDone(undo_id, len(before), message), Changes(outgoing=True)


def attach_unit(ctx: AppContext, row_id: int, unit_id: int | None, user: str) -> tuple[BulkDone, Changes]:
    """Attach a directory unit to a row (a free-text line becomes tracked), or detach it (None)."""
    with ctx.write_session() as session:
        row = session.get(RecipientTracking, row_id)
        if row is None:
            raise TrackingError(f"Không có dòng theo dõi số định danh {row_id}.")
        unit = session.get(Unit, unit_id) if unit_id is not None else None
        if unit_id is not None and unit is None:
            raise TrackingError(f"Không có đơn vị số định danh {unit_id}.")
        old = snapshot(row, ("unit_id", "name"))
        row.unit_id = unit_id
        if unit is not None:
            row.name = unit.name[:250]
        undo_id = remember(session, user, "attach_unit", row.outgoing_id, rows={row.id: old}, unit_id=unit_id)
        session.commit()
        name = row.name
    message = f"Đã gắn “{name}” vào dòng theo dõi." if unit_id is not None else "Đã bỏ đơn vị khỏi dòng theo dõi."
    return BulkDone(undo_id, 1, message), Changes(outgoing=True)


def set_reply_deadline(ctx: AppContext, outgoing_id: int, deadline: date | None, user: str) -> Changes:
    """The date recipients must answer by (None: the earliest deadline of the dispatch's tasks)."""
    with ctx.write_session() as session:
        doc = session.get(OutgoingDocument, outgoing_id)
        if doc is None:
            raise TrackingError(f"Không có văn bản đi số định danh {outgoing_id}.")
        if deadline is not None and doc.date is not None and deadline < doc.date:
            raise TrackingError(f"Hạn trả lời {short_date(deadline)} trước ngày của văn bản ({short_date(doc.date)}).")
        before = doc.reply_deadline
        doc.reply_deadline = deadline
        record(session, user, "reply_deadline", TRACKING_ENTITY, outgoing_id, **{"from": before, "to": deadline})
        session.commit()
    return Changes(outgoing=True)
