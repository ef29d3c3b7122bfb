"""The extracted fields of an imported dispatch as an editable form.

Every field knows its key in `ImportResult.spans` ("number", "subject", "recipients[2]" ...)
and says so (`field_selected`) when it gets the focus, so the screen highlights it in the
source. A field the importer could not read is marked "Chưa đọc được – cần nhập" until it is
filled or its "Để trống" box is ticked; `unresolved()` lists the ones still marked."""
from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.core.dispatch import Dispatch
from desktop.core.vocabulary import DOC_TYPES, URGENCY_LABELS, short_date
from desktop.importing.review import parse_dmy
from ui.importing.list_editors import LineListEditor, ReferenceEditor

MISSING_TEXT = "Chưa đọc được – cần nhập"
URGENCIES = ("", *URGENCY_LABELS.values())  # as printed; "" for none

# key, label, kind, required: True, False, or "dispatch" (required on a công văn only)
FIELDS: tuple[tuple[str, str, str, bool | str], ...] = (
    ("doc_type", "Loại văn bản", "doc_type", False),
    ("issuer.parent", "Cơ quan chủ quản", "line", False),
    ("issuer", "Cơ quan ban hành", "line", True),
    ("number", "Số", "number", True),
    ("symbol", "Ký hiệu", "line", True),
    ("place", "Địa danh", "line", True),
    ("date", "Ngày ban hành", "date", True),
    ("subject", "Trích yếu", "text", True),
    ("urgency", "Độ khẩn", "urgency", False),
    ("recipients", "Kính gửi", "lines", "dispatch"),
    ("distribution", "Nơi nhận", "lines", False),
    ("signer.title_lines", "Chức vụ người ký", "title_lines", True),
    ("signer.name", "Người ký", "line", True),
    ("references", "Văn bản liên quan", "references", False),
)
LABELS = {key: label for key, label, _k, _r in FIELDS}

STYLE = """
QLineEdit[missing="true"], QPlainTextEdit[missing="true"], QListWidget[missing="true"] {
    background: #fff5d6; border: 1px solid #d99a00; }
QLabel[missing="true"] { color: #9a5b00; font-weight: bold; }
QLineEdit[unsure="true"], QPlainTextEdit[unsure="true"] { background: #fdebe9; border: 2px solid #d0342c; }
QLabel[unsure="true"] { color: #b0281f; font-weight: bold; }
"""
# The header fields of ImportResult.confidence and the form fields that show each.
CONFIDENCE_FIELDS = {"number": ("number",), "symbol": ("symbol",), "date": ("date",), "issuer": ("issuer",),
                     "subject": ("subject",), "signer": ("signer.title_lines", "signer.name")}
UNSURE_TEXT = "Đọc bằng OCR, độ tin cậy {:.0%} – hãy đối chiếu với ảnh trang"


