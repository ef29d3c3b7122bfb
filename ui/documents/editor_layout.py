"""The dispatch editor's form, built in code: widgets only, no behaviour (see editor.py).

Every field has a red error label under it (`EditorForm.errors[field]`), keyed by the field
names of `DraftInput` that `ValidationFailed.errors` uses.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.choices import DOC_TYPES, SECRECY_CHOICES, URGENCY_CHOICES
from ui.common.dates import DateField
from ui.common.forms import ERROR_STYLE, error_label
from ui.documents.appendix_editor import AppendixList
from ui.documents.recipient_picker import RecipientList

BODY_HINT = ("Mỗi dòng là một đoạn. Mục đánh số: «1.», «5.1.»; gạch đầu dòng: «- ». "
             "In nghiêng: *chữ*; in đậm: **chữ**.")


class EditorForm(QScrollArea):
    """The left pane: header, Kính gửi, body, Nơi nhận, signer and copies."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.setWidget(inner)
        self.errors: dict[str, QLabel] = {}

        self.notice = QLabel()
        self._notice_is_error = False
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.autosave_banner = QWidget()
        banner = QHBoxLayout(self.autosave_banner)
        banner.setContentsMargins(8, 4, 8, 4)
        self.autosave_text = QLabel()
        self.autosave_text.setWordWrap(True)
        self.restore_button = QPushButton("Khôi phục")
        self.discard_button = QPushButton("Bỏ qua")
        banner.addWidget(self.autosave_text, 1)
        banner.addWidget(self.restore_button)
        banner.addWidget(self.discard_button)
        self.autosave_banner.setStyleSheet("background: #fff4d6; border-radius: 4px;")
        self.autosave_banner.hide()

        # ---- header ----
        self.doc_type = QComboBox()
        self.doc_type.addItems(DOC_TYPES)
        self.register = QComboBox()
        self.drafting_unit = QComboBox()
        self.symbol = QLineEdit(placeholderText="vd. UBND-NC")
        self.symbol_reset = QPushButton("Tạo lại")
        self.symbol_reset.setToolTip("Ký hiệu theo tên viết tắt của cơ quan và đơn vị soạn thảo")
        self.place = QLineEdit()
        self.date = DateField()
        self.no_date = QCheckBox("Chưa ghi ngày (ghi khi ban hành)")
        self.no_date.setChecked(True)
        self.date.setEnabled(False)
        self.subject = QLineEdit(placeholderText="trích yếu nội dung, không cần gõ «V/v»")
        self.urgency = QComboBox()
        for code, label in URGENCY_CHOICES:
            self.urgency.addItem(label, code)

        header = QGroupBox("Thông tin văn bản")
        form = QFormLayout(header)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Loại văn bản:", self._field("doc_type", self.doc_type))
        form.addRow("Sổ đăng ký:", self._field("register_id", self.register))
        form.addRow("Đơn vị soạn thảo:", self._field("drafting_unit_id", self.drafting_unit))
        form.addRow("Ký hiệu:", self._field("symbol", self._row(self.symbol, self.symbol_reset)))
        form.addRow("Địa danh:", self._field("place", self.place))
        form.addRow("Ngày:", self._field("date", self._row(self.date, self.no_date)))
        form.addRow("Trích yếu: V/v", self._field("subject", self.subject))
        form.addRow("Độ khẩn:", self._field("urgency", self.urgency))

        # ---- recipients ----
        self.recipients = RecipientList("Kính gửi")
        to_box = QGroupBox("Kính gửi")
        QVBoxLayout(to_box).addWidget(self._field("recipients", self.recipients))

        # ---- body ----
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(220)
        self.body.setPlaceholderText("Nội dung công văn…")
        hint = QLabel(f"<small>{BODY_HINT}</small>")
        hint.setWordWrap(True)
        body_box = QGroupBox("Nội dung")
        body_layout = QVBoxLayout(body_box)
        body_layout.addWidget(self._field("body", self.body))
        body_layout.addWidget(hint)

        # ---- distribution ----
        self.distribution = RecipientList("Nơi nhận")
        dist_box = QGroupBox("Nơi nhận (chương trình tự thêm «Như trên» và «Lưu: VT, …»)")
        QVBoxLayout(dist_box).addWidget(self._field("distribution", self.distribution))

        # ---- signing ----
        self.signer = QComboBox()
        self.copies = QSpinBox()
        self.copies.setRange(0, 9999)
        self.file_copies = QSpinBox()
        self.file_copies.setRange(0, 99)
        self.file_copies.setSpecialValueText("—")
        self.drafter = QLineEdit()
        self.drafter_initials = QLineEdit(placeholderText="vd. PL")
        self.drafter_initials.setMaximumWidth(90)
        sign_box = QGroupBox("Người ký và phát hành")
        sign_form = QFormLayout(sign_box)
        sign_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        sign_form.addRow("Người ký:", self._field("signer_id", self.signer))
        for spin in (self.copies, self.file_copies):
            spin.setMinimumWidth(90)
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sign_form.addRow("Số bản phát hành:", self._field("copies", self.copies))
        sign_form.addRow("Số bản lưu hồ sơ:", self._field("file_copies", self.file_copies))
        initials = QHBoxLayout()
        initials.addWidget(self.drafter, 1)
        initials.addWidget(QLabel("Viết tắt:"))
        initials.addWidget(self.drafter_initials)
        sign_form.addRow("Người soạn thảo:", self._wrap(initials))
        self.issuer_error = error_label()
        self.errors["issuer"] = self.issuer_error

        # ---- secrecy, the address footer (ô 13), the appendices ----
        self.secrecy = QComboBox()
        for code, label in SECRECY_CHOICES:
            self.secrecy.addItem(label, code)
        self.contact = QPlainTextEdit()
        self.contact.setPlaceholderText("Địa chỉ: …\nĐiện thoại: …; Email: …")
        self.contact.setFixedHeight(self.contact.fontMetrics().lineSpacing() * 4 + 12)
        self.contact_fill = QPushButton("Lấy địa chỉ cơ quan")
        self.contact_fill.setToolTip("Điền địa chỉ, điện thoại, thư điện tử theo hồ sơ cơ quan")
        self.appendices = AppendixList()
        parts_box = QGroupBox("Độ mật, địa chỉ cuối trang, phụ lục")
        parts_form = QFormLayout(parts_box)
        parts_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        parts_form.addRow("Độ mật:", self._field("secrecy", self.secrecy))
        contact_row = QVBoxLayout()
        contact_row.addWidget(self.contact)
        contact_row.addWidget(self.contact_fill)
        parts_form.addRow("Địa chỉ (ô 13):", self._field("contact", self._wrap(contact_row)))
        parts_form.addRow("Phụ lục:", self._field("appendices", self.appendices))

        layout = QVBoxLayout(inner)
        layout.addWidget(self.notice)
        layout.addWidget(self.autosave_banner)
        layout.addWidget(self.issuer_error)
        for box in (header, to_box, body_box, dist_box, sign_box, parts_box):
            layout.addWidget(box)
        layout.addStretch(1)

    # ---- helpers ----------------------------------------------------------------------
    @staticmethod
    def _wrap(inner_layout) -> QWidget:
        widget = QWidget()
        inner_layout.setContentsMargins(0, 0, 0, 0)
        widget.setLayout(inner_layout)
        return widget

    def _row(self, *widgets) -> QWidget:
        row = QHBoxLayout()
        for i, w in enumerate(widgets):
            row.addWidget(w, 1 if i == 0 else 0)
        return self._wrap(row)

    def _field(self, name: str, widget: QWidget) -> QWidget:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        label = error_label()
        label.setObjectName(f"error_{name}")
        box.addWidget(label)
        self.errors[name] = label
        return self._wrap(box)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field (red); unknown keys go to the notice line."""
        for name, label in self.errors.items():
            text = errors.get(name)
            label.setText(text or "")
            label.setVisible(bool(text))
        other = [msg for key, msg in errors.items() if key not in self.errors]
        if other:
            self.show_notice(" ".join(other), error=True)
        first = next((self.errors[k] for k in errors if k in self.errors), None)
        if first is not None:
            self.ensureWidgetVisible(first)

    def show_error(self, name: str, text: str) -> None:
        """One message under one field, the others left as they are."""
        label = self.errors[name]
        label.setText(text)
        label.setVisible(bool(text))

    def clear_error(self, name: str) -> None:
        """The field `name` was edited: its message goes; so does the notice once no field has one."""
        label = self.errors.get(name)
        if label is None or not label.text():
            return
        label.clear()
        label.hide()
        if self._notice_is_error and not any(lbl.text() for lbl in self.errors.values()):
            self.show_notice("")

    def show_notice(self, text: str, *, error: bool = False) -> None:
        self._notice_is_error = error and bool(text)
        self.notice.setText(text)
        self.notice.setStyleSheet(ERROR_STYLE + "font-weight: bold;" if error else "color: #1f5f2a; font-weight: bold;")
        self.notice.setVisible(bool(text))

    def error_text(self, name: str) -> str:
        label = self.errors.get(name)
        return label.text() if label is not None else ""
