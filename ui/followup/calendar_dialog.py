"""Tệp ▸ Lịch nghỉ lễ, Tết…: the year's days off (built in: Tết, Giỗ Tổ … from the lunar
calendar) and the office's own days — the Government's Tết break, make-up working Saturdays.
Working-day deadlines ("15 ngày làm việc") are counted with this calendar."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.access import ADMIN
from desktop.core.vocabulary import CALENDAR_DAY_LABELS, short_date
from desktop.followup.calendar_service import calendar_year, remove_office_day, set_office_day
from ui.common.background import run_read, run_write
from ui.common.dates import DateField
from ui.common.forms import ERROR_STYLE, clear_when_edited
from ui.common.messages import confirm
from ui.common.rights import restrict_all
from ui.common.window_size import fit_window


class CalendarDialog(QDialog):
    def __init__(self, ctx, parent=None, year: int | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.entries = []
        self.setWindowTitle("Lịch nghỉ lễ, Tết và ngày làm bù")
        fit_window(self, "holidays", 720, 560)
        self.year = QSpinBox()
        self.year.setRange(1995, 2100)
        self.year.setValue(year or date.today().year)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Ngày", "Tên ngày", "Loại", "Nguồn"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.day = DateField()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Tên ngày, ví dụ: Nghỉ Tết Nguyên đán theo quyết định của Thủ tướng")
        self.kind = QComboBox()
        self.kind.addItem("Ngày nghỉ", "off")
        self.kind.addItem("Ngày làm bù", "work")
        self.add_button = QPushButton("Ghi ngày")
        self.remove_button = QPushButton("Bỏ ngày do cơ quan ghi")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        restrict_all(ctx, ADMIN, self.add_button, self.remove_button)

        top = QHBoxLayout()
        top.addWidget(QLabel("Năm"))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        add = QHBoxLayout()
        for widget in (self.day, self.name, self.kind, self.add_button):
            add.addWidget(widget, 1 if widget is self.name else 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("Ghi một ngày của cơ quan (nghỉ Tết theo quyết định hằng năm, ngày làm bù …):"))
        layout.addLayout(add)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.add_button.clicked.connect(self.add_day)
        clear_when_edited(self.error, self.day, self.name, self.kind)
        self.remove_button.clicked.connect(self.remove_day)
        self.reload()

    def reload(self) -> None:
        ctx, year = self.ctx, self.year.value()
        run_read(lambda: calendar_year(ctx, year), self._show)

    def _show(self, entries) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (short_date(entry.day), entry.name, CALENDAR_DAY_LABELS["off" if entry.off else "work"],
                     "Cơ quan ghi" if entry.office else "Mặc định")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if entry.office:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)

    def add_day(self) -> None:
        if not self.day.commit():
            return
        ctx, day, kind, name = self.ctx, self.day.date().toPython(), self.kind.currentData(), self.name.text()
        if not name.strip():
            self.error.setText("Cần ghi tên ngày.")
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.error.clear()
        run_write(lambda: set_office_day(ctx, day, kind, name, ctx.user), lambda _c: self._after(day),
                  lambda exc: self.error.setText(str(exc)))

    def remove_day(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        chosen = [self.entries[r] for r in sorted(rows) if self.entries[r].office]
        if not chosen:
            self.error.setText("Chọn một ngày do cơ quan ghi (chữ đậm) để bỏ.")
            return
        entry = chosen[0]
        if not confirm(self, f"Bỏ ngày {short_date(entry.day)} ({entry.name}) khỏi lịch của cơ quan?", yes="Bỏ ngày"):
            return
        ctx = self.ctx
        run_write(lambda: remove_office_day(ctx, entry.day, ctx.user), lambda _c: self._after(entry.day),
                  lambda exc: self.error.setText(str(exc)))

    def _after(self, day: date) -> None:
        if self.year.value() != day.year:
            self.year.setValue(day.year)  # reloads
        else:
            self.reload()
        self.name.clear()
