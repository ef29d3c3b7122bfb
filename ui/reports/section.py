"""Báo cáo: the registers number by number; "Xuất báo cáo Excel…" writes the registers, the tasks
report and the answers matrix; "Giữ số, hủy số…" opens the register view where numbers are
reserved, voided, or checked for a manual entry."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.browse import Browser
from desktop.reports.lists import REGISTER_ENTRIES
from ui.common.icons import icon
from ui.common.list_section import ListSection


class ReportsSection(ListSection):
    def __init__(self, ctx):
        super().__init__(Browser(ctx, REGISTER_ENTRIES), title="Báo cáo – Sổ đăng ký văn bản",
                         watch=("registers", "outgoing", "incoming"), item_name="số",
                         export_title="Danh sách số trong sổ đăng ký")
        self.ctx = ctx
        self.last_register_dialog = self.last_export_dialog = None
        self.add_button("Giữ số, hủy số…", icon("checklist"), self.open_register,
                        "Giữ số trước, hủy số, kiểm tra số ghi tay", compact=True)
        self.reports_button = self.add_button(
            "Xuất báo cáo Excel…", icon("file-spreadsheet"), lambda: self.open_export(),
            "Sổ đăng ký văn bản đi, đến; báo cáo tình hình thực hiện nhiệm vụ; bảng theo dõi phản hồi (Ctrl+E)")

    def open_export(self, report: str = "register-out"):
        from ui.reports.actions import open_export_dialog

        return open_export_dialog(self.ctx, self, report=report)

    def open_register(self):
        from ui.reports.register_dialog import RegisterDialog

        dialog = RegisterDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
        self.last_register_dialog = dialog
        dialog.open()
        return dialog


def build(ctx):
    return ReportsSection(ctx)
