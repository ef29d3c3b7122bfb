"""Reading a directory workbook (ours or made by hand) into rows keyed by header, and the
per-row outcome an import reports ("Dòng 7, sheet Đơn vị: …")."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.text import fold
from desktop.recipients import excel_format as fmt
from desktop.recipients.directory import DirectoryError

__all__ = ["RowOutcome", "ImportReport", "SheetRow", "read_workbook"]
STATUS_LABELS = {"add": "Thêm", "change": "Sửa", "same": "Không đổi", "error": "Lỗi"}


@dataclass
class RowOutcome:
    sheet: str
    row: int  # the Excel row number (headers are row 1); 0 for the file as a whole
    status: str  # "add" | "change" | "same" | "error"
    subject: str  # what the row is about ("Sở Nội vụ", "UBND các xã, phường ← DV0012")
    message: str  # Vietnamese: "Thêm đơn vị mới (mã DV0052)", "Sửa: Địa chỉ", the error …

    def line(self) -> str:
        where = f"Dòng {self.row}, sheet {self.sheet}" if self.row else f"Sheet {self.sheet}" if self.sheet else "Tệp"
        return f"{where}: {self.message}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class ImportReport:
    outcomes: list[RowOutcome] = field(default_factory=list)
    written: bool = False

    def of(self, status: str, sheet: str | None = None) -> list[RowOutcome]:
        return [o for o in self.outcomes if o.status == status and (sheet is None or o.sheet == sheet)]

    @property
    def errors(self) -> list[RowOutcome]:
        return self.of("error")

    @property
    def added(self) -> int:
        return len(self.of("add"))

    @property
    def changed(self) -> int:
        return len(self.of("change"))

    def summary(self) -> str:
        """"thêm 3, sửa 2 (Đơn vị: thêm 1, sửa 2; Thành viên nhóm: thêm 2)"."""
        parts = []
        for sheet in fmt.SHEETS:
            added, changed = len(self.of("add", sheet)), len(self.of("change", sheet))
            if added or changed:
                parts.append(f"{sheet}: thêm {added}, sửa {changed}")
        detail = f" ({'; '.join(parts)})" if parts else ""
        return f"thêm {self.added}, sửa {self.changed}{detail}"


@dataclass
class SheetRow:
    number: int
    cells: dict[str, Any]  # header -> value

    def get(self, header: str) -> Any:
        return self.cells.get(header)


def _find_sheet(book, title: str):
    for sheet in book.worksheets:
        if fold(sheet.title) == fold(title):
            return sheet
    return None


def _rows(sheet, title: str, headers: tuple[str, ...], problems: list[RowOutcome]) -> list[SheetRow]:
    rows = sheet.iter_rows(values_only=True)
    first = next(rows, None) or ()
    index = {fold(fmt.text(v)): i for i, v in enumerate(first) if fmt.text(v)}
    missing = [h for h in headers if fold(h) not in index]
    if missing:
        problems.append(RowOutcome(title, 1, "error", "", "thiếu cột " + ", ".join(f"«{h}»" for h in missing)
                                   + " (dòng 1 phải là tiêu đề cột)."))
        return []
    out = []
    for number, values in enumerate(rows, start=2):
        cells = {h: (values[index[fold(h)]] if index[fold(h)] < len(values) else None) for h in headers}
        if any(fmt.text(v) for v in cells.values()):
            out.append(SheetRow(number, cells))
    return out


def read_workbook(path: str | Path) -> tuple[dict[str, list[SheetRow]], list[RowOutcome]]:
    """The rows of each known sheet (absent sheets: no rows), and problems with the file's shape."""
    from openpyxl import load_workbook

    path = Path(path)
    if not path.exists():
        raise DirectoryError(f"Không tìm thấy tệp {path}.")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip/XML errors of a file that is not an .xlsx
        raise DirectoryError(f"Không đọc được tệp {path.name}: không phải bảng tính Excel (.xlsx).") from exc
    problems: list[RowOutcome] = []
    sheets: dict[str, list[SheetRow]] = {}
    try:
        for title, headers in fmt.SHEETS.items():
            sheet = _find_sheet(book, title)
            sheets[title] = _rows(sheet, title, headers, problems) if sheet is not None else []
        if all(_find_sheet(book, t) is None for t in fmt.SHEETS):
            names = ", ".join(f"«{t}»" for t in fmt.SHEETS)
            problems.append(RowOutcome("", 0, "error", "", f"tệp không có sheet nào trong {names}."))
    finally:
        book.close()
    return sheets, problems
