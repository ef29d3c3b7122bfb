"""Báo cáo tình hình thực hiện nhiệm vụ: the tasks of the dispatches dated in a period, as of a date.

Sheet "Tổng hợp": per unit, the four official categories (done on time, done late, not done within
the deadline, not done overdue) with totals; sheet "Biểu đồ": a stacked bar per unit on one page.
Sheet "Chi tiết": every task
(dispatch, item, unit, deadline, status, the reply that reported it, days late), overdue rows
highlighted. A task's category is the follow-up's own (`task_query` rows, the same conditions and
category function the board and the dashboard use), so the counts agree with the dashboard.
Cancelled tasks are left out, as on the dashboard.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from db.models import IncomingDocument, OutgoingDocument, Task
from desktop.core.context import AppContext
from desktop.core.jobs import CancelToken, ProgressFn, no_progress
from desktop.core.text import vi_sort_key
from desktop.core.vocabulary import short_date
from desktop.followup.dashboard import UnitCounts
from desktop.followup.categories import CATEGORY_COLOURS, CATEGORY_LABELS, CATEGORY_ORDER
from desktop.followup.task_query import TaskFilter, TaskRow, conditions, stream_rows
from desktop.reports.output import save_workbook
from desktop.reports.period import Period
from desktop.reports.registers import office_lines
from desktop.reports.workbook import Col, TableSheet

TITLE = "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"
SUMMARY_COLUMNS = (Col("STT", 5, "int"), Col("Đơn vị", 46), Col("Tổng số nhiệm vụ", 10, "int"),
                   *(Col(CATEGORY_LABELS[c], 13, "int") for c in CATEGORY_ORDER),
                   Col("Tỷ lệ hoàn thành đúng hạn", 11, "percent"))
DETAIL_COLUMNS = (Col("STT", 6, "int"), Col("Văn bản giao", 16, "center"), Col("Ngày văn bản", 11, "date"),
                  Col("Mục", 6, "center"), Col("Nhiệm vụ", 40), Col("Đơn vị thực hiện", 26), Col("Hạn", 11, "date"),
                  Col("Tình trạng", 22), Col("Ngày hoàn thành", 11, "date"), Col("Văn bản báo cáo", 16, "center"),
                  Col("Ngày báo cáo", 11, "date"), Col("Số ngày quá hạn", 9, "int"))
CHART_COLUMNS, CHART_COLUMN = 10, 12  # the chart's sheet: ten columns of width 12 (about 23.5 cm)
_DOC_DATE = func.coalesce(OutgoingDocument.date, IncomingDocument.date)


def period_condition(period: Period):
    """Tasks of the dispatches (or incoming documents) dated in the period."""
    return _DOC_DATE.between(period.start, period.end)


def days_late(row: TaskRow, as_of: date) -> int | None:
    """Calendar days past the deadline: at completion for a task done late, today for an overdue one."""
    if row.deadline is None:
        return None
    if row.category == "done_late" and row.completed_on is not None:
        return (row.completed_on - row.deadline).days
    if row.category == "open_overdue":
        return (as_of - row.deadline).days
    return None


def report_rows(session, period: Period, as_of: date):
    """The tasks of the report, streamed in dispatch order (date, dispatch, item, unit)."""
    return stream_rows(session, as_of, TaskFilter(), where=[period_condition(period)],
                       order_by=[_DOC_DATE, Task.outgoing_id, Task.incoming_id, Task.item_label, Task.id])


def count_tasks(session, period: Period, as_of: date) -> int:
    query = (select(func.count(Task.id)).select_from(Task)
             .outerjoin(OutgoingDocument, OutgoingDocument.id == Task.outgoing_id)
             .outerjoin(IncomingDocument, IncomingDocument.id == Task.incoming_id)
             .where(*conditions(TaskFilter(), as_of), period_condition(period)))
    return session.scalar(query) or 0


def unit_counts(session, period: Period, as_of: date) -> list[UnitCounts]:
    """Per unit, the number of tasks in each official category, units in Vietnamese order."""
    units: dict[object, UnitCounts] = {}
    for row in report_rows(session, period, as_of):
        _count(units, row)
    return _ordered(units)


def _count(units: dict[object, UnitCounts], row: TaskRow) -> None:
    if row.category is None:
        return
    key = row.unit_id if row.unit_id is not None else row.unit
    units.setdefault(key, UnitCounts(row.unit_id, row.unit or "(chưa xác định)")).counts[row.category] += 1


def _ordered(units: dict[object, UnitCounts]) -> list[UnitCounts]:
    return sorted(units.values(), key=lambda u: vi_sort_key(u.unit))


def export_tasks(ctx: AppContext, path: Path, period: Period, as_of: date, *,
                 progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> Path:
    with ctx.session() as session:
        office = office_lines(session)
    scope = f"Nhiệm vụ giao tại các văn bản {period.label[0].lower()}{period.label[1:]}"
    notes = [f"Tính đến ngày {short_date(as_of)}"]

    def build(workbook, progress: ProgressFn, cancel: CancelToken) -> None:
        heading = [*office[-1:], TITLE, scope]
        summary = TableSheet(workbook, "Tổng hợp", SUMMARY_COLUMNS, heading, notes)
        chart = TableSheet(workbook, "Biểu đồ", [Col("", CHART_COLUMN)] * CHART_COLUMNS, heading, notes, table=False)
        detail = TableSheet(workbook, "Chi tiết", DETAIL_COLUMNS, heading, notes)
        units: dict[object, UnitCounts] = {}
        with ctx.session() as session:
            whole = max(count_tasks(session, period, as_of), 1)
            for index, row in enumerate(report_rows(session, period, as_of), 1):
                if index % 500 == 0:
                    cancel.raise_if_cancelled()
                    progress(0.95 * index / whole, f"{index:,} nhiệm vụ".replace(",", "."))
                _count(units, row)
                reply_number = row.reply
                detail.row((index, row.document, row.document_date, row.item_label, row.title, row.unit,
                            row.deadline, row.category_label, row.completed_on, reply_number, row.reply_date,
                            days_late(row, as_of)), "overdue" if row.overdue else None)
        if detail.rows_written == 0:
            detail.row((None, None, None, None, "Không có nhiệm vụ nào trong kỳ.") + (None,) * 7, "muted")
        detail.close()
        _write_summary(summary, chart, _ordered(units))

    return save_workbook(path, build, progress=progress, cancel=cancel)


def _write_summary(sheet: TableSheet, chart_sheet: TableSheet, units: list[UnitCounts]) -> None:
    totals = dict.fromkeys(CATEGORY_ORDER, 0)
    for index, unit in enumerate(units, 1):
        for key in CATEGORY_ORDER:
            totals[key] += unit.counts[key]
        sheet.row((index, unit.unit, unit.total, *(unit.counts[k] for k in CATEGORY_ORDER), _rate(unit.counts)))
    first, last = sheet.first_row, sheet.last_row
    whole = sum(totals.values())
    sheet.row((None, "Tổng cộng", whole, *(totals[k] for k in CATEGORY_ORDER), _rate(totals)), "total")
    sheet.close(filter_last=last)
    chart_sheet.close(extra_rows=_add_chart(chart_sheet, sheet, first, last) if units else 0)


def _rate(counts: dict[str, int]) -> float | None:
    done_due = sum(counts.values())
    return counts["done_on_time"] / done_due if done_due else None


def _add_chart(target: TableSheet, table: TableSheet, first: int, last: int) -> int:
    """A stacked bar per unit of the four categories (the rows `first`..`last` of `table`), on its own
    page; returns the rows it covers."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor

    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = "Nhiệm vụ theo đơn vị"
    chart.y_axis.title = "Số nhiệm vụ"
    chart.x_axis.scaling.orientation = "maxMin"  # the first unit on top, as in the table
    chart.y_axis.majorGridlines = None
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides axes unless told
    chart.x_axis.tickLblSkip = 1  # every unit's name, not every other one
    chart.legend.position = "b"
    chart.add_data(Reference(table.ws, min_col=4, max_col=7, min_row=table.header_row, max_row=last),
                   titles_from_data=True)
    chart.set_categories(Reference(table.ws, min_col=2, max_col=2, min_row=first, max_row=last))
    for series, key in zip(chart.series, CATEGORY_ORDER):
        colour = CATEGORY_COLOURS[key].lstrip("#").upper()  # the board's colours
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    # from the first to the last column of the sheet, however a program measures columns, on one page
    rows = max(17, min(28, 9 + (last - first + 1)))  # rows of the default height (15 pt = 0.53 cm)
    anchor = TwoCellAnchor()
    anchor._from = AnchorMarker(col=0, row=target.header_row - 1)
    anchor.to = AnchorMarker(col=CHART_COLUMNS, row=target.header_row - 1 + rows)
    target.ws.add_chart(chart, anchor)
    return rows
