"""The widgets of the Phản hồi window (behaviour is in response_window.py)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tracking.actions import BULK_ACTIONS
from ui.common.banner import Banner
from ui.common.dates import optional_date_edit
from ui.common.icons import icon, tool_button
from ui.tracking.rows_model import FILTERS, WIDTHS, TrackingRowsModel


class ResponseLayout:
    def __init__(self, host: QWidget):
        self.title = QLabel()
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subject = QLabel()
        self.subject.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.deadline = optional_date_edit("(chưa có hạn)")
        self.deadline.setToolTip("Ngày các đơn vị phải trả lời; để trống thì lấy hạn sớm nhất của các nhiệm vụ")
        self.save_deadline = QPushButton("Lưu hạn")
        self.deadline_note = QLabel()
        self.deadline_note.setStyleSheet("color: #666")

        self.banner = Banner()
        self.undo_button = QPushButton(icon("arrow-back-up"), "Hoàn tác")
        self.undo_button.setToolTip("Trả lại như trước thao tác vừa làm")
        self.banner.row.addWidget(self.undo_button)
        self.undo_button.hide()

        self.filter_combo = QComboBox()
        for key, label in FILTERS:
            self.filter_combo.addItem(label, key)
        self.search = QLineEdit(placeholderText="Lọc đơn vị (gõ có dấu hoặc không dấu)…")
        self.search.setClearButtonEnabled(True)
        self.shown = QLabel()

        self.model = TrackingRowsModel(host)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(host.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)

        self.sent_button = tool_button(BULK_ACTIONS["sent_axis"].label, "send",
                                 "Ghi các đơn vị đang chọn là đã gửi hôm nay qua trục liên thông (mũi tên: cách gửi khác)")
        sent_menu = QMenu(self.sent_button)
        self.sent_actions = {key: sent_menu.addAction(BULK_ACTIONS[key].label)
                             for key in ("sent_axis", "sent_email", "sent_post", "sent_hand")}
        self.sent_button.setMenu(sent_menu)
        self.sent_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.received_button = tool_button(BULK_ACTIONS["acknowledged"].label, "check",
                                     "Ghi các đơn vị đang chọn là đã nhận được văn bản (hôm nay)")
        self.more_button = tool_button("Khác", "settings", "Ghi nhận trả lời, gắn đơn vị, bỏ liên kết…")
        more = QMenu(self.more_button)
        self.replied_action = more.addAction(BULK_ACTIONS["replied"].label)
        self.awaits_action = more.addAction(BULK_ACTIONS["awaits"].label)
        self.no_reply_action = more.addAction(BULK_ACTIONS["no_reply"].label)
        more.addSeparator()
        self.attach_action = more.addAction(icon("building-community"), "Gắn đơn vị trong danh mục…")
        self.unlink_action = more.addAction(icon("x"), "Bỏ liên kết trả lời của đơn vị đang chọn")
        self.more_button.setMenu(more)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.chase_button = QPushButton(icon("bell"), "Soạn công văn đôn đốc")
        self.chase_button.setToolTip("Soạn dự thảo công văn đôn đốc gửi đúng các đơn vị chưa trả lời")
        self.close_button = QPushButton("Đóng")

        self.citations_box = QGroupBox("Văn bản đến dẫn chiếu công văn này nhưng chưa liên kết (văn thư quyết định)")
        self.citations = QListWidget()
        self.citations.setMaximumHeight(int(host.fontMetrics().height() * 2.6) + 8)
        self.link_button = QPushButton("Liên kết với đơn vị đang chọn")
        self.link_button.setToolTip("Ghi nhận văn bản đến đang chọn là văn bản trả lời của đơn vị đang chọn trong bảng")
        row = QHBoxLayout(self.citations_box)
        row.addWidget(self.citations, 1)
        row.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(host)
        layout.addWidget(self.title)
        layout.addWidget(self.subject)
        line = QHBoxLayout()
        line.addWidget(QLabel("Hạn trả lời:"))
        line.addWidget(self.deadline)
        line.addWidget(self.save_deadline)
        line.addWidget(self.deadline_note)
        line.addStretch(1)
        line.addWidget(self.counts)
        layout.addLayout(line)
        layout.addWidget(self.banner)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Hiện:"))
        filters.addWidget(self.filter_combo)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.shown)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.citations_box)
        buttons = QHBoxLayout()
        for button in (self.sent_button, self.received_button, self.more_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.chase_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
