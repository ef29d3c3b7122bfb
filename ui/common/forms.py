"""Small helpers every form shares: the colour of an error message, the error label under a field,
and combo boxes filled from choices (`.id`, `.label`, optional `.detail`) with their data as the id."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

ERROR_STYLE = "color: #b3261e;"  # one clear Vietnamese message next to its field, in this red


def error_label() -> QLabel:
    """A hidden, word-wrapped red label to put under a field; show it with the message."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


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
