"""The office-wide view: issued dispatches whose recipients owe answers, with the counts per
dispatch (units waited for, answered, not yet, late as of today). The late rule is the one of
`desktop.tracking.query`, in SQL."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, and_, bindparam, distinct, exists, func, or_, select

from db.models import OutgoingDocument, RecipientTracking, Task
from desktop.core.listing import Column, Filter, ListSource
from desktop.core.vocabulary import pad2, short_date

O = OutgoingDocument
R = RecipientTracking
# The office's local date when the query runs (the database's CURRENT_DATE is UTC).
_today = bindparam("tracking_today", callable_=date.today, type_=Date)

_first_task_deadline = (select(func.min(Task.deadline)).where(Task.outgoing_id == O.id, Task.status != "cancelled")
                        .correlate_except(Task).scalar_subquery())
DEADLINE = func.coalesce(O.reply_deadline, _first_task_deadline)
_waits = and_(R.outgoing_id == O.id, R.awaits_reply.is_(True), R.unit_id.is_not(None))
_late = and_(DEADLINE.is_not(None), or_(
    and_(R.replied_at.is_not(None), R.answered_on > DEADLINE),
    and_(R.replied_at.is_(None), DEADLINE < _today),
))


def _units(*where) -> object:
    return select(func.count(distinct(R.unit_id))).where(_waits, *where).correlate_except(R).scalar_subquery()


UNITS = _units()
REPLIED = _units(R.replied_at.is_not(None))
PENDING = UNITS - REPLIED
LATE = _units(_late)


def _count(value) -> str:
    return str(value or 0)


WAITING = ListSource(
    key="waiting",
    id_column=O.id,
    columns=(
        Column("number", "Số", O.number, width=60, format=pad2),
        Column("symbol", "Ký hiệu", O.symbol, width=110),
        Column("date", "Ngày", O.date, width=90, format=short_date),
        Column("subject", "Trích yếu", O.subject, width=360),
        Column("deadline", "Hạn trả lời", DEADLINE, width=90, format=short_date),
        Column("units", "Đơn vị", UNITS, width=65, format=_count),
        Column("replied", "Đã trả lời", REPLIED, width=75, format=_count),
        Column("pending", "Chưa trả lời", PENDING, width=85, format=_count),
        Column("late", "Quá hạn", LATE, width=70, format=_count),
    ),
    from_clause=lambda q: q.select_from(O).where(O.status == "issued", exists().where(_waits)),
    search_column=O.search_folded,
    default_sort="date",
    default_descending=True,
    tie_breaker=O.number,
    filters=(
        # A dispatch with a reply deadline (set, or its tasks') asks for answers by a date.
        Filter("waiting", "Còn chờ trả lời, có hạn", lambda: and_(PENDING > 0, DEADLINE.is_not(None))),
        Filter("late", "Có đơn vị quá hạn", lambda: LATE > 0),
        Filter("pending", "Còn đơn vị chưa trả lời (cả văn bản không hạn)", lambda: PENDING > 0),
        Filter("answered", "Đã trả lời đủ", lambda: PENDING == 0),
    ),
)
