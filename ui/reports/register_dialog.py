"""Sổ đăng ký: the numbers of one register in one year; reserve (giữ số), void (hủy số), and
check a number typed by hand for a back-dated entry (duplicate / out-of-order warnings)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
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

from desktop.core.access import REGISTER
from desktop.documents.numbering import check_manual_number, register_entries, reserve_number, void_number
from desktop.documents.editor_data import editor_choices
from desktop.core.vocabulary import short_date
from ui.common.background import run_read, run_write
from ui.common.dates import DateField, dates_ok
from ui.common.forms import ERROR_STYLE, fill_combo
from ui.common.messages import confirm
from ui.common.rights import restrict_all
from ui.common.window_size import fit_window

OK_STYLE = "color: #1f5f2a;"
WARN_STYLE = "color: #8a5a00;"


def _label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


class RegisterDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Sổ đăng ký văn bản đi – giữ số, hủy số, số ghi tay")
        fit_window(self, "register", 1000, 640)
        self.register = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(1990, 2200)
        self.year.setValue(date.today().year)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(["Số", "Tình trạng", "Ký hiệu", "Ngày", "Trích yếu", "Lý do"])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)

        self.reserve_reason = QLineEdit(placeholderText="Lý do giữ số (bắt buộc)")
        self.reserve_button = QPushButton("Giữ số kế tiếp")
        self.reserve_result = _label()
        self.void_number = QSpinBox()
        self.void_number.setRange(1, 99999)
        self.void_reason = QLineEdit(placeholderText="Lý do hủy số (bắt buộc)")
        self.void_button = QPushButton("Hủy số")
        self.void_result = _label()
        self.manual_number = QSpinBox()
        self.manual_number.setRange(1, 99999)
        self.manual_date = DateField()
        self.manual_button = QPushButton("Kiểm tra")
        self.manual_result = _label()
        restrict_all(ctx, REGISTER, self.reserve_button, self.void_button)

        top = QHBoxLayout()
        top.addWidget(QLabel("Sổ:"))
        top.addWidget(self.register, 1)
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year)
        reserve = QGroupBox("Giữ số")
        rf = QFormLayout(reserve)
        rf.addRow(self.reserve_reason)
        rf.addRow(self.reserve_button)
        rf.addRow(self.reserve_result)
        void = QGroupBox("Hủy số (số vẫn ở lại trong sổ)")
        vf = QFormLayout(void)
        vf.addRow("Số:", self.void_number)
        vf.addRow(self.void_reason)
        vf.addRow(self.void_button)
        vf.addRow(self.void_result)
        manual = QGroupBox("Số ghi tay cho văn bản vào sổ bổ sung")
        mf = QFormLayout(manual)
        mf.addRow("Số:", self.manual_number)
        mf.addRow("Ngày văn bản:", self.manual_date)
        mf.addRow(self.manual_button)
        mf.addRow(self.manual_result)
        actions = QHBoxLayout()
        for box in (reserve, void, manual):
            actions.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.register.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.reserve_button.clicked.connect(self.reserve)
        self.void_button.clicked.connect(self.void)
        self.manual_button.clicked.connect(self.check_manual)
        run_read(lambda: editor_choices(ctx).registers, self._registers_ready)

    def _registers_ready(self, registers) -> None:
        fill_combo(self.register, registers)
        self.reload()

    def register_id(self) -> int | None:
        return self.register.currentData()

    def select_register(self, register_id: int) -> None:
        self.register.setCurrentIndex(self.register.findData(register_id))

    def reload(self) -> None:
        register_id, year = self.register_id(), self.year.value()
        if register_id is None:
            return
        run_read(lambda: register_entries(self.ctx, register_id, year), self._show)

    def _show(self, rows) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [row.number_label, row.status_label + (" (ghi tay)" if row.manual else ""), row.symbol or "",
                      short_date(row.date) if row.date else "", row.subject or "", row.reason or ""]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    @staticmethod
    def _say(label: QLabel, text: str, style: str) -> None:
        label.setStyleSheet(style)
        label.setText(text)

    def reserve(self) -> None:
        reason = self.reserve_reason.text().strip()
        if not reason:
            self._say(self.reserve_result, "Cần ghi lý do giữ số.", ERROR_STYLE)
            return
        register_id, year, user = self.register_id(), self.year.value(), self.ctx.user

        def done(number: int) -> None:
            self._say(self.reserve_result, f"Đã giữ số {number:02d}.", OK_STYLE)
            self.reserve_reason.clear()
            self.reload()
        run_write(lambda: reserve_number(self.ctx, register_id, year, reason, user), done,
                  lambda exc: self._say(self.reserve_result, str(exc), ERROR_STYLE))

    def void(self) -> None:
        reason, number = self.void_reason.text().strip(), self.void_number.value()
        if not reason:
            self._say(self.void_result, "Cần ghi lý do hủy số.", ERROR_STYLE)
            return
        if not confirm(self, f"Hủy số {number:02d}? Số đã hủy vẫn ghi trong sổ và không dùng lại được.", yes="Hủy số"):
            return
        register_id, year, user = self.register_id(), self.year.value(), self.ctx.user

        def done(_changes) -> None:
            self._say(self.void_result, f"Đã hủy số {number:02d}.", OK_STYLE)
            self.void_reason.clear()
            self.reload()
        run_write(lambda: void_number(self.ctx, register_id, year, number, reason, user), done,
                  lambda exc: self._say(self.void_result, str(exc), ERROR_STYLE))

    def check_manual(self) -> None:
        register_id, year, number = self.register_id(), self.year.value(), self.manual_number.value()
        if not dates_ok(self):
            return
        on = self.manual_date.date().toPython()

        def show(verdict) -> None:
            if verdict.errors:
                self._say(self.manual_result, "\n".join(verdict.errors + verdict.warnings), ERROR_STYLE)
            elif verdict.warnings:
                self._say(self.manual_result, "Dùng được, nhưng lưu ý:\n" + "\n".join(verdict.warnings), WARN_STYLE)
            else:
                self._say(self.manual_result, f"Số {number:02d} dùng được; chọn số này khi ban hành.", OK_STYLE)
        run_read(lambda: check_manual_number(self.ctx, register_id, year, number, on), show,
                 lambda exc: self._say(self.manual_result, str(exc), ERROR_STYLE))
