"""Folder import from the import screen: a per-file report, saved as incoming by default."""
from __future__ import annotations

import shutil

import pytest

from desktop.core.dispatch import Dispatch
from tests.conftest import REPO, shared_path


@pytest.fixture
def folder(tmp_path):
    from desktop.letters.pdf import render_pdf

    src = tmp_path / "den"
    src.mkdir()
    shutil.copy(shared_path("seeds", "001_f7e0c988db89172b.txt"), src / "a-2457.txt")
    fixture = REPO / "tests" / "data" / "dispatches" / "cong_van_phong_trao.json"
    (src / "b-phong-trao.pdf").write_bytes(render_pdf(Dispatch.from_json(fixture.read_text(encoding="utf-8"))))
    (src / "c-hong.pdf").write_bytes(b"%PDF-1.4\n\x00\x01 not really a pdf \xff" * 50)
    return src


def _table(dialog) -> list[tuple[str, str, str]]:
    t = dialog.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_batch_import_reports_each_file_and_saves_as_incoming(qtbot, main_window, folder):
    incoming = main_window.section("incoming")
    before = incoming.model.rowCount()
    main_window.section("incoming").import_button.click()
    window = main_window._import_window
    qtbot.addWidget(window)
    dialog = window.open_folder(folder)
    qtbot.addWidget(dialog)
    assert dialog.save_choice.currentData() == "in"  # incoming by default
    assert dialog.table.rowCount() == 0 and dialog.folder_edit.text() == str(folder)  # waits for the clerk
    dialog.start_button.click()
    rows = _table(dialog)
    # the PDF is the same letter as the text file (2457/UBND-NC of 25/5/2018): reported, not stored twice
    assert [(name, status) for name, status, _ in rows] == [
        ("a-2457.txt", "đã nhập"), ("b-phong-trao.pdf", "đã có, không lưu"), ("c-hong.pdf", "lỗi")]
    assert rows[0][2].startswith("Đã lưu văn bản đến")
    assert rows[1][2].startswith("Văn bản này đã được vào sổ (cùng cơ quan ban hành, số, ký hiệu và ngày)")
    assert rows[2][2].startswith("Không đọc được tệp c-hong.pdf")
    assert dialog.outcome.count("imported") == 1 and not dialog.outcome.cancelled
    summary = dialog.summary.text()
    assert "đã nhập: 1" in summary and "đã có, không lưu: 1" in summary and "lỗi: 1" in summary
    qtbot.waitUntil(lambda: incoming.model.rowCount() == before + 1, timeout=3000)


def test_batch_can_only_read_without_saving(qtbot, main_window, folder):
    from ui.importing.batch_dialog import BatchDialog

    incoming = main_window.section("incoming")
    before = incoming.model.rowCount()
    dialog = BatchDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.save_choice.setCurrentIndex(dialog.save_choice.findData(None))
    dialog.start(folder)
    assert [s for _, s, _ in _table(dialog)] == ["đã nhập", "đã nhập", "lỗi"]
    assert all(r.document_id is None for r in dialog.outcome.reports)
    assert incoming.model.rowCount() == before
    dialog.table.cellDoubleClicked.emit(0, 0)  # opens the file in the import screen
    window = main_window._import_window
    qtbot.addWidget(window)
    assert window.ui.form.widgets["number"].text() == "2457"


def test_a_missing_folder_is_one_message(qtbot, main_window, tmp_path):
    from ui.importing.batch_dialog import BatchDialog

    dialog = BatchDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.start(tmp_path / "khong-co")
    assert dialog.summary.text().startswith("Không tìm thấy thư mục") and dialog.table.rowCount() == 0


def test_folder_import_writes_on_the_write_lane_and_lists_refresh_through_changed(qtbot, main_window, folder,
                                                                                  monkeypatch):
    """Each save of the folder import enters the write lane's entry point (workers inline, as the
    tests run them) and opens its write session there; the lists hear one changed(...), from the
    job runner, not from the dialog."""
    from desktop.core.changes import Changes
    from desktop.core.context import AppContext
    from ui.common import background
    from ui.common.change_bus import change_bus
    from ui.importing.batch_dialog import BatchDialog

    on_lane = {"depth": 0, "calls": 0}
    sessions: list[bool] = []  # for each write session opened: was it inside the lane?
    real_entry, real_write_session = background.on_write_lane, AppContext.write_session

    def entry(call):
        on_lane["calls"] += 1
        on_lane["depth"] += 1
        try:
            return real_entry(call)
        finally:
            on_lane["depth"] -= 1

    def write_session(self):
        sessions.append(on_lane["depth"] > 0)
        return real_write_session(self)

    monkeypatch.setattr(background, "on_write_lane", entry)
    monkeypatch.setattr(AppContext, "write_session", write_session)
    heard: list[Changes] = []
    change_bus().changed.connect(heard.append)
    incoming = main_window.section("incoming")
    before = incoming.model.rowCount()
    dialog = BatchDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.start(folder)
    change_bus().changed.disconnect(heard.append)
    # the PDF is the same letter as the text file: its save is tried on the lane and refused
    assert [s for _, s, _ in _table(dialog)] == ["đã nhập", "đã có, không lưu", "lỗi"]
    assert on_lane["calls"] == 2 and sessions == [True, True]  # two saves, both on the lane
    assert len(heard) == 1 and heard[0].incoming and heard[0].registers and not heard[0].outgoing
    assert heard[0] == dialog.outcome.changes
    qtbot.waitUntil(lambda: incoming.model.rowCount() == before + 1, timeout=3000)
