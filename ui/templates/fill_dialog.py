"""Soạn từ mẫu: pick a template, fill the form generated from its placeholders, open the editor.

Field per placeholder type: text → line, date → date edit, number / year → spin box,
unit → directory combo with a contains-completer, list → one item per line (records as
"field | field"). Missing values and placeholders the template uses without declaring them
are listed before continuing; the draft then shows "[[Chưa điền: …]]", never "{{x}}".
"""
from __future__ import annotations

import html
import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.editor_data import editor_choices
from desktop.core.vocabulary import read_date
from desktop.templates.engine import TYPE_LABELS, Placeholder
from desktop.templates.service import fill_template, get_template, list_templates
from ui.common.background import run_read
from ui.common.dates import DateField, dates_ok
from ui.common.forms import ERROR_STYLE
from ui.common.window_size import fit_window


def _value_widget(ph: Placeholder, unit_names: list[str]) -> QWidget:
    default = ph.default
    if ph.type == "date":
        widget = DateField(read_date(default) or date.today())
    elif ph.type in ("number", "year"):
        widget = QSpinBox()
        widget.setRange(0, 999999)
        widget.setValue(int(default) if str(default or "").strip().isdigit() else (date.today().year if ph.type == "year" else 0))
        if ph.type == "number" and default in (None, ""):
            widget.setSpecialValueText("(chưa điền)")
    elif ph.type == "unit":
        widget = QComboBox()
        widget.setEditable(True)
        widget.addItems([""] + unit_names)
        completer = QCompleter(unit_names, widget)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        widget.setCompleter(completer)
        widget.setCurrentText(str(default or ""))
    elif ph.type == "list":
        widget = QPlainTextEdit()
        widget.setFixedHeight(96)
        hint = " | ".join(f.get("label") or f.get("name", "") for f in ph.fields) if ph.fields else "mỗi dòng một mục"
        widget.setPlaceholderText(f"Mỗi dòng một mục ({hint})")
        if isinstance(default, list):
            widget.setPlainText("\n".join(str(v) for v in default))
    else:
        widget = QLineEdit(str(default or ""))
    return widget


def widget_value(ph: Placeholder, widget: QWidget):
    """The form value of one placeholder as the template engine takes it (None = unfilled)."""
    if isinstance(widget, DateField):
        return widget.date().toPython()
    if isinstance(widget, QSpinBox):
        return widget.value() if widget.value() or ph.type == "year" else None
    if isinstance(widget, QComboBox):
        return widget.currentText().strip() or None
    if isinstance(widget, QPlainTextEdit):
        lines = [ln.strip() for ln in widget.toPlainText().splitlines() if ln.strip()]
        if ph.fields:
            names = [f.get("name") for f in ph.fields]
            return [dict(zip(names, [p.strip() for p in ln.split("|")] + [""] * len(names))) for ln in lines] or None
        return lines or None
    return widget.text().strip() or None


class TemplateFillDialog(QDialog):
    """`result_draft` holds the filled DraftInput once accepted."""

    def __init__(self, ctx, parent: QWidget | None = None, template_id: int | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Soạn từ mẫu")
        fit_window(self, "template-fill", 980, 640)
        self.template = None
        self.fields: dict[str, tuple[Placeholder, QWidget]] = {}
        self.result_draft = None
        self._confirmed_incomplete = False
        self.filter_box = QLineEdit(placeholderText="Lọc mẫu (có dấu hoặc không dấu)…")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.title = QLabel("<i>Chọn một mẫu ở bên trái.</i>")
        self.title.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Soạn văn bản")
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.continue_)
        self.buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addWidget(self.filter_box)
        left.addWidget(self.list, 1)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.form_area, 1)
        right.addWidget(self.problems)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.buttons)
        self.filter_box.textChanged.connect(self._reload)
        self.list.currentItemChanged.connect(lambda item, _old: self._pick(item))
        self._unit_names: list[str] = []
        self._preselect = template_id
        run_read(lambda: [c.label for c in editor_choices(ctx).units], self._units_ready)

    def _units_ready(self, names: list[str]) -> None:
        self._unit_names = names
        self._reload("")

    def _reload(self, text: str) -> None:
        def show(rows) -> None:
            self.list.clear()
            for row in rows:
                item = QListWidgetItem(row.name)
                item.setToolTip(f"V/v {row.subject}")
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.list.addItem(item)
                if row.id == self._preselect:
                    self.list.setCurrentItem(item)
        run_read(lambda: list_templates(self.ctx, search=text or None), show)

    def select_template(self, name_part: str) -> None:
        for row in range(self.list.count()):
            if name_part in self.list.item(row).text():
                self.list.setCurrentRow(row)
                return
        raise LookupError(name_part)

    def _pick(self, item) -> None:
        if item is None:
            return
        template_id = item.data(Qt.ItemDataRole.UserRole)
        run_read(lambda: get_template(self.ctx, template_id), self._build_form)

    def _build_form(self, record) -> None:
        self.template = record
        self._confirmed_incomplete = False
        self.problems.clear()
        labels = {ph.name: ph.display for ph in record.data.placeholders}

        def as_slot(match) -> str:
            return f"«{labels.get(match.group(1), match.group(1))}»"
        subject = re.sub(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)[^}]*\}\}", as_slot, record.data.subject)
        self.title.setText(f"<b>{html.escape(record.data.name)}</b><br>V/v {html.escape(subject)}"
                           "<br><small>Điền các ô dưới đây; ô để trống sẽ được báo trước khi soạn.</small>")
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = {}
        for ph in record.data.placeholders:
            widget = _value_widget(ph, self._unit_names)
            widget.setObjectName(f"field_{ph.name}")
            widget.setToolTip(f"{ph.name} ({TYPE_LABELS.get(ph.type, ph.type)})")
            self.fields[ph.name] = (ph, widget)
            form.addRow(f"{ph.display}:", widget)
        if not record.data.placeholders:
            form.addRow(QLabel("Mẫu này không có chỗ cần điền."))
        self.form_area.setWidget(inner)
        self.ok_button.setEnabled(True)
        self.ok_button.setText("Soạn văn bản")

    def field(self, name: str) -> QWidget:
        return self.fields[name][1]

    def values(self) -> dict:
        return {name: widget_value(ph, w) for name, (ph, w) in self.fields.items()}

    def continue_(self) -> None:
        if self.template is None or not dates_ok(self):
            return
        template_id, values = self.template.id, self.values()
        run_read(lambda: fill_template(self.ctx, template_id, values), self._filled, self._fill_failed)

    def _fill_failed(self, exc: BaseException) -> None:
        self.problems.setText(str(exc))

    def _filled(self, filled) -> None:
        if not filled.complete and not self._confirmed_incomplete:
            lines = []
            if filled.missing:
                lines.append("Chưa điền: " + ", ".join(filled.missing) + ".")
            if filled.unknown:
                lines.append("Mẫu dùng chỗ điền chưa khai báo: " + ", ".join(filled.unknown)
                             + " (hãy sửa mẫu).")
            lines.extend(filled.errors.values())
            lines.append("Văn bản sẽ ghi «[[Chưa điền: …]]» ở những chỗ đó và chưa trình ký được "
                         "cho đến khi sửa. Nhấn «Vẫn soạn» để tiếp tục.")
            self.problems.setText("\n".join(lines))
            self._confirmed_incomplete = True
            self.ok_button.setText("Vẫn soạn")
            return
        self.result_draft = filled.draft
        self.accept()

