"""Date editors: a plain one (the decree's short date form), and an optional date whose minimum stands for
"no date"."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from desktop.core.vocabulary import SHORT_DATE_QT

NO_DATE = QDate(1900, 1, 1)


def optional_date_edit(empty_text: str, parent: QWidget | None = None) -> QDateEdit:
    """A date edit (dd/mm/yyyy) with a calendar whose first value reads `empty_text` (no date)."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(SHORT_DATE_QT)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(empty_text)
    edit.setDate(NO_DATE)
    return edit


def date_edit(value: date, parent: QWidget | None = None) -> QDateEdit:
    """A date edit in the short date form with a calendar, showing `value`."""
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(SHORT_DATE_QT)
    return edit


def picked_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


def set_optional_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


def optional_date(value: QDate) -> date | None:
    """The date a QDate stands for, or None for "no date"."""
    return None if not value.isValid() or value == NO_DATE else value.toPython()
