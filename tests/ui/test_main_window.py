"""The main window on the demo database: every section lists rows; the filter narrows them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

SECTIONS = {
    "outgoing": 164,
    "incoming": 7,  # three of them reply to the recent guidance, one more cites it from outside its recipients
    "tasks": 65,  # tasks given to a group are one per member unit (of the group on the dispatch's date)
    "units": 86,  # the post-2025 directory: merged departments and districts kept with their end date
    "movements": 4,
    "reports": 171,  # with the voided number of this year's register
    "templates": 5,
}


@pytest.mark.parametrize("key", list(SECTIONS))
def test_each_section_shows_rows_from_the_demo_database(main_window, key):
    section = main_window.section(key)
    assert section.model.rowCount() == SECTIONS[key]
    first = section.model.index(0, 0)
    assert section.model.data(first) not in (None, "", "…") or section.model.data(section.model.index(0, 1))
    assert section.count_label.text().startswith(str(SECTIONS[key]).replace(",", "."))


def test_the_navigation_lists_the_eight_sections_in_vietnamese(main_window):
    titles = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert titles == ["Văn bản đi", "Văn bản đến", "Nhiệm vụ", "Đơn vị nhận", "Phong trào thi đua",
                      "Mẫu văn bản", "Báo cáo", "Nhật ký"]


def test_the_filter_box_narrows_the_list_without_accents(qtbot, main_window):
    section = main_window.section("tasks")
    before = section.model.rowCount()
    qtbot.keyClicks(section.filter_box, "so noi vu")
    qtbot.waitUntil(lambda: section.model.rowCount() < before, timeout=3000)
    units = {section.model.data(section.model.index(r, 2)) for r in range(section.model.rowCount())}
    assert units == {"Sở Nội vụ"}
    section.filter_box.clear()
    qtbot.waitUntil(lambda: section.model.rowCount() == before, timeout=3000)


def test_the_named_filter_shows_only_overdue_tasks(qtbot, main_window):
    section = main_window.section("tasks")
    combo = section.ui.category_combo  # the follow-up board filters by official category
    combo.setCurrentIndex(combo.findText("Chưa hoàn thành, quá hạn"))
    labels = {section.model.data(section.model.index(r, 1)) for r in range(section.model.rowCount())}
    assert {"5.1", "5.2", "5.3", "5.4"} <= labels and "5.5" not in labels


def test_clicking_a_header_sorts(qtbot, main_window):
    section = main_window.section("units")
    name_col = 0
    section.table.sortByColumn(name_col, Qt.SortOrder.DescendingOrder)
    first = section.model.data(section.model.index(0, name_col))
    section.table.sortByColumn(name_col, Qt.SortOrder.AscendingOrder)
    assert section.model.data(section.model.index(0, name_col)) != first


def test_double_click_opens_the_detail_view(qtbot, main_window):
    section = main_window.section("outgoing")
    section.filter_box.setText("phong trao trong tam")
    section._apply_filter()
    assert section.model.rowCount() == 1
    rect = section.table.visualRect(section.model.index(0, 4))
    qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = section.last_detail
    assert dialog.isVisible()
    assert dialog.value_text("Số, ký hiệu") == "2457/UBND-NC"
    assert "Ban Thi đua - Khen thưởng Trung ương (b/c)" in dialog.value_text("Nơi nhận")
    dialog.close()


def test_keyboard_shortcuts_switch_sections(qtbot, main_window):
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert main_window.nav.currentRow() == 3


def test_window_geometry_and_section_are_remembered(qtbot, demo_ctx):
    from ui.common.user_settings import user_settings
    from ui.main_window import MainWindow

    first = MainWindow(demo_ctx, user_settings())
    qtbot.addWidget(first)
    first.show()
    first.resize(701, 503)  # the offscreen screen is 800 x 600
    first.section("movements")
    first.close()
    second = MainWindow(demo_ctx, user_settings())
    qtbot.addWidget(second)
    assert second.nav.currentRow() == 4
    assert (second.size().width(), second.size().height()) == (701, 503)


def test_a_change_on_the_bus_reloads_only_the_sections_that_show_it(qtbot, main_window):
    from desktop.core.changes import Changes
    from ui.common.change_bus import change_bus

    units = main_window.section("units")
    outgoing = main_window.section("outgoing")
    reloaded = []
    units.model.loaded.connect(lambda n: reloaded.append("units"))
    outgoing.model.loaded.connect(lambda n: reloaded.append("outgoing"))
    change_bus().changed.emit(Changes(units=True))
    assert reloaded == ["units"]


def test_screenshot_of_the_main_window(tmp_path, main_window):
    main_window.section("tasks")
    path = tmp_path / "main.png"
    assert main_window.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_outgoing_preview_shows_the_stored_dispatch_as_printed(qtbot, main_window):
    section = main_window.section("outgoing")
    section.filter_box.setText("phong trao trong tam")
    section._apply_filter()
    section.table.selectRow(0)
    qtbot.mouseClick(section.preview_button, Qt.MouseButton.LeftButton)
    dialog = section.last_preview
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 2, timeout=10_000)
    assert dialog.windowTitle().startswith("Xem trước")
    dialog.close()


def test_on_start_the_window_tells_what_is_overdue_whatever_section_is_open(qtbot, main_window):
    """The reminder runs when the window starts (not when Nhiệm vụ is first opened)."""
    assert main_window.nav.currentRow() == 0  # Văn bản đi, not the board
    assert main_window.notice.isVisible()
    assert "quá hạn" in main_window.notice_text.text()
    qtbot.mouseClick(main_window.notice_open, Qt.MouseButton.LeftButton)
    assert main_window.specs[main_window.nav.currentRow()].key == "tasks"
    assert not main_window.notice.isVisible()  # the board shows its own banner: not said twice


def test_the_reminder_speaks_again_only_on_a_new_day(qtbot, main_window):
    from datetime import date, timedelta

    from desktop.core.vocabulary import short_date

    reminder = main_window.started["followup-reminder"]
    reminder._day = None
    first = date.today() - timedelta(days=30)  # the demo's registration task is due on this day
    reminder.check(first)  # first check: everything overdue by then
    assert main_window.notice.isVisible()
    main_window.notice.hide()
    reminder.check(first)  # same day: nothing said again
    assert not main_window.notice.isVisible()
    reminder.check(first + timedelta(days=1))  # next day it runs: those tasks have become overdue
    assert main_window.notice.isVisible()
    from desktop.followup.task_query import TaskFilter, task_rows

    day = first + timedelta(days=1)
    due = task_rows(main_window.ctx, day, TaskFilter(due_from=first, due_to=first, overdue=True))
    assert len(due) > 1 and {t.item_label for t in due} == {"1"}  # item 1, one task per unit of its group
    overdue = len(task_rows(main_window.ctx, day, TaskFilter(overdue=True, existing_only=False)))
    assert f"{overdue} nhiệm vụ đã quá hạn ({len(due)} mới quá hạn từ {short_date(first)})" \
        in main_window.notice_text.text()
