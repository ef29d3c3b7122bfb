"""Chasing letters (công văn đôn đốc) drafted from late tasks.

`draft_chasing_letter` makes a new draft through `desktop.documents.service.create_draft` (so
the normal flow and register apply when it is submitted, signed and issued) addressed only to
the units of the chosen tasks: Kính gửi holds exactly those units. It cites the original
dispatch by number, date (decree form) and subject, lists each unit's pending items and sets
the new deadline. With one source dispatch the wording is the office's seeded template
"Đôn đốc thực hiện nhiệm vụ", filled with the template engine; with several it is our own
wording below. Each chased task gets a `TaskChase` link, so the board counts the chases.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from db.models import OutgoingDocument, TaskChase, Template
from desktop.core.access import DRAFT, require
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.documents.inputs import DraftInput, RecipientInput
from desktop.documents.numbering import register_for
from desktop.followup.task_query import TaskFilter, TaskRow, task_rows
from desktop.core.text import fold
from desktop.core.vocabulary import decree_date, short_date

__all__ = ["ChaseError", "draft_chasing_letter", "draft_for_rows", "overdue_task_ids", "chase_overdue_of_dispatch", "TEMPLATE_NAME"]

TEMPLATE_NAME = "Đôn đốc thực hiện nhiệm vụ"
_ISSUER = "Ủy ban nhân dân tỉnh"
# Our own wording for letters that chase items of several dispatches.
_MULTI_SUBJECT = "đôn đốc thực hiện nhiệm vụ được giao tại {{ van_ban | liet_ke }}"
_MULTI_BODY = "\n".join([
    "Thực hiện {{ van_ban | liet_ke }}, {{ co_quan }} đã giao nhiệm vụ cho các cơ quan, đơn vị và đề nghị"
    " báo cáo kết quả đúng thời hạn. Đến nay, các đơn vị sau còn nhiệm vụ chưa hoàn thành hoặc chưa có báo cáo:",
    "{% for d in don_vi %}",
    "- {{ d.ten }}: {{ d.viec }};",
    "{% endfor %}",
    "Đề nghị thủ trưởng các đơn vị nêu trên tập trung hoàn thành các nhiệm vụ còn lại và gửi báo cáo kết quả"
    " trước ngày {{ han_moi | dmy }}./.",
])


class ChaseError(ValueError):
    """Nothing to chase, or a task that cannot be chased; message in Vietnamese."""


@dataclass
class _Source:
    outgoing_id: int | None
    doc_type: str
    number: str
    date: date | None
    subject: str

    @property
    def citation(self) -> str:
        when = f" {decree_date(self.date)}" if self.date else ""
        return f"{self.doc_type} số {self.number}{when}"


def _pending_text(rows: list[TaskRow], sources: int) -> str:
    """"tham mưu sơ kết ... (mục 5.2, hạn 30/09/2018); ..." for one unit."""
    parts = []
    for row in rows:
        where = [f"mục {row.item_label}" if row.item_label else ""]
        if sources > 1 and row.document:
            where[0] = f"{where[0]} văn bản số {row.document}".strip()
        if row.deadline:
            where.append(f"hạn {short_date(row.deadline)}")
        title = row.title.rstrip(" .;")
        if title[1:2].islower():  # "Tham mưu ..." -> "tham mưu ...", "UBND ..." unchanged
            title = title[:1].lower() + title[1:]
        notes = ", ".join(w for w in where if w)
        parts.append(f"{title} ({notes})" if notes else title)
    return "; ".join(parts)


def _group(rows: list[TaskRow]) -> list[tuple[RecipientInput, list[TaskRow]]]:
    groups: dict[object, tuple[RecipientInput, list[TaskRow]]] = {}
    for row in rows:
        if row.unit_id is None and not row.unit:
            raise ChaseError(f"Nhiệm vụ mục {row.item_label or row.id} chưa có đơn vị thực hiện.")
        key = row.unit_id if row.unit_id is not None else fold(row.unit)
        groups.setdefault(key, (RecipientInput(text=row.unit, unit_id=row.unit_id), []))[1].append(row)
    return list(groups.values())


def _template(session):
    from desktop.templates.service import _to_data

    for row in session.scalars(select(Template).where(Template.archived.is_(False))):
        if fold(row.name) == fold(TEMPLATE_NAME):
            return row.id, _to_data(row)
    from desktop.templates.seed import seed_data, seed_files  # a database without the seeded templates

    for raw in seed_files():
        if fold(raw.get("name", "")) == fold(TEMPLATE_NAME):
            return None, seed_data(raw)
    return None, None


def build_chasing_input(ctx: AppContext, rows: list[TaskRow], new_deadline: date) -> DraftInput:
    """The draft's form (subject, body, Kính gửi, Nơi nhận) for the chased `rows`."""
    from desktop.templates.engine import Placeholder, fill

    sources: dict[object, _Source] = {}
    for row in rows:
        key = row.outgoing_id or f"in{row.incoming_id}"
        doc_type = "Công văn"
        sources.setdefault(key, _Source(row.outgoing_id, doc_type, row.document, row.document_date, row.document_subject))
    groups = _group(rows)
    units = [{"ten": line.text, "viec": _pending_text(items, len(sources))} for line, items in groups]
    with ctx.session() as session:
        template_id, template = _template(session)
        register = register_for(session, "out", "Công văn")  # a chasing letter is a công văn
        register_id = register.id if register else None
        for source in sources.values():
            if source.outgoing_id is not None:
                source.doc_type = session.get(OutgoingDocument, source.outgoing_id).doc_type or "Công văn"
    if len(sources) == 1 and template is not None:
        source = next(iter(sources.values()))
        values = {
            "vb_loai": source.doc_type, "vb_so": source.number,
            # the date as the decree writes it in a citation ("25 tháng 5 năm 2018"), not dd/mm/yyyy
            "vb_ngay": decree_date(source.date).removeprefix("ngày ") if source.date else None,
            "vb_trich_yeu": source.subject, "don_vi": units, "han_moi": new_deadline,
        }
        subject, body = fill(template.subject, values, template.placeholders), fill(template.body, values, template.placeholders)
        distribution, drafting_unit, signer = template.distribution, template.drafting_unit_id, template.signer_id
    else:
        placeholders = [Placeholder("don_vi", type="list", fields=[{"name": "ten"}, {"name": "viec"}]),
                        Placeholder("han_moi", type="date"), Placeholder("van_ban", type="list"),
                        Placeholder("co_quan")]
        values = {"van_ban": [s.citation for s in sources.values()], "don_vi": units,
                  "han_moi": new_deadline, "co_quan": _ISSUER}
        subject, body = fill(_MULTI_SUBJECT, values, placeholders), fill(_MULTI_BODY, values, placeholders)
        distribution = template.distribution if template else []
        drafting_unit = template.drafting_unit_id if template else None
        signer = template.signer_id if template else None
    return DraftInput(
        register_id=register_id, drafting_unit_id=drafting_unit, subject=" ".join(subject.text.split()),
        body=body.text, recipients=[line for line, _ in groups],
        distribution=[RecipientInput(d.text, d.unit_id, d.group_id, d.purpose) for d in distribution],
        signer_id=signer, template_id=template_id,
    )


