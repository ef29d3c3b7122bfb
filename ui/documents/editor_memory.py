"""The editor's memory: autosave (2 s after a change, off the GUI thread, restored after a
crash) and the form-level undo/redo history. A mixin of EditorWindow."""
from __future__ import annotations

from desktop.documents import autosave
from desktop.documents.inputs import draft_from_payload, draft_to_payload
from ui.common.background import run_write


class EditorMemory:
    """Needs: ctx, document_id, loaded, dirty, form, timers, collect(), _apply(), _changed(),
    refresh_preview(), _failed(), _history, _hpos, _pending_autosave."""

    def autosave_now(self) -> None:
        self.timers["autosave"].stop()
        if not self.dirty or (self.loaded is not None and not self.loaded.editable):
            return
        payload, doc_id, user = draft_to_payload(self.collect()), self.document_id, self.ctx.user
        slot = self.autosave_id if doc_id is None else None
        run_write(lambda: autosave.save_autosave(self.ctx, doc_id, payload, user, autosave_id=slot),
                  self._autosaved, self._autosave_failed)

    def _autosaved(self, autosave_id: int) -> None:
        if self.document_id is None:
            self.autosave_id = autosave_id  # later autosaves of this new draft update its own slot
        self.autosave_ok = True
        self.statusBar().showMessage("Đã tự lưu bản nháp.", 3000)

    def _autosave_failed(self, exc: BaseException) -> None:
        self.autosave_ok = False
        self.statusBar().showMessage(f"Chưa tự lưu được bản nháp: {exc}", 15000)

    def _offer_autosave(self, payload: dict) -> None:
        self._pending_autosave = payload
        subject = payload.get("subject") or "(chưa có trích yếu)"
        self.form.autosave_text.setText(
            f"Khôi phục bản tự lưu? Có bản đang soạn dở chưa lưu: V/v {subject}.")
        self.form.autosave_banner.show()

    def restore_autosave(self) -> None:
        if self._pending_autosave is None:
            return
        data = draft_from_payload(self._pending_autosave)
        self._pending_autosave = None
        self.form.autosave_banner.hide()
        self._apply(data)
        self._changed()
        self.refresh_preview()
        self.form.show_notice("Đã khôi phục bản tự lưu. Nhấn «Lưu» để giữ lại.")

    def discard_autosave(self) -> None:
        self._pending_autosave = None
        self.form.autosave_banner.hide()
        doc_id = self.document_id
        slot = self.autosave_id if doc_id is None else None
        if doc_id is not None or slot is not None:
            run_write(lambda: autosave.discard_autosave(self.ctx, doc_id, autosave_id=slot))
        if doc_id is None:
            self.autosave_id = None

    def _record_history(self) -> None:
        self.timers["history"].stop()
        payload = draft_to_payload(self.collect())
        if self._history and payload == self._history[self._hpos]:
            return
        del self._history[self._hpos + 1:]
        self._history.append(payload)
        self._hpos = len(self._history) - 1

    def undo(self) -> None:
        if self.form.body.hasFocus() and self.form.body.document().isUndoAvailable():
            self.form.body.undo()
            return
        if self.timers["history"].isActive():
            self._record_history()
        if self._hpos > 0:
            self._hpos -= 1
            self._from_history()

    def redo(self) -> None:
        if self.form.body.hasFocus() and self.form.body.document().isRedoAvailable():
            self.form.body.redo()
            return
        if self._hpos < len(self._history) - 1:
            self._hpos += 1
            self._from_history()

    def _from_history(self) -> None:
        self._apply(draft_from_payload(self._history[self._hpos]))
        self.dirty = True
        self.timers["preview"].start()
        self.timers["autosave"].start()
