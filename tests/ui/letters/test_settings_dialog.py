"""The office adjusts the letter layout in Tệp ▸ Thể thức văn bản…; the printed page follows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import OutgoingDocument
from desktop.documents.convert import printable
from desktop.letters.office_settings import letter_overrides, save_letter_overrides
from desktop.letters.pdf import render_pdf
from tests.desktop.letters.pdftools import pages

MM = 72 / 25.4


def _left_edge_mm(ctx, tmp_path) -> float:
    with ctx.session() as s:
        doc_id = s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number == 2457))
    dispatch, settings = printable(ctx, doc_id)
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(render_pdf(dispatch, settings))
    body_words = [w for p in pages(pdf) for w in p.words if w.y0 > 60 * MM]  # below the header
    return min(w.x0 for w in body_words) / MM


def test_a_wider_left_margin_set_in_the_dialog_moves_the_printed_text(qtbot, main_window, demo_ctx, tmp_path):
    assert 29.5 < _left_edge_mm(demo_ctx, tmp_path) < 31  # the default 30 mm
    main_window.registered_actions["letter_settings"].trigger()
    dialog = main_window.last_settings_dialog
    spin = dialog.spins["margin_left_mm"]
    spin.setValue(40)  # beyond the decree's 35 mm: the box stops at the limit
    assert spin.value() == 35
    dialog.red_stamp.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert letter_overrides(demo_ctx) == {"margin_left_mm": 35.0, "stamp_color": "#d00000"}
    assert 34.5 < _left_edge_mm(demo_ctx, tmp_path) < 36


def test_the_service_refuses_values_outside_the_decree_and_writes_nothing(demo_ctx):
    with pytest.raises(ValueError, match="ngoài khoảng Nghị định 30"):
        save_letter_overrides(demo_ctx, {"body_size": 16}, "vt")
    with pytest.raises(ValueError, match="không có thông số"):
        save_letter_overrides(demo_ctx, {"font": "Arial"}, "vt")
    assert letter_overrides(demo_ctx) == {}


def test_defaults_button_brings_back_the_decree_defaults(qtbot, main_window, demo_ctx):
    save_letter_overrides(demo_ctx, {"body_size": 13.0}, "vt")
    main_window.registered_actions["letter_settings"].trigger()
    dialog = main_window.last_settings_dialog
    assert dialog.spins["body_size"].value() == 13.0
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert letter_overrides(demo_ctx) == {}