class FieldError(ValueError):
    """A value the clerk typed cannot be used; `key` is the field to go back to."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


class FieldsForm(QWidget):
    field_selected = Signal(str)  # a key of ImportResult.spans ("subject", "recipients[1]", ...)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.leave_empty: dict[str, QCheckBox] = {}
        self._missing: set[str] = set()
        self._unsure: dict[str, float] = {}
        self._kind = "dispatch"
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(6, 6, 6, 6)
        for key, label, kind, required in FIELDS:
            widget = self._make(key, kind)
            self.widgets[key] = widget
            self.labels[key] = QLabel(label)
            row = widget
            if required:
                box = QCheckBox("Để trống")
                box.setToolTip("Văn bản không có trường này: lưu với giá trị trống")
                box.setVisible(False)
                box.toggled.connect(lambda _on: self._refresh_marks())
                self.leave_empty[key] = box
                row = QWidget()
                line = QHBoxLayout(row)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(widget, 1)
                line.addWidget(box)
            form.addRow(self.labels[key], row)

    # ---- building -----------------------------------------------------------------------
    def _make(self, key: str, kind: str) -> QWidget:
        if kind in ("doc_type", "urgency"):
            widget = QComboBox()
            widget.setEditable(kind == "doc_type")
            widget.addItems(list(DOC_TYPES if kind == "doc_type" else URGENCIES))
            if kind == "urgency":
                widget.setItemText(0, "(thường)")
            self._watch(widget, key)
            if widget.lineEdit() is not None:
                self._watch(widget.lineEdit(), key)
            return widget
        if kind in ("text", "title_lines"):
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            lines = 3 if kind == "text" else 2
            widget.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)
            widget.textChanged.connect(self._refresh_marks)
            self._watch(widget, key)
            return widget
        if kind == "lines":
            editor = LineListEditor(4 if key == "recipients" else 5)
            editor.row_selected.connect(lambda row, k=key: self._list_row(k, row))
            editor.edited.connect(self._refresh_marks)
            self._watch(editor.list, key)
            return editor
        if kind == "references":
            refs = ReferenceEditor()
            refs.row_selected.connect(lambda row, k=key: self._list_row(k, row))
            self._watch(refs.table, key)
            return refs
        widget = QLineEdit()
        if kind == "number":
            widget.setValidator(QIntValidator(1, 9_999_999, widget))
        if kind == "date":
            widget.setToolTip("Ngày/tháng/năm, ví dụ 25/05/2018")
        widget.textChanged.connect(self._refresh_marks)
        self._watch(widget, key)
        return widget

    def _watch(self, widget: QWidget, key: str) -> None:
        widget.setProperty("field_key", key)
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            key = obj.property("field_key")
            if key:
                self.field_selected.emit(self._item_key(key))
        return False

    def _item_key(self, key: str) -> str:
        widget = self.widgets[key]
        row = -1
        if isinstance(widget, LineListEditor):
            row = widget.list.currentRow()
        elif isinstance(widget, ReferenceEditor):
            row = widget.table.currentRow()
        return f"{key}[{row}]" if row >= 0 else key

    def _list_row(self, key: str, row: int) -> None:
        self.field_selected.emit(f"{key}[{row}]" if row >= 0 else key)

    # ---- values -------------------------------------------------------------------------
    def load(self, d: Dispatch, kind: str = "dispatch") -> None:
        """Show `d`; fields it has no value for are marked as not read."""
        self._kind = kind
        self._unsure = {}
        w = self.widgets
        doc_type = w["doc_type"]
        doc_type.setCurrentText(d.doc_type or "Công văn")
        w["issuer.parent"].setText(d.issuer.parent or "")
        w["issuer"].setText(d.issuer.name or "")
        w["number"].setText(str(d.number) if d.number is not None else "")
        w["symbol"].setText(d.symbol or "")
        w["place"].setText(d.place or "")
        w["date"].setText(short_date(d.date))
        w["subject"].setPlainText(d.subject or "")
        urgency = w["urgency"]
        index = urgency.findText(d.urgency) if d.urgency else 0
        if index < 0:
            urgency.addItem(d.urgency)
            index = urgency.count() - 1
        urgency.setCurrentIndex(index)
        w["recipients"].set_lines(d.recipients)
        w["distribution"].set_lines(d.distribution)
        w["signer.title_lines"].setPlainText("\n".join(d.signer.title_lines))
        w["signer.name"].setText(d.signer.name or "")
        w["references"].set_references(d.references)
        self._missing = {key for key, *_ in FIELDS if self._required(key) and self._empty(key)}
        for box in self.leave_empty.values():
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self._refresh_marks()

    def clear(self) -> None:
        self.load(Dispatch())
        self._missing = set()
        self._refresh_marks()

    def mark_unsure(self, confidence: dict[str, float] | None) -> None:
        """Mark the fields OCR read with a confidence below LOW_CONFIDENCE (red, with the figure)."""
        from desktop.importing.limits import LOW_CONFIDENCE

        self._unsure = {key: value for name, value in (confidence or {}).items() if value < LOW_CONFIDENCE
                        for key in CONFIDENCE_FIELDS.get(name, ())}
        self._refresh_marks()

    def unsure(self) -> list[str]:
        """Keys of the fields marked as read by OCR with low confidence."""
        return [key for key, *_ in FIELDS if key in self._unsure]

    def dispatch(self, base: Dispatch) -> Dispatch:
        """`base` (its body is kept) with the form's values; FieldError for a bad value."""
        d = copy.deepcopy(base)
        w = self.widgets
        d.doc_type = w["doc_type"].currentText().strip() or "Công văn"
        d.issuer.parent = _text(w["issuer.parent"])
        d.issuer.name = _text(w["issuer"])
        number = _text(w["number"])
        if number is not None and not (number.isdigit() and int(number) > 0):
            raise FieldError("number", "Số văn bản phải là một số nguyên dương.")
        d.number = int(number) if number else None
        d.symbol = _text(w["symbol"])
        d.place = _text(w["place"])
        try:
            d.date = parse_dmy(w["date"].text(), "Ngày ban hành")
        except ValueError as exc:
            raise FieldError("date", str(exc)[:1].upper() + str(exc)[1:] + ".") from exc
        d.subject = " ".join(w["subject"].toPlainText().split()) or None
        d.urgency = w["urgency"].currentText() if w["urgency"].currentIndex() > 0 else None
        d.recipients = w["recipients"].lines()
        d.distribution = w["distribution"].lines()
        d.signer.title_lines = [ln.strip() for ln in w["signer.title_lines"].toPlainText().splitlines() if ln.strip()]
        d.signer.name = _text(w["signer.name"])
        try:
            d.references = w["references"].references()
        except ValueError as exc:
            raise FieldError("references", str(exc) + ".") from exc
        return d

    # ---- not-read marks -------------------------------------------------------------------
    def is_marked(self, key: str) -> bool:
        """True while the field is shown as "Chưa đọc được – cần nhập"."""
        return (key in self._missing and self._empty(key)
                and not (key in self.leave_empty and self.leave_empty[key].isChecked()))

    def unresolved(self) -> list[str]:
        """Keys of fields not read that are neither filled nor explicitly left empty."""
        return [key for key, *_ in FIELDS if self.is_marked(key)]

    def select_field(self, key: str) -> None:
        """Focus a field (its base key) and announce it, as a click on it would."""
        base = key.split("[", 1)[0]
        widget = self.widgets[base]
        target = {LineListEditor: lambda: widget.list, ReferenceEditor: lambda: widget.table}.get(
            type(widget), lambda: widget)()
        target.setFocus()
        self.field_selected.emit(key if "[" in key else self._item_key(base))

    def _required(self, key: str) -> bool:
        required = next(r for k, _l, _k, r in FIELDS if k == key)
        return required is True or (required == "dispatch" and self._kind == "dispatch")

    def _empty(self, key: str) -> bool:
        widget = self.widgets[key]
        if isinstance(widget, QLineEdit):
            return not widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return not widget.toPlainText().strip()
        if isinstance(widget, LineListEditor):
            return not widget.lines()
        return False

    def _refresh_marks(self) -> None:
        for key, box in self.leave_empty.items():
            missing_and_empty = key in self._missing and self._empty(key)
            box.setVisible(missing_and_empty)
            marked = self.is_marked(key)
            widget = self.widgets[key]
            target = widget.list if isinstance(widget, LineListEditor) else widget
            for w in (target, self.labels[key]):
                if bool(w.property("missing")) != marked:
                    w.setProperty("missing", marked)
                    w.style().unpolish(w)
                    w.style().polish(w)
            unsure = key in self._unsure and not marked
            for w in (target, self.labels[key]):
                if bool(w.property("unsure")) != unsure:
                    w.setProperty("unsure", unsure)
                    w.style().unpolish(w)
                    w.style().polish(w)
            tip = MISSING_TEXT + " (hoặc đánh dấu “Để trống”)" if marked else \
                UNSURE_TEXT.format(self._unsure[key]) if unsure else ""
            target.setToolTip(tip)
            self.labels[key].setToolTip(tip)
            if hasattr(target, "setPlaceholderText"):
                target.setPlaceholderText(MISSING_TEXT if marked else "(để trống)" if missing_and_empty else "")


def _text(widget: QLineEdit) -> str | None:
    return " ".join(widget.text().split()) or None
