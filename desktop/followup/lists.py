"""The Nhiệm vụ list (all tasks, with their official status category as of today)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, bindparam, func, literal, select

from db.models import IncomingDocument, Movement, OutgoingDocument, Task, TaskChase, Unit
from desktop.core.vocabulary import short_date
from desktop.core.listing import Column, Filter, ListSource, number_text
from desktop.followup.categories import category_label, category_label_sql, category_sql, category_where

T = Task
# The office's local date, taken when the query runs (the database's CURRENT_DATE is UTC:
# in Vietnam, UTC+7, it would lag a day every morning before 7 a.m.).
_today = bindparam("today", callable_=date.today, type_=Date)

# The reporting category as of today (desktop.followup.categories): the column holds the code,
# shows its label and sorts by the label.
CATEGORY_CODE = category_sql(_today)
CATEGORY = category_label_sql(_today)

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
        Column("deadline", "Hạn", T.deadline, width=85, format=short_date),
        Column("category", "Tình trạng", CATEGORY_CODE, sort=CATEGORY, width=190, format=category_label),
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
        Filter("overdue", "Quá hạn", lambda: category_where("open_overdue", _today)),
        Filter("open", "Chưa hoàn thành", lambda: T.status == "open"),
        Filter("done", "Hoàn thành", lambda: T.status == "done"),
    ),
)
