"""Vietnamese everywhere: vi_VN locale, Qt's own strings from resources/translations/qtbase_vi.ts."""
from __future__ import annotations

import os
import re
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (QApplication, QColorDialog, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox,
                               QPlainTextEdit, QTextEdit)

from tests.conftest import REPO

TS = REPO / "resources" / "translations" / "qtbase_vi.ts"


def messages():
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


@pytest.fixture
def app(qapp):
    from ui.app import make_app

    return make_app()


def test_every_message_has_a_finished_nfc_translation_keeping_its_placeholders():
    count = 0
    for context, message in messages():
        source, translation = message.findtext("source"), message.find("translation")
        text = translation.text or ""
        assert text and translation.get("type") is None, (context, source)
        assert unicodedata.normalize("NFC", text) == text, (context, source)
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), (context, source)
        assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&"), (context, source)
        count += 1
    assert count > 300


def test_the_ts_compiles_with_lrelease_and_loads(tmp_path):
    from ui.common.language import compile_ts

    qm = compile_ts(TS, tmp_path / "qtbase_vi.qm")
    assert qm is not None and qm.stat().st_size > 10_000
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("QLineEdit", "&Copy") == "&Sao chép"
    assert translator.translate("QPlatformTheme", "Cancel") == "Hủy"


def test_the_shipped_qm_wins_unless_older_than_the_ts_then_the_cache_is_rebuilt(tmp_path):
    from ui.common.language import compiled

    shipped, cache = tmp_path / "shipped", tmp_path / "cache"
    shipped.mkdir()
    ts = shipped / "qtbase_vi.ts"
    ts.write_bytes(TS.read_bytes())
    # no .qm beside the program: compiled into the cache
    first = compiled("qtbase_vi", shipped, cache)
    assert first == cache / "qtbase_vi.qm" and first.exists()
    # the .ts changes (newer than the cache): compiled again
    os.utime(first, (1_000_000, 1_000_000))
    assert compiled("qtbase_vi", shipped, cache) == first and first.stat().st_mtime > 1_000_000
    # the bundle's .qm, made after the .ts, is used as it is
    (shipped / "qtbase_vi.qm").write_bytes(first.read_bytes())
    assert compiled("qtbase_vi", shipped, cache) == shipped / "qtbase_vi.qm"
    os.utime(shipped / "qtbase_vi.qm", (1_000_000, 1_000_000))  # older than its .ts: not trusted
    assert compiled("qtbase_vi", shipped, cache) == first


def test_the_context_menus_of_text_fields_speak_vietnamese(app):
    for widget in (QLineEdit("công văn"), QTextEdit("công văn"), QPlainTextEdit("công văn")):
        menu = widget.createStandardContextMenu()
        texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
        assert {"Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"} <= set(texts), texts
        menu.deleteLater()


def test_standard_buttons_and_message_boxes_speak_vietnamese(app):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Discard)
    assert {b.text() for b in buttons.buttons()} == {"Đồng ý", "Hủy", "Lưu", "Không lưu"}
    box = QMessageBox(QMessageBox.Icon.Question, "Xác nhận", "Xóa?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert {b.text().replace("&", "") for b in box.buttons()} == {"Có", "Không"}


def test_the_locale_is_vietnamese(app):
    locale = QLocale()
    assert locale.name() == "vi_VN"
    assert locale.toString(1234567) == "1.234.567" and locale.toString(2.5, "f", 1) == "2,5"
    assert locale.standaloneMonthName(1).lower() == "tháng 1"


def test_numbers_in_the_program_use_vietnamese_separators():
    from desktop.core.vocabulary import vi_number

    assert (vi_number(100000), vi_number(1234.5, 1), vi_number(7)) == ("100.000", "1.234,5", "7")


def test_native_dialogs_are_not_switched_off(app):
    """On Windows the file and print dialogs stay native (they speak the system's language)."""
    assert not QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


class _Recorder(QTranslator):
    """Installed last (asked first): notes every string Qt asks for, then lets the real translation answer."""

    def __init__(self):
        super().__init__()
        self.asked: set[tuple[str, str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source, disambiguation or ""))
        return None

    def isEmpty(self):
        return False


def test_every_string_of_the_qt_drawn_dialogs_is_translated(app, tmp_path):
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter

    from ui.common.language import compiled

    real = QTranslator()
    assert real.load(str(compiled("qtbase_vi")))
    recorder = _Recorder()
    QApplication.installTranslator(recorder)
    try:
        for widget in (QLineEdit("x"), QTextEdit("x")):
            widget.createStandardContextMenu().deleteLater()
        QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                    | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Save
                    | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Close)
        (tmp_path / "công văn.pdf").write_bytes(b"%PDF")
        dialogs = []
        for mode, accept in ((QFileDialog.FileMode.ExistingFile, QFileDialog.AcceptMode.AcceptOpen),
                             (QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave),
                             (QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen)):
            dialog = QFileDialog(None, "Chọn tệp", str(tmp_path), "PDF (*.pdf)")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setFileMode(mode)
            dialog.setAcceptMode(accept)
            dialogs.append(dialog)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialogs += [QPrintDialog(printer), QPageSetupDialog(printer), QColorDialog()]
        dialogs[-1].setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        for dialog in dialogs:
            dialog.show()
            QApplication.processEvents()
            dialog.close()
    finally:
        QApplication.removeTranslator(recorder)
    missing = sorted((c, s) for c, s, d in recorder.asked
                     if not real.translate(c, s, d or None) and not _needs_no_words(c, s))
    assert len(recorder.asked) > 100
    assert not missing, missing


def _needs_no_words(context: str, source: str) -> bool:
    """Numbers, units, the international page-size names and empty strings stay as they are."""
    if not source:
        return True
    if context == "QPageSize":
        return not source.startswith(("Custom", "Envelope", "Postcard", "Double"))
    if context in ("QShortcut", "QProgressBar"):
        return True
    return bool(re.fullmatch(r"%\d%|\.\.\.|mm|pt|in|P̸|DD|CC|\d+ \(\d+x\d+\)|Alt\+\w+", source))
