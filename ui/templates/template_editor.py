"""Create or edit a template: name, type, subject, body, placeholders, default lines, signer.

Saving goes through `create_template` / `update_template`; their ValidationFailed errors
(syntax, a placeholder used but not declared, a taken name) are shown under the fields.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.editor_data import editor_choices
from desktop.core.vocabulary import DOC_TYPES
from desktop.templates.engine import PLACEHOLDER_TYPES, TYPE_LABELS, Placeholder
from desktop.templates.service import TemplateData, create_template, get_template, update_template
from ui.common.background import run_read, run_write
from ui.common.forms import clear_when_edited, error_label, fill_combo, select_data
from ui.documents.recipient_picker import RecipientList
from ui.common.window_size import fit_window


class TemplateEditorDialog(QDialog):
    def __init__(self, ctx, template_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.template_id = ctx, template_id
        self.setWindowTitle("Sửa mẫu văn bản" if template_id else "Thêm mẫu văn bản")
        fit_window(self, "template-editor", 900, 680)
        self._extra: dict[str, Placeholder] = {}
        self.errors: dict[str, QLabel] = {}
        self.name = QLineEdit()
        self.doc_type = QComboBox()
        self.doc_type.addItems(DOC_TYPES)
        self.subject = QLineEdit(placeholderText="vd. hướng dẫn đăng ký thi đua năm {{ nam }}")
        self.body = QPlainTextEdit()
        self.signer = QComboBox()
        self.placeholders = QTableWidget(0, 4)
        self.placeholders.setHorizontalHeaderLabels(["Tên (không dấu)", "Nhãn trên biểu mẫu", "Kiểu", "Mặc định"])
        self.placeholders.horizontalHeader().setStretchLastSection(True)
        self.placeholders.setColumnWidth(0, 150)
        self.placeholders.setColumnWidth(1, 280)
        add_row = QPushButton("Thêm chỗ điền")
        add_row.clicked.connect(lambda: self.add_placeholder(Placeholder(name="")))
        del_row = QPushButton("Xóa chỗ điền")
        del_row.clicked.connect(lambda: self.placeholders.removeRow(self.placeholders.currentRow()))
        self.recipients = RecipientList("Kính gửi")
        self.distribution = RecipientList("Nơi nhận")

        main = QWidget()
        form = QFormLayout(main)
        form.addRow("Tên mẫu:", self._field("name", self.name))
        form.addRow("Loại văn bản:", self.doc_type)
        form.addRow("Trích yếu: V/v", self._field("subject", self.subject))
        form.addRow("Người ký:", self.signer)
        form.addRow("Nội dung:", self._field("body", self.body))
        form.addRow(QLabel("<small>Chỗ điền viết {{ ten }}; bộ lọc: ngay, dmy, nam, pad, liet_ke.</small>"))
        ph_page = QWidget()
        ph_layout = QVBoxLayout(ph_page)
        ph_layout.addWidget(self.placeholders)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add_row)
        buttons_row.addWidget(del_row)
        buttons_row.addStretch(1)
        ph_layout.addLayout(buttons_row)
        ph_layout.addWidget(self._error("placeholders"))
        clear_when_edited(self.errors["placeholders"], self.placeholders)
        lines_page = QWidget()
        lines_layout = QVBoxLayout(lines_page)
        lines_layout.addWidget(QLabel("<b>Kính gửi mặc định</b>"))
        lines_layout.addWidget(self.recipients)
        lines_layout.addWidget(QLabel("<b>Nơi nhận mặc định</b>"))
        lines_layout.addWidget(self.distribution)
        self.tabs = QTabWidget()
        self.tabs.addTab(main, "Nội dung mẫu")
        self.tabs.addTab(ph_page, "Chỗ cần điền")
        self.tabs.addTab(lines_page, "Nơi nhận")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Lưu mẫu")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._drafting_unit_id = None
        run_read(self._fetch, self._ready)

    def _error(self, name: str) -> QLabel:
        self.errors[name] = label = error_label()
        return label

    def _field(self, name: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        layout.addWidget(self._error(name))
        clear_when_edited(self.errors[name], widget)
        return box

    def _fetch(self):
        record = get_template(self.ctx, self.template_id) if self.template_id else None
        return editor_choices(self.ctx), record

    def _ready(self, result) -> None:
        choices, record = result
        fill_combo(self.signer, choices.signers, "— chưa chọn —")
        for lst in (self.recipients, self.distribution):
            lst.set_directory(choices.units, choices.groups)
        if record is None:
            return
        data = record.data
        self.name.setText(data.name)
        self.doc_type.setCurrentText(data.doc_type)
        self.subject.setText(data.subject)
        self.body.setPlainText(data.body)
        select_data(self.signer, data.signer_id)
        self.recipients.set_lines(data.recipients)
        self.distribution.set_lines(data.distribution)
        self._drafting_unit_id = data.drafting_unit_id
        for ph in data.placeholders:
            self.add_placeholder(ph)

    def add_placeholder(self, ph: Placeholder) -> None:
        row = self.placeholders.rowCount()
        self.placeholders.insertRow(row)
        self.placeholders.setItem(row, 0, QTableWidgetItem(ph.name))
        self.placeholders.setItem(row, 1, QTableWidgetItem(ph.label))
        kind = QComboBox()
        for t in PLACEHOLDER_TYPES:
            kind.addItem(TYPE_LABELS.get(t, t), t)
        select_data(kind, ph.type)
        self.placeholders.setCellWidget(row, 2, kind)
        default = ph.default if not isinstance(ph.default, list) else "; ".join(map(str, ph.default))
        self.placeholders.setItem(row, 3, QTableWidgetItem("" if default is None else str(default)))
        if ph.name:
            self._extra[ph.name] = ph

    def collect(self) -> TemplateData:
        placeholders = []
        for row in range(self.placeholders.rowCount()):
            name = (self.placeholders.item(row, 0).text() if self.placeholders.item(row, 0) else "").strip()
            label = (self.placeholders.item(row, 1).text() if self.placeholders.item(row, 1) else "").strip()
            default = (self.placeholders.item(row, 3).text() if self.placeholders.item(row, 3) else "").strip()
            kind = self.placeholders.cellWidget(row, 2).currentData()
            old = self._extra.get(name)
            placeholders.append(Placeholder(
                name=name, label=label, type=kind, default=default or None,
                fields=old.fields if old else [], to_recipients=old.to_recipients if old else False,
            ))
        return TemplateData(
            name=self.name.text(), doc_type=self.doc_type.currentText(), subject=self.subject.text(),
            body=self.body.toPlainText(), recipients=self.recipients.lines(),
            distribution=self.distribution.lines(), placeholders=placeholders,
            signer_id=self.signer.currentData(), drafting_unit_id=self._drafting_unit_id,
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        if "placeholders" in errors and not any(k in errors for k in ("name", "subject", "body")):
            self.tabs.setCurrentIndex(1)

    def save(self) -> None:
        from desktop.documents.errors import ValidationFailed

        data, user, template_id = self.collect(), self.ctx.user, self.template_id

        def write():
            if template_id is None:
                return create_template(self.ctx, data, user)
            return update_template(self.ctx, template_id, data, user)

        def failed(exc):
            if isinstance(exc, ValidationFailed):
                self.show_errors(exc.errors)
            else:
                self.show_errors({"name": str(exc)})
        run_write(write, lambda _v: self.accept(), failed)
