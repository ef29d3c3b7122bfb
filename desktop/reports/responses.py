"""Bảng theo dõi phản hồi: for one dispatch or the dispatches dated in a period that wait for answers
(they assign tasks, or a unit has answered), which units were
sent it, acknowledged it and answered it (when, with which letter), and who is late, as of a date.

Sheet "Tổng hợp": one line per dispatch with its counts. Sheet "Chi tiết": each dispatch as a
heading line with its counts, then its units; units that have not answered are highlighted
(amber, red once the deadline has passed). Dates after the as-of date are not yet known.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import exists, func, or_, select

from db.models import OutgoingDocument, RecipientTracking, Task
from desktop.core.context import AppContext
from desktop.core.jobs import CancelToken, ProgressFn, no_progress
from desktop.core.vocabulary import short_date
from desktop.followup.task_query import document_label
from desktop.reports.output import save_workbook
from desktop.reports.period import Period
from desktop.reports.register_rows import type_and_subject
from desktop.reports.registers import office_lines
from desktop.reports.tracking import TrackingRow, tracking_rows
from desktop.reports.workbook import Col, TableSheet

TITLE = "BẢNG THEO DÕI PHẢN HỒI CÔNG VĂN"
O = OutgoingDocument
PAGE = 200
SUMMARY_COLUMNS = (Col("STT", 5, "int"), Col("Số, ký hiệu", 15, "center"), Col("Ngày", 11, "date"),
                   Col("Trích yếu", 40), Col("Hạn phản hồi", 11, "date"), Col("Số đơn vị nhận", 8, "int"),
                   Col("Đã gửi", 8, "int"), Col("Đã nhận", 8, "int"), Col("Đã phản hồi", 9, "int"),
                   Col("Trong đó trễ hạn", 9, "int"), Col("Chưa phản hồi", 9, "int"),
                   Col("Trong đó quá hạn", 9, "int"))
DETAIL_COLUMNS = (Col("STT", 5, "int"), Col("Đơn vị nhận", 38), Col("Ngày gửi", 11, "date"),
                  Col("Ngày nhận", 11, "date"), Col("Ngày phản hồi", 11, "date"),
                  Col("Văn bản phản hồi", 16, "center"), Col("Ngày văn bản phản hồi", 11, "date"),
                  Col("Hạn phản hồi", 11, "date"), Col("Tình trạng", 22), Col("Số ngày trễ", 8, "int"))
ANSWERED, ANSWERED_LATE, WAITING, OVERDUE = ("Đã phản hồi", "Phản hồi trễ hạn", "Chưa phản hồi",
                                             "Chưa phản hồi, quá hạn")


@dataclass
class Answer:
    sent: date | None
    acknowledged: date | None
    replied: date | None
    state: str  # one of ANSWERED, ANSWERED_LATE, WAITING, OVERDUE
    days_late: int | None

    @property
    def tone(self) -> str | None:
        return {WAITING: "pending", OVERDUE: "overdue"}.get(self.state)


def answer(row: TrackingRow, as_of: date) -> Answer:
    """A unit's answer as it stood on `as_of` (later dates are not yet known)."""
    def known(day: date | None) -> date | None:
        return day if day is not None and day <= as_of else None

    sent, acknowledged, replied = known(row.sent), known(row.acknowledged), known(row.replied)
    if replied is not None:
        if row.deadline is not None and replied > row.deadline:
            return Answer(sent, acknowledged, replied, ANSWERED_LATE, (replied - row.deadline).days)
        return Answer(sent, acknowledged, replied, ANSWERED, None)
    if row.deadline is not None and as_of > row.deadline:
        return Answer(sent, acknowledged, None, OVERDUE, (as_of - row.deadline).days)
    return Answer(sent, acknowledged, None, WAITING, None)


@dataclass
class DispatchCounts:
    units: int = 0
    sent: int = 0
    acknowledged: int = 0
    answered: int = 0
    answered_late: int = 0
    waiting: int = 0
    overdue: int = 0

    def add(self, a: Answer) -> None:
        self.units += 1
        self.sent += a.sent is not None
        self.acknowledged += a.acknowledged is not None
        self.answered += a.replied is not None
        self.answered_late += a.state == ANSWERED_LATE
        self.waiting += a.replied is None
        self.overdue += a.state == OVERDUE

    @property
    def sentence(self) -> str:
        text = f"{self.units} đơn vị nhận: {self.answered} đã phản hồi"
        if self.answered_late:
            text += f" ({self.answered_late} trễ hạn)"
        text += f", {self.waiting} chưa phản hồi"
        if self.overdue:
            text += f" ({self.overdue} quá hạn)"
        return text


