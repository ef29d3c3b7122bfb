"""What the follow-up board reads: the lazy task list under the board's filters, and the
choices of its combo boxes (units, movements, dispatches, incoming documents).

The GUI never sees SQL: `TaskBrowser` is a `Browser` over the Nhiệm vụ list whose ids honour
a `TaskFilter`; the choice functions return (id, label) pairs.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import exists, select

from db.models import IncomingDocument, Movement, OutgoingDocument, Task, Unit
from desktop.core import listing
from desktop.core.browse import Browser
from desktop.core.context import AppContext
from desktop.core.vocabulary import TASK_ROLE_LABELS, short_date
from desktop.followup.groups import TaskGroup, group_where, groups
from desktop.followup.lists import TASKS
from desktop.followup.task_query import TaskFilter, board_filter, conditions, document_label

__all__ = ["TaskBrowser", "TaskGroup", "unit_choices", "movement_choices", "dispatch_choices", "incoming_choices",
           "task_detail"]


class TaskBrowser(Browser):
    """The Nhiệm vụ list restricted by `task_filter` (set it on the GUI thread, then reload); its
    grouped view reads `groups(...)` and, for an opened group, `group_ids(...)` (off the GUI thread)."""

    def __init__(self, ctx: AppContext):
        super().__init__(ctx, TASKS, task_detail)
        self.task_filter = TaskFilter()

    def _where(self) -> list:
        # a copy (the GUI may change it meanwhile) read as the board, its banner and the reminder
        # read it; the search box goes through listing's own folded search
        return conditions(board_filter(self.task_filter, text=""), date.today())

    def ids(self, text: str = "", sort_key: str | None = None, descending: bool | None = None,
            filter_key: str | None = None, limit: int | None = None) -> list[int]:
        where = self._where()
        with self._ctx.session() as session:
            return listing.ids(session, self._source, text, sort_key, descending, filter_key, where=where,
                               limit=limit)

    def groups(self, grouping: str, text: str = "") -> list[TaskGroup]:
        """"unit" or "document" groups of the tasks the list shows, with their counts."""
        where = self._where() + listing.search_conditions(self._source, text)
        with self._ctx.session() as session:
            return groups(session, grouping, where, date.today())

    def group_ids(self, key: tuple, text: str = "") -> list[int]:
        """The ids of one group's tasks, in the list's order (by deadline)."""
        where = self._where() + [group_where(key)]
        with self._ctx.session() as session:
            return listing.ids(session, self._source, text, where=where)


def _dispatch_label(number, symbol, on: date | None, subject: str) -> str:
    when = f" ngày {short_date(on)}" if on else ""
    short = subject if len(subject) <= 70 else subject[:69] + "…"
    return f"{document_label(number, symbol)}{when} – {short}"


def unit_choices(ctx: AppContext, *, with_tasks_only: bool = False,
                 include_inactive: bool = False) -> list[tuple[int, str]]:
    """Units by name: the active ones; every unit that has tasks (`with_tasks_only`, dissolved
    ones too: their tasks stay on the board); every unit (`include_inactive`: old dispatches)."""
    with ctx.session() as session:
        query = select(Unit.id, Unit.name).order_by(Unit.sort_key)
        if not (with_tasks_only or include_inactive):
            query = query.where(Unit.active.is_(True))
        if with_tasks_only:
            query = query.where(exists().where(Task.assignee_unit_id == Unit.id))
        return [(uid, name) for uid, name in session.execute(query)]


def movement_choices(ctx: AppContext) -> list[tuple[int, str]]:
    with ctx.session() as session:
        return [(mid, name) for mid, name in session.execute(select(Movement.id, Movement.name).order_by(Movement.name))]


def dispatch_choices(ctx: AppContext, *, with_tasks_only: bool = False) -> list[tuple[int, str]]:
    """Outgoing documents (not cancelled), newest first: "2457/UBND-NC ngày 25/05/2018 – subject"."""
    d = OutgoingDocument
    with ctx.session() as session:
        query = select(d.id, d.number, d.symbol, d.date, d.subject).where(d.status != "cancelled")
        if with_tasks_only:
            query = query.where(exists().where(Task.outgoing_id == d.id))
        query = query.order_by(d.date.is_(None), d.date.desc(), d.id.desc())
        return [(r.id, _dispatch_label(r.number, r.symbol, r.date, r.subject)) for r in session.execute(query)]


def incoming_choices(ctx: AppContext, *, issuer_unit_id: int | None = None) -> list[tuple[int, str, date | None]]:
    """Incoming documents, newest first, as (id, label, arrival date); the documents of
    `issuer_unit_id` (or naming it as issuer) first."""
    d = IncomingDocument
    with ctx.session() as session:
        unit_name = session.get(Unit, issuer_unit_id).name if issuer_unit_id else None
        rows = session.execute(select(d.id, d.number, d.symbol, d.date, d.subject, d.issuer_name, d.arrival_date,
                                      d.issuer_unit_id).order_by(d.arrival_date.desc(), d.id.desc())).all()
    out = []
    for r in rows:
        label = f"{r.issuer_name}: {_dispatch_label(r.number, r.symbol, r.date, r.subject)}"
        mine = issuer_unit_id is not None and (r.issuer_unit_id == issuer_unit_id or r.issuer_name == unit_name)
        out.append((not mine, r.id, label, r.arrival_date))
    out.sort(key=lambda t: t[0])  # stable: keeps newest first within each part
    return [(i, label, arrival) for _, i, label, arrival in out]


def task_detail(session, task_id: int) -> list[tuple[str, str]]:
    """Label/value pairs for the detail dialog."""
    from desktop.followup.task_query import TaskFilter as F
    from desktop.followup.task_query import rows_in_session

    rows = rows_in_session(session, date.today(), F(ids=[task_id], include_cancelled=True, existing_only=False))
    if not rows:
        return []
    r = rows[0]
    return [
        ("Văn bản giao", f"{r.document} – {r.document_subject}"), ("Mục", r.item_label or ""),
        ("Nhiệm vụ", r.title), ("Đơn vị thực hiện", r.unit + (f" ({TASK_ROLE_LABELS[r.role].lower()})" if r.role == "support" else "")),
        ("Hạn", short_date(r.deadline) or "(không có)"),
        ("Thời hạn ghi trong văn bản", r.deadline_text or ""), ("Tình trạng", r.category_label),
        ("Ngày hoàn thành", short_date(r.completed_on)),
        ("Văn bản báo cáo", r.reply or ""), ("Ngày báo cáo", short_date(r.reply_date)),
        ("Số lần đôn đốc", str(r.chases)), ("Phong trào", r.movement or ""), ("Ghi chú", r.notes or ""),
    ]
