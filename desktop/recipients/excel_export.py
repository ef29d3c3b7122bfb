"""Export the directory to .xlsx: units, group memberships, clusters (headers in excel_format).

A job function (progress, cancel). The file is written to a temporary name and moved into place,
so a cancelled or failed export never leaves half a workbook under the chosen name.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from db.models import EmulationCluster, EmulationClusterMember, Unit, UnitAlias, UnitGroup, UnitGroupMember
from desktop.core.context import AppContext
from desktop.core.jobs import CancelToken, ProgressFn, no_progress
from desktop.recipients import excel_format as fmt

__all__ = ["ExportCounts", "export_directory", "directory_rows"]
_ROLE_ORDER = {"head": 0, "deputy": 1, "member": 2}
_WIDTHS = {"Tên đơn vị": 46, "Tên gọi khác": 40, "Địa chỉ": 40, "Tên nhóm": 46, "Tên cụm/khối": 40,
           "Thư điện tử": 28, "Người liên hệ": 24, "Loại": 22, "Tên viết tắt": 20, "Điện thoại": 16}


@dataclass(frozen=True)
class ExportCounts:
    units: int
    memberships: int
    clusters: int  # rows of the clusters sheet (one per member)


def directory_rows(session) -> dict[str, list[tuple]]:
    """The three sheets' rows (values in header order), in the order they are written."""
    aliases: dict[int, list[str]] = {}
    for unit_id, alias in session.execute(select(UnitAlias.unit_id, UnitAlias.alias).order_by(UnitAlias.id)):
        aliases.setdefault(unit_id, []).append(alias)
    parent = aliased(Unit)
    units = [
        (u.code, u.name, u.short_name, fmt.aliases_cell(aliases.get(u.id, [])), fmt.kind_cell(u.kind), parent_code,
         u.address, u.email, u.phone, u.contact_person, u.active_from, u.active_to)
        for u, parent_code in session.execute(
            select(Unit, parent.code).outerjoin(parent, parent.id == Unit.parent_id).order_by(Unit.sort_key, Unit.id))
    ]
    members = []
    for group in session.scalars(select(UnitGroup).order_by(UnitGroup.sort_key, UnitGroup.id)):
        rows = session.execute(
            select(Unit.code, UnitGroupMember.valid_from, UnitGroupMember.valid_to)
            .join(Unit, Unit.id == UnitGroupMember.unit_id).where(UnitGroupMember.group_id == group.id)
            .order_by(UnitGroupMember.position, UnitGroupMember.id)).all()
        members += [(group.code, group.name, code, start, end) for code, start, end in rows] or [
            (group.code, group.name, None, None, None)]
    clusters = []
    for c in session.scalars(select(EmulationCluster).order_by(EmulationCluster.year.desc(), EmulationCluster.name)):
        rows = session.execute(
            select(Unit.code, EmulationClusterMember.role).join(Unit, Unit.id == EmulationClusterMember.unit_id)
            .where(EmulationClusterMember.cluster_id == c.id).order_by(Unit.sort_key)).all()
        rows = sorted(rows, key=lambda r: _ROLE_ORDER.get(r[1], 9))
        clusters += [(c.year, c.name, fmt.cluster_kind_cell(c.kind), code, fmt.role_cell(role, c.kind))
                     for code, role in rows]
    return {fmt.UNITS_SHEET: units, fmt.MEMBERS_SHEET: members, fmt.CLUSTERS_SHEET: clusters}


def _write_sheet(book, title: str, headers: tuple[str, ...], rows: list[tuple], cancel: CancelToken) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F0")
    date_columns = [i for i, h in enumerate(headers, start=1) if h in ("Hoạt động từ", "Đến ngày", "Từ ngày")]
    for n, row in enumerate(rows):
        if n % 500 == 0:
            cancel.raise_if_cancelled()
        sheet.append([value if value not in (None, "") else None for value in row])
        for col in date_columns:
            sheet.cell(row=sheet.max_row, column=col).number_format = fmt.DATE_FORMAT
    for i, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(header, 13)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def export_directory(ctx: AppContext, path: str | Path, *, progress: ProgressFn = no_progress,
                     cancel: CancelToken | None = None) -> ExportCounts:
    """Write the directory to `path` (.xlsx); returns how many rows each sheet got."""
    from openpyxl import Workbook

    cancel = cancel or CancelToken()
    path = Path(path)
    progress(0.05, "Đọc danh bạ đơn vị…")
    with ctx.session() as session:
        sheets = directory_rows(session)
    book = Workbook()
    book.remove(book.active)
    for i, (title, headers) in enumerate(fmt.SHEETS.items()):
        progress(0.2 + 0.25 * i, f"Ghi sheet {title}…")
        _write_sheet(book, title, headers, sheets[title], cancel)
    cancel.raise_if_cancelled()
    progress(0.95, "Lưu tệp…")
    temp = path.with_name(f".{path.name}.tmp")
    try:
        book.save(temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    progress(1.0, "")
    return ExportCounts(*(len(sheets[t]) for t in fmt.SHEETS))
