"""Mẫu văn bản: the template library (compose from a template, add, edit, duplicate, archive)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QToolButton

from desktop.core.browse import Browser
from desktop.templates.lists import TEMPLATES, template_detail
from desktop.templates.service import archive_template, duplicate_template
from ui.common.background import run_write
from ui.common.icons import icon
from ui.common.list_section import ListSection
from ui.common.messages import confirm, show_info


def compose_from_template(ctx, parent, template_id: int | None = None):
    """Open the "Soạn từ mẫu" dialog; the editor opens with the filled draft when accepted."""
    from ui.documents.editor import open_editor
    from ui.templates.fill_dialog import TemplateFillDialog

    dialog = TemplateFillDialog(ctx, parent, template_id)

    def accepted() -> None:
        parent.last_editor = open_editor(ctx, data=dialog.result_draft)
    dialog.accepted.connect(accepted)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
    parent.last_fill_dialog = dialog
    dialog.open()
    return dialog


class TemplatesSection(ListSection):
    def __init__(self, ctx):
        super().__init__(Browser(ctx, TEMPLATES, template_detail), title="Mẫu văn bản", watch=("templates",),
                         item_name="mẫu")
        self.ctx = ctx
        self.last_editor = self.last_fill_dialog = self.last_template_dialog = None
        manage = self.add_button("Quản lý mẫu", icon("edit"), lambda: manage.showMenu(),
                                 "Thêm, sửa, nhân bản hoặc lưu trữ mẫu")
        menu = QMenu(manage)
        self.add_action = menu.addAction(icon("plus"), "Thêm mẫu…", lambda: self.edit_template(None))
        self.edit_action = menu.addAction(icon("edit"), "Sửa mẫu…", self.edit_selected)
        self.duplicate_action = menu.addAction(icon("copy"), "Nhân bản mẫu", self.duplicate_selected)
        self.archive_action = menu.addAction(icon("trash"), "Lưu trữ mẫu", self.archive_selected)
        manage.setMenu(menu)
        manage.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        manage.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button("Soạn từ mẫu…", icon("template"), self.compose_selected,
                        "Chọn mẫu, điền các chỗ cần điền rồi soạn văn bản")
        self.opened.disconnect(self.show_detail)
        self.opened.connect(self.edit_template)

    def _one(self) -> int | None:
        ids = self.selected_ids()
        if not ids:
            show_info(self, "Chọn một mẫu trong danh sách.")
            return None
        return ids[0]

    def compose_selected(self) -> None:
        ids = self.selected_ids()
        compose_from_template(self.ctx, self, ids[0] if ids else None)

    def edit_selected(self) -> None:
        template_id = self._one()
        if template_id is not None:
            self.edit_template(template_id)

    def edit_template(self, template_id: int | None) -> None:
        from ui.templates.template_editor import TemplateEditorDialog

        dialog = TemplateEditorDialog(self.ctx, template_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
        self.last_template_dialog = dialog
        dialog.open()

    def duplicate_selected(self) -> None:
        template_id = self._one()
        if template_id is not None:
            user = self.ctx.user
            run_write(lambda: duplicate_template(self.ctx, template_id, user))

    def archive_selected(self) -> None:
        template_id = self._one()
        if template_id is not None and confirm(self, "Lưu trữ mẫu này? Mẫu sẽ không hiện khi soạn từ mẫu.",
                                               yes="Lưu trữ"):
            user = self.ctx.user
            run_write(lambda: archive_template(self.ctx, template_id, user))


def build(ctx):
    return TemplatesSection(ctx)
