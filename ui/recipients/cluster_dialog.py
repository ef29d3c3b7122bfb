"""Cụm, khối thi đua per year: the clusters and blocks of a year, each with its members and the
Cụm trưởng / Cụm phó (Khối trưởng / Khối phó) of that year; a new year starts from the last."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from desktop.recipients.clusters import (
    CLUSTER_KINDS,
    ClusterInput,
    ClusterMemberInput,
    cluster_years,
    copy_year,
    delete_cluster,
    get_cluster,
    list_clusters,
    role_label,
    save_cluster,
)
from desktop.recipients.directory import UnitChoice
from ui.common.background import run_read, run_write
from ui.recipients.list_editor import ListEditorDialog

ROLES = ("head", "deputy", "member")


class ClustersDialog(ListEditorDialog):
    def __init__(self, ctx, units: list[UnitChoice], parent=None):
        super().__init__(ctx, units, "Cụm, khối thi đua", ["Đơn vị", "Vai trò"], "Thêm cụm, khối", parent)
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setSpacing(2)
        self.year = QComboBox()
        self.copy_button = QPushButton("Sao chép từ năm trước")
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel("Năm"))
        year_row.addWidget(self.year, 1)
        year_row.addWidget(self.copy_button)
        self.left_layout.insertLayout(0, year_row)
        self.name = QLineEdit()
        self.kind = QComboBox()
        for code, text in CLUSTER_KINDS.items():
            self.kind.addItem(text, code)
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow("Tên cụm, khối *", self.name)
        form.addRow("Loại", self.kind)
        form.addRow("Ghi chú", self.notes)
        self.right_layout.insertLayout(0, form)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.kind.currentIndexChanged.connect(lambda _i: self._relabel_roles())
        self.copy_button.clicked.connect(self.copy_previous)
        run_read(lambda: cluster_years(ctx), self._show_years)

    def _show_years(self, years: list[int]) -> None:
        this_year = date.today().year
        self.year.blockSignals(True)
        for year in sorted(set(years) | {this_year, this_year + 1}, reverse=True):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(years[0] if years else this_year)))
        self.year.blockSignals(False)
        self.reload()

    def set_year(self, year: int) -> None:
        self.year.setCurrentIndex(self.year.findData(year))

    def list_rows(self):
        rows = []
        for c in list_clusters(self.ctx, self.year.currentData()):
            leaders = "; ".join(f"{role_label(role, c.kind)}: {name}"
                                for role, name in (("head", c.head), ("deputy", c.deputy)) if name)
            rows.append((c.id, f"{c.name} ({c.count})" + (f"\n    {leaders}" if leaders else "")))
        return rows

    def load(self, item_id):
        return get_cluster(self.ctx, item_id)

    def show_item(self, loaded) -> None:
        data, names = loaded
        self.names.update(names)
        self.name.setText(data.name)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.kind.blockSignals(False)
        self.notes.setText(data.notes or "")
        self.members = list(data.members)

    def clear_form(self) -> None:
        self.name.clear()
        self.notes.clear()

    def fill_table(self) -> None:
        self.table.setRowCount(len(self.members))
        for row, m in enumerate(self.members):
            self.set_unit_cell(row, m.unit_id)
            combo = QComboBox()
            for role in ROLES:
                combo.addItem(role_label(role, self.kind.currentData()), role)
            combo.setCurrentIndex(combo.findData(m.role))
            self.table.setCellWidget(row, 1, combo)

    def read_table(self) -> None:
        for row, m in enumerate(self.members):
            m.role = self.table.cellWidget(row, 1).currentData()

    def _relabel_roles(self) -> None:
        self.read_table()
        self.fill_table()

    def role_combo(self, unit_name: str) -> QComboBox:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == unit_name:
                return self.table.cellWidget(row, 1)
        raise LookupError(unit_name)

    def add_members(self, unit_ids: list[int]) -> None:
        self.read_table()
        present = {m.unit_id for m in self.members}
        self.members += [ClusterMemberInput(u) for u in unit_ids if u not in present]
        self.fill_table()

    def write(self, item_id):
        self.read_table()
        if not self.name.text().strip():
            raise ValueError("Cần nhập tên cụm, khối thi đua.")
        data = ClusterInput(self.year.currentData(), self.name.text(), self.kind.currentData(), self.notes.text(),
                            [ClusterMemberInput(m.unit_id, m.role) for m in self.members])
        ctx = self.ctx
        return lambda: save_cluster(ctx, item_id, data, ctx.user)

    def delete_question(self) -> str:
        return f"Xóa «{self.name.text()}» của năm {self.year.currentText()}?"

    def delete(self, item_id):
        return delete_cluster(self.ctx, item_id, self.ctx.user)

    def copy_previous(self) -> None:
        ctx, year = self.ctx, self.year.currentData()
        run_write(lambda: copy_year(ctx, year - 1, year, ctx.user), lambda _n: self.reload(), self.failed)
