"""The office records its Tết break and a make-up Saturday; working-day deadlines follow."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from desktop.followup.calendar import load_calendar
from desktop.followup.calendar_service import calendar_year


def test_record_and_remove_office_days(qtbot, main_window, demo_ctx, monkeypatch):
    main_window.registered_actions["calendar"].trigger()
    dialog = main_window.last_calendar_dialog
    dialog.year.setValue(2027)
    assert any(e.name == "Tết Nguyên đán" and not e.office for e in dialog.entries)  # built in, lunar
    dialog.day.setDate(QDate(2027, 2, 13))  # a Saturday the office works to make up for Tết
    dialog.kind.setCurrentIndex(dialog.kind.findData("work"))
    dialog.name.setText("Làm việc bù cho ngày nghỉ Tết")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    made_up = [e for e in dialog.entries if e.day == date(2027, 2, 13)]
    assert made_up and not made_up[0].off and made_up[0].office
    with demo_ctx.session() as s:
        assert load_calendar(s).is_working_day(date(2027, 2, 13))
    dialog.name.clear()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Cần ghi tên ngày."
    row = next(i for i, e in enumerate(dialog.entries) if e.day == date(2027, 2, 13))
    dialog.table.selectRow(row)
    monkeypatch.setattr("ui.followup.calendar_dialog.confirm", lambda *a, **k: True)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert all(e.day != date(2027, 2, 13) for e in calendar_year(demo_ctx, 2027))
    with demo_ctx.session() as s:
        assert not load_calendar(s).is_working_day(date(2027, 2, 13))  # an ordinary Saturday again


def test_the_removal_asks_first_and_a_default_day_cannot_be_removed(qtbot, main_window, monkeypatch):
    main_window.registered_actions["calendar"].trigger()
    dialog = main_window.last_calendar_dialog
    dialog.year.setValue(2027)
    dialog.table.selectRow(0)  # Tết Dương lịch: built in
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "do cơ quan ghi" in dialog.error.text()
