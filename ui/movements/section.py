"""Phong trào thi đua: the movement register, with add and edit."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.browse import Browser
from desktop.followup.board import dispatch_choices, unit_choices
from desktop.movements.lists import MOVEMENTS, movement_detail
from desktop.movements.service import get_movement
from ui.common.background import run_read
from ui.common.icons import icon
from ui.common.list_section import ListSection
from ui.common.messages import show_info


class MovementSection(ListSection):
    def __init__(self, ctx):
        super().__init__(Browser(ctx, MOVEMENTS, movement_detail), title="Phong trào thi đua",
                         watch=("movements", "tasks"), item_name="phong trào")
        self.ctx = ctx
        self.edit_button = self.add_button("Sửa…", icon("edit"), self.edit_selected, "Sửa phong trào đang chọn",
                                           compact=True)
        self.add_new = self.add_button("Thêm…", icon("plus"), self.add_movement, "Thêm phong trào thi đua",
                                       compact=True)
        self.last_editor = None

    def _choices(self):
        ctx = self.ctx
        return unit_choices(ctx, include_inactive=True), dispatch_choices(ctx)  # old movements' units

    def add_movement(self) -> None:
        run_read(self._choices, lambda choices: self._open(None, *choices))

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            show_info(self, "Chọn một phong trào trong danh sách để sửa.")
            return
        ctx, movement_id = self.ctx, ids[0]
        run_read(lambda: (get_movement(ctx, movement_id), *self._choices()),
                 lambda loaded: self._open(loaded[0], loaded[1], loaded[2]))

    def _open(self, existing, units, dispatches) -> None:
        from ui.movements.editor import MovementDialog

        dialog = MovementDialog(self.ctx, units, dispatches, existing, self)
        self.last_editor = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
        dialog.open()
