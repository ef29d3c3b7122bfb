"""Adding and editing a movement through the real dialog; the list redraws from the change bus."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt


def test_add_a_movement_and_see_it_listed(qtbot, main_window):
    section = main_window.section("movements")
    before = section.model.rowCount()
    qtbot.mouseClick(section.add_new, Qt.MouseButton.LeftButton)
    dialog = section.last_editor
    dialog.name.setText("Chuyển đổi số trong cơ quan hành chính")  # keyClicks is ASCII-only
    dialog.start.setValue(2026)
    dialog.end.setValue(2030)
    dialog.monitor.setCurrentIndex(dialog.monitor.findText("Sở Thông tin và Truyền thông"))
    dialog.interim.setDate(QDate(2028, 6, 30))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is not None
    assert section.model.rowCount() == before + 1
    section.filter_box.setText("chuyen doi so")
    section._apply_filter()
    row = [section.model.data(section.model.index(0, c)) for c in range(4)]
    assert row[0] == "Chuyển đổi số trong cơ quan hành chính"
    assert row[1] == "2026 – 2030" and row[2] == "Sở Thông tin và Truyền thông"


def test_a_movement_needs_a_name_and_a_duplicate_is_refused(qtbot, main_window):
    section = main_window.section("movements")
    qtbot.mouseClick(section.add_new, Qt.MouseButton.LeftButton)
    dialog = section.last_editor
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Cần nhập tên phong trào." and dialog.saved_id is None
    qtbot.keyClicks(dialog.name, "D")
    assert dialog.error.text() == ""  # the message goes as soon as the name is typed
    dialog.name.setText("Doanh nghiệp Đắk Nông hội nhập và phát triển")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Đã có phong trào" in dialog.error.text() and dialog.saved_id is None


def test_edit_the_review_dates_of_a_movement(qtbot, main_window):
    section = main_window.section("movements")
    section.filter_box.setText("cai cach thu tuc")
    section._apply_filter()
    section.table.selectRow(0)
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    dialog = section.last_editor
    assert dialog.monitor.currentText() == "Sở Nội vụ"
    assert dialog.interim.date() == QDate(2019, 1, 31)
    dialog.final.setDate(QDate(2020, 12, 15))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert section.model.data(section.model.index(0, 5)) == "15/12/2020"
