"""Per-user settings: QSettings in INI format in the user-data folder (never the Windows registry),
read and written only through keys the registry declares."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.paths import data_dir
from desktop.core.settings import UnknownSetting
from ui.common.user_settings import UserSettings, user_settings


def test_the_file_is_an_ini_in_the_data_folder_and_values_round_trip():
    settings = user_settings()
    assert settings.path == data_dir() / "ui.ini"
    assert Path(os.environ["TDKT_DATA_DIR"]) in settings.path.parents  # the test's own data folder
    assert settings.value("main/section") == 0 and settings.value("main/geometry") == b""  # defaults
    settings.set_value("main/section", 3)
    settings.set_value("main/geometry", b"\x01\x02geometry")
    settings.set_value("import/last_folder", "C:/Văn bản/đến")
    settings.sync()
    text = settings.path.read_text(encoding="utf-8")
    assert "[main]" in text and "section=3" in text and "[import]" in text
    again = UserSettings(settings.path)
    assert again.value("main/section") == 3
    assert again.value("main/geometry") == b"\x01\x02geometry"
    assert again.value("import/last_folder") == "C:/Văn bản/đến"


def test_unknown_keys_and_office_settings_fail_loudly():
    settings = user_settings()
    with pytest.raises(UnknownSetting):
        settings.value("main/geometri")
    with pytest.raises(UnknownSetting, match="office store"):
        settings.value("followup/soon_days")  # lives in the database, for the whole office
    with pytest.raises(UnknownSetting):
        settings.set_value("nope/x", 1)
    with pytest.raises(ValueError, match="phải là số nguyên"):
        settings.set_value("main/section", "3")


def test_nonsense_in_the_file_reads_as_the_default():
    path = data_dir() / "ui.ini"
    path.write_text("[main]\nsection=abc\n", encoding="utf-8")
    assert UserSettings(path).value("main/section") == 0


def test_the_main_window_remembers_its_splitter(qtbot, demo_ctx):
    from ui.main_window import MainWindow

    first = MainWindow(demo_ctx, user_settings())
    qtbot.addWidget(first)
    first.show()
    first.resize(701, 503)  # the offscreen screen is 800 x 600
    first.splitter.setSizes([300, 400])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(demo_ctx, user_settings())
    qtbot.addWidget(second)
    second.show()
    assert second.splitter.sizes() == sizes


def test_the_import_window_starts_in_the_last_folder_next_time(qtbot, demo_ctx, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ui.importing.window import ImportWindow

    letter = tmp_path / "đến" / "cv.txt"
    letter.parent.mkdir()
    letter.write_text("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG\nSố: 12/UBND-NC\nV/v thử\n", encoding="utf-8")
    first = ImportWindow(demo_ctx)
    qtbot.addWidget(first)
    first.open_file(letter)
    first.close()
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: asked.append(a[2]) or ("", "")))
    second = ImportWindow(demo_ctx)
    qtbot.addWidget(second)
    second.choose_file()
    assert asked == [str(letter.parent)]