def draft_chasing_letter(ctx: AppContext, task_ids: list[int], new_deadline: date, user: str) -> tuple[int, Changes]:
    """A new draft chasing the open tasks `task_ids`; returns its outgoing id.

    Done or cancelled tasks among `task_ids` are left out; ChaseError when none is left.
    """
    if not task_ids:
        raise ChaseError("Chưa chọn nhiệm vụ nào để đôn đốc.")
    rows = [r for r in task_rows(ctx, date.today(), TaskFilter(ids=list(task_ids))) if r.status == "open"]
    if not rows:
        raise ChaseError("Các nhiệm vụ đã chọn đều đã hoàn thành hoặc đã hủy; không có gì để đôn đốc.")
    return draft_for_rows(ctx, rows, new_deadline, user)


def draft_for_rows(ctx: AppContext, rows: list[TaskRow], new_deadline: date, user: str) -> tuple[int, Changes]:
    """The chasing draft for `rows` (Kính gửi: their units, in order). Rows with an id are stored
    tasks and get a `TaskChase` link; a row with id 0 stands for a unit that owes an answer
    without a task (desktop.tracking.chase)."""
    require(ctx, DRAFT, user)
    from desktop.documents.flow import cancel
    from desktop.documents.service import create_draft

    data = build_chasing_input(ctx, rows, new_deadline)
    outgoing_id, changes = create_draft(ctx, data, user)
    tasks = [r.id for r in rows if r.id]
    try:
        with ctx.write_session() as session:
            for task_id in tasks:
                session.add(TaskChase(task_id=task_id, outgoing_id=outgoing_id, new_deadline=new_deadline))
            record(session, user, "chase", "task", None, outgoing_id=outgoing_id, task_ids=tasks,
                   units=[r.unit for r in rows if not r.id] or None, new_deadline=new_deadline)
            session.commit()
    except Exception:
        cancel(ctx, outgoing_id, user, reason="không liên kết được nhiệm vụ được đôn đốc")
        raise
    return outgoing_id, changes | Changes(tasks=True)


def overdue_task_ids(ctx: AppContext, outgoing_id: int, as_of: date) -> list[int]:
    """The open, overdue tasks of one dispatch as of `as_of`."""
    return [r.id for r in task_rows(ctx, as_of, TaskFilter(outgoing_id=outgoing_id, overdue=True))]


def chase_overdue_of_dispatch(ctx: AppContext, outgoing_id: int, new_deadline: date, user: str, *,
                              as_of: date | None = None) -> tuple[int, Changes]:
    """"All overdue tasks of one dispatch" → one chasing letter."""
    ids = overdue_task_ids(ctx, outgoing_id, as_of or date.today())
    if not ids:
        raise ChaseError("Văn bản này không có nhiệm vụ quá hạn.")
    return draft_chasing_letter(ctx, ids, new_deadline, user)


def chased_tasks(ctx: AppContext, outgoing_id: int) -> list[int]:
    """The tasks a chasing letter chased."""
    with ctx.session() as session:
        return list(session.scalars(select(TaskChase.task_id).where(TaskChase.outgoing_id == outgoing_id)
                                    .order_by(TaskChase.task_id)))

