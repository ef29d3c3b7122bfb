"""Date fields: typed as clerks write dates, impossible dates refused with a sentence under the
field (cleared as soon as it is fixed), and a calendar in Vietnamese."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableView

from ui.common.dates import DateField


def type_into(qtbot, field: DateField, text: str, enter: bool = True) -> None:
    field.line.selectAll()
    qtbot.keyClicks(field.line, text)
    if enter:
        qtbot.keyClick(field.line, Qt.Key.Key_Return)


@pytest.fixture
def field(qtbot):
    from ui.app import make_app

    make_app()
    widget = DateField(date(2026, 1, 15))
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize("typed, shown", [
    ("5/9", "05/09/2026"), ("05/09/2026", "05/09/2026"), ("5-9-26", "05/09/2026"), ("5.9.2027", "05/09/2027"),
    ("050926", "05/09/2026"), ("29/2/28", "29/02/2028"),
])
def test_typed_forms(qtbot, field, typed, shown):
    changed = []
    field.dateChanged.connect(changed.append)
    type_into(qtbot, field, typed)
    assert field.text() == shown and field.problem() is None and not field.message.isVisibleTo(field)
    assert changed == [field.date()] and field.date().toString("dd/MM/yyyy") == shown


def test_31_02_is_refused_with_a_message_that_goes_when_fixed(qtbot, field):
    changed = []
    field.dateChanged.connect(changed.append)
    type_into(qtbot, field, "31/02")
    assert field.message.isVisibleTo(field)
    assert field.message.text() == "Không có ngày 31/02/2026: tháng 2 năm 2026 chỉ có 28 ngày."
    assert field.date() == QDate(2026, 1, 15) and changed == []  # nothing taken, nothing moved to 03/03
    assert field.text() == "31/02"  # left as typed, to be fixed
    field.line.end(False)
    qtbot.keyClick(field.line, Qt.Key.Key_Backspace)
    qtbot.keyClick(field.line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.line, "03")
    assert not field.message.isVisibleTo(field)  # fixed: the sentence goes while typing
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert field.date() == QDate(2026, 3, 31) and changed == [QDate(2026, 3, 31)]


def test_unreadable_and_out_of_range(qtbot, field):
    type_into(qtbot, field, "abc")
    assert "Không đọc được ngày «abc»" in field.message.text()
    field.setMaximumDate(date(2026, 6, 30))
    type_into(qtbot, field, "1/7")
    assert field.message.text() == "Ngày không được sau 30/06/2026."
    field.setDate(QDate(2026, 2, 1))  # set by the program: the message goes
    assert not field.message.isVisibleTo(field) and field.text() == "01/02/2026"


def test_the_calendar_is_vietnamese_and_picks_a_day(qtbot, field):
    field.show_calendar()
    popup = field._popup
    assert popup.isVisible()
    calendar = popup.calendar
    assert calendar.locale().language() == QLocale.Language.Vietnamese
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert "9" in calendar.locale().monthName(9) and "háng" in calendar.locale().monthName(9)
    assert calendar.selectedDate() == QDate(2026, 1, 15)
    view = calendar.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not popup.isVisible() and field.date() == QDate(2026, 1, 16) and field.text() == "16/01/2026"


def test_a_dialog_does_not_accept_an_impossible_date(qtbot):
    from ui.app import make_app
    from ui.followup.chase import DeadlineDialog

    make_app()
    dialog = DeadlineDialog("Đôn đốc", default=date(2026, 1, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.deadline, "31/02", enter=False)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.result() == 0
    assert "Không có ngày 31/02/2026" in dialog.deadline.message.text()
    type_into(qtbot, dialog.deadline, "28/2", enter=False)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 1 and dialog.value() == date(2026, 2, 28)


def test_the_editor_date_refuses_31_02(qtbot, demo_ctx):
    from tests.ui.documents.helpers import trigger
    from ui.app import make_app
    from ui.documents.editor import open_editor

    make_app()
    editor = open_editor(demo_ctx)
    form = editor.form
    form.no_date.setChecked(False)
    before = form.date.date()
    type_into(qtbot, form.date, "31/02")
    assert "Không có ngày 31/02" in form.date.message.text() and form.date.date() == before
    trigger(editor, "save")
    assert editor.document_id is None and "ngày" in form.notice.text()
