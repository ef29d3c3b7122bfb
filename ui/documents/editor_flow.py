"""The editor's flow steps: Trình ký, Ký, Trả lại dự thảo, Ban hành (with its dialog), Nhân bản and the
correction or replacement of an issued document. A mixin of EditorWindow; every step goes through
`run_write` and reloads the document after it."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.documents import service
from desktop.documents.errors import NO_REGISTER_SIGNED
from ui.common.background import run_write
from ui.documents.issue_dialog import IssueDialog


class EditorFlow:
    """Needs: ctx, document_id, loaded, dirty, form, save(), _reload(), refresh_preview(), _failed(),
    statusBar(), and _open_new(new_id) (the window opens a new document's editor)."""

    def _step(self, fn, message: str) -> None:
        doc_id, version, user = self.document_id, self.loaded.version, self.ctx.user
        run_write(lambda: fn(self.ctx, doc_id, user, expected_version=version),
                  lambda _v: (self.form.show_notice(message), self._reload()), self._failed)

    def submit(self) -> None:
        self.save(lambda: self._step(service.submit, "Đã trình ký."), strict=True)

    def sign(self) -> None:
        if self.dirty:
            self.save(lambda: self._step(service.sign, "Đã ghi nhận văn bản đã ký."), strict=True)
        else:
            self._step(service.sign, "Đã ghi nhận văn bản đã ký.")

    def return_to_draft(self) -> None:
        self._step(service.return_to_draft, "Đã trả lại dự thảo để sửa.")

    def issue(self) -> None:
        if self.loaded is None or self.loaded.status != "signed":
            return
        data = self.loaded.data
        if data.register_id is None:
            self.form.show_errors({"register_id": NO_REGISTER_SIGNED})
            return
        name = self.form.register.currentText()
        dialog = IssueDialog(self.ctx, data.register_id, name, data.date or date.today(), self)
        dialog.accepted.connect(lambda: self._issue(*dialog.chosen()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
        self.last_issue_dialog = dialog
        dialog.open()

    def _issue(self, on: date, number: int | None) -> None:
        doc_id, version, user = self.document_id, self.loaded.version, self.ctx.user

        def done(given: int) -> None:
            symbol = self.loaded.data.symbol or ""
            text = f"Đã ban hành số {given:02d}/{symbol}"
            self.form.show_notice(text)
            self.statusBar().showMessage(text, 10000)
            self._reload(self.refresh_preview)
        run_write(lambda: service.issue(self.ctx, doc_id, user, on, number=number, expected_version=version),
                  done, self._failed)

    def clone(self) -> None:
        doc_id, user = self.document_id, self.ctx.user
        run_write(lambda: service.clone(self.ctx, doc_id, user), self._open_new, self._failed)

    def correct(self, kind: str) -> None:
        doc_id, user = self.document_id, self.ctx.user
        run_write(lambda: service.make_correction(self.ctx, doc_id, kind, user), self._open_new, self._failed)
