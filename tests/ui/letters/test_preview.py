"""The print preview dialog on a fixture: pages shown, save PDF/DOCX, print, superseded renders."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.dispatch import Dispatch

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "dispatches"


def load(name: str) -> Dispatch:
    return Dispatch.from_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def inline():
    from ui.common import background

    background.set_inline(True)
    yield
    background.set_inline(False)


@pytest.fixture
def dialog(qtbot, inline):
    from ui.letters.preview import PreviewDialog

    dlg = PreviewDialog(load("cong_van_phong_trao"))
    qtbot.addWidget(dlg)
    dlg.resize(760, 900)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_dialog_shows_the_pages(dialog, qtbot, tmp_path):
    assert dialog.windowTitle() == "Xem trước bản in"
    assert dialog.preview.page_count() == 2
    assert dialog.preview.page_total.text() == "/ 2"
    assert dialog.save_pdf_button.isEnabled() and dialog.print_button.isEnabled()
    dialog.preview.go_to(1)
    assert dialog.preview.current_page() == 1 and dialog.preview.page_box.value() == 2
    assert not dialog.preview.next.isEnabled()
    dialog.preview.go_to(0)
    before = dialog.preview.zoom()
    dialog.preview.zoom_in_step()
    assert dialog.preview.zoom() > before
    dialog.preview.zoom_out_step()
    dialog.preview.zoom_out_step()
    assert dialog.preview.zoom() < before + 1e-6
    dialog.preview.fit_to_width()
    qtbot.wait(50)
    shot = tmp_path / "preview.png"
    assert dialog.grab().save(str(shot))
    assert shot.stat().st_size > 10_000
    image = dialog.preview.page_image(0, 40)
    assert image.pixelColor(2, 2).name() == "#ffffff"  # painted onto white


def test_save_pdf_and_docx(dialog, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from tests.desktop.letters.pdftools import text

    target = tmp_path / "ra"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.save_pdf_button.click()
    pdf = tmp_path / "ra.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert "Số: 2457/UBND-NC" in text(pdf)
    dialog.save_docx_button.click()
    assert (tmp_path / "ra.docx").read_bytes()[:2] == b"PK"


def test_print_paints_every_page(dialog, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from tests.desktop.letters.pdftools import pages

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.preview.print_to(printer) == 2
    assert len(pages(out)) == 2


def test_newer_request_supersedes_older(qtbot, inline):
    from ui.letters.preview import PreviewWidget

    widget = PreviewWidget()
    qtbot.addWidget(widget)
    shown = []
    widget.pagesReady.connect(shown.append)
    widget._generation = 5
    widget._show(3, b"stale")  # an older render finishing late is ignored
    assert shown == [] and widget.pdf_bytes() is None
    widget.set_dispatch(load("ke_hoach_thang_01"))
    assert shown == [1] and widget.pdf_bytes().startswith(b"%PDF")


def test_pages_are_drawn_near_the_view_and_scrolling_moves_the_page(dialog, qtbot):
    from desktop.bench.letters import three_page_dispatch

    preview = dialog.preview
    shown = []
    preview.pagesReady.connect(shown.append)
    preview.set_dispatch(three_page_dispatch())
    assert shown == [3] and preview.page_total.text() == "/ 3"
    view = preview.view
    assert view.widget().width() <= view.viewport().width()  # fit width: no sideways scrolling
    preview._set_zoom(3.0)
    preview.go_to(0)
    assert set(view._drawn) == {0}  # page 3 is far below: not drawn, no pixmap held
    assert not view._labels[0].pixmap().isNull() and view._labels[2].pixmap().isNull()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert preview.current_page() == 2 and preview.page_box.value() == 3 and not preview.next.isEnabled()
    assert 2 in view._drawn and 0 not in view._drawn and view._labels[0].pixmap().isNull()
    bar.setValue(view._labels[1].y())
    assert preview.current_page() == 1 and preview.previous.isEnabled() and preview.next.isEnabled()
    preview.fit_to_width()
    assert preview.zoom() < 1.0 and preview.current_page() == 1


def test_pages_show_the_letter_not_a_blank(dialog):
    image = dialog.preview.page_image(0, 72)
    assert abs(image.width() - 595) <= 1 and abs(image.height() - 842) <= 1  # A4 in points at 72 dpi
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, 200, 3)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 100  # the masthead's text is there


def test_a_broken_pdf_is_reported_not_shown(qtbot, inline):
    from ui.letters.preview import PreviewWidget

    widget = PreviewWidget()
    qtbot.addWidget(widget)
    failures = []
    widget.renderFailed.connect(failures.append)
    widget.set_pdf(b"%PDF-1.4 not really")
    assert len(failures) == 1 and "PDF" in failures[0]
    assert widget.status.text() == "Không dựng được trang" and widget.page_count() == 0
    assert widget.pdf_bytes() is None


def test_a_letter_to_three_hundred_units_previews(qtbot, inline):
    from tests.desktop.letters.test_long_lists import long_letter
    from ui.letters.preview import PreviewDialog

    dlg = PreviewDialog(long_letter())
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.preview.page_count() >= 10 and dlg.save_pdf_button.isEnabled()
