"""Date fields: typed as a clerk writes dates, or picked from a calendar in Vietnamese.

`DateField` replaces QDateEdit in every form. It takes "5/9" (this field's year), "05/09/2026",
"5-9-26" and the other forms of `vocabulary.typed_date`, shows dd/mm/yyyy once the field is left,
and refuses an impossible date ("31/02") with one red sentence under the field, keeping the last
good date; the sentence goes as soon as the text reads as a date. The ▾ button (or Alt+↓, F4)
opens the calendar. It speaks QDateEdit's language where forms use it: `date()`/`setDate()` in
QDate (a Python date is accepted too), `dateChanged(QDate)`, `setMinimumDate`/`setMaximumDate`.

An optional date (`optional_date_edit`) may be left empty: `date()` is then an invalid QDate and
the placeholder says what empty means. `dates_ok(widget)` is what an OK button asks first.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.vocabulary import SHORT_DATE_QT, short_date, typed_date
from ui.common.forms import error_label

NO_DATE = QDate()  # what an optional field without a date answers
VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def _qdate(value) -> QDate:
    if isinstance(value, QDate):
        return value
    if isinstance(value, date):
        return QDate(value.year, value.month, value.day)
    return QDate()


class _CalendarPopup(QFrame):
    """The calendar under a field; picking a day (click or Enter) sets it, Esc closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setLocale(VIETNAMESE)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.hide()
        self.picked.emit(day)


class DateField(QWidget):
    dateChanged = Signal(QDate)  # noqa: N815 (QDateEdit's name, so forms connect the same way)

    def __init__(self, value=None, parent: QWidget | None = None, *, optional: str | None = None):
        super().__init__(parent)
        self._optional = optional  # the text an empty optional field stands for, or None
        self._value = _qdate(value if value is not None or optional is not None else date.today())
        self._min: QDate | None = None
        self._max: QDate | None = None
        self._popup: _CalendarPopup | None = None
        self.line = QLineEdit()
        self.line.setPlaceholderText(optional or "dd/mm/yyyy")
        self.line.setToolTip("Gõ ngày như 5/9, 05/09/2026 hoặc 5-9-26; Alt+↓ mở lịch.")
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip("Chọn ngày trên lịch")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.show_calendar)
        self.message = error_label()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.message)
        self.setFocusProxy(self.line)
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("00/00/00000") + 12)
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(self.commit)
        self._show_value()

    # ---- QDateEdit's API, as forms use it --------------------------------------------
    def date(self) -> QDate:
        """The date shown; while the text is being typed, the date it reads as (else the last good one)."""
        read, problem = self._read()
        return read if problem is None else self._value

    def setDate(self, value) -> None:  # noqa: N802
        self._set(_qdate(value))

    def setMinimumDate(self, value) -> None:  # noqa: N802
        self._min = _qdate(value)

    def setMaximumDate(self, value) -> None:  # noqa: N802
        self._max = _qdate(value)

    def text(self) -> str:
        return self.line.text()

    def displayFormat(self) -> str:  # noqa: N802 (QDateEdit's name): the form the field shows
        return SHORT_DATE_QT

    # ---- typing ------------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why the text is refused, or None."""
        return self._read()[1]

    def _read(self) -> tuple[QDate, str | None]:
        text = self.line.text().strip()
        if not text and self._optional is not None:
            return QDate(), None
        year = self._value.year() if self._value.isValid() else date.today().year
        try:
            value = typed_date(text, year)
        except ValueError as exc:
            return QDate(), str(exc)
        day = QDate(value.year, value.month, value.day)
        if self._min is not None and self._min.isValid() and day < self._min:
            return day, f"Ngày không được trước {short_date(self._min.toPython())}."
        if self._max is not None and self._max.isValid() and day > self._max:
            return day, f"Ngày không được sau {short_date(self._max.toPython())}."
        return day, None

    def _edited(self, _text: str) -> None:
        if self.message.isVisible() and self.problem() is None:
            self._say(None)  # fixed: the sentence goes at once

    def commit(self) -> bool:
        """Take the typed text (Enter, leaving the field): True when it reads as a date."""
        read, problem = self._read()
        if problem is not None:
            self._say(problem)
            return False
        self._set(read)
        return True

    def _set(self, value: QDate) -> None:
        changed = value != self._value
        self._value = value
        self._show_value()
        self._say(None)
        if changed:
            self.dateChanged.emit(value)

    def _show_value(self) -> None:
        self.line.setText(short_date(self._value.toPython()) if self._value.isValid() else "")

    def _say(self, problem: str | None) -> None:
        self.message.setText(problem or "")
        self.message.setVisible(bool(problem))
        self.line.setStyleSheet("QLineEdit { border: 1px solid #b3261e; }" if problem else "")

    # ---- the calendar ------------------------------------------------------------------
    def show_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._set)
        calendar = self._popup.calendar
        calendar.setMinimumDate(self._min if self._min is not None and self._min.isValid() else QDate(1900, 1, 1))
        calendar.setMaximumDate(self._max if self._max is not None and self._max.isValid() else QDate(2199, 12, 31))
        current = self.date()
        calendar.setSelectedDate(current if current.isValid() else QDate.currentDate())
        self._popup.adjustSize()
        self._popup.move(self.line.mapToGlobal(QPoint(0, self.line.height())))
        self._popup.show()
        calendar.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)


def dates_ok(widget: QWidget) -> bool:
    """Before an OK: every date field under `widget` reads as a date; the first that does not
    shows its sentence and takes the focus."""
    for field in widget.findChildren(DateField):
        if field.isEnabled() and not field.commit():
            field.line.setFocus()
            return False
    return True


def date_edit(value: date | None = None, parent: QWidget | None = None) -> DateField:
    """A date field showing `value` (today when None)."""
    return DateField(value, parent)


def picked_date(edit: DateField) -> date:
    return edit.date().toPython()


def optional_date_edit(empty_text: str, parent: QWidget | None = None) -> DateField:
    """A date field that may stay empty; its placeholder `empty_text` says what empty means."""
    return DateField(None, parent, optional=empty_text)


def set_optional_date(edit: DateField, value: date | None) -> None:
    edit.setDate(value)


def optional_date(value: QDate) -> date | None:
    """The date a QDate stands for, or None for "no date"."""
    return value.toPython() if value.isValid() else None


__all__ = ["DateField", "dates_ok", "date_edit", "picked_date", "optional_date_edit", "set_optional_date",
           "optional_date"]
