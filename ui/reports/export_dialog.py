"""Xuất báo cáo Excel: the registers (sổ đăng ký đi / đến), the tasks report as of a date and the
answers matrix, for a year, a month or a date range (one dispatch for the answers matrix).
The export runs as a job with Hủy; afterwards "Mở tệp" / "Mở thư mục" (ui.common.export_job)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.period import Period
from ui.common.background import run_read
from ui.common.dates import date_edit, dates_ok, picked_date
from ui.common.export_job import ExportRunner
from ui.common.icons import icon
from ui.common.forms import ERROR_STYLE
from ui.common.window_size import fit_window

REPORTS = (
    ("register-out", "Sổ đăng ký văn bản đi"),
    ("register-in", "Sổ đăng ký văn bản đến"),
    ("tasks", "Báo cáo tình hình thực hiện nhiệm vụ"),
    ("responses", "Bảng theo dõi phản hồi công văn"),
)
HINTS = {
    "register-out": "Các cột của Nghị định 30/2020 (Phụ lục IV), theo ngày văn bản; in khổ A4 ngang để đóng sổ.",
    "register-in": "Các cột của Nghị định 30/2020 (Phụ lục IV), theo ngày đến; in khổ A4 ngang để đóng sổ.",
    "tasks": "Nhiệm vụ giao tại các văn bản ban hành trong kỳ, chia bốn tình trạng như báo cáo chính thức, "
             "kèm biểu đồ và danh sách từng nhiệm vụ.",
    "responses": "Đơn vị nào đã nhận, đã phản hồi (ngày, số văn bản), trễ hạn; đơn vị chưa phản hồi được tô màu.",
}


class PeriodPicker(QWidget):
    """A year, a month of a year, or a date range."""

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.kind = QComboBox()
        for key, text in (("year", "Cả năm"), ("month", "Một tháng"), ("range", "Khoảng ngày")):
            self.kind.addItem(text, key)
        self.year = QSpinBox()
        self.year.setRange(1990, 2200)
        self.year.setValue(today.year)
        self.month = QComboBox()
        for m in range(1, 13):
            self.month.addItem(f"Tháng {m}", m)
        self.month.setCurrentIndex(today.month - 1)
        self.start = date_edit(today.replace(day=1))
        self.end = date_edit(today)
        self.to_label = QLabel("đến")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.kind, self.month, self.year, self.start, self.to_label, self.end):
            row.addWidget(w)
        row.addStretch(1)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_fields())
        self._show_fields()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        self.year.setVisible(kind in ("year", "month"))
        self.month.setVisible(kind == "month")
        for w in (self.start, self.to_label, self.end):
            w.setVisible(kind == "range")

    def period(self) -> Period:
        """ValueError (Vietnamese) when the range is backwards."""
        kind = self.kind.currentData()
        if kind == "year":
            return Period.year(self.year.value())
        if kind == "month":
            return Period.month(self.year.value(), self.month.currentData())
        start, end = picked_date(self.start), picked_date(self.end)
        if end < start:
            raise ValueError("Ngày cuối phải bằng hoặc sau ngày đầu.")
        return Period.between(start, end)


class ExportDialog(QDialog):
    def __init__(self, ctx, parent=None, *, report: str = "register-out", today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.setWindowTitle("Xuất báo cáo Excel")
        self.report = QComboBox()
        for key, text in REPORTS:
            self.report.addItem(icon("file-spreadsheet"), text, key)
        self.register = QComboBox()
        self.period = PeriodPicker(self.today)
        self.period_error = QLabel()
        self.period_error.setStyleSheet(ERROR_STYLE)
        self.dispatch = QComboBox()
        self.dispatch.setMinimumWidth(420)
        self.as_of = date_edit(self.today)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.export_button = QPushButton(icon("file-spreadsheet"), "Xuất Excel…")
        self.close_button = QPushButton("Đóng")
        self.form = QFormLayout()
        self.form.addRow("Báo cáo:", self.report)
        self.form.addRow("Sổ đăng ký:", self.register)
        self.form.addRow("Kỳ báo cáo:", self.period)
        self.form.addRow("", self.period_error)
        self.form.addRow("Công văn:", self.dispatch)
        self.form.addRow("Tính đến ngày:", self.as_of)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.runner = ExportRunner(self)
        self._registers = []
        self.report.currentIndexChanged.connect(lambda _i: self._report_changed())
        for signal in (self.period.kind.currentIndexChanged, self.period.year.valueChanged,
                       self.period.month.currentIndexChanged, self.period.start.dateChanged,
                       self.period.end.dateChanged):
            signal.connect(lambda *_: self._period_changed())
        self.dispatch.currentIndexChanged.connect(lambda _i: self.period.setEnabled(self.dispatch.currentData() is None))
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.close)
        self.report.setCurrentIndex(next(i for i, (k, _t) in enumerate(REPORTS) if k == report))
        self._report_changed()
        from desktop.reports.registers import register_choices

        run_read(lambda: register_choices(ctx), self._registers_ready)
        fit_window(self, "report-export")

    @property
    def report_key(self) -> str:
        return self.report.currentData()

    def _registers_ready(self, registers) -> None:
        self._registers = registers
        self._fill_registers()

    def _fill_registers(self) -> None:
        direction = "in" if self.report_key == "register-in" else "out"
        self.register.clear()
        self.register.addItem("Mọi sổ " + ("văn bản đến" if direction == "in" else "văn bản đi") + " (mỗi sổ một trang)",
                              None)
        for r in self._registers:
            if r.direction == direction:
                self.register.addItem(f"{r.name} ({r.code})", r.code)

    def _report_changed(self) -> None:
        key = self.report_key
        is_register = key.startswith("register")
        for widget, shown in ((self.register, is_register), (self.dispatch, key == "responses"),
                              (self.as_of, key in ("tasks", "responses"))):
            widget.setVisible(shown)
            self.form.labelForField(widget).setVisible(shown)
        self.hint.setText(HINTS[key])
        if is_register:
            self._fill_registers()
        self.period.setEnabled(key != "responses" or self.dispatch.currentData() is None)
        self._period_changed()

    def _period_changed(self) -> None:
        try:
            period = self.period.period()
        except ValueError as exc:
            self.period_error.setText(str(exc))
            return
        self.period_error.setText("")
        if self.report_key == "responses":
            from desktop.reports.responses import awaiting_dispatches

            ctx = self.ctx
            run_read(lambda: awaiting_dispatches(ctx, period), self._dispatches_ready)

    def _dispatches_ready(self, choices) -> None:
        current = self.dispatch.currentData()
        self.dispatch.blockSignals(True)
        self.dispatch.clear()
        self.dispatch.addItem(f"Mọi công văn chờ phản hồi trong kỳ ({len(choices)})", None)
        for key, label in choices:
            self.dispatch.addItem(label, key)
        index = self.dispatch.findData(current)
        self.dispatch.setCurrentIndex(max(index, 0))
        self.dispatch.blockSignals(False)
        self.period.setEnabled(self.dispatch.currentData() is None)

    # ---- export -------------------------------------------------------------------------
    def export(self) -> None:
        """Ask the file name, then write the chosen report as a job."""
        job_and_name = self.job()
        if job_and_name is not None:
            job, name = job_and_name
            self.runner.export("Xuất báo cáo Excel", name, job)

    def job(self):
        """(job, suggested file name) for the choices made, or None (the error shown by its field)."""
        if not dates_ok(self):
            return None
        try:
            period = self.period.period()
        except ValueError as exc:
            self.period_error.setText(str(exc))
            return None
        ctx, key = self.ctx, self.report_key
        title = dict(REPORTS)[key]
        if key.startswith("register"):
            from desktop.reports.registers import export_register

            direction, code = ("in" if key == "register-in" else "out"), self.register.currentData()
            name = f"{title}{' ' + code if code else ''} – {period.label}.xlsx"
            return (lambda path, progress, cancel: export_register(ctx, path, direction, period, code,
                                                                   progress=progress, cancel=cancel)), name
        as_of = picked_date(self.as_of)
        when = f" (đến {as_of:%d-%m-%Y})"
        if key == "tasks":
            from desktop.reports.tasks_report import export_tasks

            return (lambda path, progress, cancel: export_tasks(ctx, path, period, as_of, progress=progress,
                                                                cancel=cancel)), f"{title} – {period.label}{when}.xlsx"
        from desktop.reports.responses import export_responses

        outgoing_id = self.dispatch.currentData()
        scope = self.dispatch.currentText().split(" – ")[0] if outgoing_id else period.label
        return (lambda path, progress, cancel: export_responses(
            ctx, path, as_of, period=None if outgoing_id else period, outgoing_id=outgoing_id, progress=progress,
            cancel=cancel)), f"{title} – {scope}{when}.xlsx"
