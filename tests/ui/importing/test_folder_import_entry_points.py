"""Folder import started from every place it can start, with real worker threads (not inline):
File ▸ Nhập cả thư mục… over each section (the follow-up board included), the import screen's
button, a folder dropped on the import screen; and the dialog closed while the job runs. The GUI
keeps working meanwhile (sections switch, the board groups, a letter preview draws its pages)."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.core.dispatch import Dispatch
from tests.conftest import REPO, shared_path

SECTIONS = ("outgoing", "incoming", "tasks", "units", "movements", "templates", "reports")


@pytest.fixture
def threads():
    from ui.common.background import set_inline, wait_for_all

    set_inline(False)
    yield
    wait_for_all()
    set_inline(True)


@pytest.fixture
def folder(tmp_path):
    from desktop.letters.pdf import render_pdf

    src = tmp_path / "thu muc den"
    src.mkdir()
    shutil.copy(shared_path("seeds", "001_f7e0c988db89172b.txt"), src / "a-2457.txt")
    shutil.copy(shared_path("seeds", "002_0ca1d96cab679b31.txt"), src / "b-seed.txt")
    for name in ("cong_van_phong_trao", "ke_hoach_thang_01"):
        fixture = REPO / "tests" / "data" / "dispatches" / f"{name}.json"
        (src / f"c-{name}.pdf").write_bytes(render_pdf(Dispatch.from_json(fixture.read_text(encoding="utf-8"))))
    (src / "d-hong.pdf").write_bytes(b"%PDF-1.4\n\x00 not a pdf \xff" * 40)
    return src


def _busy_gui(main_window) -> None:
    """What a clerk does while the import runs: other sections, the board grouped, a preview."""
    for key in SECTIONS:
        main_window.nav.setCurrentRow([s.key for s in main_window.specs].index(key))
        QApplication.processEvents()
    board = main_window.section("tasks")
    board.ui.group_combo.setCurrentIndex(board.ui.group_combo.findData("unit"))
    board.ui.group_combo.setCurrentIndex(0)


def _finish(qtbot, main_window, dialog, *, preview: bool = True) -> None:
    qtbot.addWidget(dialog)
    done = []
    dialog.finished_import.connect(done.append)
    dialog.start_button.click()
    if preview:
        from desktop.documents.convert import printable
        from ui.letters.preview import PreviewDialog

        with main_window.ctx.session() as s:
            from db.models import OutgoingDocument
            from sqlalchemy import select

            first = s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number.is_not(None)).limit(1))
        dispatch, settings = printable(main_window.ctx, first)
        shown = PreviewDialog(dispatch, main_window, settings=settings)
        qtbot.addWidget(shown)
        shown.show()
    _busy_gui(main_window)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    outcome = done[0]
    statuses = [(r.path.name, r.status) for r in outcome.reports]
    assert [name for name, _ in statuses] == ["a-2457.txt", "b-seed.txt", "c-cong_van_phong_trao.pdf",
                                              "c-ke_hoach_thang_01.pdf", "d-hong.pdf"]
    assert statuses[0][1] in ("imported", "duplicate") and statuses[-1][1] == "failed"
    # 2457/UBND-NC twice (the seed and the rendered fixture): the second is the same letter
    assert statuses[2][1] in ("imported", "duplicate") and {s for _, s in statuses[:4]} != {"failed"}
    assert dialog.table.rowCount() == 5 and dialog.start_button.isEnabled()


def _count(main_window, key: str) -> int:
    return main_window.section(key).model.rowCount()


@pytest.mark.parametrize("key", SECTIONS)
def test_from_the_file_menu_over_each_section(qtbot, main_window, folder, threads, key):
    from ui.importing.batch_dialog import BatchDialog

    main_window.nav.setCurrentRow([s.key for s in main_window.specs].index(key))
    before = _count(main_window, "incoming")
    tasks_before = _count(main_window, "tasks")
    main_window.registered_actions["import_folder"].trigger()
    dialog = main_window.findChildren(BatchDialog)[-1]
    dialog.folder_edit.setText(str(folder))
    _finish(qtbot, main_window, dialog)
    qtbot.waitUntil(lambda: _count(main_window, "incoming") >= before + 3, timeout=10_000)
    qtbot.waitUntil(lambda: _count(main_window, "tasks") > tasks_before, timeout=10_000)  # the board reloaded


def test_from_the_import_screen_button_and_by_dropping_a_folder(qtbot, main_window, folder, threads):
    from ui.importing.batch_dialog import BatchDialog

    main_window.section("incoming").import_button.click()
    window = main_window._import_window
    qtbot.addWidget(window)
    window.ui.folder_button.click()
    dialog = window.findChildren(BatchDialog)[-1]
    dialog.folder_edit.setText(str(folder))
    _finish(qtbot, main_window, dialog, preview=False)
    known = set(window.findChildren(BatchDialog))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(QPoint(40, 40), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(40, 40), Qt.DropAction.CopyAction, data,
                                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    (dropped,) = set(window.findChildren(BatchDialog)) - known
    assert dropped.folder_edit.text() == str(folder)
    dropped.save_choice.setCurrentIndex(dropped.save_choice.findData(None))  # the same files again: read only
    _finish(qtbot, main_window, dropped)


def test_closing_the_dialog_while_the_job_runs(qtbot, main_window, folder, threads):
    import shiboken6

    from ui.common.background import wait_for_all
    from ui.importing.batch_dialog import BatchDialog

    before = _count(main_window, "incoming")
    main_window.registered_actions["import_folder"].trigger()
    dialog = main_window.findChildren(BatchDialog)[-1]
    dialog.start(folder)
    dialog.close()  # deleted on close: the job's answer finds nobody, and nothing breaks
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=10_000)
    wait_for_all()
    # what was saved still reaches the lists
    qtbot.waitUntil(lambda: _count(main_window, "incoming") >= before + 3, timeout=10_000)
