"""The import screen refuses a file beyond the limits with one clear message and saves nothing."""
from __future__ import annotations

from tests.desktop.importing.test_limits import many_pages_pdf, zip_bomb
from tests.ui.importing.test_import_window import window  # noqa: F401  (the fixture)


def test_a_zip_bomb_and_a_long_pdf_get_the_message_and_nothing_is_saved(qtbot, main_window, window, tmp_path):  # noqa: F811
    incoming = main_window.section("incoming")
    before = incoming.model.rowCount()
    window.open_file(zip_bomb(tmp_path / "bom.docx", 150))
    banner = window.ui.banner
    assert banner.kind == "error" and banner.text.text().startswith("Tệp quá lớn: «bom.docx» khi giải nén nặng 150 MB")
    assert window.result is None and not window.ui.save_in.isEnabled()
    window.open_file(many_pages_pdf(tmp_path / "day.pdf", 600))
    assert banner.text.text().startswith("Tệp có quá nhiều trang: «day.pdf» có 600 trang, giới hạn là 500 trang.")
    window.save("in")
    assert incoming.model.rowCount() == before
