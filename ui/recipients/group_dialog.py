"""Nhóm đơn vị: the groups printed as one Kính gửi / Nơi nhận line, each with its ordered members
and the period each belongs (so a group expands as it was on a dispatch's date)."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHeaderView, QLabel, QLineEdit, QPushButton

from desktop.recipients.directory import UnitChoice
from desktop.recipients.group_edit import GroupInput, MembershipInput, delete_group, get_group, list_groups, save_group
from ui.common.dates import dates_ok, optional_date, optional_date_edit, set_optional_date
from ui.recipients.list_editor import ListEditorDialog


class GroupsDialog(ListEditorDialog):
    def __init__(self, ctx, units: list[UnitChoice], parent=None):
        super().__init__(ctx, units, "Nhóm đơn vị", ["Đơn vị (theo thứ tự in)", "Từ ngày", "Đến ngày"],
                         "Thêm nhóm", parent)
        self.left_layout.insertWidget(0, QLabel("<b>Các nhóm</b> (số thành viên hôm nay)"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("để trống: tự cấp (NH001…)")
        self.name = QLineEdit()
        self.name.setPlaceholderText("dòng in ở Kính gửi / Nơi nhận, ví dụ «UBND các xã, phường»")
        self.description = QLineEdit()
        form = QFormLayout()
        form.addRow("Mã nhóm", self.code)
        form.addRow("Tên nhóm *", self.name)
        form.addRow("Ghi chú", self.description)
        self.right_layout.insertLayout(0, form)
        self.right_layout.insertWidget(1, QLabel("Thành viên: một đơn vị rời nhóm rồi vào lại có hai dòng; "
                                                 "ngày để trống là không giới hạn."))
        self.up_button, self.down_button = QPushButton("Lên"), QPushButton("Xuống")
        self.tools.insertWidget(2, self.up_button)
        self.tools.insertWidget(3, self.down_button)
        self.save_button.setText("Lưu nhóm")
        width = self.fontMetrics().horizontalAdvance("00/00/0000 đến nay") + 30
        for col in (1, 2):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, width)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.reload()

    def list_rows(self):
        return [(g.id, f"{g.name} ({g.members_today})") for g in list_groups(self.ctx)]

    def load(self, item_id):
        return get_group(self.ctx, item_id)

    def show_item(self, row) -> None:
        self.names.update(row.unit_names)
        self.code.setText(row.data.code or "")
        self.name.setText(row.data.name)
        self.description.setText(row.data.description or "")
        self.members = list(row.data.members)

    def clear_form(self) -> None:
        for widget in (self.code, self.name, self.description):
            widget.clear()
        self.name.setFocus()

    def fill_table(self) -> None:
        self.table.setRowCount(len(self.members))
        for row, m in enumerate(self.members):
            self.set_unit_cell(row, m.unit_id)
            for col, value, empty in ((1, m.valid_from, "từ trước"), (2, m.valid_to, "đến nay")):
                edit = optional_date_edit(empty)
                set_optional_date(edit, value)
                self.table.setCellWidget(row, col, edit)

    def read_table(self) -> None:
        for row, m in enumerate(self.members):
            m.valid_from = optional_date(self.table.cellWidget(row, 1).date())
            m.valid_to = optional_date(self.table.cellWidget(row, 2).date())

    def add_members(self, unit_ids: list[int]) -> None:
        self.read_table()
        self.members += [MembershipInput(unit_id) for unit_id in unit_ids]
        self.fill_table()
        self.table.selectRow(len(self.members) - 1)

    def move_selected(self, step: int) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or not 0 <= rows[0] + step < len(self.members):
            return
        self.read_table()
        row = rows[0]
        self.members[row], self.members[row + step] = self.members[row + step], self.members[row]
        self.fill_table()
        self.table.selectRow(row + step)

    def write(self, item_id):
        if not dates_ok(self.table):
            raise ValueError("Có ngày chưa đúng trong bảng thành viên (xem dòng ghi chữ đỏ).")
        self.read_table()
        if not self.name.text().strip():
            raise ValueError("Cần nhập tên nhóm.")
        data = GroupInput(name=self.name.text(), code=self.code.text().strip() or None,
                          description=self.description.text(),
                          members=[MembershipInput(m.unit_id, m.valid_from, m.valid_to) for m in self.members])
        ctx = self.ctx
        return lambda: save_group(ctx, item_id, data, ctx.user)

    def delete_question(self) -> str:
        return f"Xóa nhóm «{self.name.text()}»? Văn bản đã gửi cho nhóm vẫn in đúng dòng đã in."

    def delete(self, item_id):
        return delete_group(self.ctx, item_id, self.ctx.user)
