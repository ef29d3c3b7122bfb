"""Ctrl+K on the demo office: the search window finds across kinds, groups the hits, and Enter or a
double-click opens the item where its list would (Ctrl+F stays the list's filter)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.documents.helpers import type_text


def open_search(qtbot, main_window):
    if main_window.isActiveWindow() or main_window.search_window is None:
        qtbot.keyClick(main_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    else:  # offscreen, no window is active again once a dialog closed: the action Ctrl+K triggers
        assert main_window.search_action.shortcut().toString() == "Ctrl+K"
        main_window.search_action.trigger()
    window = main_window.search_window
    assert window is not None and window.isVisible()
    return window


def search(qtbot, window, text: str) -> list[str]:
    """Type `text` (replacing what is there) and wait for the hits; the groups' titles."""
    window.box.clear()
    type_text(window.box, text)
    qtbot.waitUntil(lambda: window.answered == text, timeout=5000)
    return [window.results.topLevelItem(i).text(0) for i in range(window.results.topLevelItemCount())]


def test_ctrl_k_finds_a_dispatch_by_number_and_enter_opens_it(qtbot, main_window):
    window = open_search(qtbot, main_window)
    assert window.box.hasFocus() or window.box.placeholderText()
    groups = search(qtbot, window, "2457/UBND")
    assert groups == ["Văn bản đi (1)"]
    current = window.results.currentItem()
    assert current.text(0).startswith("2457/UBND-NC — đẩy mạnh tổ chức các phong trào thi đua")
    assert "Đã ban hành" in current.text(1)
    qtbot.keyClick(window.box, Qt.Key.Key_Return)
    # THEN the window steps aside and Văn bản đi shows the issued letter's detail, as Enter on its row does
    assert not window.isVisible()
    section = main_window.section("outgoing")
    assert main_window.stack.currentWidget() is section
    assert section.last_detail.isVisible() and section.last_detail.value_text("Số, ký hiệu") == "2457/UBND-NC"
    section.last_detail.close()


def test_hits_are_grouped_by_kind_and_the_arrows_move_among_them(qtbot, main_window):
    window = open_search(qtbot, main_window)
    # "phát thanh truyền hình": two units by name, and two letters whose Nơi nhận names the station
    groups = search(qtbot, window, "phát thanh truyền hình")
    assert groups == ["Đơn vị (2)", "Văn bản đi (2)"]
    assert window.results.currentItem().text(0) == "Báo và Phát thanh, Truyền hình tỉnh"
    for _ in range(2):  # ↓ twice: past the second unit and the group's title, onto the first letter
        qtbot.keyClick(window.box, Qt.Key.Key_Down)
    assert window.current_key()[0] == "outgoing"
    assert window.context.text() == "Nơi nhận: Đài Phát thanh và Truyền hình tỉnh"  # why it was found
    qtbot.keyClick(window.box, Qt.Key.Key_Up)
    assert window.current_key() == ("unit", window.hits[1].id)
    # a double-click on the unit opens its form in Đơn vị nhận
    item = window.results.currentItem()
    rect = window.results.visualItemRect(item)
    qtbot.mouseClick(window.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    directory = main_window.section("units")
    assert directory.last_dialog is not None and directory.last_dialog.isVisible()
    directory.last_dialog.close()


def test_a_task_opens_in_its_progress_dialog_and_the_window_keeps_its_search(qtbot, main_window):
    from ui.followup.progress_dialog import ProgressDialog

    window = open_search(qtbot, main_window)
    groups = search(qtbot, window, "kien toan bo may")  # without accents: the task, one per member unit
    assert groups[0].startswith("Nhiệm vụ (") and window.current_key()[0] == "task"
    qtbot.keyClick(window.box, Qt.Key.Key_Return)
    board = main_window.section("tasks")
    assert isinstance(board.last_dialog, ProgressDialog) and board.last_dialog.isVisible()
    board.last_dialog.close()
    # Ctrl+K again: the same window, its search still there and selected to type over
    again = open_search(qtbot, main_window)
    assert again is window and window.box.text() == "kien toan bo may" and window.box.selectedText() == window.box.text()


def test_nothing_found_and_too_short_say_so_and_esc_closes(qtbot, main_window):
    window = open_search(qtbot, main_window)
    assert search(qtbot, window, "xyzzy quux") == []
    assert window.status.text().startswith("Không tìm thấy")
    window.box.clear()
    type_text(window.box, "a")
    qtbot.waitUntil(lambda: "ít nhất" in window.status.text(), timeout=3000)
    qtbot.keyClick(window.box, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_ctrl_f_stays_the_list_filter(qtbot, main_window):
    section = main_window.section("outgoing")
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert section.filter_box.hasFocus() or main_window.focusWidget() is section.filter_box
    assert main_window.search_window is None  # Ctrl+F never opens the search window
