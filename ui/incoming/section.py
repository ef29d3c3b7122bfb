"""Văn bản đến: the register of incoming letters. "Thêm…" types a letter received on paper,
double-click (Enter) opens one to correct every field, "Xóa" asks first (saying what goes with
it), "Tệp gốc" opens the kept original; "Nhập văn bản…" reads a file."""
from __future__ import annotations

from PySide6.QtWidgets import QMenu, QToolButton

from desktop.core.access import REGISTER
from desktop.core.browse import Browser
from desktop.documents.lists import INCOMING, incoming_detail
from ui.common.background import run_read, run_write
from ui.common.icons import icon
from ui.common.list_section import ListSection
from ui.common.messages import confirm, show_error, show_info
from ui.common.rights import restrict_all
from ui.importing.actions import add_import_button


class IncomingSection(ListSection):
    def __init__(self, ctx):
        super().__init__(Browser(ctx, INCOMING, incoming_detail), title="Văn bản đến", watch=("incoming",),
                         item_name="văn bản")
        self.ctx = ctx
        self.last_editor = None
        self.import_button = add_import_button(self, ctx, "in")
        button = self.add_button("Thêm", icon("plus"), self.add_new,
                                 "Vào sổ một văn bản đến nhận bản giấy (mũi tên: sửa, xóa, mở tệp gốc)")
        menu = QMenu(button)
        menu.setToolTipsVisible(True)  # a disabled entry says why
        add = menu.addAction(icon("plus"), "Thêm văn bản đến…", self.add_new)
        menu.addAction(icon("edit"), "Sửa văn bản đang chọn (Enter)", self.edit_selected)
        menu.addAction(icon("file-type-pdf"), "Mở tệp gốc", self.open_original)
        menu.addSeparator()
        delete = menu.addAction(icon("trash"), "Xóa văn bản đang chọn…", self.delete_selected)
        if not restrict_all(ctx, REGISTER, add, delete):  # văn thư registers; the others read
            button.clicked.disconnect()
            button.clicked.connect(lambda: button.showMenu())
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.opened.disconnect(self.show_detail)
        self.opened.connect(self.open_editor)

    def open_editor(self, incoming_id: int | None = None):
        from ui.incoming.editor import open_incoming_editor

        self.last_editor = open_incoming_editor(self.ctx, incoming_id, self)
        return self.last_editor

    def add_new(self):
        return self.open_editor(None)

    def _one(self, what: str) -> int | None:
        ids = self.selected_ids()
        if not ids:
            show_info(self, f"Chọn một văn bản đến trong danh sách để {what}.")
            return None
        return ids[0]

    def edit_selected(self):
        incoming_id = self._one("sửa")
        return self.open_editor(incoming_id) if incoming_id is not None else None

    def open_original(self) -> None:
        incoming_id = self._one("mở tệp gốc")
        if incoming_id is not None:
            self.open_editor(incoming_id).open_original()

    def delete_selected(self) -> None:
        from desktop.incoming.removal import delete_incoming, deletion_impact

        incoming_id = self._one("xóa")
        if incoming_id is None:
            return
        ctx = self.ctx

        def ask(impact) -> None:
            if confirm(self, impact.warning, "Xóa văn bản đến", yes="Xóa"):
                run_write(lambda: delete_incoming(ctx, incoming_id, ctx.user), None,
                          lambda exc: show_error(self, str(exc)))
        run_read(lambda: deletion_impact(ctx, incoming_id), ask)


def build(ctx):
    return IncomingSection(ctx)
