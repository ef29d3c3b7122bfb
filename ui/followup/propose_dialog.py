""""Đề xuất nhiệm vụ từ văn bản…": pick a dispatch, check the proposed tasks (unit from the
directory, deadline, include), save them in one write."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.vocabulary import read_date, short_date
from desktop.followup.board import dispatch_choices, unit_choices
from desktop.followup.tasks import ProposedTask, propose_tasks, save_tasks
from ui.common.background import run_read, run_write
from ui.common.messages import show_error
from ui.common.window_size import fit_window

COLUMNS = ("Lưu", "Mục", "Đơn vị thực hiện", "Hạn", "Hạn ghi trong văn bản", "Nhiệm vụ", "Phong trào", "")
C_INCLUDE, C_LABEL, C_UNIT, C_DEADLINE, C_TEXT, C_TITLE, C_MOVEMENT, C_NOTE = range(8)


class ProposeDialog(QDialog):
    saved = Signal(list)  # ids of the stored tasks

    def __init__(self, ctx, parent=None, outgoing_id: int | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Đề xuất nhiệm vụ từ văn bản")
        fit_window(self, "task-propose", 1180, 560)
        self.proposals: list[ProposedTask] = []
        self._units: list[tuple[int, str]] = []
        self.dispatch_combo = QComboBox()
        self.dispatch_combo.setMinimumWidth(520)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for col, width in ((C_INCLUDE, 40), (C_LABEL, 45), (C_UNIT, 250), (C_DEADLINE, 90), (C_TEXT, 140),
                           (C_TITLE, 330), (C_MOVEMENT, 170), (C_NOTE, 60)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(C_TITLE, QHeaderView.ResizeMode.Stretch)
        self.replace_box = QCheckBox("Thay thế các nhiệm vụ đã lưu của văn bản này")
        self.hint = QLabel("Bỏ chọn các dòng không phải nhiệm vụ; sửa đơn vị, hạn (dd/mm/yyyy) hoặc nội dung nếu cần.")
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Lưu nhiệm vụ")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("Văn bản giao nhiệm vụ:"))
        top.addWidget(self.dispatch_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.replace_box)
        layout.addWidget(buttons)
        self._wanted = outgoing_id
        run_read(lambda: (unit_choices(ctx, include_inactive=True), dispatch_choices(ctx)), self._choices_loaded)

    def _choices_loaded(self, result) -> None:
        self._units, dispatches = result
        for doc_id, label in dispatches:
            self.dispatch_combo.addItem(label, doc_id)
        if self._wanted is not None:
            self.select_dispatch(self._wanted)
        self.dispatch_combo.currentIndexChanged.connect(lambda _i: self._load())
        self._load()

    def select_dispatch(self, outgoing_id: int) -> None:
        index = self.dispatch_combo.findData(outgoing_id)
        if index >= 0:
            self.dispatch_combo.setCurrentIndex(index)

    def _load(self) -> None:
        doc_id = self.dispatch_combo.currentData()
        if doc_id is None:
            return
        run_read(lambda: propose_tasks(self.ctx, doc_id), self._fill)

    def _fill(self, proposals: list[ProposedTask]) -> None:
        self.proposals = proposals
        self.table.setRowCount(len(proposals))
        for row, p in enumerate(proposals):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked if p.include else Qt.CheckState.Unchecked)
            self.table.setItem(row, C_INCLUDE, check)
            self._text(row, C_LABEL, p.item_label or "", editable=False, tip=p.item_text)
            combo = QComboBox()
            combo.addItem(f"(ghi trong văn bản) {p.assignee_text or ''}".strip(), None)
            for uid, name in self._units:
                combo.addItem(name, uid)
            if p.unit_id is not None:
                combo.setCurrentIndex(max(0, combo.findData(p.unit_id)))
            self.table.setCellWidget(row, C_UNIT, combo)
            self._text(row, C_DEADLINE, short_date(p.deadline))
            self._text(row, C_TEXT, p.deadline_text or "", editable=False)
            self._text(row, C_TITLE, p.title, tip=p.item_text)
            self._text(row, C_MOVEMENT, p.movement_name or "", editable=False)
            self._text(row, C_NOTE, "đã lưu" if p.existing_task_id else "", editable=False)

    def _text(self, row: int, col: int, text: str, *, editable: bool = True, tip: str = "") -> None:
        item = QTableWidgetItem(text)
        if not editable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if tip:
            item.setToolTip(tip)
        self.table.setItem(row, col, item)

    def row_of(self, label: str, unit_name: str | None = None) -> int:
        for row, p in enumerate(self.proposals):
            if p.item_label == label and (unit_name is None or unit_name in (p.unit_name, p.assignee_text)):
                return row
        return -1

    def set_included(self, row: int, included: bool) -> None:
        self.table.item(row, C_INCLUDE).setCheckState(Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)

    def confirmed(self) -> list[ProposedTask]:
        """The table as corrected by the clerk; ValueError for an unreadable deadline."""
        out = []
        for row, p in enumerate(self.proposals):
            combo: QComboBox = self.table.cellWidget(row, C_UNIT)
            text = self.table.item(row, C_DEADLINE).text().strip()
            deadline = read_date(text)
            if text and deadline is None:
                raise ValueError(f"Mục {p.item_label}: hạn «{text}» không đúng dạng dd/mm/yyyy.")
            unit_id = combo.currentData()
            out.append(replace(
                p, include=self.table.item(row, C_INCLUDE).checkState() == Qt.CheckState.Checked,
                unit_id=unit_id, unit_name=combo.currentText() if unit_id is not None else None,
                deadline=deadline, title=self.table.item(row, C_TITLE).text().strip() or p.title,
            ))
        return out

    def save(self) -> None:
        doc_id = self.dispatch_combo.currentData()
        try:
            confirmed = self.confirmed()
        except ValueError as exc:
            show_error(self, str(exc))
            return
        if not any(p.include for p in confirmed):
            show_error(self, "Chưa chọn nhiệm vụ nào để lưu.")
            return
        replace_stored = self.replace_box.isChecked()
        user = self.ctx.user
        self.save_button.setEnabled(False)

        def done(ids):
            self.saved.emit(ids)
            self.accept()

        def failed(exc):
            self.save_button.setEnabled(True)
            show_error(self, str(exc))

        run_write(lambda: save_tasks(self.ctx, doc_id, confirmed, user, replace=replace_stored), done, failed)
