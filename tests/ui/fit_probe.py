"""Probe: open every top-level window and dialog of the program and print where each landed.

Run in a fresh process on a screen of the wanted size, e.g.
`QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/ui/fit_probe.py DEMO.sqlite3`.
Prints one JSON list: {"name", "frame": [x, y, w, h], "size": [w, h], "area": [x, y, w, h],
"date_formats": [...], "hidden_tools": toolbars too wide to show all their buttons} per window. Modal dialogs are shown without blocking (exec is replaced).
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(db: str) -> None:
    from PySide6.QtWidgets import QApplication, QDateEdit, QDialog, QMessageBox, QToolBar, QWidget

    from PySide6.QtCore import Qt

    from db.engine import sqlite_url
    from desktop.core.context import open_context
    from ui.app import make_app
    from ui.common.dates import DateField
    from ui.common.user_settings import user_settings
    from ui.common.background import set_inline, wait_for_all

    app = make_app()
    set_inline(True)
    ctx = open_context(sqlite_url(db))
    seen: list[dict] = []

    def record(widget: QWidget, name: str | None = None) -> None:
        app.processEvents()
        screen = widget.screen() or app.primaryScreen()
        area, frame = screen.availableGeometry(), widget.frameGeometry()
        seen.append({"name": name or f"{type(widget).__name__}: {widget.windowTitle()}",
                     "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                     "size": [widget.width(), widget.height()],
                     "area": [area.x(), area.y(), area.width(), area.height()],
                     "date_formats": sorted({e.displayFormat() for e in widget.findChildren(QDateEdit)}
                                            | {e.displayFormat() for e in widget.findChildren(DateField)}),
                     "hidden_tools": sum(bar.sizeHint().width() > bar.width() for bar in widget.findChildren(QToolBar)
                                         if bar.isVisible() and bar.orientation() == Qt.Orientation.Horizontal)})

    def modal(self) -> int:  # exec() without blocking: show, note, close
        self.show()
        record(self)
        self.reject() if isinstance(self, QDialog) else self.close()
        return 0

    QDialog.exec = modal
    QMessageBox.exec = modal

    def sweep() -> None:
        """Note and close every window that an action opened."""
        app.processEvents()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget is not window and widget.windowTitle():
                record(widget)
                widget.close()
        app.processEvents()

    from ui.main_window import MainWindow

    window = MainWindow(ctx, user_settings())
    window.show()
    record(window, "MainWindow")
    for spec in window.specs:
        section = window.section(spec.key)
        if hasattr(section, "show_detail") and section.model.rowCount():
            section.show_detail(section.model.id_at(0))
            sweep()

    window.open_search()  # Ctrl+K
    record(window.search_window, "SearchWindow")
    window.search_window.hide()
    outgoing = window.section("outgoing")
    outgoing.table.selectRow(0)
    outgoing.preview_selected()
    sweep()
    outgoing.compose_new()
    from ui.documents.editor import _open

    editor = _open[-1]
    record(editor, "EditorWindow")
    editor.form.recipients.open_picker()
    editor.form.recipients.last_picker.show()
    record(editor.form.recipients.last_picker)
    editor.form.recipients.last_picker.close()
    from desktop.documents.editor_data import editor_choices
    from ui.documents.issue_dialog import IssueDialog

    choices = editor_choices(ctx)
    register = choices.registers[0]
    issue = IssueDialog(ctx, register.id, register.label, date.today(), editor)
    issue.show()
    record(issue)
    issue.close()
    editor.dirty = False
    editor.close()
    app.processEvents()

    tasks = window.section("tasks")
    tasks.open_propose()
    sweep()
    tasks.open_add()
    sweep()
    from desktop.followup.task_query import task_row

    tasks._open_progress_dialog(task_row(ctx, tasks.model.id_at(0), date.today()))
    sweep()
    tasks._ask_deadline("Soạn công văn đôn đốc cho 3 nhiệm vụ đã chọn.")
    window.section("movements").add_movement()
    sweep()
    templates = window.section("templates")
    first_template = templates.model.id_at(0)
    from ui.templates.section import compose_from_template

    compose_from_template(ctx, templates, first_template)
    sweep()
    templates.edit_template(first_template)
    sweep()
    from ui.tracking.actions import open_all, open_selected

    outgoing.table.selectRow(1)  # an issued dispatch (row 0 is a draft)
    open_selected(outgoing)
    sweep()
    open_all(outgoing)
    sweep()
    incoming = window.section("incoming")
    incoming.table.selectRow(0)
    incoming.edit_selected()
    sweep()
    window.section("reports").open_register()
    sweep()
    units = window.section("units")
    units.table.selectRow(0)
    for open_one in (units.add_unit, units.edit_selected, units.merge_selected, units.deactivate_selected,
                     units.open_groups, units.open_clusters):
        open_one()
        sweep()
    import tempfile

    from desktop.recipients.excel_export import export_directory

    workbook = Path(tempfile.mkdtemp()) / "danh-ba.xlsx"
    export_directory(ctx, workbook)
    units.import_from(workbook)
    sweep()
    for key, action in window.registered_actions.items():
        action.trigger()
        sweep()
    for action in getattr(window, "help_actions", list)():
        action.trigger()
        sweep()
    window.close()
    wait_for_all()
    ctx.close()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
