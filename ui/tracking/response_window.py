"""Phản hồi of one dispatch: every unit it went to and where each stands (sent, received,
answered, late), the counts in the header, bulk actions with undo, and one click to draft the
chasing letter to exactly the units that have not answered.

Reads run in the pool, writes on the write lane; the window reloads itself when the change bus
says documents or tasks changed (a reply imported elsewhere lowers the count here)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.core.access import DRAFT
from desktop.core.changes import Changes
from desktop.core.vocabulary import short_date
from desktop.tracking.actions import attach_unit, bulk_mark, set_reply_deadline
from desktop.tracking.chase import draft_reply_chase
from desktop.tracking.query import DispatchTracking, dispatch_tracking
from desktop.tracking.replies import link_by_hand, unlink_reply
from desktop.tracking.undo import undo
from ui.common.background import run_read, run_write
from ui.common.change_bus import change_bus
from ui.common.dates import optional_date, set_optional_date
from ui.common.messages import confirm
from ui.common.rights import may, restrict_all
from ui.common.window_size import fit_window
from ui.followup.chase import ChaseRunner, DeadlineDialog
from ui.tracking.response_layout import ResponseLayout


class ResponseWindow(QDialog):
    loaded = Signal()  # the rows are shown (after each reload)

    def __init__(self, ctx, outgoing_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.outgoing_id = outgoing_id
        self.tracking: DispatchTracking | None = None
        self.undo_id: int | None = None
        self.last_picker = None
        self.setWindowTitle("Phản hồi")
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowMinMaxButtonsHint
                            | Qt.WindowType.WindowCloseButtonHint)
        self.ui = ui = ResponseLayout(self)
        self.chaser = ChaseRunner(ctx, self)
        for key, action in ui.sent_actions.items():
            action.triggered.connect(lambda _=False, k=key: self.bulk(k))
        ui.sent_button.clicked.connect(lambda: self.bulk("sent_axis"))
        ui.received_button.clicked.connect(lambda: self.bulk("acknowledged"))
        ui.replied_action.triggered.connect(lambda: self.bulk("replied"))
        ui.awaits_action.triggered.connect(lambda: self.bulk("awaits"))
        ui.no_reply_action.triggered.connect(lambda: self.bulk("no_reply"))
        ui.attach_action.triggered.connect(self.attach_unit)
        ui.unlink_action.triggered.connect(self.unlink)
        ui.undo_button.clicked.connect(self.undo_last)
        ui.chase_button.clicked.connect(lambda: self.chase())
        ui.save_deadline.clicked.connect(self.save_deadline)
        ui.link_button.clicked.connect(self.link_citation)
        ui.close_button.clicked.connect(self.close)
        ui.filter_combo.currentIndexChanged.connect(lambda _i: self._filter())
        ui.search.textChanged.connect(lambda _t: self._filter())
        change_bus().changed.connect(self._on_changed)
        fit_window(self, "responses", 1180, 680)
        # recording what units did and drafting the chasing letter are a drafter's (desktop/tracking)
        restrict_all(ctx, DRAFT, ui.sent_button, ui.received_button, ui.more_button, ui.save_deadline,
                     ui.link_button, ui.undo_button, ui.chase_button)
        self.reload()

    # ---- reading ------------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, outgoing_id = self.ctx, self.outgoing_id
        run_read(lambda: dispatch_tracking(ctx, outgoing_id), self._show)

    def _on_changed(self, changes: Changes) -> None:
        if changes.outgoing or changes.incoming or changes.tasks or changes.units:
            self.reload()

    def _show(self, tracking: DispatchTracking) -> None:
        self.tracking = tracking
        ui = self.ui
        self.setWindowTitle(f"Phản hồi – {tracking.title}")
        ui.title.setText(f"<b>{tracking.title}</b>")
        ui.subject.setText(f"V/v {tracking.subject}")
        set_optional_date(ui.deadline, tracking.deadline if tracking.deadline_set else None)
        ui.deadline_note.setText("" if tracking.deadline_set or tracking.deadline is None
                                 else f"(theo nhiệm vụ: {short_date(tracking.deadline)})")
        ui.counts.setText(self.counts_text(tracking))
        selected = {row.id for row in self.selected_rows()}
        ui.model.set_rows(tracking.rows)
        self._reselect(selected)
        self._show_citations(tracking)
        pending = tracking.count("pending")
        ui.chase_button.setEnabled(pending > 0 and may(self.ctx, DRAFT))
        ui.chase_button.setText(f"Soạn công văn đôn đốc ({pending} đơn vị chưa trả lời)" if pending
                                else "Mọi đơn vị đã trả lời")
        if tracking.status != "issued":
            ui.banner.show_message("info", "Văn bản chưa ban hành: danh sách theo dõi có khi văn bản được ban hành.")
        self._show_shown()
        self.loaded.emit()

    @staticmethod
    def counts_text(tracking: DispatchTracking) -> str:
        c = tracking.count
        late = c("late")
        late_text = f"<span style='color:#b02a37'><b>{late}</b> quá hạn</span>" if late else "0 quá hạn"
        return (f"<b>{c('units')}</b> đơn vị chờ trả lời: <b>{c('replied')}</b> đã trả lời, "
                f"<b>{c('pending')}</b> chưa trả lời, {late_text}"
                f"<span style='color:#555'> &nbsp;|&nbsp; đã gửi {c('sent')}/{c('rows')} dòng, "
                f"đã nhận {c('acknowledged')}</span>")

    def _show_citations(self, tracking: DispatchTracking) -> None:
        ui = self.ui
        ui.citations.clear()
        for citation in tracking.citations:
            ui.citations.addItem(f"{citation.label} của {citation.issuer}")
            ui.citations.item(ui.citations.count() - 1).setData(Qt.ItemDataRole.UserRole, citation.incoming_id)
        ui.citations_box.setVisible(bool(tracking.citations))

    def _filter(self) -> None:
        self.ui.model.set_filter(self.ui.filter_combo.currentData(), self.ui.search.text())
        self._show_shown()

    def _show_shown(self) -> None:
        model = self.ui.model
        self.ui.shown.setText(f"{model.rowCount()}/{len(model.all_rows)} dòng")

    def selected_rows(self):
        model = self.ui.model
        rows = sorted({index.row() for index in self.ui.table.selectionModel().selectedRows()})
        return [r for r in (model.row_at(i) for i in rows) if r is not None]

    def select_units(self, *names: str) -> None:
        """Select the rows of these units (tests, and after a reload)."""
        model = self.ui.model
        self._reselect({r.id for r in model.rows if r.unit in names})

    def _reselect(self, row_ids: set[int]) -> None:
        from PySide6.QtCore import QItemSelectionModel

        selection = self.ui.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for index, row in enumerate(self.ui.model.rows):
            if row.id in row_ids:
                selection.select(self.ui.model.index(index, 0), flags)

    # ---- writing ------------------------------------------------------------------------------
    def _need_selection(self) -> list[int] | None:
        ids = [row.id for row in self.selected_rows()]
        if not ids:
            self.ui.banner.show_message("warning", "Chọn các đơn vị trong bảng trước (giữ Ctrl hoặc Shift để chọn nhiều).")
            self.ui.undo_button.hide()
            return None
        return ids

    def bulk(self, key: str) -> None:
        ids = self._need_selection()
        if ids is None:
            return
        ctx, user = self.ctx, self.ctx.user
        run_write(lambda: bulk_mark(ctx, ids, key, user), self._done_undoable, self._failed)

    def _done_undoable(self, done) -> None:
        self.undo_id = done.undo_id
        self.ui.banner.show_message("success", done.message)
        self.ui.undo_button.show()

    def undo_last(self) -> None:
        if self.undo_id is None:
            return
        ctx, user, undo_id = self.ctx, self.ctx.user, self.undo_id
        self.undo_id = None
        run_write(lambda: undo(ctx, undo_id, user), lambda _c: self._say("Đã hoàn tác thao tác vừa làm."),
                  self._failed)

    def _say(self, text: str, kind: str = "success") -> None:
        self.ui.banner.show_message(kind, text)
        self.ui.undo_button.hide()

    def _failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, ValueError) else f"Lỗi không mong đợi: {exc.__class__.__name__}: {exc}"
        self._say(text, "error")

    def attach_unit(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            self._say("Chọn đúng một dòng để gắn đơn vị trong danh mục.", "warning")
            return
        from desktop.documents.editor_data import editor_choices

        ctx = self.ctx
        run_read(lambda: editor_choices(ctx).units, lambda units: self._pick_unit(rows[0], units))

    def _pick_unit(self, row, units) -> None:
        from ui.documents.recipient_picker import DirectoryPicker

        picker = DirectoryPicker(units, [], self)
        picker.setWindowTitle(f"Gắn đơn vị cho dòng “{row.line}”")
        picker.filter_box.setText(row.unit)
        self.last_picker = picker
        picker.accepted.connect(lambda: self._attach_chosen(row.id, picker.chosen()))
        picker.open()

    def _attach_chosen(self, row_id: int, chosen) -> None:
        if not chosen:
            return
        ctx, user, unit_id = self.ctx, self.ctx.user, chosen[0].unit_id
        run_write(lambda: attach_unit(ctx, row_id, unit_id, user), self._done_undoable, self._failed)

    def unlink(self) -> None:
        rows = [r for r in self.selected_rows() if r.replied]
        if len(rows) != 1:
            self._say("Chọn một đơn vị đã được ghi nhận trả lời để bỏ liên kết.", "warning")
            return
        row = rows[0]
        if not confirm(self, f"Bỏ ghi nhận {row.unit} đã trả lời ({row.reply_label})?\nCác nhiệm vụ của đơn vị "
                             "lấy văn bản này làm báo cáo cũng được trả lại như trước.", yes="Bỏ liên kết"):
            return
        ctx, user = self.ctx, self.ctx.user
        run_write(lambda: unlink_reply(ctx, row.id, user),
                  lambda _c: self._say(f"Đã bỏ liên kết trả lời của {row.unit}."), self._failed)

    def link_citation(self) -> None:
        item = self.ui.citations.currentItem()
        rows = self.selected_rows()
        if item is None or len(rows) != 1 or rows[0].unit_id is None:
            self._say("Chọn một văn bản đến trong khung dưới và đúng một đơn vị trong bảng.", "warning")
            return
        ctx, user, incoming_id = self.ctx, self.ctx.user, item.data(Qt.ItemDataRole.UserRole)

        def done(undo_id: int) -> None:
            self.undo_id = undo_id
            self.ui.banner.show_message("success", f"Đã ghi nhận {rows[0].unit} trả lời bằng {item.text()}.")
            self.ui.undo_button.show()
        run_write(lambda: link_by_hand(ctx, rows[0].id, incoming_id, user), done, self._failed)

    def save_deadline(self) -> None:
        ctx, user, when = self.ctx, self.ctx.user, optional_date(self.ui.deadline.date())
        text = f"Đã lưu hạn trả lời {short_date(when)}." if when else "Hạn trả lời theo hạn sớm nhất của các nhiệm vụ."
        run_write(lambda: set_reply_deadline(ctx, self.outgoing_id, when, user), lambda _c: self._say(text),
                  self._failed)

    def chase(self, new_deadline: date | None = None) -> None:
        """Draft the chasing letter to the units that have not answered; it opens in the editor."""
        if self.tracking is None or not self.tracking.pending_units:
            return
        if new_deadline is None:
            names = ", ".join(r.unit for r in self.tracking.pending_units[:6])
            more = f" và {len(self.tracking.pending_units) - 6} đơn vị khác" if len(self.tracking.pending_units) > 6 else ""
            dialog = DeadlineDialog(f"Soạn công văn đôn đốc gửi {len(self.tracking.pending_units)} đơn vị chưa trả lời "
                                    f"{self.tracking.title}: {names}{more}.", self)
            new_deadline = dialog.value() if dialog.exec() else None
        if new_deadline is None:
            return
        ctx, user, outgoing_id = self.ctx, self.ctx.user, self.outgoing_id
        self.chaser.run(lambda: draft_reply_chase(ctx, outgoing_id, new_deadline, user))


def open_response(ctx, outgoing_id: int, parent: QWidget | None = None) -> ResponseWindow:
    window = ResponseWindow(ctx, outgoing_id, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
