"""The import screen on scanned and signed PDFs: the page image beside the fields, what OCR read
framed on it, unsure fields marked, progress per page with Hủy, the first page shown early."""
from __future__ import annotations

import threading

import pytest

from tests.desktop.importing.scans import letter_pdf, scan_pages, scanned_letter, unnumbered, write_scan
from tests.desktop.importing.test_pdf_widgets import stamped_pdf


@pytest.fixture
def window(qtbot, main_window):
    main_window.section("incoming").import_button.click()
    win = main_window._import_window
    qtbot.addWidget(win)
    return win


@pytest.fixture(scope="module")
def three_pages(tmp_path_factory):
    images = scan_pages(letter_pdf(), noise=False, angle=0.0)
    return write_scan(tmp_path_factory.mktemp("scan") / "ba-trang.pdf", images * 3)


def test_a_scan_shows_its_page_image_with_what_ocr_read(window, tmp_path):
    window.open_file(scanned_letter(tmp_path / "quet.pdf", unnumbered(), scribble_at="Số:"))
    ui = window.ui
    assert "OCR" in ui.source_label.text() and ui.source_label.isVisible()
    assert ui.left_tabs.currentIndex() == 1 and ui.left_tabs.isTabEnabled(1)
    view = ui.page_view
    assert view.label.text() == "Trang 1/1" and "OCR" in view.legend.text()
    assert len(view.frames("ocr")) + len(view.frames("unsure")) > 60  # every word read is framed
    # the handwritten number: left empty and marked, never guessed
    assert ui.form.widgets["number"].text() == "" and "number" in ui.form.unresolved()
    assert ui.form.widgets["date"].text() == "21/10/2024"
    # focusing a field fills the frames of the words it was read from
    ui.form.select_field("date")
    filled = sorted(item.toolTip() for item in view.frames("field"))
    assert "21" in filled and "2024" in filled
    assert ui.source.textCursor().selectedText().startswith("Hòa Bình")


def test_fields_ocr_was_unsure_of_are_marked(window, tmp_path, monkeypatch):
    from desktop.importing import limits

    monkeypatch.setattr(limits, "LOW_CONFIDENCE", 0.999)  # everything OCR read counts as unsure
    window.open_file(scanned_letter(tmp_path / "quet.pdf"))
    form = window.ui.form
    assert {"number", "date", "subject", "issuer"} <= set(form.unsure())
    assert form.widgets["subject"].property("unsure") is True
    assert "độ tin cậy" in form.widgets["subject"].toolTip()
    assert "OCR chưa chắc chắn" in window.ui.banner.text.text() and window.ui.banner.kind == "warning"


def test_a_text_pdf_says_nothing_of_ocr(window, tmp_path):
    path = tmp_path / "cong-van.pdf"
    path.write_bytes(letter_pdf())
    window.open_file(path)
    ui = window.ui
    assert not ui.source_label.isVisible() and ui.left_tabs.currentIndex() == 0 and ui.left_tabs.isTabEnabled(1)
    assert ui.form.unsure() == [] and ui.page_view.frames("ocr") == []


def test_stamped_widgets_are_framed_and_said(window, tmp_path):
    window.open_file(stamped_pdf(tmp_path / "da-ky.pdf"))
    ui = window.ui
    assert "ô ký số" in ui.source_label.text()
    assert sorted(i.toolTip().split(" ")[0] for i in ui.page_view.frames("widget")) == ["21", "458"]
    assert ui.form.widgets["number"].text() == "458"


def test_progress_per_page_and_the_first_page_before_the_rest(window, three_pages, monkeypatch):
    seen = []
    original = window._progress

    def watch(generation, fraction, message):
        original(generation, fraction, message)
        ui = window.ui
        seen.append((message, ui.form.widgets["number"].text(), ui.form_scroll.isEnabled(), ui.save_in.isEnabled(),
                     ui.progress_box.isVisible()))

    monkeypatch.setattr(window, "_progress", watch)
    window.open_file(three_pages)
    pages = [s for s in seen if s[0].startswith("Đang nhận dạng")]
    assert [s[0] for s in pages] == [f"Đang nhận dạng chữ trang {i}/3…" for i in (1, 2, 3)]
    assert pages[0][1] == ""  # nothing yet while page 1 is read
    assert pages[1][1:] == ("317", False, False, True)  # page 1's fields shown while page 2 is read
    ui = window.ui
    assert ui.form_scroll.isEnabled() and ui.save_in.isEnabled() and not ui.progress_box.isVisible()
    assert ui.page_view.label.text() == "Trang 1/3"
    ui.page_view.next.click()
    assert ui.page_view.label.text() == "Trang 2/3"


def test_huy_stops_after_the_page_being_read_and_keeps_the_first(window, three_pages, monkeypatch):
    original = window._progress

    def click_cancel(generation, fraction, message):
        original(generation, fraction, message)
        if message.startswith("Đang nhận dạng chữ trang 2"):
            window.ui.cancel_button.click()

    monkeypatch.setattr(window, "_progress", click_cancel)
    window.open_file(three_pages)
    ui = window.ui
    assert ui.banner.kind == "warning" and "Đã dừng nhận dạng" in ui.banner.text.text()
    assert ui.form.widgets["number"].text() == "317" and ui.form_scroll.isEnabled()
    assert len(window.result.pages) == 1 and not window.result.complete
    assert not ui.progress_box.isVisible()


def test_ocr_runs_off_the_gui_thread(qtbot, window, tmp_path, monkeypatch):
    from ui.common.background import set_inline
    import ui.importing.window as module

    threads = []
    real = module.read_with_units

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "read_with_units", spy)
    path = write_scan(tmp_path / "hai-trang.pdf", scan_pages(letter_pdf(), noise=False, angle=0.0) * 2)
    set_inline(False)
    window.open_file(path)
    assert window.result is None or not window.result.complete  # the GUI is not held while OCR runs
    qtbot.waitUntil(lambda: window.ui.save_in.isEnabled(), timeout=120_000)
    assert threads == [False]
    assert window.result.complete and window.ui.form.widgets["number"].text() == "317"
