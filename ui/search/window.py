"""The search window: a box, and the hits grouped by kind under it (the group of the best hit first,
so an exact number leads). Searching runs off the GUI thread as the clerk types: first the newest
matches ranked (fast whatever the query), then, when there were more, every match ranked.

Under the hits, where the current one matched, in its own words ("Nơi nhận: Sở Tư pháp").

Keys: type to search; ↑/↓ move among the hits without leaving the box; Enter or a double-click opens
the hit; Esc closes. The window stays alive between uses and keeps its last search.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import words
from desktop.search.context import match_context
from desktop.search.query import FIRST_WINDOW, KIND_TITLES, Found, Hit, find
from ui.common.background import run_lookup, run_read
from ui.common.window_size import fit_window, keep_inside

LIMIT = 100  # hits shown (grouped); more words narrow them
MIN_CHARS = 2
KEY = Qt.ItemDataRole.UserRole  # (kind, id) of a hit's row; None on a group's row
DETAIL = QColor("#5f6368")
HINT = "Gõ số, ký hiệu hoặc vài từ; có dấu hay không dấu đều được."
# (place, ((what, keys), ...)) for the shortcuts help (the same shape as the other windows' tables)
SHORTCUTS = ("Cửa sổ Tìm mọi nơi (Ctrl+K)", (
    ("Kết quả sau, kết quả trước", "Down, Up"), ("Lùi, tiến một trang kết quả", "PgUp, PgDown"),
    ("Mở kết quả đang chọn", "Return"), ("Đóng cửa sổ", "Esc"),
))


class SearchWindow(QDialog):
    def __init__(self, ctx, opener: Callable[[str, int], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._opener = opener
        self.setWindowTitle("Tìm mọi nơi")
        self.setObjectName("searchWindow")  # a frame of its own: it stands out over a list, title bar or not
        self.setStyleSheet("#searchWindow { border: 1px solid #8a99a8; background: palette(window); }")
        self.box = QLineEdit()
        self.box.setPlaceholderText("Số, ký hiệu, trích yếu, nội dung, Kính gửi, Nơi nhận, nhiệm vụ, đơn vị…")
        self.box.setClearButtonEnabled(True)
        self.results = QTreeWidget()
        self.results.setColumnCount(2)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setItemsExpandable(False)
        self.results.setUniformRowHeights(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box keeps the keyboard
        header = self.results.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.context = QLabel()  # where the current hit matched
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.context)
        layout.addWidget(self.status)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._generation = 0
        self.hits: list[Hit] = []
        self.answered = ""  # the text whose hits are shown, every match ranked ("" while searching)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.search_now)
        self.box.textChanged.connect(lambda _t: self._debounce.start())
        self.box.returnPressed.connect(self.open_current)
        self.results.itemActivated.connect(lambda item, _col: self.open_item(item))  # double-click (or Enter)
        self.results.currentItemChanged.connect(lambda _now, _before: self._ask_context())
        self._query = ""  # the text of the hits shown
        for keys, step in ((QKeySequence.StandardKey.MoveToNextLine, 1), (QKeySequence.StandardKey.MoveToPreviousLine, -1),
                           (QKeySequence.StandardKey.MoveToNextPage, 10), (QKeySequence.StandardKey.MoveToPreviousPage, -10)):
            shortcut = QShortcut(keys, self.box, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda n=step: self.step(n))
        self._show_status(HINT)
        fit_window(self, "search", 880, 480)  # its last size, within the screen

    # ---- showing ------------------------------------------------------------------------
    def popup(self) -> None:
        """Show (or raise) the window over the upper middle of its parent, the box ready to type."""
        parent = self.parentWidget()
        if parent is not None and not self.isVisible():
            frame = parent.frameGeometry()
            self.move(frame.center().x() - self.width() // 2, frame.top() + min(80, frame.height() // 8))
        self.show()
        keep_inside(self)
        self.raise_()
        self.activateWindow()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    # ---- searching ----------------------------------------------------------------------
    def search_now(self) -> None:
        text = self.box.text()
        self._generation += 1
        generation = self._generation
        self.answered = ""
        if len(words(text).replace(" ", "")) < MIN_CHARS:
            self._set_hits([])
            self._show_status(HINT if not text.strip() else f"Gõ ít nhất {MIN_CHARS} chữ hoặc số.")
            return
        self._show_status("Đang tìm…")
        ctx = self.ctx
        run_lookup(lambda: find(ctx, text, LIMIT, FIRST_WINDOW), lambda found: self._first(generation, text, found))

    def _first(self, generation: int, text: str, found: Found) -> None:
        if generation != self._generation:
            return  # the clerk typed on
        self._set_hits(found.hits, query=text)
        if found.complete:
            self._show_status()
            self.answered = text
            return
        self._show_status("Đang xếp hạng mọi kết quả…")
        ctx = self.ctx
        run_read(lambda: find(ctx, text, LIMIT), lambda every: self._every(generation, text, every))

    def _every(self, generation: int, text: str, found: Found) -> None:
        if generation != self._generation:
            return
        current = self.current_key()
        self._set_hits(found.hits, keep=current, query=text)
        self._show_status()
        self.answered = text

    def _show_status(self, text: str | None = None) -> None:
        if text is None:
            n = len(self.hits)
            text = ("Không tìm thấy gì. Thử bớt một từ, hoặc gõ không dấu." if n == 0
                    else f"Hơn {LIMIT} kết quả: thêm từ để thu hẹp." if n >= LIMIT
                    else f"{n} kết quả. Enter để mở, Esc để đóng.")
        self.status.setText(text)

    def _ask_context(self) -> None:
        key, query = self.current_key(), self._query
        self.context.clear()
        if key is None:
            return
        ctx = self.ctx
        run_lookup(lambda: match_context(ctx, *key, query),
                 lambda text: self.current_key() == key and self.context.setText(text))

    def _set_hits(self, hits: list[Hit], keep: tuple | None = None, query: str = "") -> None:
        """The hits grouped by kind, the group of the best hit first; the best hit (or `keep`) current."""
        self.hits, self._query = hits, query
        self.context.clear()
        self.results.clear()
        order = list(dict.fromkeys(h.kind for h in hits))
        current = None
        for kind in order:
            members = [h for h in hits if h.kind == kind]
            group = QTreeWidgetItem([f"{KIND_TITLES[kind]} ({len(members)})", ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFont(0, self._bold)
            self.results.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for hit in members:
                item = QTreeWidgetItem([hit.title, hit.detail])
                item.setData(0, KEY, (hit.kind, hit.id))
                item.setToolTip(0, hit.title)
                item.setForeground(1, QBrush(DETAIL))
                group.addChild(item)
                if current is None or (kind, hit.id) == keep:
                    current = item
            group.setExpanded(True)
        if current is not None:
            self.results.setCurrentItem(current)
            self.results.scrollToItem(current)

    # ---- moving and opening -------------------------------------------------------------
    def _hit_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.results.topLevelItemCount()):
            group = self.results.topLevelItem(i)
            out.extend(group.child(j) for j in range(group.childCount()))
        return out

    def step(self, n: int) -> None:
        """↑/↓ (and page keys) in the box move the current hit `n` rows, skipping the groups' titles."""
        items = self._hit_items()
        if not items:
            return
        current = self.results.currentItem()
        at = items.index(current) if current in items else -1
        target = items[max(0, min(len(items) - 1, at + n))]
        self.results.setCurrentItem(target)
        self.results.scrollToItem(target)

    def current_key(self) -> tuple | None:
        item = self.results.currentItem()
        return item.data(0, KEY) if item is not None else None

    def open_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, KEY)
        if key is None:
            return  # a group's title
        self.hide()  # out of the way of the editor or dialog that opens
        self._opener(*key)
