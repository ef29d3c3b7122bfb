"""Any list → .xlsx: what the clerk sees in a list screen (its columns in their order, its search,
filter and sort, or only the selected rows when asked), streamed page by page into one sheet with
the same print settings as the reports. Dates and numbers stay real Excel dates and numbers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.core.browse import Browser
from desktop.core.jobs import CancelToken, ProgressFn, no_progress
from desktop.core.vocabulary import short_date
from desktop.followup.categories import CATEGORY_LABELS
from desktop.reports.output import save_workbook
from desktop.reports.registers import office_lines
from desktop.reports.workbook import Col, TableSheet

PAGE = 1000
PIXELS_PER_UNIT = 7.0  # a list column's screen width → Excel character units
# Rows a list shows in colour keep it in the workbook: (list key, column key) -> {value: tone}.
ROW_TONES = {("tasks", "category"): {CATEGORY_LABELS["open_overdue"]: "overdue"}}


@dataclass
class ListView:
    """One list as the clerk sees it."""

    title: str  # "Danh sách văn bản đi"
    text: str = ""  # the search box
    sort_key: str | None = None
    descending: bool | None = None
    filter_key: str | None = None
    column_keys: list[str] | None = None  # visible columns in screen order (None: all)
    selected_ids: list[int] | None = None  # only these rows, in screen order
    description: list[str] = field(default_factory=list)  # "Tìm: …", "Lọc: …", "Sắp xếp: …"


def export_list(ctx, browser: Browser, path: Path, view: ListView, *, progress: ProgressFn = no_progress,
                cancel: CancelToken | None = None) -> Path:
    """Write the list `browser` shows under `view` to `path`; returns the path."""
    infos = {c.key: c for c in browser.columns}
    keys = [k for k in (view.column_keys or list(infos)) if k in infos]
    with ctx.session() as session:
        office = office_lines(session)

    def build(workbook, progress: ProgressFn, cancel: CancelToken) -> None:
        ids = view.selected_ids if view.selected_ids is not None else browser.ids(
            view.text, view.sort_key, view.descending, view.filter_key)
        cancel.raise_if_cancelled()
        first = browser.values(ids[:PAGE], keys)
        kinds = _kinds(keys, first.values())
        columns = [Col(infos[k].title, max(6.0, infos[k].width / PIXELS_PER_UNIT), kinds[i])
                   for i, k in enumerate(keys)]
        when = datetime.now()
        count = f"{len(ids):,}".replace(",", ".")
        notes = [*view.description, f"{count} dòng, xuất ngày {short_date(when)} lúc {when:%H:%M}"]
        sheet = TableSheet(workbook, view.title, columns, [*office[-1:], view.title.upper()], notes)
        tones = [(i, ROW_TONES[(browser.key, k)]) for i, k in enumerate(keys) if (browser.key, k) in ROW_TONES]
        for start in range(0, len(ids), PAGE):
            cancel.raise_if_cancelled()
            page_ids = ids[start:start + PAGE]
            values = first if start == 0 else browser.values(page_ids, keys)
            for item_id in page_ids:
                row = values.get(item_id)
                if row is not None:
                    sheet.row(row, _tone(row, tones))
            progress(0.95 * min(start + PAGE, len(ids)) / max(len(ids), 1),
                     f"{min(start + PAGE, len(ids)):,} / {len(ids):,} dòng".replace(",", "."))
        sheet.close()

    return save_workbook(path, build, progress=progress, cancel=cancel)


def _kinds(keys: list[str], rows) -> list[str]:
    """A column is "date" or "int" when its values are; text otherwise."""
    from datetime import date

    kinds = ["text"] * len(keys)
    decided = [False] * len(keys)
    for row in rows:
        for i, value in enumerate(row):
            if decided[i] or value is None:
                continue
            kinds[i] = "date" if isinstance(value, date) else ("int" if isinstance(value, int) else "text")
            decided[i] = True
        if all(decided):
            break
    return kinds


def _tone(row: tuple, tones: list[tuple[int, dict]]) -> str | None:
    for index, mapping in tones:
        tone = mapping.get(row[index])
        if tone:
            return tone
    return None
