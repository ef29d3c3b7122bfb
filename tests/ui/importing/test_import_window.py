"""The import screen on the demo database: open a seed, check and edit what was read, save it."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from tests.conftest import REPO, shared_path
from ui.importing.tasks import DEADLINE, INCLUDE, PHRASE, UNIT

SEED = ("seeds", "001_f7e0c988db89172b.txt")


@pytest.fixture
def window(qtbot, main_window):
    """The import screen opened as the clerk does it: the button in Văn bản đến."""
    section = main_window.section("incoming")
    section.import_button.click()
    win = main_window._import_window
    qtbot.addWidget(win)
    return win


def _rows(win) -> dict[str, list]:
    model = win.ui.tasks
    out: dict[str, list] = {}
    for r, row in enumerate(model.rows):
        out.setdefault(row.draft.item_label, []).append((model.unit_text(r), row.draft.deadline, row.draft.deadline_text))
    return out


def test_the_seed_is_read_into_the_form(window):
    window.open_file(shared_path(*SEED))
    form = window.ui.form.widgets
    assert form["number"].text() == "2457"
    assert form["symbol"].text() == "UBND-NC"
    assert form["date"].text() == "25/05/2018"
    assert form["issuer"].text() == "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG"
    assert form["recipients"].list.count() == 5
    assert form["signer.name"].text() == "Nguyễn Bốn"
    assert window.ui.form.unresolved() == []
    rows = _rows(window)
    assert rows["5.1"] == [("Văn phòng Điều phối nông thôn mới tỉnh", date(2018, 12, 31), "trong tháng 12/2018")]
    assert rows["5.2"] == [("Sở Kế hoạch và Đầu tư", date(2018, 9, 30), "trong Quý III/2018")]
    assert rows["5.3"] == [("Sở Lao động - Thương binh và Xã hội", date(2018, 9, 30), "trong Quý III/2018")]
    assert rows["5.4"] == [("Sở Nội vụ", date(2019, 1, 31), "trong tháng 01/2019")]
    assert window.ui.tabs.tabText(1) == f"Nhiệm vụ ({len(window.ui.tasks.rows)})"
    assert window.ui.save_in.isEnabled() and window.ui.save_out.isEnabled()


def test_selecting_a_field_highlights_it_in_the_source(window):
    window.open_file(shared_path(*SEED))
    window.ui.form.select_field("subject")
    cursor = window.ui.source.textCursor()
    selected = cursor.selectedText().replace("\u2029", " ")
    subject = window.ui.form.widgets["subject"].toPlainText()
    assert "V/v" in selected and subject.split()[-1] in selected and subject.split()[0] in selected
    start, end = window.result.spans["subject"]
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (start, end)
    # a list entry highlights its own line
    window.ui.form.widgets["recipients"].list.setCurrentRow(2)
    assert window.ui.source.textCursor().selectedText().startswith("- UBND các huyện")
    # a referenced document is found in the source by its number and symbol
    refs = window.ui.form.widgets["references"]
    refs.table.setCurrentCell(0, 1)
    assert refs.table.item(0, 1).text() == "2034"
    assert window.ui.source.textCursor().selectedText() == "2034/QĐ-UBND"
    # a task row highlights its item
    window.ui.task_view.selectRow(next(i for i, r in enumerate(window.ui.tasks.rows) if r.draft.item_label == "5.4"))
    assert window.ui.source.textCursor().selectedText().startswith("5.4. Sở Nội vụ")
    assert window.ui.task_text.toPlainText().startswith("Sở Nội vụ chủ động")


def test_edit_a_deadline_save_as_incoming_and_find_it_in_the_lists(qtbot, main_window, window):
    incoming = main_window.section("incoming")
    tasks = main_window.section("tasks")
    before_in, before_tasks = incoming.model.rowCount(), tasks.model.rowCount()
    window.open_file(shared_path(*SEED))
    model = window.ui.tasks
    row = next(i for i, r in enumerate(model.rows) if r.draft.item_label == "5.4")
    assert model.setData(model.index(row, DEADLINE), QDate(2019, 2, 15))
    assert model.setData(model.index(row, DEADLINE), "15/02/2019")  # typed form also accepted
    assert not model.setData(model.index(row, DEADLINE), "31/02/2019")  # not a date: refused
    window.ui.task_view.selectRow(row)
    window.ui.task_text.setPlainText("Sở Nội vụ sơ kết phong trào cải cách thủ tục hành chính")
    skipped = next(i for i, r in enumerate(model.rows) if r.draft.item_label == "3")
    model.setData(model.index(skipped, INCLUDE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    included = sum(r.include for r in model.rows)
    window.ui.form.widgets["subject"].setPlainText("Đẩy mạnh các phong trào thi đua trọng tâm (đã sửa)")

    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        window.ui.save_in.click()
    outcome = saved.args[0]
    assert outcome.direction == "in" and outcome.tasks == included
    assert window.ui.banner.kind == "success" and "Đã lưu văn bản đến" in window.ui.banner.text.text()
    assert not window.ui.save_in.isEnabled()  # not stored twice

    qtbot.waitUntil(lambda: incoming.model.rowCount() == before_in + 1, timeout=3000)
    subjects = [incoming.model.data(incoming.model.index(r, 5)) for r in range(incoming.model.rowCount())]
    assert "Đẩy mạnh các phong trào thi đua trọng tâm (đã sửa)" in subjects
    qtbot.waitUntil(lambda: tasks.model.rowCount() == before_tasks + included, timeout=3000)
    cols = {c.key: i for i, c in enumerate(tasks.model.columns)}
    found = [(tasks.model.data(tasks.model.index(r, cols["label"])), tasks.model.data(tasks.model.index(r, cols["deadline"])),
              tasks.model.data(tasks.model.index(r, cols["unit"])))
             for r in range(tasks.model.rowCount())]
    assert ("5.4", "15/02/2019", "Sở Nội vụ") in found
    title_col = cols["title"]
    assert "Sở Nội vụ sơ kết phong trào cải cách thủ tục hành chính" in {
        tasks.model.data(tasks.model.index(r, title_col)) for r in range(tasks.model.rowCount())}
    assert ("5.2", "30/09/2018", "Sở Kế hoạch và Đầu tư") in found


def test_a_unit_can_be_chosen_from_the_directory_or_typed(window):
    window.open_file(shared_path(*SEED))
    model = window.ui.tasks
    row = next(i for i, r in enumerate(model.rows) if r.draft.item_label == "4")
    model.setData(model.index(row, UNIT), "Sở Nội vụ")
    assert model.rows[row].draft.assignee_unit_id is not None and model.unit_text(row) == "Sở Nội vụ"
    model.setData(model.index(row, UNIT), "Tổ công tác đặc biệt")
    assert model.rows[row].draft.assignee_unit_id is None
    assert model.rows[row].draft.assignee_text == "Tổ công tác đặc biệt"


def test_typing_a_deadline_phrase_fills_the_date(window):
    window.open_file(shared_path(*SEED))
    model = window.ui.tasks
    row = next(i for i, r in enumerate(model.rows) if r.draft.item_label == "5.5")
    assert model.rows[row].draft.deadline is None
    model.setData(model.index(row, PHRASE), "trước ngày 15/3/2019")
    assert model.rows[row].draft.deadline == date(2019, 3, 15)
    assert model.data(model.index(row, DEADLINE)) == "15/03/2019"
    model.setData(model.index(row, PHRASE), "hằng quý")
    assert model.rows[row].draft.recurrence == "hằng quý"
    model.setData(model.index(row, PHRASE), "khi có yêu cầu")  # unreadable: the date stays as set
    assert model.rows[row].draft.deadline == date(2019, 3, 15)
    assert model.rows[row].draft.deadline_text == "khi có yêu cầu"


def test_a_rendered_pdf_is_imported_through_the_screen(qtbot, window, tmp_path):
    from desktop.core.dispatch import Dispatch
    from desktop.letters.pdf import render_pdf

    fixture = REPO / "tests" / "data" / "dispatches" / "cong_van_khan_so_noi_vu.json"
    d = Dispatch.from_json(fixture.read_text(encoding="utf-8"))
    pdf = tmp_path / "so-noi-vu.pdf"
    pdf.write_bytes(render_pdf(d))
    window.open_file(pdf)
    form = window.ui.form.widgets
    assert form["number"].text() == str(d.number)
    assert form["symbol"].text() == d.symbol
    assert form["issuer"].text() == d.issuer.name
    assert form["issuer.parent"].text() == d.issuer.parent
    assert form["date"].text() == d.date.strftime("%d/%m/%Y")
    assert form["urgency"].currentText() == d.urgency
    assert " ".join(form["subject"].toPlainText().split()) == d.subject
    assert window.ui.form.widgets["recipients"].lines() == d.recipients
    window.ui.form.select_field("number")
    assert str(d.number) in window.ui.source.textCursor().selectedText()
    with qtbot.waitSignal(window.saved, timeout=5000):
        window.save("in")
    assert window.last_outcome.direction == "in"


def test_a_bad_file_gives_one_clear_message_and_saves_nothing(qtbot, main_window, window, tmp_path):
    good = shared_path(*SEED)
    window.open_file(good)
    assert window.ui.save_in.isEnabled()
    junk = tmp_path / "hong.pdf"
    junk.write_bytes(b"\x00\x01binary junk\xff" * 200)
    incoming = main_window.section("incoming")
    before = incoming.model.rowCount()
    window.open_file(junk)
    banner = window.ui.banner
    assert banner.kind == "error"
    assert banner.text.text().startswith("Không đọc được tệp hong.pdf")
    assert "\n" not in banner.text.text() and "Traceback" not in banner.text.text()
    assert window.result is None and window.ui.source.toPlainText() == ""
    assert not window.ui.save_in.isEnabled() and not window.ui.save_out.isEnabled()
    window.save("in")  # even if called, nothing is stored
    assert incoming.model.rowCount() == before


def test_legacy_encoding_is_refused_with_its_message(window, tmp_path):
    legacy = tmp_path / "cu.txt"
    # TCVN3 bytes (a .VnTime file) read as Latin-1
    legacy.write_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nKÝnh göi: Së Néi vô\n"
                       .encode("latin-1"))
    window.open_file(legacy)
    assert window.ui.banner.kind == "error"
    assert "bảng mã cũ" in window.ui.banner.text.text()


def test_unread_fields_must_be_filled_or_left_empty_before_saving_as_outgoing(qtbot, demo_ctx, window, tmp_path):
    text = shared_path(*SEED).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.lstrip("* ").startswith("Số")]
    path = tmp_path / "khong-so.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    window.open_file(path)
    form = window.ui.form
    assert "number" in form.unresolved() and form.is_marked("number")
    assert form.widgets["number"].placeholderText() == "Chưa đọc được – cần nhập"
    window.save("out")
    assert window.ui.banner.kind == "error" and "Số" in window.ui.banner.text.text()
    assert window.last_outcome is None
    form.widgets["number"].setText("9001")
    for key in form.unresolved():
        form.leave_empty[key].setChecked(True)
    assert form.unresolved() == []
    with qtbot.waitSignal(window.saved, timeout=5000):
        window.save("out")
    assert window.last_outcome.direction == "out"


def test_a_duplicate_outgoing_number_is_one_clear_message(qtbot, window):
    window.open_file(shared_path(*SEED))
    window.save("out")
    if window.last_outcome is not None:  # the number was still free: the second save is the duplicate
        window.open_file(shared_path(*SEED))
        window.save("out")
    text = window.ui.banner.text.text()
    assert window.ui.banner.kind == "error"
    assert text.startswith("Không lưu được") and "2457" in text and "trùng" in text


def test_file_menu_has_the_import_actions(main_window):
    actions = main_window.registered_actions
    assert actions["import_file"].shortcut().toString() == "Ctrl+I"
    assert actions["import_folder"].text() == "Nhập cả thư mục…"
    actions["import_file"].trigger()
    assert main_window._import_window.isVisible()
    main_window._import_window.close()


def test_dropping_a_file_opens_it(window, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    def mime(path):
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(path))])
        return data

    picture = tmp_path / "anh.png"
    picture.write_bytes(b"\x89PNG")
    refused = mime(picture)
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, refused,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()

    data = mime(shared_path(*SEED))
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert window.ui.form.widgets["symbol"].text() == "UBND-NC"
