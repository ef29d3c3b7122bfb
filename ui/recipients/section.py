"""Đơn vị nhận: the unit directory, editable — add, edit (double-click), merge, deactivate, the
groups and the clusters per year, and the directory to and from Excel. Search as you type,
accent-insensitive, over names, codes and aliases."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QToolButton

from desktop.core.browse import Browser
from desktop.recipients.directory import get_unit, unit_choices
from desktop.recipients.excel_export import export_directory
from desktop.recipients.lists import UNITS, unit_detail
from ui.common.background import run_job, run_read
from ui.common.icons import icon
from ui.common.list_section import ListSection
from ui.common.messages import show_info


class DirectorySection(ListSection):
    def __init__(self, ctx):
        super().__init__(Browser(ctx, UNITS, unit_detail), title="Đơn vị nhận", watch=("units",),
                         item_name="đơn vị")
        self.ctx = ctx
        self.last_dialog = None
        self.excel_button = QToolButton()
        self.excel_button.setText("Excel")
        self.excel_button.setIcon(icon("file-spreadsheet"))
        self.excel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.excel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.excel_button)
        self.export_action = menu.addAction(icon("file-export"), "Xuất danh bạ ra Excel…", self.export_clicked)
        self.import_action = menu.addAction(icon("file-import"), "Nhập danh bạ từ Excel…", self.import_clicked)
        menu.addSeparator()  # the list as seen (or the selected rows), as on every list screen
        menu.addAction(self.exporter.all_action)
        menu.addAction(self.exporter.selection_action)
        self.exporter.button.hide()  # one Excel button on this screen
        self.excel_button.setMenu(menu)
        self.actions_row = QHBoxLayout()
        self.layout().insertLayout(1, self.actions_row)
        self.add_new = self.add_button("Thêm…", icon("plus"), self.add_unit, "Thêm đơn vị")
        self.edit_button = self.add_button("Sửa…", icon("edit"), self.edit_selected, "Sửa đơn vị đang chọn")
        self.merge_button = self.add_button("Gộp…", icon("arrow-forward-up"), self.merge_selected,
                                            "Gộp đơn vị đang chọn (trùng, đổi tên) vào một đơn vị khác")
        self.deactivate_button = self.add_button("Ngừng hoạt động…", icon("x"), self.deactivate_selected,
                                                 "Đơn vị đang chọn ngừng hoạt động từ một ngày")
        self.actions_row.addSpacing(16)
        self.groups_button = self.add_button("Nhóm…", icon("building-community"), self.open_groups,
                                             "Nhóm đơn vị in thành một dòng Kính gửi / Nơi nhận")
        self.clusters_button = self.add_button("Cụm, khối…", icon("flag"), self.open_clusters,
                                               "Cụm, khối thi đua theo năm, Cụm trưởng, Cụm phó")
        self.actions_row.addWidget(self.excel_button)
        self.actions_row.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.layout().insertWidget(2, self.message)

    def add_button(self, text: str, icon_, slot, tooltip: str = "") -> QToolButton:
        """The directory's actions sit on their own row under the search box."""
        button = super().add_button(text, icon_, slot, tooltip)
        self.actions_row.addWidget(button)  # moves it out of the search row
        return button

    # ---- units ------------------------------------------------------------------------
    def _selected(self) -> int | None:
        ids = self.selected_ids()
        if not ids:
            show_info(self, "Chọn một đơn vị trong danh sách.")
            return None
        return ids[0]

    def add_unit(self) -> None:
        ctx = self.ctx
        run_read(lambda: unit_choices(ctx), lambda units: self._open_unit(units, None))

    def edit_selected(self) -> None:
        unit_id = self._selected()
        if unit_id is not None:
            self.show_detail(unit_id)

    def show_detail(self, item_id: int) -> None:
        """Double-click or Enter opens the unit's form."""
        ctx = self.ctx
        run_read(lambda: (unit_choices(ctx), get_unit(ctx, item_id)), lambda r: self._open_unit(*r))

    def _open_unit(self, units, existing) -> None:
        from ui.recipients.unit_dialog import UnitDialog

        self._show(UnitDialog(self.ctx, units, existing, self))

    def _with_choice(self, then) -> None:
        unit_id = self._selected()
        if unit_id is None:
            return
        ctx = self.ctx

        def chosen(units) -> None:
            then(next(u for u in units if u.id == unit_id), units)

        run_read(lambda: unit_choices(ctx), chosen)

    def merge_selected(self) -> None:
        from ui.recipients.unit_actions import MergeDialog

        self._with_choice(lambda unit, units: self._show(MergeDialog(self.ctx, unit, units, self)))

    def deactivate_selected(self) -> None:
        from ui.recipients.unit_actions import DeactivateDialog

        def open_it(unit, _units) -> None:
            if not unit.active:
                show_info(self, f"{unit.name} đã ngừng hoạt động; sửa ngày trong mục Sửa… nếu cần.")
                return
            self._show(DeactivateDialog(self.ctx, unit, self))

        self._with_choice(open_it)

    # ---- groups and clusters ----------------------------------------------------------
    def open_groups(self) -> None:
        from ui.recipients.group_dialog import GroupsDialog

        ctx = self.ctx
        run_read(lambda: unit_choices(ctx), lambda units: self._show(GroupsDialog(ctx, units, self)))

    def open_clusters(self) -> None:
        from ui.recipients.cluster_dialog import ClustersDialog

        ctx = self.ctx
        run_read(lambda: unit_choices(ctx), lambda units: self._show(ClustersDialog(ctx, units, self)))

    def _show(self, dialog) -> None:
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # ---- Excel ------------------------------------------------------------------------
    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def export_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Xuất danh bạ ra Excel", str(Path.home() / "danh-ba-don-vi.xlsx"),
                                              "Bảng tính Excel (*.xlsx)")
        if name:
            self.export_to(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"))

    def export_to(self, path: Path) -> None:
        ctx = self.ctx

        def done(counts) -> None:
            self.say(f"Đã xuất {counts.units} đơn vị, {counts.memberships} dòng thành viên nhóm, "
                     f"{counts.clusters} dòng cụm, khối vào {path}.")

        run_job(lambda progress, cancel: export_directory(ctx, path, progress=progress, cancel=cancel), done,
                parent=self, title="Đang xuất danh bạ…")

    def import_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Nhập danh bạ từ Excel", str(Path.home()),
                                              "Bảng tính Excel (*.xlsx)")
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path) -> None:
        from ui.recipients.excel import ImportPreviewDialog

        dialog = ImportPreviewDialog(self.ctx, path, self)

        def finished() -> None:
            if dialog.imported and dialog.report is not None:
                self.say(f"Đã nhập danh bạ từ {path.name}: {dialog.report.summary()}.")

        dialog.accepted.connect(finished)
        self._show(dialog)
