"""Văn bản đi and Văn bản đến sections."""
from __future__ import annotations

from desktop.browse import Browser
from desktop.documents.convert import printable
from desktop.documents.lists import INCOMING, OUTGOING, incoming_detail, outgoing_detail
from ui.common.background import run_read
from ui.common.icons import icon
from ui.common.list_section import ListSection
from ui.common.messages import show_info
from ui.importing.actions import add_import_button
from ui.sections import SectionSpec, register_section


class OutgoingSection(ListSection):
    def __init__(self, ctx):
        super().__init__(Browser(ctx, OUTGOING, outgoing_detail), title="Văn bản đi",
                         watch=("outgoing",), item_name="văn bản")
        self.ctx = ctx
        self.preview_button = self.add_button("Xem trước, in", icon("printer"), self.preview_selected,
                                              "Xem bản in đúng thể thức Nghị định 30, in hoặc lưu PDF/DOCX")
        self.last_preview = None
        self.import_button = add_import_button(self, ctx, "out")

    def preview_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            show_info(self, "Chọn một văn bản trong danh sách để xem trước.")
            return
        run_read(lambda: printable(self.ctx, ids[0]), self._open_preview)

    def _open_preview(self, loaded) -> None:
        from ui.letters.preview import PreviewDialog  # QtPdf is loaded only when a preview opens

        dispatch, settings = loaded
        dialog = PreviewDialog(dispatch, self, settings=settings)
        self.last_preview = dialog
        dialog.open()


def build_outgoing(ctx):
    return OutgoingSection(ctx)


def build_incoming(ctx):
    section = ListSection(Browser(ctx, INCOMING, incoming_detail), title="Văn bản đến",
                          watch=("incoming",), item_name="văn bản")
    section.import_button = add_import_button(section, ctx, "in")
    return section


register_section(SectionSpec("outgoing", "Văn bản đi", "file-export", 10, "Ctrl+1", build_outgoing))
register_section(SectionSpec("incoming", "Văn bản đến", "file-import", 20, "Ctrl+2", build_incoming))
