"""Báo cáo: the registers number by number (Excel exports are added here); "Sổ đăng ký…"
opens the register view where numbers are reserved, voided, or checked for a manual entry."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.browse import Browser
from desktop.reports.lists import REGISTER_ENTRIES
from ui.common.icons import icon
from ui.common.list_section import ListSection


class ReportsSection(ListSection):
    def __init__(self, ctx):
        super().__init__(Browser(ctx, REGISTER_ENTRIES), title="Báo cáo – Sổ đăng ký văn bản",
                         watch=("registers", "outgoing", "incoming"), item_name="số")
        self.ctx = ctx
        self.last_register_dialog = None
        self.add_button("Giữ số, hủy số…", icon("checklist"), self.open_register,
                        "Giữ số trước, hủy số, kiểm tra số ghi tay")

    def open_register(self):
        from ui.reports.register_dialog import RegisterDialog

        dialog = RegisterDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
        self.last_register_dialog = dialog
        dialog.open()
        return dialog


def build(ctx):
    return ReportsSection(ctx)
