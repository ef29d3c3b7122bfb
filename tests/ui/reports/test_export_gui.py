"""Exporting from the GUI: the report dialog, every list screen's "Xuất Excel", the progress with
Hủy, the locked file with a second name, "Mở tệp" / "Mở thư mục", the last folder remembered."""
from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from tests.desktop.reports.helpers import header_row_of, reopen, table


@pytest.fixture
def save_as(monkeypatch, tmp_path):
    """The save dialog answers with the next of the given names (or out/<suggested name>)."""
    folder = tmp_path / "out"
    folder.mkdir()
    asked: list[str] = []

    def answer(_parent, _title, suggested):
        asked.append(suggested)
        return folder / suggested

    monkeypatch.setattr("ui.common.export_job.ask_save_path", answer)
    return folder, asked


@pytest.fixture
def opened(monkeypatch):
    calls: list[tuple[str, Path]] = []
    monkeypatch.setattr("ui.common.export_job.open_file", lambda p: calls.append(("file", p)))
    monkeypatch.setattr("ui.common.export_job.show_in_folder", lambda p: calls.append(("folder", p)))
    return calls


def _button(box, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def _dialog(main_window, qtbot, report="register-out"):
    reports = main_window.section("reports")
    dialog = reports.open_export(report)
    qtbot.addWidget(dialog)
    return dialog


def test_register_export_then_open_the_file_and_the_folder(qtbot, main_window, save_as, opened):
    folder, asked = save_as
    dialog = _dialog(main_window, qtbot)
    assert [dialog.register.itemText(i) for i in range(dialog.register.count())] == [
        "Mọi sổ văn bản đi (mỗi sổ một trang)", "Sổ công văn đi (CV-DI)", "Sổ văn bản đi có tên loại (VB-DI)"]
    assert not dialog.as_of.isVisibleTo(dialog) and not dialog.dispatch.isVisibleTo(dialog)
    dialog.register.setCurrentIndex(1)
    dialog.period.year.setValue(2018)
    dialog.export_button.click()
    assert asked == ["Sổ đăng ký văn bản đi CV-DI – Năm 2018.xlsx"]
    written = folder / asked[0]
    ws = reopen(written).active
    assert [r[0] for r in table(ws, header_row_of(ws, "Số, ký hiệu văn bản"))][:1] == ["2457/UBND-NC"]
    box = dialog.runner.last_dialog
    assert box.isVisible() and f"«{written.name}»" in box.text()
    _button(box, "Mở tệp").click()
    dialog.export_button.click()
    _button(dialog.runner.last_dialog, "Mở thư mục").click()
    assert opened == [("file", written), ("folder", written)]
    assert sorted(p.name for p in folder.iterdir()) == [written.name]  # written again in place, nothing else


def test_the_save_dialog_opens_in_the_last_folder(qtbot, main_window, monkeypatch, tmp_path):
    from ui.common import export_job
    from ui.common.last_folder import last_folder, remember_folder

    remember_folder(tmp_path)
    seen = []

    def fake(_parent, _title, where, _filter):
        seen.append(where)
        return str(tmp_path / "sub" / "báo cáo"), ""

    monkeypatch.setattr(export_job.QFileDialog, "getSaveFileName", fake)
    (tmp_path / "sub").mkdir()
    path = export_job.ask_save_path(None, "x", "Sổ đi.xlsx")
    assert seen == [str(tmp_path / "Sổ đi.xlsx")] and path == tmp_path / "sub" / "báo cáo.xlsx"
    dialog = _dialog(main_window, qtbot)
    dialog.runner.start(path, dialog.job()[0])
    assert last_folder() == tmp_path / "sub"


def test_a_backwards_range_is_said_beside_the_period_and_nothing_is_asked(qtbot, main_window, save_as):
    _folder, asked = save_as
    dialog = _dialog(main_window, qtbot, "tasks")
    dialog.period.kind.setCurrentIndex(2)
    dialog.period.start.setDate(date(2026, 3, 31))
    dialog.period.end.setDate(date(2026, 3, 1))
    assert dialog.period_error.text() == "Ngày cuối phải bằng hoặc sau ngày đầu."
    dialog.export_button.click()
    assert asked == []
    dialog.period.end.setDate(date(2026, 4, 30))
    assert dialog.period_error.text() == ""


def test_tasks_and_responses_from_the_dialog(qtbot, main_window, save_as):
    folder, asked = save_as
    dialog = _dialog(main_window, qtbot, "tasks")
    assert dialog.as_of.isVisibleTo(dialog) and not dialog.register.isVisibleTo(dialog)
    dialog.period.year.setValue(2018)
    dialog.as_of.setDate(date(2019, 2, 1))
    dialog.export_button.click()
    assert asked[-1] == "Báo cáo tình hình thực hiện nhiệm vụ – Năm 2018 (đến 01-02-2019).xlsx"
    assert reopen(folder / asked[-1])["Tổng hợp"]["A4"].value == "Tính đến ngày 01/02/2019"
    dialog.report.setCurrentIndex(3)
    assert dialog.dispatch.isVisibleTo(dialog)
    labels = [dialog.dispatch.itemText(i) for i in range(dialog.dispatch.count())]
    assert labels[0] == "Mọi công văn chờ phản hồi trong kỳ (1)" and labels[1].startswith("2457/UBND-NC ngày 25/05/2018")
    dialog.dispatch.setCurrentIndex(1)
    assert not dialog.period.isEnabled()
    dialog.export_button.click()
    assert asked[-1] == "Bảng theo dõi phản hồi công văn – 2457-UBND-NC ngày 25-05-2018 (đến 01-02-2019).xlsx"
    ws = reopen(folder / asked[-1])["Chi tiết"]
    from desktop.tracking.query import dispatch_tracking

    units = dispatch_tracking(main_window.ctx, dialog.dispatch.currentData()).count("units")  # a group per member
    assert ws["A3"].value == "Công văn được chọn" and len(table(ws, header_row_of(ws, "STT"))) == 1 + units


def test_hủy_half_way_leaves_no_file_and_no_message(qtbot, main_window, save_as, monkeypatch):
    import desktop.reports.registers as registers

    folder, asked = save_as
    dialog = _dialog(main_window, qtbot)
    monkeypatch.setattr(registers, "CHECK_EVERY", 20)
    real = registers.export_register
    pressed = []

    def clerk_presses_huy(ctx, path, *args, progress, cancel, **kwargs):
        def watched(fraction, message=""):
            progress(fraction, message)
            if fraction >= 0.5 and not pressed:
                [bar] = dialog.findChildren(QProgressDialog)[-1:]
                [huy] = [b for b in bar.findChildren(QPushButton) if b.text() == "Hủy"]
                pressed.append(fraction)
                huy.click()
        return real(ctx, path, *args, progress=watched, cancel=cancel, **kwargs)

    monkeypatch.setattr(registers, "export_register", clerk_presses_huy)
    dialog.period.kind.setCurrentIndex(2)
    dialog.period.start.setDate(date(2018, 1, 1))
    dialog.period.end.setDate(date(2026, 12, 31))
    dialog.export_button.click()
    assert pressed and asked and list(folder.iterdir()) == []
    assert dialog.runner.last_dialog is None  # cancelled: no "done", no error


def test_a_file_open_in_excel_offers_a_second_name(qtbot, main_window, save_as, monkeypatch):
    from desktop.reports import output

    folder, asked = save_as
    (folder / "Sổ đăng ký văn bản đi – Năm 2026.xlsx").write_bytes(b"open in Excel")

    def locked(_path):
        raise PermissionError(errno.EACCES, "locked")

    monkeypatch.setattr(output, "_probe", locked)
    dialog = _dialog(main_window, qtbot)
    dialog.export_button.click()
    box = dialog.runner.last_dialog
    assert "đang mở trong Excel" in box.text() and "Traceback" not in box.text()
    _button(box, "Lưu với tên «Sổ đăng ký văn bản đi – Năm 2026 (2).xlsx»").click()
    assert (folder / "Sổ đăng ký văn bản đi – Năm 2026 (2).xlsx").read_bytes()[:2] == b"PK"
    assert dialog.runner.last_dialog.windowTitle() == "Đã xuất Excel"


LISTS = {"outgoing": ("Danh sách văn bản đi", "Số"), "incoming": ("Danh sách văn bản đến", "Số đến"),
         "tasks": ("Danh sách nhiệm vụ", "Văn bản giao"), "units": ("Danh sách đơn vị nhận", "Tên đơn vị"),
         "movements": ("Danh sách phong trào thi đua", "Tên phong trào"),
         "templates": ("Danh sách mẫu văn bản", None), "reports": ("Danh sách số trong sổ đăng ký", "Sổ")}


@pytest.mark.parametrize("key", list(LISTS))
def test_every_list_screen_exports_what_it_shows(qtbot, main_window, save_as, key):
    folder, asked = save_as
    section = main_window.section(key)
    title, first_column = LISTS[key]
    section.exporter.all_action.trigger()  # the button's click (the Đơn vị nhận screen has it in its Excel menu)
    assert asked[-1].startswith(title)
    ws = reopen(folder / asked[-1]).active
    header = header_row_of(ws, first_column or section.model.columns[0].title)
    assert [c.value for c in ws[header]] == [c.title for c in section.model.columns]
    rows = table(ws, header)
    assert len(rows) == section.model.rowCount()
    # the selection only, in screen order
    selection = section.table.selectionModel()
    for row in (2, 0):
        selection.select(section.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    section.exporter.selection_action.trigger()
    ws = reopen(folder / asked[-1]).active
    assert "Chỉ các dòng đã chọn" in [ws.cell(r, 1).value for r in range(3, 7)]
    picked = table(ws, header_row_of(ws, first_column or section.model.columns[0].title))
    assert len(picked) == 2 and picked[0] == rows[0] and picked[1] == rows[2]


def test_the_list_export_follows_the_search_sort_and_column_order(qtbot, main_window, save_as):
    folder, asked = save_as
    section = main_window.section("units")
    qtbot.keyClicks(section.filter_box, "so")
    qtbot.waitUntil(lambda: section.model.rowCount() < 50, timeout=3000)
    section.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    kind = [c.key for c in section.model.columns].index("kind")
    section.table.horizontalHeader().moveSection(kind, 0)  # "Loại" dragged to the front
    section.exporter.all_action.trigger()
    ws = reopen(folder / asked[-1]).active
    header = header_row_of(ws, "Loại")
    assert [c.value for c in ws[header]][:2] == ["Loại", "Tên đơn vị"]
    names = [r[1] for r in table(ws, header)]
    shown = [section.model.data(section.model.index(r, 0)) for r in range(section.model.rowCount())]
    assert names == shown and len(names) == section.model.rowCount()
    assert ws["A3"].value == "Tìm: «so»" and ws["A4"].value == "Sắp xếp: Tên đơn vị (giảm dần)"


def test_the_directory_keeps_one_excel_button(main_window):
    section = main_window.section("units")
    texts = [a.text() for a in section.excel_button.menu().actions()]
    assert "Xuất danh bạ ra Excel…" in texts and "Xuất danh sách đang xem…" in texts
    assert "Xuất các dòng đang chọn…" in texts and not section.exporter.button.isVisibleTo(section)
    assert main_window.section("movements").exporter.button.isVisibleTo(main_window.section("movements"))


def test_the_file_menu_has_the_report_export(main_window, qtbot):
    action = main_window.registered_actions["export_reports"]
    assert action.text() == "Xuất báo cáo Excel…" and action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    qtbot.addWidget(main_window.last_export_dialog)
    assert main_window.last_export_dialog.isVisible()