def dispatch_query(period: Period | None, outgoing_id: int | None):
    """The dispatches of the report: one by id, or the issued ones dated in the period that wait
    for answers (they assign tasks, or a unit has already answered), by date and number."""
    query = select(O.id, O.number, O.symbol, O.date, O.doc_type, O.subject)
    if outgoing_id is not None:
        return query.where(O.id == outgoing_id)
    r = RecipientTracking
    awaits = or_(exists().where(Task.outgoing_id == O.id, Task.status != "cancelled"),
                 exists().where(r.outgoing_id == O.id, r.replied_at.is_not(None)))
    return (query.where(O.status == "issued", O.date.between(period.start, period.end), awaits)
            .order_by(O.date, O.number, O.id))


def awaiting_dispatches(ctx: AppContext, period: Period) -> list[tuple[int, str]]:
    """(id, "2457/UBND-NC ngày 25/05/2018 – trích yếu") of the dispatches the period's report lists."""
    with ctx.session() as session:
        rows = session.execute(dispatch_query(period, None)).all()
    out = []
    for doc in rows:
        subject = type_and_subject(doc.doc_type, doc.subject)
        short = subject if len(subject) <= 70 else subject[:69] + "…"
        when = f" ngày {short_date(doc.date)}" if doc.date else ""
        out.append((doc.id, f"{document_label(doc.number, doc.symbol)}{when} – {short}"))
    return out


def check_dispatch(ctx: AppContext, outgoing_id: int) -> None:
    with ctx.session() as session:
        if session.get(O, outgoing_id) is None:
            raise ValueError(f"không có văn bản đi số định danh {outgoing_id}")


def export_responses(ctx: AppContext, path: Path, as_of: date, *, period: Period | None = None,
                     outgoing_id: int | None = None, progress: ProgressFn = no_progress,
                     cancel: CancelToken | None = None) -> Path:
    """Write the answers matrix of dispatch `outgoing_id`, or of the dispatches dated in `period`."""
    if outgoing_id is not None:
        check_dispatch(ctx, outgoing_id)
    elif period is None:
        raise ValueError("cần một kỳ báo cáo hoặc một văn bản")
    with ctx.session() as session:
        office = office_lines(session)
    scope = ("Công văn được chọn" if outgoing_id is not None
             else f"Công văn chờ phản hồi, ban hành {period.label[0].lower()}{period.label[1:]}")
    notes = [f"Tính đến ngày {short_date(as_of)}"]

    def build(workbook, progress: ProgressFn, cancel: CancelToken) -> None:
        heading = [*office[-1:], TITLE, scope]
        summary = TableSheet(workbook, "Tổng hợp", SUMMARY_COLUMNS, heading, notes)
        detail = TableSheet(workbook, "Chi tiết", DETAIL_COLUMNS, heading, notes)
        query = dispatch_query(period, outgoing_id)
        with ctx.session() as session:
            whole = max(session.scalar(select(func.count()).select_from(query.subquery())) or 0, 1)
            done = 0
            for page in session.execute(query).partitions(PAGE):
                cancel.raise_if_cancelled()
                tracked = tracking_rows(session, [d.id for d in page])
                for doc in page:
                    done += 1
                    _write_dispatch(summary, detail, done, doc, tracked[doc.id], as_of)
                progress(0.95 * done / whole, f"{done:,} công văn".replace(",", "."))
        for sheet, width in ((summary, len(SUMMARY_COLUMNS)), (detail, len(DETAIL_COLUMNS))):
            if sheet.rows_written == 0:
                sheet.row(("", "Không có công văn nào cần theo dõi phản hồi trong kỳ.") + (None,) * (width - 2),
                          "muted")
            sheet.close()

    return save_workbook(path, build, progress=progress, cancel=cancel)


def _write_dispatch(summary: TableSheet, detail: TableSheet, index: int, doc, rows: list[TrackingRow],
                    as_of: date) -> None:
    answers = [answer(row, as_of) for row in rows]
    counts = DispatchCounts()
    for a in answers:
        counts.add(a)
    label = document_label(doc.number, doc.symbol)
    deadlines = {row.deadline for row in rows if row.deadline is not None}
    deadline = min(deadlines) if deadlines else None
    summary.row((index, label, doc.date, type_and_subject(doc.doc_type, doc.subject), deadline, counts.units,
                 counts.sent, counts.acknowledged, counts.answered, counts.answered_late, counts.waiting,
                 counts.overdue), "overdue" if counts.overdue else None)
    when = f" ngày {short_date(doc.date)}" if doc.date else ""
    heading = f"{label}{when} – {type_and_subject(doc.doc_type, doc.subject)}. {counts.sentence}."
    detail.banner(heading, "alert" if counts.overdue else "group")
    if not rows:
        detail.row((None, "(Chưa có đơn vị nào được theo dõi)"), "muted")
    for number, (row, a) in enumerate(zip(rows, answers), 1):
        detail.row((number, row.unit, a.sent, a.acknowledged, a.replied,
                    row.reply if a.replied else None, row.reply_date if a.replied else None,
                    row.deadline, a.state, a.days_late), a.tone)
