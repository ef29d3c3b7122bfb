"""A read-only detail view: label/value pairs in a form (editing comes with each feature)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from ui.common.window_size import fit_window


class DetailDialog(QDialog):
    def __init__(self, title: str, fields: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_window(self, "detail", 760, 620)
        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QWidget] = {}
        for label, value in fields:
            if "\n" in value or len(value) > 160:
                widget: QWidget = QPlainTextEdit(value)
                widget.setReadOnly(True)
                widget.setMinimumHeight(min(260, 28 + 20 * min(value.count("\n") + 1 + len(value) // 90, 12)))
            else:
                widget = QLabel(value or "—")
                widget.setWordWrap(True)
                widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"<b>{label}</b>", widget)
            self.values[label] = widget
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)

    def value_text(self, label: str) -> str:
        widget = self.values[label]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
