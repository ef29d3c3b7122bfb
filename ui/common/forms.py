"""Small helpers every form shares: the colour of an error message, the error label under a field,
combo boxes filled from choices (`.id`, `.label`, optional `.detail`) with their data as the id, and a
dialog's Vietnamese OK / Hủy buttons."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QPushButton

ERROR_STYLE = "color: #b3261e;"  # one clear Vietnamese message next to its field, in this red


def error_label() -> QLabel:
    """A hidden, word-wrapped red label to put under a field; show it with the message."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setProperty("hide_when_empty", True)
    label.hide()
    return label


def edited_signal(widget):
    """The signal a form field emits when the clerk changes it (None for a widget without one)."""
    for name in ("textChanged", "currentIndexChanged", "valueChanged", "dateChanged", "toggled", "changed",
                 "itemChanged"):
        signal = getattr(widget, name, None)
        if signal is not None and hasattr(signal, "connect"):
            return signal
    return None


def clear_when_edited(label: QLabel, *widgets) -> None:
    """A message about these fields goes as soon as the clerk edits one of them."""
    def clear(*_args) -> None:
        label.clear()
        if label.property("hide_when_empty"):  # made by error_label: shown only with a message
            label.hide()

    for widget in widgets:
        signal = edited_signal(widget)
        if signal is not None:
            signal.connect(clear)


def fill_combo(combo: QComboBox, items, none_label: str | None = None) -> None:
    """Replace the entries with `items` ("label (detail)", data = id), after an optional "none" entry;
    no currentIndexChanged while filling."""
    combo.blockSignals(True)
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, None)
    for choice in items:
        text = f"{choice.label} ({choice.detail})" if choice.detail else choice.label
        combo.addItem(text, choice.id)
    combo.blockSignals(False)


def select_data(combo: QComboBox, value) -> None:
    """Select the entry whose data is `value` (the first entry when none is)."""
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def ok_cancel(dialog: QDialog, ok_text: str, on_ok, cancel_text: str = "Hủy") -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's button row: `ok_text` calls `on_ok()` (which accepts when it is done), `cancel_text` rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
