"""The board's grouped view, read lazily: the groups (one per unit or per assigning document, with
their task and overdue counts) in one GROUP BY, and a group's task ids only when it is opened — its
rows then come a page at a time like any list's (`Browser.rows`).

Both answer under the conditions of the board's flat list (`task_query.conditions` and the list's
folded search, given by `board.TaskBrowser`), so a group's count is the number of its rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

from sqlalchemy import ColumnElement, and_, case, func, literal, select
from sqlalchemy.orm import Session

from db.models import IncomingDocument, OutgoingDocument, Task, Unit
from desktop.core.text import vi_sort_key
from desktop.followup.categories import category_where
from desktop.followup.task_query import document_label

__all__ = ["GROUPINGS", "TaskGroup", "groups", "group_where", "NO_UNIT", "NO_DOCUMENT"]

T, O, I = Task, OutgoingDocument, IncomingDocument
GROUPINGS = ("unit", "document")
NO_UNIT = "(chưa xác định đơn vị)"
NO_DOCUMENT = "(không có văn bản)"
# a task's unit: the directory's, else the text of the item (for tasks no unit was found for)
_UNIT_TEXT = case((T.assignee_unit_id.is_(None), func.coalesce(T.assignee_text, "")), else_=None)


@dataclass(frozen=True)
class TaskGroup:
    key: tuple  # ("unit", unit_id, text) or ("document", outgoing_id, incoming_id)
    title: str
    count: int
    overdue: int

    @property
    def summary(self) -> str:
        return f"{self.count} nhiệm vụ" + (f", {self.overdue} quá hạn" if self.overdue else "")


def _counts(where: Sequence[ColumnElement[bool]], today: date, *keys):
    """Task and overdue counts per `keys`, under `where` (the list's FROM: tasks and their unit)."""
    overdue = func.sum(case((category_where("open_overdue", today), 1), else_=0))
    return (select(*(k.label(f"k{i}") for i, k in enumerate(keys)), func.count(T.id).label("n"),
                   overdue.label("late"))
            .select_from(T).outerjoin(Unit, Unit.id == T.assignee_unit_id).where(*where)
            .group_by(*keys).subquery())


def groups(session: Session, grouping: str, where: Sequence[ColumnElement[bool]], today: date) -> list[TaskGroup]:
    """The groups of the tasks under `where`: units in Vietnamese order, documents newest first
    (tasks given with no document last). Counted on the tasks' own columns, named after."""
    if grouping == "unit":
        g = _counts(where, today, T.assignee_unit_id, _UNIT_TEXT)
        query = select(g.c.k0, g.c.k1, Unit.name, g.c.n, g.c.late).outerjoin(Unit, Unit.id == g.c.k0)
        found = [TaskGroup(("unit", unit_id, text), name or text or NO_UNIT, n, late or 0)
                 for unit_id, text, name, n, late in session.execute(query)]
        return sorted(found, key=lambda grp: (grp.title == NO_UNIT, vi_sort_key(grp.title)))
    if grouping != "document":
        raise ValueError(f"cách nhóm không hợp lệ: {grouping!r} ({', '.join(GROUPINGS)})")
    g = _counts(where, today, T.outgoing_id, T.incoming_id)
    query = (select(g.c.k0, g.c.k1, g.c.n, g.c.late, O.number, O.symbol, O.subject, O.date,
                    I.number, I.symbol, I.subject, I.date)
             .outerjoin(O, O.id == g.c.k0).outerjoin(I, I.id == g.c.k1))
    found = []
    for out_id, in_id, n, late, o_no, o_sym, o_subj, o_date, i_no, i_sym, i_subj, i_date in session.execute(query):
        if out_id is not None:
            title, on = f"{document_label(o_no, o_sym)} – {o_subj}", o_date
        elif in_id is not None:
            title, on = f"đến: {document_label(i_no, i_sym)} – {i_subj}", i_date
        else:
            title, on = NO_DOCUMENT, None
        order = (out_id is None and in_id is None, -(on or date.min).toordinal(), -(out_id or 0), -(in_id or 0))
        found.append((order, TaskGroup(("document", out_id, in_id), title, n, late or 0)))
    return [grp for _, grp in sorted(found, key=lambda pair: pair[0])]


def _is(column, value) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == literal(value)


def group_where(key: tuple) -> ColumnElement[bool]:
    """The condition that selects a group's tasks (on the tasks' own, indexed columns)."""
    kind, first, second = key
    if kind == "unit":
        return _is(T.assignee_unit_id, first) if first is not None else and_(
            T.assignee_unit_id.is_(None), func.coalesce(T.assignee_text, "") == second)
    return and_(_is(T.outgoing_id, first), _is(T.incoming_id, second))
