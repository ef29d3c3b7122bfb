"""The Nhiệm vụ list (all tasks, with their official status category as of today)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, bindparam, and_, case, func, literal, or_, select

from db.models import IncomingDocument, Movement, OutgoingDocument, Task, TaskChase, Unit
from desktop.core.vocabulary import dmy
from desktop.core.listing import Column, Filter, ListSource, number_text

T = Task
# The office's local date, taken when the query runs (the database's CURRENT_DATE is UTC:
# in Vietnam, UTC+7, it would lag a day every morning before 7 a.m.).
_today = bindparam("today", callable_=date.today, type_=Date)

# The four categories of official reports (domain spec §3.5), computed in SQL as of today.
CATEGORY = case(
    (T.status == "cancelled", literal("Đã hủy")),
    (and_(T.status == "done", or_(T.deadline.is_(None), T.completed_on <= T.deadline)),
     literal("Hoàn thành đúng hạn")),
    (T.status == "done", literal("Hoàn thành quá hạn")),
    (and_(T.deadline.is_not(None), T.deadline < _today), literal("Chưa hoàn thành, quá hạn")),
    else_=literal("Chưa hoàn thành, trong hạn"),
)

_doc_number = (
    select(number_text(OutgoingDocument.number) + "/" + func.coalesce(OutgoingDocument.symbol, ""))
    .where(OutgoingDocument.id == T.outgoing_id).scalar_subquery()
)
_incoming_number = (
    select(literal("đến: ") + func.coalesce(IncomingDocument.number, "") + "/" + func.coalesce(IncomingDocument.symbol, ""))
    .where(IncomingDocument.id == T.incoming_id).scalar_subquery()
)
_document = func.coalesce(_doc_number, _incoming_number)
_chases = select(func.count(TaskChase.id)).where(TaskChase.task_id == T.id).scalar_subquery()

TASKS = ListSource(
    key="tasks",
    id_column=T.id,
    columns=(
        Column("document", "Văn bản giao", _document, width=130),
        Column("label", "Mục", T.item_label, width=45),
        Column("unit", "Đơn vị thực hiện", func.coalesce(Unit.name, T.assignee_text), sort=Unit.sort_key, width=220),
        Column("deadline", "Hạn", T.deadline, width=85, format=dmy),
        Column("category", "Tình trạng", CATEGORY, width=190),
        Column("chased", "Đôn đốc", _chases, width=65, format=lambda v: str(v or 0)),
        Column("title", "Nhiệm vụ", T.title, width=300),
        Column("deadline_text", "Thời hạn ghi trong văn bản", T.deadline_text, width=160),
        Column("movement", "Phong trào", Movement.name, width=200),
    ),
    from_clause=lambda q: q.select_from(T).outerjoin(Unit, Unit.id == T.assignee_unit_id)
    .outerjoin(Movement, Movement.id == T.movement_id),
    search_column=T.search_folded,
    default_sort="deadline",
    default_descending=False,
    filters=(
        Filter("overdue", "Quá hạn", lambda: and_(T.status == "open", T.deadline < _today)),
        Filter("open", "Chưa hoàn thành", lambda: T.status == "open"),
        Filter("done", "Hoàn thành", lambda: T.status == "done"),
    ),
)
