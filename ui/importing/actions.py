"""Entry points to the import screen: File-menu actions (Ctrl+I, Ctrl+Shift+I) and the
"Nhập văn bản…" button of the Văn bản đến / Văn bản đi sections. The windows themselves are
imported only when first opened (start-up stays light)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget

from ui.actions import ActionSpec, register_action
from ui.common.compact_button import CompactToolButton
from ui.common.icons import icon
from ui.importing.openers import register_openers

_WINDOW_ATTR = "_import_window"


def open_import_window(ctx, parent: QWidget | None, *, path: Path | None = None, default_as: str = "in"):
    """Show the (one) import window of `parent`'s top-level window; open `path` in it if given."""
    from ui.importing.window import ImportWindow

    host = parent.window() if parent is not None else None
    if isinstance(host, ImportWindow):
        window = host
    else:
        window = getattr(host, _WINDOW_ATTR, None) if host is not None else None
    if window is None:
        window = ImportWindow(ctx, host, default_as=default_as)
        if host is not None:
            setattr(host, _WINDOW_ATTR, window)
    else:
        window.set_default_as(default_as)
    window.show()
    window.raise_()
    window.activateWindow()
    if path is not None:
        window.open_file(Path(path))
    return window


def open_batch_dialog(ctx, parent: QWidget | None, *, folder: Path | None = None, save_as: str = "in"):
    """The folder import dialog (non-modal), with `folder` filled in; the clerk checks the
    "save as" choice and presses Bắt đầu nhập (nothing is stored on a mere drop)."""
    from ui.importing.batch_dialog import BatchDialog

    dialog = BatchDialog(ctx, parent, save_as=save_as)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    if folder is not None:
        dialog.folder_edit.setText(str(folder))
    return dialog


register_openers(file=open_import_window, folder=open_batch_dialog)


def add_import_button(section, ctx, default_as: str) -> QToolButton:
    """"Nhập văn bản…" in a document section's toolbar."""
    what = "văn bản đến" if default_as == "in" else "văn bản đi"
    button = CompactToolButton("Nhập văn bản…", icon("file-upload"))
    button.setToolTip(f"Nhập văn bản: đọc một công văn có sẵn (.txt, .md, .docx, .pdf), kiểm tra rồi lưu là "
                      f"{what} (Ctrl+I)")
    button.clicked.connect(lambda: open_import_window(ctx, section, default_as=default_as))
    section.toolbar.insertWidget(2, button)
    return button


def _current_direction(main_window) -> str:
    current = getattr(main_window, "stack", None)
    widget = current.currentWidget() if current is not None else None
    return "out" if widget is not None and getattr(widget, "title", "") == "Văn bản đi" else "in"


register_action(ActionSpec(
    "import_file", "file", "Nhập văn bản…", "file-upload", "Ctrl+I", 10,
    lambda w: open_import_window(w.ctx, w, default_as=_current_direction(w)),
))
register_action(ActionSpec(
    "import_folder", "file", "Nhập cả thư mục…", "file-import", "Ctrl+Shift+I", 20,
    lambda w: open_batch_dialog(w.ctx, w),
))
