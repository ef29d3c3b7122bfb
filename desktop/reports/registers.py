"""Sổ đăng ký văn bản đi / đến as a workbook: one sheet per register, Decree 30's ten columns in
its order, printable as offices bind them (see desktop.reports.workbook)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db.models import Office
from desktop.core.context import AppContext
from desktop.core.jobs import CancelToken, ProgressFn, no_progress
from desktop.reports.output import save_workbook
from desktop.reports.period import Period
from desktop.reports.register_rows import (
    IN_HEADERS,
    OUT_HEADERS,
    RegisterInfo,
    count_lines,
    register_lines,
    registers,
)
from desktop.reports.workbook import Col, TableSheet

# Widths (Excel characters) that fit A4 landscape at about 85 % once fitted to the page width.
_OUT_COLUMNS = tuple(Col(t, w, k) for t, w, k in zip(
    OUT_HEADERS, (16, 11, 44, 16, 30, 13, 8, 11, 9, 18),
    ("center", "date", "text", "text", "text", "text", "int", "date", "text", "text")))
_IN_COLUMNS = tuple(Col(t, w, k) for t, w, k in zip(
    IN_HEADERS, (11, 8, 24, 15, 11, 44, 18, 11, 9, 18),
    ("date", "int", "text", "center", "date", "text", "text", "date", "text", "text")))
CHECK_EVERY = 500  # rows between two looks at Hủy


def register_choices(ctx: AppContext) -> list[RegisterInfo]:
    """Every register, outgoing ones first (for the export dialog)."""
    with ctx.session() as session:
        found = []
        for direction in ("out", "in"):
            try:
                found += registers(session, direction)
            except ValueError:  # no register of that direction yet
                pass
        return found


def register_title(direction: str) -> str:
    return "SỔ ĐĂNG KÝ VĂN BẢN ĐI" if direction == "out" else "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"


def office_lines(session) -> list[str]:
    """The office as title blocks name it: its parent body (when it has one), then itself."""
    office = session.execute(select(Office.name, Office.parent_name).order_by(Office.id)).first()
    if office is None:
        return []
    return [x.upper() for x in (office.parent_name, office.name) if x]


def register_values(ctx: AppContext, direction: str, period: Period, code: str | None = None):
    """(headers, the rows' typed values) of the register(s): what the report writes, unstyled (the
    benchmark's floor writes these)."""
    columns = _OUT_COLUMNS if direction == "out" else _IN_COLUMNS

    def rows():
        with ctx.session() as session:
            for register in registers(session, direction, code):
                for line in register_lines(session, register, period):
                    yield line.values

    return [c.title for c in columns], rows()


def export_register(ctx: AppContext, path: Path, direction: str, period: Period, code: str | None = None, *,
                    progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> Path:
    """Write the register(s) of `direction` ("out" | "in") for `period` to `path` (.xlsx).

    `code` picks one register; by default every register of that direction gets a sheet.
    ValueError for an unknown code; ExportError when the file cannot be written."""
    with ctx.session() as session:
        found = registers(session, direction, code)
        office = office_lines(session)

    def build(workbook, progress: ProgressFn, cancel: CancelToken) -> None:
        with ctx.session() as session:
            totals = [count_lines(session, r, period) for r in found]
            done, whole = 0, max(sum(totals), 1)
            for register in found:
                cancel.raise_if_cancelled()
                sheet = _register_sheet(workbook, register, office, period)
                for line in register_lines(session, register, period):
                    sheet.row(line.values, line.tone)
                    done += 1
                    if done % CHECK_EVERY == 0:
                        cancel.raise_if_cancelled()
                        progress(0.95 * done / whole, f"{register.name}: {done:,} dòng".replace(",", "."))
                sheet.close()

    return save_workbook(path, build, progress=progress, cancel=cancel)


def _register_sheet(workbook, register: RegisterInfo, office: list[str], period: Period) -> TableSheet:
    columns = _OUT_COLUMNS if register.direction == "out" else _IN_COLUMNS
    heading = [*office[-1:], register_title(register.direction), f"{register.name} ({register.code})"]
    return TableSheet(workbook, register.name, columns, heading, [period.label])
