"""Phản hồi of the demo's registration guidance (built as of 30/11/2026: 19/UBND-NC of 16/09/2026), driven through its widgets: counts and filters,
bulk actions with undo, the chasing letter to exactly the units that have not answered, a reply
imported through the import screen lowering the count, a letter from outside left to the clerk."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from datetime import timedelta

from desktop.core.vocabulary import short_date
from desktop.tracking.query import dispatch_tracking
from tests.conftest import DEMO_TODAY, guidance, guidance_cited
from tests.desktop.tracking.conftest import reply_letter


@pytest.fixture
def demo_ctx(fixed_demo_ctx):
    """The demo as of DEMO_TODAY: its guidance's dates are named below."""
    return fixed_demo_ctx


def id_812(ctx) -> int:
    return guidance(ctx)[0]


@pytest.fixture
def response(qtbot, main_window, demo_ctx):
    from ui.tracking.actions import open_selected

    section = main_window.section("outgoing")
    section.filter_box.setText("huong dan dang ky thi dua nam 2026")
    section._apply_filter()
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=3000)
    section.table.selectRow(0)
    window = open_selected(section)  # the "Phản hồi" button of Văn bản đi
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.tracking is not None, timeout=3000)
    assert window.outgoing_id == id_812(demo_ctx)
    return window


def shown(window) -> list[tuple[str, str]]:
    m = window.ui.model
    return [(m.data(m.index(r, 0)), m.data(m.index(r, 6))) for r in range(m.rowCount())]


