"""The main window: a shell. Navigation on the left, the current section on the right, menus
and shortcuts built from the section registry. Sections are built on first visit; features start
their own work (reminder, recovery banner) through start-up hooks (`ui.sections.STARTUP`)."""
from __future__ import annotations

import gc

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.context import AppContext
from ui.actions import menu_actions
from ui.common.icons import icon
from ui.common.rights import restrict
from ui.common.user_settings import UserSettings
from ui.common.window_size import clamp_to_screen, largest_size
from ui.sections import SectionSpec, sections, startup_hooks


FEATURES_AFTER_ROWS_MS = 150  # the rows are painted within a frame or two of arriving


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, settings: UserSettings):
        super().__init__()
        self.ctx = ctx
        self._settings = settings
        self.setWindowTitle("TĐKT Desk – Thi đua, Khen thưởng")
        self.specs: list[SectionSpec] = sections()
        self.widgets: dict[str, QWidget] = {}
        self.search_window = None  # ui.search.window.SearchWindow, once Ctrl+K is pressed

        self.nav = QListWidget()
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setMinimumWidth(190)
        self.stack = QStackedWidget()
        for spec in self.specs:
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setToolTip(f"{spec.title} ({spec.shortcut})")
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # placeholder until first visit
        self.splitter = splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1000])
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.show_section)

        self._build_menus()
        where = ctx.db_path or ctx.engine.url.render_as_string(hide_password=True)
        self._build_notice()
        self.user_label = QLabel(f"Người dùng: {ctx.actor.display} ({ctx.actor.role_text})   |   Dữ liệu: {where}")
        self.statusBar().addPermanentWidget(self.user_label)
        self._restore()
        self._started: dict[str, object] | None = None
        self._start_after_first_rows()

    # ---- features' start-up work ------------------------------------------------------
    def _start_after_first_rows(self) -> None:
        """The features' start-up work (reminder, recovery banner, automatic backup) waits until the
        first list has shown its rows: the clerk sees the list first, the banners a moment later."""
        QTimer.singleShot(3000, self.start_features)  # whatever happens to the list
        model = getattr(self.stack.currentWidget(), "model", None)
        if model is None or not hasattr(model, "loaded") or getattr(model, "ready", False):
            QTimer.singleShot(0, self.start_features)
            return

        def first_rows(_count: int) -> None:
            model.loaded.disconnect(first_rows)
            QTimer.singleShot(FEATURES_AFTER_ROWS_MS, self.start_features)  # once the rows are painted
        model.loaded.connect(first_rows)

    def start_features(self) -> None:
        """Run the start-up hooks once (ui.sections.STARTUP)."""
        if self._started is None:
            self._started = {}
            for key, hook in startup_hooks().items():
                self._started[key] = hook(self.ctx, self)
            if not gc.isenabled():  # paused for the start-up by desktop.gui_launch
                gc.freeze()  # what start-up built lives on: later collections need not look at it
                gc.enable()

    @property
    def started(self) -> dict[str, object]:
        """What each feature started, by hook key (e.g. "followup-reminder"); asking starts them."""
        self.start_features()
        return self._started

    # ---- navigation -------------------------------------------------------------------
    def show_section(self, row: int) -> None:
        if row < 0:
            return
        spec = self.specs[row]
        widget = self.widgets.get(spec.key)
        if widget is None:
            widget = spec.build(self.ctx)
            self.widgets[spec.key] = widget
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.setCurrentIndex(row)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        widget.activate()
        if spec.key == self._notice_key:
            self.notice.hide()  # the section itself now shows what the notice pointed to
        self.statusBar().showMessage(spec.title, 2000)

    def section(self, key: str) -> QWidget:
        """The section's widget (built if needed); used by tests and by --smoke."""
        row = next(i for i, s in enumerate(self.specs) if s.key == key)
        self.show_section(row)
        return self.widgets[key]

    # ---- notices ----------------------------------------------------------------------
    def _build_notice(self) -> None:
        self.notice = QWidget()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet("#notice { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 3px; }")
        row = QHBoxLayout(self.notice)
        row.setContentsMargins(6, 1, 6, 1)
        self.notice_text = QLabel()
        self.notice_open = QPushButton("Xem")
        self.notice_close = QPushButton("Đóng")
        row.addWidget(self.notice_text, 1)
        for button in (self.notice_open, self.notice_close):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        self.notice_close.clicked.connect(self.notice.hide)
        self.notice_open.clicked.connect(lambda: self._notice_key and self.section(self._notice_key))
        self.statusBar().addWidget(self.notice)
        self.notice.hide()
        self._notice_key = ""

    def add_banner(self, widget: QWidget) -> None:
        """A feature's banner across the top of the window, above navigation and section."""
        self._column.insertWidget(self._column.count() - 1, widget)

    def notify(self, key: str, message: str) -> None:
        """A non-blocking notice from a feature (e.g. tasks that became overdue); "Xem" opens it."""
        self._notice_key = key
        self.notice_text.setText(message)
        self.notice.setVisible(bool(message))

    # ---- menus ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        file_menu.setToolTipsVisible(True)  # a disabled entry says why
        self.registered_actions: dict[str, QAction] = {}
        for spec in menu_actions("file"):
            action = QAction(icon(spec.icon), spec.title, self, shortcut=QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, s=spec: s.trigger(self))
            if spec.permission:
                restrict(action, self.ctx, spec.permission)
            file_menu.addAction(action)
            self.registered_actions[spec.key] = action
        if not file_menu.isEmpty():
            file_menu.addSeparator()
        quit_action = QAction("Thoát", self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("&Xem")
        for row, spec in enumerate(self.specs):
            action = QAction(icon(spec.icon), spec.title, self, shortcut=QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, r=row: self.show_section(r))
            view_menu.addAction(action)
        view_menu.addSeparator()
        find = QAction("Tìm kiếm trong danh sách", self, shortcut=QKeySequence("Ctrl+F"), triggered=self._focus_filter)
        view_menu.addAction(find)
        self.search_action = QAction(icon("search"), "Tìm mọi nơi…", self, shortcut=QKeySequence("Ctrl+K"),
                                     triggered=self.open_search)
        self.search_action.setToolTip("Tìm văn bản đi, văn bản đến, nhiệm vụ, đơn vị theo số, ký hiệu, nội dung…")
        view_menu.addAction(self.search_action)
        from ui.help.menu import add_help_menu

        self._help_actions = add_help_menu(self)

    def open_search(self) -> None:
        """Ctrl+K: the search window (built on first use, kept with its last search)."""
        if self.search_window is None:
            from ui.search.opening import open_item  # imported when first asked: start-up stays light
            from ui.search.window import SearchWindow

            self.search_window = SearchWindow(self.ctx, lambda kind, item_id: open_item(self, kind, item_id), self)
        self.search_window.popup()

    def _focus_filter(self) -> None:
        widget = self.stack.currentWidget()
        box = getattr(widget, "filter_box", None)
        if box is not None:
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

    def help_actions(self) -> list[QAction]:
        """Trợ giúp ▸ Hướng dẫn, Phím tắt, Thông tin."""
        return list(self._help_actions)

    # ---- window state -----------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self._settings.value("main/geometry")
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
            clamp_to_screen(self)  # remembered on a larger screen than this one
        else:
            self.resize(QSize(1280, 760).boundedTo(largest_size(self)))
        splitter = self._settings.value("main/splitter")
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))
        row = self._settings.value("main/section")
        self.show_section(row if 0 <= row < len(self.specs) else 0)

    def closeEvent(self, event) -> None:
        self._settings.set_value("main/geometry", self.saveGeometry().data())
        self._settings.set_value("main/splitter", self.splitter.saveState().data())
        self._settings.set_value("main/section", self.nav.currentRow())
        self._settings.sync()
        super().closeEvent(event)
