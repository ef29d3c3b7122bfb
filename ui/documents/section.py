"""The Văn bản đi section (Văn bản đến is in ui.incoming.section)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QToolButton

from desktop.core.browse import Browser
from desktop.documents.convert import printable
from desktop.documents.lists import OUTGOING, outgoing_detail
from ui.common.background import run_read, run_write
from ui.common.icons import icon
from ui.common.list_section import ListSection
from ui.common.messages import show_info
from ui.importing.actions import add_import_button
from ui.tracking.actions import add_response_button


NEW_KEY = "Ctrl+N"
SHORTCUTS = ("Văn bản đi", (("Soạn văn bản mới", NEW_KEY),))


class OutgoingSection(ListSection):
    def __init__(self, ctx):
        super().__init__(Browser(ctx, OUTGOING, outgoing_detail), title="Văn bản đi",
                         watch=("outgoing",), item_name="văn bản")
        self.ctx = ctx
        self.preview_button = self.add_button("Xem trước, in", icon("printer"), self.preview_selected,
                                              "Xem bản in đúng thể thức Nghị định 30, in hoặc lưu PDF/DOCX")
        self.last_preview = None
        self.last_response = self.last_waiting = None
        self.response_button = add_response_button(self)
        self.import_button = add_import_button(self, ctx, "out")
        self.last_editor = self.last_fill_dialog = None
        new_button = self.add_button("Soạn mới", icon("plus"), self.compose_new,
                                     f"Soạn văn bản mới ({NEW_KEY}); mũi tên: soạn từ mẫu, mở, nhân bản", compact=True)
        new_button.setShortcut(NEW_KEY)
        menu = QMenu(new_button)
        menu.addAction(icon("plus"), "Soạn mới", self.compose_new)
        self.template_action = menu.addAction(icon("template"), "Soạn từ mẫu…", self.compose_from_template)
        menu.addSeparator()
        self.open_action = menu.addAction(icon("edit"), "Mở văn bản đang chọn (Enter)", self.open_selected)
        self.clone_action = menu.addAction(icon("copy"), "Nhân bản văn bản đang chọn", self.clone_selected)
        new_button.setMenu(menu)
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.opened.disconnect(self.show_detail)
        self.opened.connect(self.open_or_detail)
        # keep the section as narrow as before the editor buttons (small screens)
        self.preview_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    # ---- editor ---------------------------------------------------------------------------
    def compose_new(self) -> None:
        from ui.documents.editor import open_editor

        self.last_editor = open_editor(self.ctx)

    def compose_from_template(self) -> None:
        from ui.templates.section import compose_from_template

        compose_from_template(self.ctx, self)

    def open_document(self, document_id: int) -> None:
        """Drafts open for editing; signed and issued documents open read-only in the editor."""
        from ui.documents.editor import open_editor

        self.last_editor = open_editor(self.ctx, document_id)

    def open_or_detail(self, document_id: int) -> None:
        """Double-click / Enter: drafts, submitted and signed documents open in the editor (signed
        ones read-only, to issue them); issued and cancelled ones show their detail ("Mở" opens
        them read-only in the editor)."""
        from desktop.documents.service import load_draft

        def route(loaded) -> None:
            if loaded.status in ("issued", "cancelled"):
                self.show_detail(document_id)
            else:
                self.open_document(document_id)
        run_read(lambda: load_draft(self.ctx, document_id), route)

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            show_info(self, "Chọn một văn bản trong danh sách để mở.")
            return
        self.open_document(ids[0])

    def clone_selected(self) -> None:
        from desktop.documents.service import clone

        ids = self.selected_ids()
        if not ids:
            show_info(self, "Chọn văn bản cần nhân bản.")
            return
        user = self.ctx.user
        run_write(lambda: clone(self.ctx, ids[0], user), self.open_document)

    def preview_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            show_info(self, "Chọn một văn bản trong danh sách để xem trước.")
            return
        run_read(lambda: printable(self.ctx, ids[0]), self._open_preview)

    def _open_preview(self, loaded) -> None:
        from ui.letters.preview import PreviewDialog  # PDFium is loaded only when a preview opens

        dispatch, settings = loaded
        dialog = PreviewDialog(dispatch, self, settings=settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
        self.last_preview = dialog
        dialog.open()


def build_outgoing(ctx):
    return OutgoingSection(ctx)
