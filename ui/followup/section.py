"""Nhiệm vụ: the follow-up board.

A lazy task list under filters (unit, status category, movement, dispatch, due range), or the
filtered set grouped by unit or dispatch in a tree; overdue rows red, due within the office's reminder
window (setting followup/soon_days) amber;
the "Tổng quan" dashboard; proposing tasks from a dispatch, recording progress, drafting
chasing letters; and a non-modal notice banner on start and once a day while open.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from desktop.core.settings.office_store import read_office_value
from desktop.core.vocabulary import short_date, vi_number
from desktop.followup.board import TaskBrowser, dispatch_choices, movement_choices, unit_choices
from desktop.followup.dashboard import Notices, notices
from desktop.followup.task_query import TaskFilter, TaskRow, task_row, task_rows
from ui.common.background import run_read
from ui.common.change_bus import change_bus
from ui.common.messages import show_error, show_info
from ui.followup.add_dialog import AddTaskDialog
from ui.followup.board_export import add_board_export
from ui.followup.board_layout import BoardLayout
from ui.followup.board_model import TaskTableModel
from ui.followup.chase import ChaseRunner, DeadlineDialog
from ui.followup.dashboard_panel import DashboardPanel
from ui.followup.grouped import fill_grouped
from ui.followup.progress_dialog import ProgressDialog
from ui.followup.propose_dialog import ProposeDialog

_WATCH = ("tasks", "outgoing", "incoming", "units", "movements")


class FollowupBoard(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = "Nhiệm vụ"
        self.browser = TaskBrowser(ctx)
        self.model = TaskTableModel(self.browser, self)
        self.ui = BoardLayout(self, self.model)
        # the names every list section offers (Ctrl+F focuses filter_box)
        self.filter_box, self.table, self.count_label = self.ui.search, self.ui.table, self.ui.count_label
        self.dashboard = DashboardPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.ui.list_page, "Danh sách nhiệm vụ")
        self.tabs.addTab(self.dashboard, "Tổng quan")
        layout = QVBoxLayout(self)
        layout.addWidget(self.ui.banner)
        layout.addLayout(self.ui.toolbar)
        layout.addLayout(self.ui.filters)
        layout.addWidget(self.tabs, 1)
        self.chaser = ChaseRunner(ctx, self)
        self.chasing_drafted = self.chaser.drafted  # hook: open the new draft in the editor later
        self.last_dialog = None
        self.last_notice: Notices | None = None
        self._notice_day: date | None = None
        self._loaded_once = False

        u = self.ui
        u.propose_button.clicked.connect(lambda: self.open_propose())
        u.add_button.clicked.connect(self.open_add)
        u.progress_button.clicked.connect(self.open_progress)
        u.chase_button.clicked.connect(self.chase_selected)
        menu = QMenu(u.chase_button)
        menu.addAction("Đôn đốc các nhiệm vụ đã chọn…", self.chase_selected)
        menu.addAction("Đôn đốc mọi nhiệm vụ quá hạn của một văn bản…", self.chase_dispatch)
        u.chase_button.setMenu(menu)
        u.chase_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.exporter = add_board_export(self)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filters)
        u.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (u.unit_combo, u.category_combo, u.movement_combo, u.dispatch_combo, u.group_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for widget in (u.due_from, u.due_to):
            widget.dateChanged.connect(lambda _d: self.apply_filters())
        u.due_box.toggled.connect(lambda _b: self.apply_filters())
        self.model.loaded.connect(self._show_count)
        u.table.doubleClicked.connect(lambda _i: self.open_progress())
        u.tree.itemDoubleClicked.connect(lambda _item, _col: self.open_progress())
        u.banner_close.clicked.connect(u.banner.hide)
        u.banner_show.clicked.connect(self.show_overdue)
        change_bus().changed.connect(self._on_changed)
        # once a day while open: the timer checks hourly whether the day changed
        self._daily = QTimer(self, interval=60 * 60 * 1000)
        self._daily.timeout.connect(self.check_notices)
        self._daily.start()

    # ---- loading ----------------------------------------------------------------------
    def activate(self) -> None:
        if self._loaded_once:
            return
        self._loaded_once = True
        self.load_soon_days()
        self.load_choices()
        self.apply_filters()
        self.check_notices()

    def load_soon_days(self) -> None:
        """The office's reminder window, for the amber rows of the lazy list."""
        ctx = self.ctx
        run_read(lambda: read_office_value(ctx, "followup/soon_days"), self.model.set_soon_days)

    def load_choices(self) -> None:
        ctx = self.ctx
        run_read(lambda: (unit_choices(ctx, with_tasks_only=True), movement_choices(ctx),
                          dispatch_choices(ctx, with_tasks_only=True)), self.ui.set_choices)

    def current_filter(self) -> TaskFilter:
        return self.ui.task_filter()

    def apply_filters(self) -> None:
        flt = self.current_filter()
        self.browser.task_filter = flt
        self.model.reload(flt.text)
        grouping = self.ui.group_combo.currentData()
        self.ui.stack.setCurrentIndex(1 if grouping else 0)
        if grouping:
            ctx, today = self.ctx, date.today()
            run_read(lambda: task_rows(ctx, today, flt), lambda rows: self._fill_tree(rows, grouping))
        self.dashboard.refresh(flt)

    def _fill_tree(self, rows: list[TaskRow], grouping: str) -> None:
        fill_grouped(self.ui.tree, rows, grouping)
        self._show_count(len(rows))

    def _show_count(self, n: int) -> None:
        self.ui.count_label.setText(f"{vi_number(n)} nhiệm vụ")

    def _on_changed(self, changes) -> None:
        if not self._loaded_once:
            return
        if changes.office:  # the reminder window may have changed
            self.load_soon_days()
            self.dashboard.refresh()
        if not any(getattr(changes, f) for f in _WATCH):
            return
        if changes.tasks or changes.units or changes.movements:
            self.load_choices()
        self.apply_filters()

    # ---- notices ----------------------------------------------------------------------
    def check_notices(self, today: date | None = None) -> None:
        """On start: every overdue task and what is due soon; afterwards, once per new day,
        what became overdue since the previous notice."""
        today = today or date.today()
        if self._notice_day == today:
            return
        since = self._notice_day
        self._notice_day = today
        ctx = self.ctx
        run_read(lambda: notices(ctx, today, since), self._show_notice)

    def _show_notice(self, found: Notices) -> None:
        self.last_notice = found
        if found.empty:
            self.ui.banner.hide()
            return
        self.ui.banner_text.setText(f"<b>Nhắc việc ngày {short_date(found.as_of)}:</b> {found.message}")
        self.ui.banner.show()

    def show_overdue(self) -> None:
        self.ui.category_combo.setCurrentIndex(self.ui.category_combo.findData("open_overdue"))
        self.tabs.setCurrentIndex(0)

    # ---- selection and actions ---------------------------------------------------------
    def selected_ids(self) -> list[int]:
        if self.ui.stack.currentIndex() == 1:
            ids = [item.data(0, Qt.ItemDataRole.UserRole) for item in self.ui.tree.selectedItems()]
            return [i for i in ids if i is not None]
        rows = sorted({index.row() for index in self.ui.table.selectionModel().selectedRows()})
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def open_propose(self, outgoing_id: int | None = None) -> ProposeDialog:
        dialog = ProposeDialog(self.ctx, self, outgoing_id=outgoing_id or self.ui.dispatch_combo.currentData())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def open_add(self) -> AddTaskDialog:
        dialog = AddTaskDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def open_progress(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            show_info(self, "Chọn một nhiệm vụ để cập nhật tiến độ.")
            return
        ctx = self.ctx
        run_read(lambda: task_row(ctx, ids[0], date.today()), self._open_progress_dialog)

    def _open_progress_dialog(self, row: TaskRow | None) -> None:
        if row is None:
            return
        dialog = ProgressDialog(self.ctx, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog

    def chase_selected(self, new_deadline: date | None = None) -> None:
        ids = self.selected_ids()
        if not ids:
            show_info(self, "Chọn các nhiệm vụ quá hạn cần đôn đốc (giữ Ctrl để chọn nhiều dòng).")
            return
        deadline = new_deadline or self._ask_deadline(f"Soạn công văn đôn đốc cho {len(ids)} nhiệm vụ đã chọn.")
        if deadline is not None:
            self.chaser.chase_tasks(ids, deadline)

    def chase_dispatch(self, outgoing_id: int | None = None, new_deadline: date | None = None) -> None:
        outgoing_id = outgoing_id or self.ui.dispatch_combo.currentData()
        if outgoing_id is None:
            ids = self.selected_ids()
            if len(ids) != 1:
                show_error(self, "Chọn văn bản giao nhiệm vụ (ô «Mọi văn bản») hoặc một nhiệm vụ của văn bản đó.")
                return
            ctx = self.ctx
            run_read(lambda: task_row(ctx, ids[0], date.today()),
                     lambda row: self._chase_dispatch_of(row, new_deadline))
            return
        deadline = new_deadline or self._ask_deadline("Soạn công văn đôn đốc mọi nhiệm vụ quá hạn của văn bản đã chọn.")
        if deadline is not None:
            self.chaser.chase_dispatch(outgoing_id, deadline)

    def _chase_dispatch_of(self, row: TaskRow | None, new_deadline: date | None) -> None:
        if row is None or row.outgoing_id is None:
            show_error(self, "Nhiệm vụ đã chọn không thuộc văn bản đi nào.")
            return
        self.chase_dispatch(row.outgoing_id, new_deadline)

    def _ask_deadline(self, summary: str) -> date | None:
        dialog = DeadlineDialog(summary, self)
        return dialog.value() if dialog.exec() else None


def build(ctx):
    return FollowupBoard(ctx)
