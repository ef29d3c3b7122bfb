"""The follow-up board driven through its real widgets on the demo database."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.followup.board import dispatch_choices


@pytest.fixture
def board(main_window):
    section = main_window.section("tasks")
    return section


def outgoing_2457(ctx) -> int:
    return next(i for i, label in dispatch_choices(ctx) if label.startswith("2457/UBND-NC"))


def rows_by_label(board) -> dict[str, int]:
    m = board.model
    return {m.data(m.index(r, 1)): r for r in range(m.rowCount()) if m.data(m.index(r, 0)) == "2457/UBND-NC"}


def select_rows(board, rows: list[int]) -> None:
    selection = board.ui.table.selectionModel()
    selection.clearSelection()
    for r in rows:
        selection.select(board.model.index(r, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def overdue_now(ctx, **filters) -> int:
    """Open tasks past their deadline today (a group's task counts once per member unit)."""
    from desktop.followup.task_query import TaskFilter, task_rows

    return len(task_rows(ctx, date.today(), TaskFilter(overdue=True, **filters)))


def counts(board) -> dict[str, str]:
    return {k: label.text() for k, label in board.dashboard.category_values.items()}


def test_propose_confirm_mark_done_and_dashboard_changes(qtbot, board, demo_ctx):
    before = counts(board)
    overdue = overdue_now(demo_ctx)
    # the demo's recent guidance has one task done on time and one done late (dated relative to today)
    assert before["open_overdue"] == str(overdue) and before["done_late"] == "1" and before["done_on_time"] == "1"
    # GIVEN the dialog on 2457/UBND-NC
    qtbot.mouseClick(board.ui.propose_button, Qt.MouseButton.LeftButton)
    dialog = board.last_dialog
    dialog.select_dispatch(outgoing_2457(demo_ctx))
    units = {"5.1": "Văn phòng Điều phối nông thôn mới tỉnh", "5.2": "Sở Kế hoạch và Đầu tư",
             "5.3": "Sở Lao động - Thương binh và Xã hội", "5.4": "Sở Nội vụ", "5.5": "Ban Thi đua - Khen thưởng tỉnh"}
    deadlines = {"5.1": "31/12/2018", "5.2": "30/09/2018", "5.3": "30/09/2018", "5.4": "31/01/2019", "5.5": ""}
    for label, unit in units.items():
        row = dialog.row_of(label)
        assert dialog.table.cellWidget(row, 2).currentText() == unit
        assert dialog.table.item(row, 3).text() == deadlines[label]
        assert dialog.table.item(row, 7).text() == "đã lưu"
    # WHEN the clerk replaces the stored tasks with items 5.1-5.5 only, correcting 5.5's deadline
    for row in range(dialog.table.rowCount()):
        dialog.set_included(row, dialog.proposals[row].item_label in units)
    dialog.table.item(dialog.row_of("5.5"), 3).setText("31/12/2018")
    dialog.replace_box.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # THEN the board lists them (5.5 now overdue too)
    assert not dialog.isVisible()
    rows = rows_by_label(board)
    assert sorted(rows) == ["5.1", "5.2", "5.3", "5.4", "5.5"]
    assert counts(board)["open_overdue"] == str(overdue + 1)
    # WHEN 5.2 is marked done with the report 356/BC-SKHĐT linked
    select_rows(board, [rows["5.2"]])
    qtbot.mouseClick(board.ui.progress_button, Qt.MouseButton.LeftButton)
    progress = board.last_dialog
    index = progress.reply_combo.findText("356/BC-SKHĐT", Qt.MatchFlag.MatchContains)
    assert index > 0
    progress.reply_combo.setCurrentIndex(index)
    assert progress.reply_box.isChecked() and progress.reply_date.date().toString("dd/MM/yyyy") == "20/11/2018"
    progress.done_box.setChecked(True)
    progress.done_date.setDate(progress.reply_date.date())
    progress.notes.setPlainText("Đã nhận báo cáo sơ kết.")
    qtbot.mouseClick(progress.save_button, Qt.MouseButton.LeftButton)
    # THEN the dashboard counts change: one fewer overdue, one done late
    after = counts(board)
    assert after["open_overdue"] == str(overdue) and after["done_late"] == "2"
    row = rows_by_label(board)["5.2"]
    assert board.model.data(board.model.index(row, 4)) == "Hoàn thành quá hạn"
    assert board.model.data(board.model.index(row, 4), Qt.ItemDataRole.BackgroundRole) is None
    # 5.2 done late; item 5 of 1607 (given to its group in 2021) still overdue. The chart draws the
    # twelve units with most overdue tasks; the dashboard's data has every unit.
    by_unit = {u.unit: [u.counts[k] for k in ("done_on_time", "done_late", "open_in_time", "open_overdue")]
               for u in board.dashboard.data.by_unit}
    assert by_unit["Sở Kế hoạch và Đầu tư"] == [0, 1, 0, 1]
    assert dict(board.dashboard.chart.rows) == {u.unit: by_unit[u.unit] for u in board.dashboard.data.by_unit[:12]}


def test_chasing_letter_for_two_overdue_units(qtbot, board, demo_ctx, tmp_path):
    from desktop.letters.pdf import render_pdf
    from tests.desktop.letters.pdftools import text as pdf_text

    rows = rows_by_label(board)
    overdue = board.model.data(board.model.index(rows["5.1"], 0), Qt.ItemDataRole.BackgroundRole)
    assert overdue is not None and overdue.color().name() == "#f8d7da"
    select_rows(board, [rows["5.1"], rows["5.4"]])
    with qtbot.waitSignal(board.chasing_drafted, timeout=3000) as signal:
        board.chase_selected(new_deadline=date(2026, 12, 15))
    editor = board.chaser.last_editor  # the draft opens in the dispatch editor
    assert editor is not None and editor.document_id == signal.args[0] == board.chaser.last_outgoing_id
    assert [line.text for line in editor.form.recipients.lines()] == [
        "Văn phòng Điều phối nông thôn mới tỉnh", "Sở Nội vụ"]
    qtbot.waitUntil(lambda: editor.preview.page_count() > 0, timeout=10_000)
    from desktop.documents.convert import printable

    dispatch, settings = printable(demo_ctx, editor.document_id)
    assert dispatch.recipients == ["Văn phòng Điều phối nông thôn mới tỉnh", "Sở Nội vụ"]
    body = " ".join(p.text for p in dispatch.body)
    assert "mục 5.1" in body and "mục 5.4" in body and "mục 5.2" not in body
    assert "2457/UBND-NC ngày 25 tháng 5 năm 2018" in dispatch.subject
    pdf = tmp_path / "chase.pdf"
    pdf.write_bytes(render_pdf(dispatch, settings))
    words = " ".join(pdf_text(pdf).split())
    assert "Văn phòng Điều phối nông thôn mới tỉnh" in words and "Sở Nội vụ" in words
    assert "tham mưu sơ kết phong trào cải cách thủ tục hành chính (mục 5.4, hạn 31/01/2019)" in words
    editor.close()
    # the board shows the chase count
    rows = rows_by_label(board)
    chased_col = [c.key for c in board.model.columns].index("chased")
    assert [board.model.data(board.model.index(rows[k], chased_col)) for k in ("5.1", "5.4", "5.2")] == ["1", "1", "0"]


def test_filters_grouping_and_notice_banner(qtbot, board, demo_ctx):
    overdue = overdue_now(demo_ctx)
    assert board.ui.banner.isVisible() and f"{overdue} nhiệm vụ đã quá hạn" in board.ui.banner_text.text()
    assert "đến hạn trong 7 ngày tới" in board.ui.banner_text.text()  # the demo is dated relative to today
    # the banner counts what the board shows: "Xem" lists exactly those tasks
    board.ui.banner_show.click()
    qtbot.waitUntil(lambda: board.count_label.text() == f"{overdue} nhiệm vụ", timeout=5000)
    assert board.model.rowCount() == len(board.last_notice.overdue) == overdue
    board.ui.category_combo.setCurrentIndex(0)
    # a day later nothing new became overdue: the banner says only what falls due soon
    board.check_notices(date.today() + timedelta(days=1))
    assert board.last_notice.became_overdue == [] and board.last_notice.due_soon
    assert "quá hạn" not in board.ui.banner_text.text() and "đến hạn" in board.ui.banner_text.text()
    board.check_notices(date.today() + timedelta(days=2))
    board._show_notice(replace(board.last_notice, due_soon=[]))  # nothing new and nothing due: it hides
    assert not board.ui.banner.isVisible()
    ui = board.ui
    ui.unit_combo.setCurrentIndex(ui.unit_combo.findText("Sở Nội vụ"))
    # items 5.4 of 2457, 6 of 1607 and 3 of the recent guidance name it; item 5 of 1607 and 1 of the
    # guidance went to its group
    assert board.model.rowCount() == 5
    ui.category_combo.setCurrentIndex(ui.category_combo.findData("open_overdue"))
    mine = overdue_now(demo_ctx, unit_id=ui.unit_combo.currentData())
    assert mine == 3 and board.model.rowCount() == mine  # 5.4, 1607's 5 and the guidance's 1 (3 is not due) and board.count_label.text() == f"{mine} nhiệm vụ"
    ui.unit_combo.setCurrentIndex(0)
    ui.group_combo.setCurrentIndex(ui.group_combo.findData("document"))
    assert ui.stack.currentIndex() == 1
    tree = board.tree_model
    groups = [tree.data(tree.index(i, 0)) for i in range(tree.rowCount())]
    assert any(g.startswith("2457/UBND-NC") for g in groups) and len(groups) == 3
    first = tree.index(0, 0, tree.index(0, 0))
    ui.tree.selectionModel().select(first, QItemSelectionModel.SelectionFlag.Select
                                    | QItemSelectionModel.SelectionFlag.Rows)
    assert len(board.selected_ids()) == 1
    ui.due_box.setChecked(True)
    ui.due_from.setDate(ui.due_from.date().fromString("01/01/2019", "dd/MM/yyyy"))
    ui.due_to.setDate(ui.due_to.date().fromString("31/12/2021", "dd/MM/yyyy"))
    assert sorted(set(tree_labels(board))) == ["5", "5.4"]


def tree_labels(board) -> list[str]:
    """The Mục of every task under every group (each group opened: the view opens only the first)."""
    tree = board.tree_model
    labels = []
    for i in range(tree.rowCount()):
        group = tree.index(i, 0)
        if tree.canFetchMore(group):
            tree.fetchMore(group)
        labels += [tree.data(tree.index(j, 1, group)) for j in range(tree.rowCount(group))]
    return labels


def test_the_grouped_view_reads_a_group_when_it_opens(qtbot, board, demo_ctx, monkeypatch):
    """Lazy like the lists: the groups come with their counts; a closed group's tasks are not read."""
    from desktop.core.text import vi_sort_key
    from desktop.followup.task_query import TaskFilter, task_rows

    monkeypatch.setattr("ui.followup.grouped.SCREENFUL", 2)  # the demo's first groups would fill no screen
    asked: list[tuple] = []
    original = board.browser.group_ids
    board.browser.group_ids = lambda key, text="": asked.append(key) or original(key, text)
    ui, tree = board.ui, board.tree_model
    ui.group_combo.setCurrentIndex(ui.group_combo.findData("unit"))
    groups = tree.groups
    titles = [g.title for g in groups]
    assert titles == sorted(titles, key=vi_sort_key)  # units in Vietnamese order
    assert sum(g.count for g in groups) == board.model.rowCount()  # the same tasks as the flat list
    noi_vu = titles.index("Sở Nội vụ")
    noi_vu_key = groups[noi_vu].key
    rows = task_rows(demo_ctx, date.today(), TaskFilter(unit_id=noi_vu_key[1]))
    late = sum(r.overdue for r in rows)
    assert groups[noi_vu].summary == f"{len(rows)} nhiệm vụ, {late} quá hạn" and 0 < late < len(rows)
    # GIVEN the first groups open (about a screenful), the others closed and unread
    opened = [g.key for g in groups if ui.tree.isExpanded(tree.group_index(g.key))]
    assert asked == opened and 0 < len(opened) < noi_vu and noi_vu_key not in asked
    # WHEN the clerk opens Sở Nội vụ
    index = tree.index(noi_vu, 0)
    ui.tree.expand(index)
    if tree.canFetchMore(index):  # offscreen the view may lay itself out later
        tree.fetchMore(index)
    # THEN its tasks are read, by deadline, red when overdue as in the list
    assert asked[-1] == noi_vu_key and tree.rowCount(index) == len(rows)
    shown = {(tree.data(tree.index(r, 0, index)), tree.data(tree.index(r, 1, index))): r for r in range(len(rows))}
    for row in rows:
        red = tree.data(tree.index(shown[(row.document, row.item_label)], 3, index), Qt.ItemDataRole.BackgroundRole)
        assert (red is not None) == (row.overdue or row.due_soon), row.item_label
    # and the open groups stay open when the filters change
    ui.category_combo.setCurrentIndex(ui.category_combo.findData("open_overdue"))
    assert ui.tree.isExpanded(tree.group_index(noi_vu_key))
    assert tree.rowCount(tree.group_index(noi_vu_key)) == late


def test_propose_from_seed_001_and_confirm(qtbot, board, demo_ctx):
    """Seed 001 read by the importer at test time, stored as a draft, proposed and confirmed."""
    from desktop.documents.inputs import DraftInput
    from desktop.documents.service import create_draft
    from tests.conftest import shared_path
    from tests.desktop.followup.test_tasks_service import seed_001_body

    body = seed_001_body(shared_path)
    outgoing_id, _ = create_draft(demo_ctx, DraftInput(subject="phong trào thi đua (seed 001)", body=body,
                                                       date=date(2018, 5, 25)), "x")
    dialog = board.open_propose(outgoing_id)
    assert dialog.dispatch_combo.currentData() == outgoing_id
    wanted = {"5.1", "5.2", "5.3", "5.4", "5.5"}
    for row in range(dialog.table.rowCount()):
        dialog.set_included(row, dialog.proposals[row].item_label in wanted)
    assert dialog.table.cellWidget(dialog.row_of("5.2"), 2).currentText() == "Sở Kế hoạch và Đầu tư"
    assert dialog.table.item(dialog.row_of("5.4"), 3).text() == "31/01/2019"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    ui = board.ui
    index = ui.dispatch_combo.findData(outgoing_id)
    assert index > 0  # the dispatch now has tasks: it is offered as a filter
    ui.dispatch_combo.setCurrentIndex(index)
    m = board.model
    assert sorted(m.data(m.index(r, 1)) for r in range(m.rowCount())) == sorted(wanted)
    overdue = [m.data(m.index(r, 1)) for r in range(m.rowCount())
               if m.data(m.index(r, 4)) == "Chưa hoàn thành, quá hạn"]
    assert sorted(overdue) == ["5.1", "5.2", "5.3", "5.4"]


def add_task_by_hand(qtbot, board, title: str, days_ahead: int) -> None:
    """Thêm nhiệm vụ: for Sở Nội vụ, from the incoming 2012/HD-BTĐKT, due `days_ahead` days from today."""
    qtbot.mouseClick(board.ui.add_button, Qt.MouseButton.LeftButton)
    dialog = board.last_dialog
    dialog.title.setText(title)
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("Sở Nội vụ"))
    dialog.incoming_combo.setCurrentIndex(dialog.incoming_combo.findText("2012/HD-BTĐKT", Qt.MatchFlag.MatchContains))
    due = date.today() + timedelta(days=days_ahead)
    dialog.deadline.setDate(dialog.deadline.date().fromString(f"{due:%d/%m/%Y}", "dd/MM/yyyy"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_add_a_task_from_an_incoming_document_by_hand(qtbot, board):
    before = board.model.rowCount()
    amber_before = sum(1 for r in range(before) if board.model.tone(r) == "soon")
    add_task_by_hand(qtbot, board, "Triển khai hướng dẫn công tác thi đua năm 2027", 3)
    assert board.model.rowCount() == before + 1
    m = board.model
    [row] = [r for r in range(m.rowCount()) if m.data(m.index(r, 0)) == "đến: 2012/HD-BTĐKT"]
    assert m.data(m.index(row, 2)) == "Sở Nội vụ"
    amber = [r for r in range(m.rowCount()) if board.model.tone(r) == "soon"]
    assert len(amber) == amber_before + 1 and row in amber
    assert m.data(m.index(row, 0), Qt.ItemDataRole.BackgroundRole).color().name() == "#fff3cd"


def test_row_colours_come_from_category_codes_not_label_text(board):
    from desktop.followup.categories import CATEGORY_LABELS
    from ui.followup.board_model import row_tone

    today = date(2024, 3, 10)
    assert row_tone("open_overdue", date(2024, 3, 1), today) == "overdue"
    assert row_tone("open_in_time", date(2024, 3, 17), today) == "soon"
    assert row_tone("open_in_time", date(2024, 3, 18), today) is None
    assert row_tone(CATEGORY_LABELS["open_overdue"], date(2024, 3, 1), today) is None  # a label decides nothing
    m = board.model
    category = [c.key for c in m.columns].index("category")
    tones = {}
    for r in range(m.rowCount()):
        code = m.values(r)[category]
        assert m.data(m.index(r, category)) == (CATEGORY_LABELS[code] if code else "Đã hủy")
        tones[r] = (code, m.tone(r))
    overdue = [r for r, (code, tone) in tones.items() if tone == "overdue"]
    assert overdue and all(tones[r][0] == "open_overdue" for r in overdue)
    assert all(tone == "overdue" for code, tone in tones.values() if code == "open_overdue")


def test_amber_rows_and_the_dashboard_follow_the_office_reminder_window(qtbot, main_window, demo_ctx):
    from desktop.core.settings.office_store import save_office_value
    from ui.common.change_bus import change_bus

    board = main_window.section("tasks")
    add_task_by_hand(qtbot, board, "Báo cáo sơ kết phong trào", 20)
    m = board.model
    [row] = [r for r in range(m.rowCount()) if m.data(m.index(r, 0)) == "đến: 2012/HD-BTĐKT"]
    assert m.tone(row) is None  # 20 days ahead: outside the default 7 days
    assert "7 ngày" in board.dashboard.soon_label.text()
    change_bus().changed.emit(save_office_value(demo_ctx, "followup/soon_days", 30, "vt"))
    assert m.tone(row) == "soon"
    assert m.data(m.index(row, 0), Qt.ItemDataRole.BackgroundRole).color().name() == "#fff3cd"
    assert "30 ngày" in board.dashboard.soon_label.text()
    assert "Báo cáo sơ kết phong trào" in [r.title for r in board.dashboard.data.due_soon]
