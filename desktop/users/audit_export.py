"""The audit log (as filtered on the screen) to .xlsx: one sheet "Nhật ký", times as Excel dates in
local time. Streamed (openpyxl write-only), so a log of any length takes little memory; a job
function (progress, cancel); written under a temporary name and moved into place, so a cancelled or
failed export never leaves half a workbook under the chosen name.
"""
from __future__ import annotations

import os
from pathlib import Path

from desktop.core.context import AppContext
from desktop.core.jobs import CancelToken, ProgressFn, no_progress
from desktop.users.audit_log import AUDIT_ENTRIES, AuditQuery, audit_rows

SHEET = "Nhật ký"
HEADERS = tuple(c.title for c in AUDIT_ENTRIES.columns)
_WIDTHS = {"Thời gian": 20, "Người dùng": 16, "Thao tác": 18, "Đối tượng": 18, "Số, ký hiệu": 18,
           "Trích yếu": 50, "Chi tiết": 70}
TIME_FORMAT = "DD/MM/YYYY HH:MM:SS"


def export_audit(ctx: AppContext, path: str | Path, query: AuditQuery = AuditQuery(), text: str = "",
                 filter_key: str | None = None, *, progress: ProgressFn = no_progress,
                 cancel: CancelToken | None = None) -> int:
    """Write the matching entries (newest first) to `path`; returns how many."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    cancel = cancel or CancelToken()
    path = Path(path)
    progress(0.02, "Đọc nhật ký…")
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    for i, header in enumerate(HEADERS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(header, 14)
    sheet.freeze_panes = "A2"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE7F0")
    head = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, title)
        cell.font, cell.fill = bold, fill
        head.append(cell)
    sheet.append(head)
    count = 0
    for shown, texts in audit_rows(ctx, query, text, filter_key):
        if count % 500 == 0:
            cancel.raise_if_cancelled()
            progress(min(0.9, 0.05 + count / 50_000), f"Đã ghi {count} dòng…")
        when = WriteOnlyCell(sheet, shown)
        when.number_format = TIME_FORMAT
        sheet.append([when, *(t or None for t in texts[1:])])
        count += 1
    cancel.raise_if_cancelled()
    progress(0.95, "Lưu tệp…")
    temp = path.with_name(f".{path.name}.tmp")
    try:
        book.save(temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    progress(1.0, "")
    return count


__all__ = ["export_audit", "HEADERS", "SHEET"]
