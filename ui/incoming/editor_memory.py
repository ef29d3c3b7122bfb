"""The incoming editor's memory: what the clerk types is kept in a small file 2 s after they stop
(desktop.incoming.autosave), offered back when the same form opens again after a crash or a close
without saving ("Khôi phục" / "Bỏ" in the banner), and dropped once the letter is saved. A mixin of
IncomingEditor."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton

from desktop.core.access import REGISTER
from desktop.core.vocabulary import short_date
from desktop.incoming.autosave import discard_form, load_form, save_form
from ui.common.background import run_read
from ui.common.dates import DateField
from ui.common.rights import may

AUTOSAVE_DELAY_MS = 2000


class IncomingMemory:
    """Needs: ctx, incoming_id, ui (widgets, body, references, recipients, distribution, banner),
    collect(), fill()."""

    def _watch_typing(self) -> None:
        self.filling = False  # fill() sets the widgets: not typing
        self.typed = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        ui = self.ui
        for widget in (*ui.widgets.values(), ui.body, ui.references, ui.recipients, ui.distribution):
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self._typing)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._typing)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._typing)
            elif isinstance(widget, DateField):
                widget.dateChanged.connect(self._typing)
        self.restore_button = QPushButton("Khôi phục")
        self.drop_button = QPushButton("Bỏ")
        for button in (self.restore_button, self.drop_button):
            ui.banner.row.addWidget(button)
            button.hide()
        self.restore_button.clicked.connect(self.restore_typed)
        self.drop_button.clicked.connect(self.drop_typed)
        self.kept = None  # the form offered back, until restored or dropped

    def _typing(self, *_args) -> None:
        if self.filling or not may(self.ctx, REGISTER):
            return
        self.typed = True
        self.autosave_timer.start()

    def autosave_now(self) -> None:
        self.autosave_timer.stop()
        if not self.typed:
            return
        ctx, incoming_id, data = self.ctx, self.incoming_id, self.collect()
        run_read(lambda: save_form(ctx, incoming_id, data), None,
                 lambda exc: self.ui.banner.show_message("warning", f"Chưa tự lưu được bản đang nhập: {exc}"))

    def forget_typed(self, incoming_id: int | None) -> None:
        """The letter is saved: what was kept of its form goes."""
        self.typed = False
        self.autosave_timer.stop()
        ctx = self.ctx
        run_read(lambda: discard_form(ctx, incoming_id))

    def offer_typed(self) -> None:
        """After the form is shown: a kept form that differs from it is offered back."""
        if not may(self.ctx, REGISTER):
            return
        ctx, incoming_id = self.ctx, self.incoming_id
        run_read(lambda: load_form(ctx, incoming_id), self._offer)

    def _offer(self, found) -> None:
        if found is None:
            return
        data, saved_at = found
        if data == self.collect():
            return
        self.kept = data
        self.ui.banner.show_message(
            "warning", f"Có bản đang nhập dở chưa lưu (lúc {saved_at:%H:%M} ngày {short_date(saved_at.date())}). "
                       "Bấm «Khôi phục» để đưa lại vào các ô, «Bỏ» nếu không cần.")
        self.restore_button.show()
        self.drop_button.show()

    def restore_typed(self) -> None:
        if self.kept is not None:
            self.fill(self.kept)
            self.kept = None
            self.typed = True  # still not saved: kept again as it changes
        self._hide_offer()
        self.ui.banner.show_message("info", "Đã khôi phục bản đang nhập dở; bấm «Lưu» để lưu vào sổ.")

    def drop_typed(self) -> None:
        self.kept = None
        ctx, incoming_id = self.ctx, self.incoming_id
        run_read(lambda: discard_form(ctx, incoming_id))
        self._hide_offer()
        self.ui.banner.clear()

    def _hide_offer(self) -> None:
        self.restore_button.hide()
        self.drop_button.hide()
