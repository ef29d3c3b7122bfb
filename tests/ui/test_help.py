"""Trợ giúp: the guide, the shortcuts generated from the registered actions, Thông tin."""
from __future__ import annotations

import unicodedata

from PySide6.QtGui import QKeySequence


def shortcut_rows(dialog) -> dict[str, dict[str, str]]:
    tree = dialog.tree
    groups = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        groups[group.text(0)] = {group.child(j).text(0): group.child(j).text(1) for j in range(group.childCount())}
    return groups


def test_the_help_menu_offers_the_guide_the_shortcuts_and_thong_tin(main_window):
    titles = [a.text() for a in main_window.help_actions()]
    assert titles == ["Hướng dẫn công việc hằng ngày", "Phím tắt", "Thông tin"]
    menus = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert menus[-1] == "Trợ giúp"


def test_the_shortcuts_come_from_the_registered_actions(qtbot, main_window):
    from ui.actions import _registry
    from ui.help.windows import show_shortcuts

    groups = shortcut_rows(show_shortcuts(main_window))
    assert groups["Menu Xem"]["Văn bản đi"] == "Ctrl+1" and groups["Menu Xem"]["Báo cáo"] == "Ctrl+7"
    assert groups["Menu Tệp"]["Nhập văn bản"] == "Ctrl+I" and groups["Menu Tệp"]["Thoát"] == "Ctrl+Q"
    assert groups["Cửa sổ soạn văn bản"]["Lưu"] == "Ctrl+S"
    assert groups["Văn bản đi"]["Soạn văn bản mới"] == "Ctrl+N"
    assert groups["Trong danh sách"]["Mở, xem chi tiết dòng đang chọn"] == "Enter"
    # every registered menu action with keys is listed, with the keys it is bound to
    for spec in _registry.values():
        if spec.shortcut:
            assert groups["Menu Tệp"][spec.title.rstrip("…")] == \
                QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def test_a_newly_registered_action_appears_in_the_list(qtbot, demo_ctx):
    from ui.actions import ActionSpec, _registry, register_action
    from ui.common.user_settings import user_settings
    from ui.help.windows import show_shortcuts
    from ui.main_window import MainWindow

    register_action(ActionSpec("test-backup", "file", "Sao lưu dữ liệu…", "", "Ctrl+Shift+B", 99, lambda w: None))
    try:
        window = MainWindow(demo_ctx, user_settings())
        qtbot.addWidget(window)
        groups = shortcut_rows(show_shortcuts(window))
        assert groups["Menu Tệp"]["Sao lưu dữ liệu"] == "Ctrl+Shift+B"
    finally:
        del _registry["test-backup"]


def test_the_guide_is_vietnamese_and_names_the_real_sections(main_window):
    from ui.help.windows import show_guide

    dialog = show_guide(main_window)
    text = dialog.text.toPlainText()
    assert unicodedata.normalize("NFC", text) == text
    for words in ("Văn bản đến", "Văn bản đi", "Nhiệm vụ", "Ban hành", "Ctrl+I", "Soạn công văn đôn đốc"):
        assert words in text
    titles = {spec.title for spec in main_window.specs}
    assert {"Văn bản đi", "Văn bản đến", "Nhiệm vụ", "Báo cáo"} <= titles
    assert show_guide(main_window) is dialog  # opening again brings the same window forward


def test_thong_tin_shows_the_version_and_the_user_data_folder(main_window):
    from desktop import __version__
    from desktop.core.paths import data_dir
    from ui.help.windows import show_about

    dialog = show_about(main_window)
    assert dialog.values["Thư mục dữ liệu"].text() == str(data_dir())
    assert dialog.values["Cơ sở dữ liệu đang dùng"].text() == str(main_window.ctx.db_path)
    labels = " ".join(label.text() for label in dialog.findChildren(type(dialog.values["Thư mục dữ liệu"])))
    assert f"phiên bản {__version__}" in labels
