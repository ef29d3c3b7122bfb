"""The unit form (thêm / sửa đơn vị): code, names and aliases, kind, parent, contact details and
the active period. A refused value shows one Vietnamese message under its field; nothing is saved."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from PySide6.QtCore import Qt

from desktop.core.vocabulary import UNIT_KIND_LABELS
from desktop.recipients.directory import DirectoryError, UnitChoice, UnitInput, UnitRow, add_unit, update_unit
from ui.common.background import run_write
from ui.common.dates import dates_ok, optional_date, optional_date_edit, set_optional_date
from ui.common.forms import ERROR_STYLE, select_data
from ui.common.window_size import fit_window

class UnitDialog(QDialog):
    def __init__(self, ctx, units: list[UnitChoice], existing: UnitRow | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.existing = existing
        self.saved_id: int | None = None
        self.setWindowTitle(f"Sửa đơn vị – {existing.data.name}" if existing else "Thêm đơn vị")
        fit_window(self, "unit-edit", 680, 500)
        self.code = QLineEdit()
        self.code.setPlaceholderText("để trống: chương trình tự cấp (DV0001…)")
        self.name = QLineEdit()
        self.short_name = QLineEdit()
        self.aliases = QPlainTextEdit()
        self.aliases.setPlaceholderText("mỗi dòng một tên (tên cũ, tên viết khác mà văn bản hay dùng)")
        self.aliases.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.kind = QComboBox()
        for code, text in UNIT_KIND_LABELS.items():
            self.kind.addItem(text, code)
        self.parent_unit = QComboBox()
        self.parent_unit.setEditable(True)
        self.parent_unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.parent_unit.addItem("(không)", None)
        for choice in units:
            if existing is None or choice.id != existing.id:
                self.parent_unit.addItem(choice.name, choice.id)
        completer = self.parent_unit.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.address = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.contact = QLineEdit()
        self.active_from = optional_date_edit("không rõ")
        self.active_to = optional_date_edit("đang hoạt động")
        self.errors: dict[str, QLabel] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        period = QHBoxLayout()
        period.addWidget(self.active_from)
        period.addWidget(QLabel("đến ngày"))
        period.addWidget(self.active_to)
        period.addStretch(1)
        for key, label, widget in (
            ("code", "Mã", self.code), ("name", "Tên đơn vị *", self.name), ("short_name", "Tên viết tắt", self.short_name),
            ("aliases", "Tên gọi khác", self.aliases), ("kind", "Loại", self.kind),
            ("parent", "Đơn vị cấp trên", self.parent_unit), ("address", "Địa chỉ", self.address),
            ("email", "Thư điện tử", self.email), ("phone", "Điện thoại", self.phone),
            ("contact_person", "Người liên hệ", self.contact), ("active_to", "Hoạt động từ", period),
        ):
            form.addRow(label, widget)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            form.addRow("", error)
            form.setRowVisible(form.rowCount() - 1, False)
            self.errors[key] = error
        self.form = form
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        host = QWidget()
        host.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(host)
        layout.addStretch(1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        if existing is not None:
            self._fill(existing.data)

    def _fill(self, data: UnitInput) -> None:
        self.code.setText(data.code or "")
        self.name.setText(data.name)
        self.short_name.setText(data.short_name or "")
        self.aliases.setPlainText("\n".join(data.aliases))
        select_data(self.kind, data.kind)
        select_data(self.parent_unit, data.parent_id)
        for widget, value in ((self.address, data.address), (self.email, data.email), (self.phone, data.phone),
                              (self.contact, data.contact_person)):
            widget.setText(value or "")
        set_optional_date(self.active_from, data.active_from)
        set_optional_date(self.active_to, data.active_to)

    def _parent_id(self) -> int | None:
        index = self.parent_unit.findText(self.parent_unit.currentText(), Qt.MatchFlag.MatchExactly)
        return self.parent_unit.itemData(index) if index >= 0 else self.parent_unit.currentData()

    def value(self) -> UnitInput:
        return UnitInput(
            name=self.name.text(), code=self.code.text().strip() or None, short_name=self.short_name.text(),
            aliases=self.aliases.toPlainText().splitlines(), kind=self.kind.currentData(),
            parent_id=self._parent_id(), address=self.address.text(), email=self.email.text(),
            phone=self.phone.text(), contact_person=self.contact.text(),
            active_from=optional_date(self.active_from.date()), active_to=optional_date(self.active_to.date()),
        )

    def clear_errors(self) -> None:
        for label in self.errors.values():
            self.form.setRowVisible(label, False)
            label.clear()
        self.general_error.clear()

    def show_error(self, message: str, field: str = "") -> None:
        """One message: under its field when the service named one, else above the buttons."""
        self.clear_errors()
        target = self.errors.get(field)
        self.general_error.setText("" if target is not None else message)
        if target is not None:
            target.setText(message)
            self.form.setRowVisible(target, True)

    def error_text(self, field: str) -> str:
        """The message shown under `field` ("" when none)."""
        label = self.errors[field]
        return label.text() if label.isVisibleTo(self) else ""

    def save(self) -> None:
        if not dates_ok(self):
            return
        data = self.value()
        if not data.name.strip():
            self.show_error("Cần nhập tên đơn vị.", "name")
            self.name.setFocus()
            return
        ctx, existing = self.ctx, self.existing
        self.save_button.setEnabled(False)

        def write():
            if existing is None:
                return add_unit(ctx, data, ctx.user)
            return existing.id, update_unit(ctx, existing.id, data, ctx.user)

        run_write(write, self._saved, self._failed)

    def _saved(self, unit_id: int) -> None:
        self.clear_errors()
        self.saved_id = unit_id
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.show_error(str(exc), exc.field if isinstance(exc, DirectoryError) else "")
