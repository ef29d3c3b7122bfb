"""The incoming-letter editor: type a letter received on paper, or correct every field of an
imported one; handler and ý kiến chỉ đạo; the original file kept (opened with the system
viewer); the dispatches it answers. Saving a letter already in the register asks first;
deleting says what goes with it and asks. All through `desktop.incoming` (no SQL here)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCompleter, QDialog, QFileDialog, QWidget

from desktop.core.access import REGISTER
from desktop.incoming.forms import link_notes, lines_from_text, references_from_text, references_to_text
from desktop.incoming.inputs import DuplicateIncoming, IncomingInput, IncomingInvalid, LoadedIncoming
from desktop.incoming.removal import delete_incoming, deletion_impact
from desktop.incoming.service import attach_file, create_incoming, load_incoming, original_file, update_incoming
from desktop.tracking.replies import unlink_letter
from ui.common.background import run_read, run_write
from ui.common.dates import optional_date, set_optional_date
from ui.common.messages import confirm
from ui.common.rights import may, restrict_all
from ui.common.window_size import fit_window
from ui.incoming.editor_layout import LABELS, IncomingEditorLayout
from ui.incoming.editor_memory import IncomingMemory


FILE_FILTER = "Văn bản (*.pdf *.docx *.doc *.txt *.md *.jpg *.jpeg *.png *.tif *.tiff);;Tất cả các tệp (*)"
_LINES = {"body", "signer_title_lines", "instructions", "subject"}


class IncomingEditor(IncomingMemory, QDialog):
    saved = Signal(int)  # the letter's id after a save
    deleted = Signal(int)

    def __init__(self, ctx, incoming_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.incoming_id = incoming_id
        self.loaded: LoadedIncoming | None = None
        self.pending_file: str | None = None  # a new letter's file, kept when it is saved
        self.issuer_unit_id: int | None = None
        self.opened_url: QUrl | None = None
        self.ui = ui = IncomingEditorLayout(self)
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowMinMaxButtonsHint
                            | Qt.WindowType.WindowCloseButtonHint)
        ui.save.clicked.connect(lambda: self.save())
        ui.close.clicked.connect(self.close)
        ui.delete.clicked.connect(self.delete)
        ui.open_file.clicked.connect(self.open_original)
        ui.attach.clicked.connect(lambda: self.attach())
        ui.unlink.clicked.connect(self.unlink)
        ui.widgets["issuer_name"].textEdited.connect(self._issuer_edited)
        fit_window(self, "incoming-edit", 1040, 700)
        restrict_all(ctx, REGISTER, ui.save, ui.attach, ui.unlink, ui.delete)  # read-only for the other roles
        self._watch_typing()  # what is typed is kept in a file until saved (editor_memory.py)
        self._complete_issuers()
        if incoming_id is None:
            self._show_new()
        else:
            self.reload()

    # ---- reading ------------------------------------------------------------------------------
    def _complete_issuers(self) -> None:
        from desktop.documents.editor_data import editor_choices

        def ready(units) -> None:
            completer = QCompleter([u.label for u in units], self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.ui.widgets["issuer_name"].setCompleter(completer)
        ctx = self.ctx
        run_read(lambda: editor_choices(ctx).units, ready)

    def _show_new(self) -> None:
        self.setWindowTitle("Văn bản đến mới")
        self.fill(IncomingInput())
        self._show_extras(None)
        self.offer_typed()

    def reload(self) -> None:
        ctx, incoming_id = self.ctx, self.incoming_id
        run_read(lambda: load_incoming(ctx, incoming_id), self._loaded, self._failed)

    def _loaded(self, loaded: LoadedIncoming) -> None:
        first = self.loaded is None or self.loaded.id != loaded.id  # not a reload after saving
        self.loaded = loaded
        number = "/".join(p for p in (loaded.data.number, loaded.data.symbol) if p)
        self.setWindowTitle(f"Văn bản đến {number} – {loaded.data.issuer_name}")
        self.fill(loaded.data)
        self._show_extras(loaded)
        if first:
            self.offer_typed()

    def fill(self, data: IncomingInput) -> None:
        self.filling = True  # setting the widgets is not typing
        try:
            self._fill(data)
        finally:
            self.filling = False

    def _fill(self, data: IncomingInput) -> None:
        w = self.ui.widgets
        for key in ("issuer_name", "issuer_parent", "number", "symbol", "place", "signer_name", "handler"):
            w[key].setText(getattr(data, key) or "")
        for key in ("subject", "instructions"):
            w[key].setPlainText(getattr(data, key) or "")
        for key in ("arrival_date", "date", "handling_deadline"):
            set_optional_date(w[key], getattr(data, key))
        w["doc_type"].setCurrentText(data.doc_type or "Công văn")
        w["urgency"].setCurrentIndex(max(0, w["urgency"].findData(data.urgency)))
        self.issuer_unit_id = data.issuer_unit_id
        self.ui.body.setPlainText(data.body or "")
        self.ui.references.setPlainText(references_to_text(data.references))
        self.ui.recipients.setPlainText("\n".join(data.recipients))
        self.ui.distribution.setPlainText("\n".join(data.distribution))

    def _show_extras(self, loaded: LoadedIncoming | None) -> None:
        ui = self.ui
        if loaded is None:
            ui.arrival.setText("(cấp khi lưu)")
        else:
            ui.arrival.setText(f"<b>{loaded.arrival_number}</b> / {loaded.arrival_year}" if loaded.arrival_number
                               else "(sổ văn bản đến chưa có)")
        name = loaded.file_name if loaded is not None else (Path(self.pending_file).name if self.pending_file else None)
        ui.file_label.setText(name or "Chưa có tệp gốc")
        ui.open_file.setEnabled(loaded is not None and loaded.file_name is not None)
        notes = link_notes(loaded) if loaded is not None else []
        ui.links.setText("\n".join(notes) or "(không dẫn chiếu công văn nào của cơ quan)")
        writes = may(self.ctx, REGISTER)  # văn thư registers incoming letters (desktop/core/access.py)
        ui.unlink.setEnabled(writes and bool(loaded and loaded.replies_to))
        ui.delete.setEnabled(writes and loaded is not None)

    def _issuer_edited(self, _text: str) -> None:
        self.issuer_unit_id = None  # matched again from the new name when saved

    # ---- saving -------------------------------------------------------------------------------
    def collect(self) -> IncomingInput:
        w = self.ui.widgets

        def text(key: str) -> str | None:
            widget = w[key]
            value = widget.toPlainText() if key in _LINES else widget.text()
            return value.strip() or None

        return IncomingInput(
            doc_type=w["doc_type"].currentText().strip() or "Công văn", issuer_name=text("issuer_name") or "",
            issuer_parent=text("issuer_parent"), issuer_unit_id=self.issuer_unit_id, number=text("number"),
            symbol=text("symbol"), date=optional_date(w["date"].date()), place=text("place"),
            subject=text("subject") or "", urgency=w["urgency"].currentData(), body=self.ui.body.toPlainText(),
            signer_name=text("signer_name"),
            signer_title_lines=self.loaded.data.signer_title_lines if self.loaded else None,
            arrival_date=optional_date(w["arrival_date"].date()),
            handling_deadline=optional_date(w["handling_deadline"].date()), handler=text("handler"),
            instructions=text("instructions"), recipients=lines_from_text(self.ui.recipients.toPlainText()),
            distribution=lines_from_text(self.ui.distribution.toPlainText()),
            references=references_from_text(self.ui.references.toPlainText()), source_file=self.pending_file,
        )

    def save(self, allow_duplicate: bool = False) -> None:
        self._clear_errors()
        data = self.collect()
        ctx, user, incoming_id = self.ctx, self.ctx.user, self.incoming_id
        if incoming_id is None:
            run_write(lambda: create_incoming(ctx, data, user, allow_duplicate=allow_duplicate),
                      self._created, self._save_failed)
        else:
            run_write(lambda: update_incoming(ctx, incoming_id, data, user), self._updated, self._save_failed)

    def _created(self, saved) -> None:
        self.forget_typed(None)  # the new letter's form: saved now
        self.incoming_id = saved.id
        self.pending_file = None
        self.ui.banner.show_message("warning" if any(not l.linked for l in saved.links) else "success",
                                    saved.message + ".")
        self.saved.emit(saved.id)
        self.reload()

    def _updated(self, links) -> None:
        self.forget_typed(self.incoming_id)
        notes = " ".join(link.message for link in links)
        self.ui.banner.show_message("success", f"Đã lưu. {notes}".strip())
        self.saved.emit(self.incoming_id)
        self.reload()

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, IncomingInvalid):
            for key, message in exc.errors.items():
                label = self.ui.errors.get(key)
                if label is not None:
                    label.setText(message)
                    label.show()
            first = next((k for k in LABELS if k in exc.errors), None)
            if first is not None:
                self.ui.widgets[first].setFocus()
            self.ui.banner.show_message("error", "Chưa lưu: hãy sửa các trường được đánh dấu đỏ.")
            return
        if isinstance(exc, DuplicateIncoming):
            text = str(exc)
            if confirm(self, f"{text[:1].upper()}{text[1:]}.\n\nVẫn lưu thêm một bản nữa?", "Văn bản đã có",
                       yes="Vẫn lưu"):
                self.save(allow_duplicate=True)
            else:
                self.ui.banner.show_message("info", "Không lưu: văn bản này đã có trong sổ văn bản đến.")
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, ValueError) else f"Lỗi không mong đợi: {exc.__class__.__name__}: {exc}"
        self.ui.banner.show_message("error", text)

    def _clear_errors(self) -> None:
        for label in self.ui.errors.values():
            label.clear()
            label.hide()

    # ---- file, links, delete ------------------------------------------------------------------
    def attach(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, "Chọn tệp gốc của văn bản", "", FILE_FILTER)
            if not name:
                return
            path = Path(name)
        if self.incoming_id is None:
            self.pending_file = str(path)
            self._show_extras(None)
            return
        ctx, user, incoming_id = self.ctx, self.ctx.user, self.incoming_id
        run_write(lambda: attach_file(ctx, incoming_id, path, user),
                  lambda _c: (self.ui.banner.show_message("success", f"Đã lưu tệp gốc {path.name}."), self.reload()),
                  self._failed)

    def open_original(self) -> None:
        ctx, incoming_id = self.ctx, self.incoming_id
        if incoming_id is None:
            return

        def show(path: Path) -> None:
            self.opened_url = QUrl.fromLocalFile(str(path))
            if not QDesktopServices.openUrl(self.opened_url):
                self.ui.banner.show_message("error", f"Không mở được tệp {path.name} bằng chương trình của máy.")
        run_read(lambda: original_file(ctx, incoming_id), show, self._failed)

    def unlink(self) -> None:
        if self.loaded is None or not self.loaded.replies_to:
            return
        names = "; ".join(f"{unit} ({citation})" for _, citation, unit in self.loaded.replies_to)
        if not confirm(self, f"Văn bản này không phải văn bản trả lời?\n{names} sẽ trở lại “chưa trả lời”.",
                       yes="Bỏ liên kết"):
            return
        ctx, user, incoming_id = self.ctx, self.ctx.user, self.incoming_id
        run_write(lambda: unlink_letter(ctx, incoming_id, user),
                  lambda _c: (self.ui.banner.show_message("success", "Đã bỏ liên kết trả lời."), self.reload()),
                  self._failed)

    def delete(self) -> None:
        ctx, incoming_id = self.ctx, self.incoming_id
        if incoming_id is None:
            return
        run_read(lambda: deletion_impact(ctx, incoming_id), self._ask_delete, self._failed)

    def _ask_delete(self, impact) -> None:
        if not confirm(self, impact.warning, "Xóa văn bản đến", yes="Xóa"):
            return
        ctx, user, incoming_id = self.ctx, self.ctx.user, self.incoming_id
        run_write(lambda: delete_incoming(ctx, incoming_id, user), lambda _c: self._deleted(incoming_id), self._failed)

    def _deleted(self, incoming_id: int) -> None:
        self.deleted.emit(incoming_id)
        self.close()


def open_incoming_editor(ctx, incoming_id: int | None = None, parent: QWidget | None = None) -> IncomingEditor:
    editor = IncomingEditor(ctx, incoming_id, parent)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.show()
    return editor
