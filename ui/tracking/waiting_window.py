"""Văn bản chờ trả lời: the office-wide view of issued dispatches whose recipients still owe
answers, with the counts per dispatch; double-click (Enter) opens its Phản hồi."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desktop.core.browse import Browser
from desktop.tracking.lists import WAITING
from ui.common.list_section import ListSection
from ui.common.window_size import fit_window


class WaitingWindow(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_response = None
        self.setWindowTitle("Văn bản đi đang chờ trả lời")
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowMinMaxButtonsHint
                            | Qt.WindowType.WindowCloseButtonHint)
        self.list = ListSection(Browser(ctx, WAITING), title="Chờ trả lời", watch=("outgoing", "incoming", "tasks"),
                                item_name="văn bản")
        self.list.opened.disconnect(self.list.show_detail)
        self.list.opened.connect(self.open_response)
        self.list.filter_choice.setCurrentIndex(self.list.filter_choice.findData("waiting"))
        hint = QLabel("Số đơn vị tính theo từng đơn vị nhận (một nhóm là các đơn vị thành viên). "
                      "Nhấp đúp một văn bản để xem từng đơn vị và soạn công văn đôn đốc.")
        hint.setStyleSheet("color: #555")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        fit_window(self, "responses-waiting", 1180, 620)
        self.list.activate()

    def open_response(self, outgoing_id: int):
        from ui.tracking.response_window import open_response

        self.last_response = open_response(self.ctx, outgoing_id, self)
        return self.last_response


def open_waiting(ctx, parent: QWidget | None = None) -> WaitingWindow:
    window = WaitingWindow(ctx, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
