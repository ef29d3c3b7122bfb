"""The Đơn vị nhận section driven through its real widgets: search as you type (accents, đ/Đ,
aliases), add, edit, merge, deactivate, the group and cluster editors, Excel export and import."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from desktop.recipients.directory import UnitInput, add_unit, get_unit
from desktop.recipients.groups import group_members_on
from desktop.recipients.group_edit import list_groups


@pytest.fixture
def section(main_window):
    return main_window.section("units")


def names(section) -> list[str]:
    m = section.model
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


def search(qtbot, section, text: str) -> list[str]:
    """Type into the search box and wait for the list to load (the box waits for a pause)."""
    section.filter_box.clear()  # typing the same words again still searches again
    with qtbot.waitSignal(section.model.loaded):
        section.filter_box.setText(text)
    return names(section)


def select(qtbot, section, text: str, name: str) -> None:
    found = search(qtbot, section, text)
    section.table.selectRow(found.index(name))


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_search_as_you_type_ignores_accents_and_finds_aliases(qtbot, section):
    dak_mil = {"UBND xã Đắk Mil", "UBND huyện Đắk Mil"}
    assert set(search(qtbot, section, "dak mil")) == dak_mil
    assert set(search(qtbot, section, "ĐẮK MIL")) == dak_mil  # Đ and tones typed in capitals
    assert set(search(qtbot, section, "đăk mil")) == dak_mil  # another tone, lower-case đ
    assert search(qtbot, section, "Sở KHĐT") == ["Sở Kế hoạch và Đầu tư"]  # an alias only
    assert search(qtbot, section, "uy ban mttq") == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]
    assert search(qtbot, section, "DV0001") == ["Sở Nội vụ"]  # the code
    assert search(qtbot, section, "không có đơn vị này") == []
    assert section.count_label.text() == "0 đơn vị"


def test_add_a_unit_and_a_refused_email_shows_under_its_field(qtbot, section):
    click(qtbot, section.add_new)
    dialog = section.last_dialog
    dialog.name.setText("Sở Ngoại vụ")
    dialog.kind.setCurrentIndex(dialog.kind.findText("Sở, ban, ngành"))
    dialog.aliases.setPlainText("Sở Ngoại vụ tỉnh\nSNgV")
    dialog.email.setText("songoaivu@")
    click(qtbot, dialog.save_button)
    assert dialog.error_text("email") == "Thư điện tử «songoaivu@» không đúng dạng ten@tenmien.vn."
    assert dialog.saved_id is None and search(qtbot, section, "ngoai vu") == []
    dialog.email.setText("songoaivu@daknong.gov.vn")
    dialog.parent_unit.setCurrentIndex(dialog.parent_unit.findText("Văn phòng UBND tỉnh"))
    click(qtbot, dialog.save_button)
    assert dialog.saved_id is not None and dialog.error_text("email") == ""
    assert search(qtbot, section, "sngv") == ["Sở Ngoại vụ"]
    row = get_unit(section.ctx, dialog.saved_id)
    assert row.data.code == "DV0087" and row.data.aliases == ["Sở Ngoại vụ tỉnh", "SNgV"]


def test_edit_a_unit_from_the_list(qtbot, section):
    select(qtbot, section, "so y te", "Sở Y tế")
    click(qtbot, section.edit_button)
    dialog = section.last_dialog
    assert dialog.name.text() == "Sở Y tế" and dialog.email.text() == "syt@daknong.gov.vn"
    dialog.contact.setText("Lê Văn Tâm (Văn phòng Sở)")
    dialog.name.setText("Sở Nội vụ")  # taken: refused next to the name
    click(qtbot, dialog.save_button)
    assert dialog.error_text("name").startswith("Đã có đơn vị «Sở Nội vụ»")
    dialog.name.setText("Sở Y tế")
    click(qtbot, dialog.save_button)
    assert get_unit(section.ctx, dialog.saved_id).data.contact_person == "Lê Văn Tâm (Văn phòng Sở)"


def test_merge_a_duplicate_into_the_unit_that_stays(qtbot, section):
    dup_id, _ = add_unit(section.ctx, UnitInput(name="Sở Y tế tỉnh Đắk Nông", aliases=["Sở YT"]), "x")
    select(qtbot, section, "y te tinh dak nong", "Sở Y tế tỉnh Đắk Nông")
    click(qtbot, section.merge_button)
    dialog = section.last_dialog
    dialog.picker.filter_box.setText("so y te")
    assert dialog.picker.visible_ids() and dup_id not in dialog.picker.visible_ids()
    click(qtbot, dialog.merge_button)
    assert dialog.merged_into is not None
    assert search(qtbot, section, "y te tinh dak nong") == ["Sở Y tế"]  # the old name is an alias
    assert search(qtbot, section, "so yt") == ["Sở Y tế"]
    assert get_unit(section.ctx, dialog.merged_into).data.aliases[-2:] == ["Sở Y tế tỉnh Đắk Nông", "Sở YT"]


def test_deactivate_a_commune_from_a_date(qtbot, section):
    select(qtbot, section, "quang son", "UBND xã Quảng Sơn")
    click(qtbot, section.deactivate_button)
    dialog = section.last_dialog
    dialog.last_day.setDate(QDate(2026, 9, 30))
    click(qtbot, dialog.ok_button)
    assert dialog.done_on == date(2026, 9, 30)
    search(qtbot, section, "quang son")
    m = section.model
    row = names(section).index("UBND xã Quảng Sơn")
    assert m.data(m.index(row, 5)) == "đến 30/09/2026"
    group = next(g for g in list_groups(section.ctx) if g.name == "UBND các xã, phường")
    assert "UBND xã Quảng Sơn" in [u.name for u in group_members_on(section.ctx, group.id, date(2026, 9, 30))]
    assert "UBND xã Quảng Sơn" not in [u.name for u in group_members_on(section.ctx, group.id, date(2026, 10, 1))]


def test_group_editor_orders_members_with_their_dates(qtbot, section):
    click(qtbot, section.groups_button)
    dialog = section.last_dialog
    dialog.select_named("UBND các xã, phường")
    before = dialog.table.rowCount()
    assert dialog.table.item(0, 0).text() == "UBND phường Bắc Gia Nghĩa"
    click(qtbot, dialog.add_member_button)
    picker = dialog.last_picker
    picker.picker.filter_box.setText("lam dong")
    picker.picker.list.setCurrentRow(picker.picker.list.row(
        next(picker.picker.list.item(r) for r in range(picker.picker.list.count())
             if not picker.picker.list.item(r).isHidden())))
    picker.take()
    assert dialog.table.rowCount() == before + 1
    last = dialog.table.rowCount() - 1
    assert dialog.table.item(last, 0).text() == "UBND tỉnh Lâm Đồng"
    dialog.table.cellWidget(last, 1).setDate(QDate(2027, 1, 1))
    for _ in range(last):
        click(qtbot, dialog.up_button)  # to the top of the printed order
    click(qtbot, dialog.save_button)
    assert dialog.error.text() == ""
    group = next(g for g in list_groups(section.ctx) if g.name == "UBND các xã, phường")
    assert group_members_on(section.ctx, group.id, date(2027, 1, 1))[0].name == "UBND tỉnh Lâm Đồng"
    assert "UBND tỉnh Lâm Đồng" not in [m.name for m in group_members_on(section.ctx, group.id, date(2026, 12, 31))]


def test_cluster_editor_keeps_one_head_per_year(qtbot, section):
    click(qtbot, section.clusters_button)
    dialog = section.last_dialog
    dialog.set_year(2026)
    dialog.select_named("Cụm thi đua các xã, phường khu vực Gia Nghĩa")
    dialog.role_combo("UBND phường Nam Gia Nghĩa").setCurrentIndex(0)  # Cụm trưởng
    click(qtbot, dialog.save_button)
    assert "chỉ có một Cụm trưởng" in dialog.error.text()
    dialog.role_combo("UBND phường Bắc Gia Nghĩa").setCurrentIndex(2)  # Thành viên
    click(qtbot, dialog.save_button)
    assert dialog.error.text() == ""
    assert "Cụm trưởng: UBND phường Nam Gia Nghĩa" in dialog.items.currentItem().text()


def test_excel_export_then_import_with_a_bad_row_then_a_good_one(qtbot, section, tmp_path):
    path = tmp_path / "danh-ba.xlsx"
    section.export_to(path)
    assert section.message.text().startswith("Đã xuất 86 đơn vị")
    book = load_workbook(path)
    book["Đơn vị"].append(["", "Sở Ngoại vụ", "", "", "Sở, ban, ngành", "", "", "sai@", ""])
    book.save(path)
    section.import_from(path)
    preview = section.last_dialog
    assert not preview.import_button.isEnabled()
    assert preview.shown_rows() == [("Đơn vị", "88", "Lỗi", "Sở Ngoại vụ",
                                     "Thư điện tử «sai@» không đúng dạng ten@tenmien.vn.")]
    preview.reject()
    book["Đơn vị"]["H88"] = "sngv@daknong.gov.vn"
    book.save(path)
    section.import_from(path)
    preview = section.last_dialog
    assert preview.import_button.isEnabled()
    assert preview.shown_rows() == [("Đơn vị", "88", "Thêm", "Sở Ngoại vụ", "Thêm đơn vị mới (mã DV0087).")]
    click(qtbot, preview.import_button)
    assert preview.imported
    assert section.message.text().startswith("Đã nhập danh bạ từ danh-ba.xlsx: thêm 1, sửa 0")
    assert search(qtbot, section, "ngoai vu") == ["Sở Ngoại vụ"]
