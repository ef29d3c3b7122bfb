"""Report workbooks written as a stream (openpyxl write-only): memory stays flat however many rows.

A `TableSheet` is one printable table: a title block (office, report name, period) merged across
the table, a bold wrapped header row repeated on every printed page, thin borders, widths in
Excel character units, A4 landscape fitted to the page width, "Trang n/m" in the footer, frozen
panes below the header and an autofilter over the header and the rows.

Speed: a styled cell costs openpyxl an object and a style lookup per cell; here each (tone,
column kind) has one prototype cell whose style id is computed once, and rows are handed to the
write-only sheet through those prototypes (the same path openpyxl uses for unstyled values).
openpyxl is imported inside the functions that use it (start-up stays light).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Sequence

from desktop.core.vocabulary import short_date

FONT = "Times New Roman"  # Liberation Serif (metric-compatible) where Times is absent
KINDS = ("text", "center", "date", "int", "percent")
TONES = (None, "muted", "overdue", "pending", "total", "group", "alert")
_FILLS = {"overdue": "F8D7DA", "alert": "F8D7DA", "pending": "FFF3CD", "total": "E7E6E6", "group": "DDEBF7"}
_FORMATS = {"date": "dd/mm/yyyy", "int": "0", "percent": "0.0%"}
LINE_POINTS = 14.5  # one line of 11 pt Times New Roman, with its leading
# Characters of Vietnamese text per Excel width unit (Times is narrower than the Calibri "0"
# the unit is measured with); word wrapping loses about three characters a line.
_CHARS_PER_UNIT = 1.4
_WRAP_LOSS = 3


class _RowHeights(dict):
    """Stands in for the write-only sheet's row dimensions: the height of the row being written
    (None: the default height). LibreOffice does not fit wrapped rows of an .xlsx on opening, so
    each row carries the height its wrapped text needs."""

    pending: dict[str, str] | None = None

    def get(self, _row, default=None):
        return self.pending or default or {}


@dataclass(frozen=True)
class Col:
    """One column of a table: its header, width (Excel characters) and kind of value."""

    title: str
    width: float
    kind: str = "text"  # one of KINDS

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def new_workbook():
    from openpyxl import Workbook

    return Workbook(write_only=True)


class TableSheet:
    """A streamed table in a write-only workbook. Call `row(...)` for each line, then `close()`.

    `heading` are the title lines above the table (the first in capitals and bold, the rest
    bold or plain as given); `notes` a plain line under them (e.g. "Tính đến ngày ...").
    With `table=False` the sheet has the title block only and prints on one page (a chart's sheet).
    """

    def __init__(self, workbook, title: str, columns: Sequence[Col], heading: Sequence[str],
                 notes: Sequence[str] = (), *, table: bool = True):
        from openpyxl.worksheet.properties import PageSetupProperties

        self.wb = workbook
        self.ws = workbook.create_sheet(title=sheet_title(workbook, title))
        self.columns = list(columns)
        self._protos: dict[tuple[str | None, str], Any] = {}
        self._tone_rows: dict[str | None, list[tuple[Any, bool]]] = {}
        self._tone: str | None = None
        self._cells: list[Any] | None = None
        ws = self.ws
        self._heights = _RowHeights()
        ws.row_dimensions = self._heights
        self._wrapped = [(i, max(4.0, c.width * _CHARS_PER_UNIT - _WRAP_LOSS))
                         for i, c in enumerate(columns) if c.kind in ("text", "center")]
        for index, col in enumerate(self.columns, 1):
            ws.column_dimensions[column_letter(index)].width = col.width
        self.table = table
        self.header_row = len(heading) + len(notes) + 2  # a blank line before the table
        self.first_row = self.header_row + 1
        if table:
            ws.freeze_panes = f"A{self.first_row}"
            ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0 if table else 1  # as many pages as the rows need
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top, ws.page_margins.bottom = 0.55, 0.6
        ws.page_margins.header, ws.page_margins.footer = 0.3, 0.3
        ws.print_options.horizontalCentered = True
        ws.oddFooter.center.text = "Trang &P/&N"
        ws.oddFooter.center.font = f"{FONT},Regular"
        ws.oddFooter.center.size = 10
        ws._values_to_row = self._values_to_row  # rows go through the prototypes (see module doc)
        self.rows_written = 0
        self._plain_rows = 0
        width = len(self.columns)
        for index, line in enumerate(heading):
            self._title_line(line, "title" if index < 2 else "subtitle", width)
        for line in notes:
            self._title_line(line, "note", width)
        self._plain_row([], "note")
        if table:
            self._plain_row([c.title for c in self.columns], "header")

    # ---- rows --------------------------------------------------------------------------
    def row(self, values: Sequence[Any], tone: str | None = None) -> None:
        """One table line; values follow the columns (None: an empty bordered cell)."""
        self._tone = tone
        values = values if isinstance(values, (list, tuple)) else list(values)
        self._heights.pending = self._height(values)
        self.ws.append(values)
        self._heights.pending = None
        self.rows_written += 1

    def _height(self, values: Sequence[Any], factor: float = 1.0, wrapped=None) -> dict[str, str] | None:
        """The row height the wrapped columns need (None when one line is enough)."""
        lines = 1
        for index, per_line in wrapped or self._wrapped:
            value = values[index] if index < len(values) else None
            if isinstance(value, str) and len(value) * factor > per_line:
                needed = sum(-(-int(len(part) * factor) // int(per_line)) or 1 for part in value.split("\n"))
                lines = max(lines, needed)
        if lines == 1:
            return None
        return {"ht": f"{lines * LINE_POINTS + 2:.1f}", "customHeight": "1"}

    def banner(self, text: str, tone: str = "group") -> None:
        """A line of text across the whole table (e.g. a group's heading), merged and wrapped."""
        width = sum(c.width for c in self.columns)
        self._cells = [self._proto(tone, "text")] * len(self.columns)
        self._heights.pending = self._height([text], 1.1, [(0, max(4.0, width * _CHARS_PER_UNIT - _WRAP_LOSS))])
        self.ws.append([text] + [""] * (len(self.columns) - 1))
        self._heights.pending = self._cells = None
        self.rows_written += 1
        self.merge(1, len(self.columns), self.last_row)

    def rows(self, lines: Iterable[Sequence[Any]]) -> None:
        for values in lines:
            self.row(values)

    @property
    def last_row(self) -> int:
        return self.header_row + self.rows_written

    def close(self, *, filter_last: int | None = None, extra_rows: int = 0) -> None:
        """The autofilter over the header and rows (up to `filter_last`, e.g. above a totals
        line) and the print area: the titles, the table and `extra_rows` below it (a chart)."""
        last = max(self.last_row, self.first_row)
        end = column_letter(len(self.columns))
        if self.table:
            self.ws.auto_filter.ref = f"A{self.header_row}:{end}{max(filter_last or last, self.first_row)}"
        self.ws.print_area = f"A1:{end}{last + extra_rows}"

    def merge(self, first_col: int, last_col: int, row: int) -> None:
        from openpyxl.worksheet.cell_range import CellRange

        if last_col > first_col:
            self.ws.merged_cells.add(CellRange(f"{column_letter(first_col)}{row}:{column_letter(last_col)}{row}"))

    # ---- internals -----------------------------------------------------------------------
    def _title_line(self, text: str, kind: str, width: int) -> None:
        self._plain_row([text], kind)
        self.merge(1, width, self._plain_rows)

    def _plain_row(self, values: list[Any], kind: str) -> None:
        self._cells = [_styled_cell(self.ws, kind, col) for col in self.columns[: len(values)]]
        if kind == "header":  # bold headers are wider: wrap them a little earlier
            every = [(i, max(4.0, c.width * _CHARS_PER_UNIT - _WRAP_LOSS)) for i, c in enumerate(self.columns)]
            self._heights.pending = self._height(values, 1.25, every)
        self.ws.append(values)
        self._heights.pending = None
        self._cells = None
        self._plain_rows += 1

    def _proto(self, tone: str | None, kind: str):
        key = (tone, kind)
        cell = self._protos.get(key)
        if cell is None:
            cell = self._protos[key] = _styled_cell(self.ws, tone or "body", Col("", 1, kind))
        return cell

    def _row_protos(self, tone: str | None) -> list[tuple[Any, bool]]:
        """(prototype, takes dates) per column for a tone."""
        found = self._tone_rows.get(tone)
        if found is None:
            found = self._tone_rows[tone] = [(self._proto(tone, c.kind), c.kind == "date") for c in self.columns]
        return found

    def _values_to_row(self, values, row_idx):
        if self._cells is not None:  # title, header and banner rows
            for col_idx, (cell, value) in enumerate(zip(self._cells, values), 1):
                if value is not None:
                    cell.value = value
                    cell.row = row_idx
                    cell.column = col_idx
                    yield cell
            return
        for col_idx, ((cell, takes_dates), value) in enumerate(zip(self._row_protos(self._tone), values), 1):
            if not takes_dates and isinstance(value, date):  # a date would restyle the prototype
                value = short_date(value)
            cell.value = value
            cell.row = row_idx
            cell.column = col_idx
            yield cell


def _styled_cell(ws, role: str, col: Col):
    """A prototype cell for `role` (body, a tone, header, title, subtitle, note) and a column kind,
    its style id fixed once (see the module docstring)."""
    from openpyxl.cell import Cell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    class _Proto(Cell):
        __slots__ = ("_sid",)

        @property
        def style_id(self) -> int:  # computed once instead of once per cell
            return self._sid

    cell = _Proto(ws)
    thin = Side(style="thin", color="000000")
    if role in ("title", "subtitle", "note"):
        cell.font = Font(name=FONT, size=13 if role == "title" else 12, bold=role != "note",
                         italic=role == "note")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    elif role == "header":
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
    else:
        cell.font = Font(name=FONT, size=11, bold=role in ("total", "group", "alert"),
                         italic=role == "muted",
                         color="595959" if role == "muted" else ("842029" if role in ("overdue", "alert") else None))
        horizontal = "left" if col.kind == "text" else ("right" if col.kind == "percent" else "center")
        cell.alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=col.kind in ("text", "center"))
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if role in _FILLS:
            cell.fill = PatternFill("solid", fgColor=_FILLS[role])
        if col.kind in _FORMATS:
            cell.number_format = _FORMATS[col.kind]
    cell._sid = ws.parent._cell_styles.add(cell._style)
    return cell


def sheet_title(workbook, wanted: str) -> str:
    """A valid, unused sheet name (Excel: at most 31 characters, none of []:*?/\\)."""
    clean = "".join(" " if ch in '[]:*?/\\' else ch for ch in wanted).strip() or "Trang"
    clean = clean[:31]
    taken = {ws.title for ws in workbook.worksheets}
    title, n = clean, 2
    while title in taken:
        suffix = f" ({n})"
        title, n = clean[: 31 - len(suffix)] + suffix, n + 1
    return title
