"""The "Xuất Excel" button of every list screen: the list as the clerk sees it (its columns in their
screen order, search, filter and sort), or only the selected rows when asked, written as a job
(see ui.common.export_job)."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtWidgets import QHeaderView, QMenu, QToolButton, QWidget

from ui.common.compact_button import CompactToolButton
from ui.common.export_job import ExportRunner
from ui.common.icons import icon
from ui.common.messages import show_info


def visible_columns(header: QHeaderView, keys: list[str]) -> list[str]:
    """Column keys in the order the header shows them, hidden ones left out."""
    out = []
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if not header.isSectionHidden(logical) and logical < len(keys):
            out.append(keys[logical])
    return out


def sort_description(model) -> str:
    key, descending = model.sort_state
    title = next((c.title for c in model.columns if c.key == key), key)
    return f"Sắp xếp: {title} ({'giảm dần' if descending else 'tăng dần'})"


class ListExporter:
    """Exports one list screen. `view_of(selection)` gives the ListView to write (None: nothing to do)."""

    def __init__(self, owner: QWidget, ctx, browser, view_of: Callable[[bool], object]):
        self.owner, self.ctx, self.browser, self.view_of = owner, ctx, browser, view_of
        self.runner = ExportRunner(owner)
        self.button = CompactToolButton("Xuất Excel", icon("file-spreadsheet"))
        self.button.setToolTip("Xuất danh sách đang xem ra tệp Excel (.xlsx); mũi tên: chỉ các dòng đang chọn")
        menu = QMenu(self.button)
        self.all_action = menu.addAction(icon("file-spreadsheet"), "Xuất danh sách đang xem…", lambda: self.export(False))
        self.selection_action = menu.addAction("Xuất các dòng đang chọn…", lambda: self.export(True))
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.button.clicked.connect(lambda: self.export(False))

    def export(self, selection: bool) -> None:
        view = self.view_of(selection)
        if view is None:
            return
        if selection and not view.selected_ids:
            show_info(self.owner, "Chọn các dòng cần xuất (giữ Ctrl hoặc Shift để chọn nhiều dòng).")
            return
        ctx, browser = self.ctx, self.browser

        def job(path, progress, cancel):
            from desktop.reports.list_export import export_list

            return export_list(ctx, browser, path, view, progress=progress, cancel=cancel)

        self.runner.export("Xuất danh sách ra Excel", f"{view.title} {date.today():%d-%m-%Y}.xlsx", job)


def section_view(section, selection: bool):
    """The ListView of a ListSection (search box, filter choice, sort, visible columns)."""
    from desktop.reports.list_export import ListView

    text, filter_key = section.model.query_state
    sort_key, descending = section.model.sort_state
    keys = [c.key for c in section.model.columns]
    notes = []
    if text.strip():
        notes.append(f"Tìm: «{text.strip()}»")
    if filter_key:
        notes.append(f"Lọc: {section.filter_choice.currentText()}")
    notes.append(sort_description(section.model))
    if selection:
        notes.append("Chỉ các dòng đã chọn")
    return ListView(section.export_title, text=text, sort_key=sort_key, descending=descending, filter_key=filter_key,
                    column_keys=visible_columns(section.table.horizontalHeader(), keys),
                    selected_ids=section.selected_ids() if selection else None, description=notes)
