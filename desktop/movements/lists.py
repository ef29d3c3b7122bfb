"""The Phong trào thi đua list and a movement's detail."""
from __future__ import annotations

from sqlalchemy import String, cast, func, select

from db.models import Movement, MovementDocument, OutgoingDocument, Task, Unit
from desktop.core.vocabulary import pad2, short_date
from desktop.core.listing import Column, Filter, ListSource

M = Movement
_period = func.coalesce(cast(M.period_start, String), "") + " – " + func.coalesce(cast(M.period_end, String), "")
_tasks = select(func.count(Task.id)).where(Task.movement_id == M.id).scalar_subquery()

MOVEMENTS = ListSource(
    key="movements",
    id_column=M.id,
    columns=(
        Column("name", "Tên phong trào", M.name, width=380),
        Column("period", "Giai đoạn", _period, sort=M.period_start, width=100),
        Column("monitor", "Đơn vị theo dõi", Unit.name, sort=Unit.sort_key, width=240),
        Column("launching", "Văn bản phát động", M.launching_reference, width=260),
        Column("interim", "Sơ kết", M.interim_review_date, width=90, format=short_date),
        Column("final", "Tổng kết", M.final_review_date, width=90, format=short_date),
        Column("tasks", "Nhiệm vụ", _tasks, width=80, format=lambda v: str(v or 0)),
    ),
    from_clause=lambda q: q.select_from(M).outerjoin(Unit, Unit.id == M.monitoring_unit_id),
    search_column=M.search_folded,
    default_sort="name",
    filters=(Filter("active", "Đang diễn ra", lambda: M.active.is_(True)),),
)


def movement_detail(session, movement_id: int) -> list[tuple[str, str]]:
    movement = session.get(M, movement_id)
    if movement is None:
        return []
    unit = session.get(Unit, movement.monitoring_unit_id) if movement.monitoring_unit_id else None
    docs = session.execute(
        select(OutgoingDocument.number, OutgoingDocument.symbol, OutgoingDocument.date, OutgoingDocument.subject)
        .join(MovementDocument, MovementDocument.outgoing_id == OutgoingDocument.id)
        .where(MovementDocument.movement_id == movement_id).order_by(OutgoingDocument.date)
    ).all()
    period = "–".join(str(y) for y in (movement.period_start, movement.period_end) if y)
    return [
        ("Tên phong trào", movement.name),
        ("Giai đoạn", period),
        ("Văn bản phát động", movement.launching_reference or ""),
        ("Đơn vị theo dõi", unit.name if unit else ""),
        ("Sơ kết", short_date(movement.interim_review_date)),
        ("Tổng kết", short_date(movement.final_review_date)),
        ("Văn bản liên quan", "\n".join(
            f"{pad2(n)}/{s} ngày {short_date(d)}: {subj}" for n, s, d, subj in docs)),
        ("Ghi chú", movement.notes or ""),
    ]
