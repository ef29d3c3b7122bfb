""""Phản hồi" in the Văn bản đi toolbar: the selected dispatch's Phản hồi, or the office-wide
list of dispatches still waiting for answers (windows imported when first opened)."""
from __future__ import annotations

from PySide6.QtWidgets import QMenu, QToolButton

from ui.common.icons import icon
from ui.common.messages import show_info


def add_response_button(section) -> QToolButton:
    """The button in an outgoing-documents list section (icon only when narrow); it opens a menu:
    the selected dispatch's Phản hồi, or every dispatch still waiting for answers."""
    button = section.add_button("Phản hồi", icon("user-check"), lambda: None,
                                "Phản hồi: đơn vị nào đã nhận, đã trả lời, quá hạn; mọi văn bản đang chờ trả lời",
                                compact=True)
    menu = QMenu(button)
    menu.addAction(icon("user-check"), "Phản hồi của văn bản đang chọn", lambda: open_selected(section))
    menu.addAction(icon("clock-exclamation"), "Mọi văn bản đang chờ trả lời…", lambda: open_all(section))
    button.setMenu(menu)
    # a menu on the button itself (no arrow beside it): the toolbar keeps the window's minimum width
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    return button


def open_selected(section):
    from ui.tracking.response_window import open_response

    ids = section.selected_ids()
    if not ids:
        show_info(section, "Chọn một văn bản đã ban hành trong danh sách để xem phản hồi của các đơn vị.")
        return None
    section.last_response = open_response(section.ctx, ids[0], section)
    return section.last_response


def open_all(section):
    from ui.tracking.waiting_window import open_waiting

    section.last_waiting = open_waiting(section.ctx, section)
    return section.last_waiting