def test_units_times_status_with_counts_and_filters(response, demo_ctx):
    tracking = dispatch_tracking(demo_ctx, response.outgoing_id)
    _id, number, on = guidance(demo_ctx)
    assert response.windowTitle() == f"Phản hồi – Công văn số {number}/UBND-NC ngày {short_date(on)}"
    assert len(shown(response)) == len(tracking.rows) == response.ui.model.rowCount()
    counts = response.ui.counts.text()
    assert f"<b>{tracking.count('units')}</b> đơn vị chờ trả lời: <b>3</b> đã trả lời" in counts
    assert dict(shown(response))["Sở Y tế"] == "Đã trả lời đúng hạn"
    assert dict(shown(response))["Sở Tài chính"] == "Đã trả lời quá hạn"
    combo = response.ui.filter_combo
    combo.setCurrentIndex(combo.findData("pending"))
    assert {status for _, status in shown(response)} == {"Quá hạn, chưa trả lời"}  # the deadline has passed
    assert len(shown(response)) == sum(r.pending for r in tracking.rows)
    combo.setCurrentIndex(combo.findData("late"))
    assert "Sở Tài chính" in dict(shown(response)) and "Sở Y tế" not in dict(shown(response))
    response.ui.search.setText("so tai")
    assert [unit for unit, _ in shown(response)] == ["Sở Tài chính"]
    # the overdue rows are red (from the status code)
    combo.setCurrentIndex(combo.findData("pending"))
    response.ui.search.clear()
    brush = response.ui.model.data(response.ui.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == "#f8d7da"
    # a letter that cites it from a unit that was not a recipient waits for the clerk
    assert response.ui.citations_box.isVisibleTo(response)
    written = short_date(DEMO_TODAY - timedelta(days=50))
    assert response.ui.citations.item(0).text() == f"Công văn số 118/BĐN-TS ngày {written} của Báo Đắk Nông"


def test_bulk_actions_on_a_selection_and_undo(qtbot, response, demo_ctx):
    waiting = [r.unit for r in response.tracking.rows if r.acknowledged_at is None][:2]
    response.select_units(*waiting)
    qtbot.mouseClick(response.ui.received_button, Qt.MouseButton.LeftButton)
    rows = {r.unit: r for r in dispatch_tracking(demo_ctx, response.outgoing_id).rows}
    assert all(rows[u].acknowledged_at.date() == date.today() for u in waiting)
    assert response.ui.banner.text.text() == "Đã nhận được: 2 đơn vị."
    assert response.ui.undo_button.isVisibleTo(response)
    received = response.ui.model.index(0, 4)
    assert response.ui.model.data(received) != ""  # the window shows it (reloaded from the change bus)
    qtbot.mouseClick(response.ui.undo_button, Qt.MouseButton.LeftButton)
    rows = {r.unit: r for r in dispatch_tracking(demo_ctx, response.outgoing_id).rows}
    assert all(rows[u].acknowledged_at is None for u in waiting)
    assert response.ui.banner.text.text() == "Đã hoàn tác thao tác vừa làm."
    # "đã gửi qua trục liên thông hôm nay" is the button; other channels are in its menu
    response.select_units("Sở Tư pháp")
    response.ui.sent_actions["sent_email"].trigger()
    row = next(r for r in dispatch_tracking(demo_ctx, response.outgoing_id).rows if r.unit == "Sở Tư pháp")
    assert row.channel == "email" and row.sent_at.date() == date.today()
    response.select_units()
    qtbot.mouseClick(response.ui.sent_button, Qt.MouseButton.LeftButton)
    assert response.ui.banner.kind == "warning"  # nothing selected: nothing written


def test_chasing_letter_to_exactly_the_units_that_have_not_answered(qtbot, response, demo_ctx):
    pending = [r.unit for r in response.tracking.pending_units]
    assert "Sở Y tế" not in pending and len(pending) > 10
    assert response.ui.chase_button.text() == f"Soạn công văn đôn đốc ({len(pending)} đơn vị chưa trả lời)"
    with qtbot.waitSignal(response.chaser.drafted, timeout=5000) as signal:
        response.chase(new_deadline=date(2026, 12, 15))
    editor = response.chaser.last_editor  # the draft opens in the dispatch editor
    assert editor.document_id == signal.args[0]
    assert [line.text for line in editor.form.recipients.lines()] == pending
    editor.close()


def test_an_imported_reply_lowers_the_count_and_the_same_letter_twice_asks(qtbot, response, main_window,
                                                                            demo_ctx, tmp_path, monkeypatch):
    from ui.importing.actions import open_import_window

    before = response.tracking.count("pending")
    letter = tmp_path / "stp-tra-loi.txt"
    letter.write_text(reply_letter(("UBND TỈNH ĐẮK NÔNG", "SỞ TƯ PHÁP"), "233", "STP-VP", guidance_cited(demo_ctx),
                                   on=DEMO_TODAY - timedelta(days=33)), encoding="utf-8")
    window = open_import_window(demo_ctx, main_window.section("incoming"), path=letter)
    qtbot.addWidget(window)
    window.save("in")
    assert f"Trả lời Công văn số {guidance(demo_ctx)[1]}/UBND-NC" in window.ui.banner.text.text()
    assert response.tracking.count("pending") == before - 1  # the Phản hồi window reloaded itself
    assert dict(shown(response))["Sở Tư pháp"] == "Đã trả lời đúng hạn"
    incoming = main_window.section("incoming")
    count = incoming.model.rowCount()
    asked = []
    monkeypatch.setattr("ui.importing.window.confirm", lambda parent, text, *a, **k: asked.append(text) or False)
    window.open_file(letter)
    window.save("in")
    assert asked and "đã được vào sổ (cùng tệp gốc)" in asked[0]
    assert window.ui.banner.text.text().startswith("Không lưu")
    assert incoming.model.rowCount() == count
    monkeypatch.setattr("ui.importing.window.confirm", lambda *a, **k: True)
    window.save("in")
    qtbot.waitUntil(lambda: incoming.model.rowCount() == count + 1, timeout=3000)


def test_a_letter_from_outside_the_recipients_is_linked_by_the_clerk_then_undone(qtbot, response, demo_ctx):
    response.select_units("Sở Công Thương")
    response.ui.citations.setCurrentRow(0)
    qtbot.mouseClick(response.ui.link_button, Qt.MouseButton.LeftButton)
    row = next(r for r in dispatch_tracking(demo_ctx, response.outgoing_id).rows if r.unit == "Sở Công Thương")
    assert row.reply_number == "118" and row.reply_link == "manual"
    assert not response.ui.citations_box.isVisibleTo(response)
    qtbot.mouseClick(response.ui.undo_button, Qt.MouseButton.LeftButton)
    row = next(r for r in dispatch_tracking(demo_ctx, response.outgoing_id).rows if r.unit == "Sở Công Thương")
    assert row.reply_id is None and response.ui.citations_box.isVisibleTo(response)


def test_the_office_wide_view_lists_dispatches_waiting_and_opens_one(qtbot, main_window, demo_ctx):
    from ui.tracking.actions import open_all

    waiting = open_all(main_window.section("outgoing"))
    qtbot.addWidget(waiting)
    listing = waiting.list
    qtbot.waitUntil(lambda: listing.model.rowCount() > 0, timeout=3000)
    columns = [c.key for c in listing.browser.columns]
    row = next(r for r in range(listing.model.rowCount())
               if listing.model.data(listing.model.index(r, 1)) == "UBND-NC"
               and listing.model.data(listing.model.index(r, 0)) == str(guidance(demo_ctx)[1]))
    tracking = dispatch_tracking(demo_ctx, id_812(demo_ctx))
    assert listing.model.data(listing.model.index(row, columns.index("pending"))) == str(tracking.count("pending"))
    assert listing.filter_choice.currentData() == "waiting"
    listing.opened.emit(listing.model.id_at(row))
    qtbot.addWidget(waiting.last_response)
    qtbot.waitUntil(lambda: waiting.last_response.tracking is not None, timeout=3000)
    assert waiting.last_response.outgoing_id == id_812(demo_ctx)
