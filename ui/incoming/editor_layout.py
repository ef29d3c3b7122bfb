"""The widgets of the incoming-letter editor (behaviour is in editor.py): the register and the
letter's own fields on the left, handling (handler, deadline, ý kiến chỉ đạo), the original
file and the dispatches it answers on the right, text fields in tabs below."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.vocabulary import DOC_TYPES, NO_URGENCY_LABEL, URGENCY_LABELS
from ui.common.banner import Banner
from ui.common.dates import optional_date_edit
from ui.common.forms import error_label
from ui.common.icons import icon

# Field key (IncomingInput / IncomingInvalid.errors) -> label.
LABELS = {
    "arrival_date": "Ngày đến", "doc_type": "Loại văn bản", "issuer_name": "Cơ quan ban hành",
    "issuer_parent": "Cơ quan chủ quản", "number": "Số", "symbol": "Ký hiệu", "date": "Ngày văn bản",
    "place": "Nơi ban hành", "subject": "Trích yếu", "urgency": "Độ khẩn", "signer_name": "Người ký",
    "handling_deadline": "Hạn xử lý", "handler": "Người xử lý", "instructions": "Ý kiến chỉ đạo",
}


def _text(lines: int, host: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(host.fontMetrics().lineSpacing() * lines + 12)
    return edit


class IncomingEditorLayout:
    def __init__(self, host: QWidget):
        self.banner = Banner()
        self.arrival = QLabel("(cấp khi lưu)")
        self.widgets: dict[str, QWidget] = {
            "arrival_date": optional_date_edit("(hôm nay)"),
            "doc_type": QComboBox(), "issuer_name": QLineEdit(), "issuer_parent": QLineEdit(),
            "number": QLineEdit(), "symbol": QLineEdit(), "date": optional_date_edit("(không rõ)"),
            "place": QLineEdit(), "subject": _text(2, host), "urgency": QComboBox(), "signer_name": QLineEdit(),
            "handling_deadline": optional_date_edit("(không có hạn)"), "handler": QLineEdit(),
            "instructions": _text(4, host),
        }
        w = self.widgets
        w["doc_type"].setEditable(True)
        w["doc_type"].addItems(list(DOC_TYPES))
        w["urgency"].addItem(NO_URGENCY_LABEL, None)
        for code, label in URGENCY_LABELS.items():
            w["urgency"].addItem(label, code)
        w["issuer_name"].setPlaceholderText("như trên văn bản, ví dụ Sở Y tế")
        w["instructions"].setPlaceholderText("Ý kiến phân phối, chỉ đạo giải quyết của lãnh đạo")
        self.errors = {key: error_label() for key in LABELS}

        letter = QFormLayout()
        letter.addRow("Số đến:", self.arrival)
        for key in ("arrival_date", "doc_type", "issuer_name", "issuer_parent", "number", "symbol", "date",
                    "place", "subject", "urgency", "signer_name"):
            letter.addRow(f"{LABELS[key]}:", self._with_error(key))
        handling = QFormLayout()
        for key in ("handling_deadline", "handler", "instructions"):
            handling.addRow(f"{LABELS[key]}:", self._with_error(key))

        self.file_label = QLabel("Chưa có tệp gốc")
        self.file_label.setWordWrap(True)
        self.open_file = QPushButton(icon("file-type-pdf"), "Mở tệp gốc")
        self.attach = QPushButton(icon("file-upload"), "Đính kèm tệp…")
        files = QHBoxLayout()
        files.addWidget(self.open_file)
        files.addWidget(self.attach)
        files.addStretch(1)
        file_box = QGroupBox("Tệp gốc")
        file_column = QVBoxLayout(file_box)
        file_column.addWidget(self.file_label)
        file_column.addLayout(files)
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unlink = QPushButton(icon("x"), "Bỏ liên kết trả lời")
        self.unlink.setToolTip("Văn bản này không phải văn bản trả lời: các đơn vị trở lại “chưa trả lời”")
        links_box = QGroupBox("Trả lời công văn của cơ quan")
        links_column = QVBoxLayout(links_box)
        links_column.addWidget(self.links)
        links_column.addWidget(self.unlink, 0, Qt.AlignmentFlag.AlignLeft)
        handling_box = QGroupBox("Xử lý")
        handling_box.setLayout(handling)
        right = QVBoxLayout()
        right.addWidget(handling_box)
        right.addWidget(file_box)
        right.addWidget(links_box)
        right.addStretch(1)

        self.body = QPlainTextEdit()
        self.references = QPlainTextEdit()
        self.references.setPlaceholderText("Mỗi dòng một văn bản, ví dụ: Công văn số 812/UBND-NC ngày 02/3/2026")
        self.recipients = QPlainTextEdit()
        self.distribution = QPlainTextEdit()
        texts = QWidget()
        grid = QGridLayout(texts)
        grid.addWidget(QLabel("Văn bản dẫn chiếu (“Thực hiện Công văn số …”):"), 0, 0)
        grid.addWidget(QLabel("Kính gửi:"), 0, 1)
        grid.addWidget(QLabel("Nơi nhận:"), 0, 2)
        grid.addWidget(self.references, 1, 0)
        grid.addWidget(self.recipients, 1, 1)
        grid.addWidget(self.distribution, 1, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.body, "Nội dung")
        self.tabs.addTab(texts, "Dẫn chiếu, nơi nhận")
        self.tabs.setMinimumHeight(host.fontMetrics().lineSpacing() * 6)

        self.save = QPushButton(icon("check"), "Lưu")
        self.save.setDefault(True)
        self.delete = QPushButton(icon("trash"), "Xóa văn bản…")
        self.close = QPushButton("Đóng")
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(self.close)

        top = QHBoxLayout()
        top.addLayout(letter, 3)
        top.addLayout(right, 2)
        layout = QVBoxLayout(host)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _with_error(self, key: str) -> QWidget:
        box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(self.widgets[key])
        column.addWidget(self.errors[key])
        return box
