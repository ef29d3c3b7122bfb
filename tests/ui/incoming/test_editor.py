"""Văn bản đến as records, through the widgets: type a letter (field errors next to their field),
the same letter again asks, correct an imported one, open its original, delete asks and is audited."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from sqlalchemy import func, select

from db.models import AuditEntry, IncomingDocument
from desktop.core.vocabulary import decree_date
from tests.conftest import guidance, guidance_cited


def fill(editor, **values) -> None:
    w = editor.ui.widgets
    for key, value in values.items():
        if isinstance(value, date):
            w[key].setDate(QDate(value.year, value.month, value.day))
        elif key in ("subject", "instructions"):
            w[key].setPlainText(value)
        else:
            w[key].setText(value)


def count(ctx) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count(IncomingDocument.id)))


LETTER = dict(issuer_name="Sở Xây dựng", number="77", symbol="SXD-VP", date=date(2026, 3, 25),
              subject="đăng ký thi đua năm 2026", handler="Nguyễn Thị Hà",
              instructions="Giao Ban TĐKT tổng hợp, báo cáo trước ngày 10/4/2026.")


def test_type_a_letter_then_the_same_letter_again_asks(qtbot, main_window, demo_ctx, monkeypatch):
    section = main_window.section("incoming")
    before = count(demo_ctx)
    editor = section.add_new()
    qtbot.addWidget(editor)
    qtbot.mouseClick(editor.ui.save, Qt.MouseButton.LeftButton)  # empty: two messages next to their fields
    assert editor.ui.errors["issuer_name"].isVisibleTo(editor) and editor.ui.errors["subject"].isVisibleTo(editor)
    assert count(demo_ctx) == before
    fill(editor, **LETTER)
    editor.ui.references.setPlainText(guidance_cited(demo_ctx))
    _id, number, on = guidance(demo_ctx)
    qtbot.mouseClick(editor.ui.save, Qt.MouseButton.LeftButton)
    assert count(demo_ctx) == before + 1 and editor.incoming_id is not None
    assert f"Trả lời Công văn số {number}/UBND-NC" in editor.ui.banner.text.text()
    assert editor.ui.links.text().startswith(f"Trả lời Công văn số {number}/UBND-NC {decree_date(on)} (Sở Xây dựng)")
    assert editor.ui.arrival.text().startswith("<b>")  # its arrival number
    qtbot.waitUntil(lambda: section.model.rowCount() == before + 1, timeout=3000)

    again = section.add_new()
    qtbot.addWidget(again)
    fill(again, **LETTER)
    asked = []
    monkeypatch.setattr("ui.incoming.editor.confirm", lambda parent, text, *a, **k: asked.append(text) or False)
    qtbot.mouseClick(again.ui.save, Qt.MouseButton.LeftButton)
    assert asked and "đã được vào sổ (cùng cơ quan ban hành, số, ký hiệu và ngày)" in asked[0]
    assert count(demo_ctx) == before + 1 and again.incoming_id is None


def test_correct_an_imported_letter_and_open_its_original(qtbot, main_window, demo_ctx, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from desktop.importing import read_dispatch
    from desktop.importing.save import save_import
    from tests.desktop.tracking.conftest import reply_letter

    path = tmp_path / "cong-an.txt"
    path.write_text(reply_letter(("UBND TỈNH ĐẮK NÔNG", "CÔNG AN TỈNH"), "512", "CAT-PV01",
                                 guidance_cited(demo_ctx), on=guidance(demo_ctx)[2] + timedelta(days=28)),
                   encoding="utf-8")
    outcome = save_import(demo_ctx, read_dispatch(path), "in")
    section = main_window.section("incoming")
    editor = section.open_editor(outcome.document_id)
    qtbot.addWidget(editor)
    assert editor.ui.widgets["number"].text() == "512" and editor.ui.file_label.text() == "cong-an.txt"
    fill(editor, symbol="CAT-PV01-TH", handler="Trần Văn Phúc")
    handle_by = date.today() + timedelta(days=15)
    editor.ui.widgets["handling_deadline"].setDate(handle_by)
    qtbot.mouseClick(editor.ui.save, Qt.MouseButton.LeftButton)
    with demo_ctx.session() as s:
        doc = s.get(IncomingDocument, outcome.document_id)
        assert (doc.symbol, doc.handler, doc.handling_deadline) == ("CAT-PV01-TH", "Trần Văn Phúc", handle_by)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.mouseClick(editor.ui.open_file, Qt.MouseButton.LeftButton)
    assert opened and opened[0].toLocalFile().endswith(".txt") and opened[0].toLocalFile() != str(path)


def test_delete_asks_with_what_goes_with_it_and_is_audited(qtbot, main_window, demo_ctx, monkeypatch):
    from desktop.incoming.inputs import IncomingInput
    from desktop.incoming.service import create_incoming

    saved, _ = create_incoming(demo_ctx, IncomingInput(
        issuer_name="Sở Xây dựng", number="77", symbol="SXD-VP", date=date(2026, 3, 25), subject="đăng ký thi đua",
        references=[]), "văn thư")
    section = main_window.section("incoming")
    qtbot.waitUntil(lambda: section.model.row_of(saved.id) >= 0, timeout=3000)
    section.table.selectRow(section.model.row_of(saved.id))
    asked = []
    monkeypatch.setattr("ui.incoming.section.confirm", lambda parent, text, *a, **k: asked.append(text) or False)
    section.delete_selected()
    assert asked and asked[0].startswith("Xóa văn bản đến số đến") and count(demo_ctx) > 0
    with demo_ctx.session() as s:
        assert s.get(IncomingDocument, saved.id) is not None  # "Hủy": nothing deleted
    monkeypatch.setattr("ui.incoming.section.confirm", lambda parent, text, *a, **k: asked.append(text) or True)
    section.delete_selected()
    with demo_ctx.session() as s:
        assert s.get(IncomingDocument, saved.id) is None
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "delete",
                                                   AuditEntry.entity == "incoming_document")).one()
        assert audit.entity_id == saved.id and audit.user == demo_ctx.user
    assert "77/SXD-VP" in asked[1]


def test_what_is_typed_survives_a_close_without_saving_until_the_letter_is_saved(qtbot, demo_ctx):
    from desktop.incoming.autosave import load_form
    from ui.app import make_app
    from ui.incoming.editor import IncomingEditor

    make_app()
    # GIVEN a clerk typing a paper letter's body by hand, then the window closed (a crash, a slip)
    editor = IncomingEditor(demo_ctx, None)
    qtbot.addWidget(editor)
    fill(editor, issuer_name="Sở Xây dựng", subject="đăng ký thi đua năm 2026")
    editor.ui.body.setPlainText("Thực hiện Kế hoạch số 12/KH-UBND, Sở Xây dựng đăng ký các danh hiệu sau…")
    assert editor.typed and editor.autosave_timer.isActive()
    editor.autosave_now()  # what the timer does 2 s after the last key
    assert load_form(demo_ctx, None)[0].body.startswith("Thực hiện Kế hoạch số 12/KH-UBND")
    editor.close()
    # WHEN the form of a new letter opens again, the typed text is offered back, not restored unasked
    again = IncomingEditor(demo_ctx, None)
    qtbot.addWidget(again)
    assert again.ui.body.toPlainText() == "" and again.restore_button.isVisibleTo(again)
    assert "bản đang nhập dở" in again.ui.banner.text.text()
    qtbot.mouseClick(again.restore_button, Qt.MouseButton.LeftButton)
    assert again.ui.body.toPlainText().startswith("Thực hiện Kế hoạch số 12/KH-UBND")
    assert again.ui.widgets["issuer_name"].text() == "Sở Xây dựng" and not again.restore_button.isVisibleTo(again)
    # THEN once saved, nothing is kept, and a new form opens clean
    qtbot.mouseClick(again.ui.save, Qt.MouseButton.LeftButton)
    assert again.incoming_id is not None and load_form(demo_ctx, None) is None
    third = IncomingEditor(demo_ctx, None)
    qtbot.addWidget(third)
    assert not third.restore_button.isVisibleTo(third) and not third.ui.banner.isVisibleTo(third)
