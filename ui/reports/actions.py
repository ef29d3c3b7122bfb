"""Tệp ▸ Xuất báo cáo Excel… (Ctrl+E): the registers, the tasks report and the answers matrix."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ui.actions import ActionSpec, register_action


def open_export_dialog(ctx, parent, *, report: str = "register-out"):
    """The (non-modal) export dialog; kept on `parent` so it is not collected while open."""
    from ui.reports.export_dialog import ExportDialog

    dialog = ExportDialog(ctx, parent, report=report)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
    if parent is not None:
        parent.last_export_dialog = dialog
    dialog.show()
    return dialog


register_action(ActionSpec(
    "export_reports", "file", "Xuất báo cáo Excel…", "file-spreadsheet", "Ctrl+E", 30,
    lambda w: open_export_dialog(w.ctx, w),
))
