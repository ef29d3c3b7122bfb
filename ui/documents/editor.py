"""The dispatch editor: the form on the left, the live page preview on the right.

The preview is rebuilt 700 ms after typing stops (the Dispatch via `dispatch_from_input` in
the pool, the PDF by PreviewWidget off the GUI thread). The form is autosaved 2 s after a
change; saving, the flow steps and issuing go through `run_write`. An issued (or signed)
document opens read-only.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QToolBar

from desktop.core.access import DRAFT, REGISTER, SIGN, PermissionDenied
from desktop.documents import autosave, service
from desktop.core.context import StorageError
from desktop.documents.errors import DocumentError, ValidationFailed
from desktop.documents.inputs import DraftInput, LoadedDraft, draft_to_payload
from desktop.documents.editor_data import editor_choices, letter_settings
from desktop.documents.preview import dispatch_from_input
from ui.common.background import default_error_handler, run_read, run_write
from ui.common.dates import dates_ok
from ui.common.icons import icon
from ui.common.rights import may, restrict
from ui.documents import form_binding as fb
from ui.documents.editor_layout import EditorForm
from ui.documents.editor_flow import EditorFlow
from ui.documents.editor_memory import EditorMemory
from ui.common.window_size import fit_window

PREVIEW_DELAY_MS = 700
AUTOSAVE_DELAY_MS = 2000
HISTORY_DELAY_MS = 400
# Problems that stop even a draft from being saved (the others wait for "Trình ký"); a register or
# signer that no longer exists is refused by the service when storing.
SAVE_BLOCKING = ("subject", "symbol", "urgency", "secrecy", "copies", "file_copies")
# The right each toolbar action needs (desktop/core/access.py); without it the action is disabled with the reason.
RIGHTS = {"save": DRAFT, "undo": DRAFT, "redo": DRAFT, "submit": DRAFT, "clone": DRAFT, "correct": DRAFT,
          "replace": DRAFT, "sign": SIGN, "return": SIGN, "issue": REGISTER}

_open: list[EditorWindow] = []
# The toolbar: (key, text, icon, shortcut), None between groups. Trợ giúp ▸ Phím tắt lists it too.
TOOLBAR = (
    ("save", "Lưu", "check", "Ctrl+S"),
    ("undo", "Hoàn tác", "arrow-back-up", "Ctrl+Z"),
    ("redo", "Làm lại", "arrow-forward-up", "Ctrl+Y"),
    None,
    ("submit", "Trình ký", "send", ""),
    ("sign", "Ký", "user-check", ""),
    ("issue", "Ban hành", "flag", ""),
    ("return", "Trả lại dự thảo", "arrow-back-up", ""),
    None,
    ("clone", "Nhân bản", "copy", ""),
    ("correct", "Đính chính", "edit", ""),
    ("replace", "Thay thế", "file-upload", ""),
    None,
    ("print", "Xem trước/In", "printer", "Ctrl+P"),
    ("close", "Đóng", "x", "Ctrl+W"),
)
# Seldom used: icon only (the text is the tooltip), so the whole toolbar fits a 1366×768 screen at 125 %.
ICON_ONLY = ("clone", "correct", "replace")
SHORTCUTS = ("Cửa sổ soạn văn bản", tuple((spec[1], spec[3]) for spec in TOOLBAR if spec and spec[3]))


def ask_save(parent) -> str:
    """"save", "discard" or "cancel" (a function so tests can answer it)."""
    box = QMessageBox(QMessageBox.Icon.Question, "Đóng văn bản", "Văn bản có thay đổi chưa lưu. Lưu trước khi đóng?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Save).setText("Lưu")
    box.button(QMessageBox.StandardButton.Discard).setText("Không lưu")
    box.button(QMessageBox.StandardButton.Cancel).setText("Hủy")
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
        QMessageBox.StandardButton(answer), "cancel")


def open_editor(ctx, document_id: int | None = None, *, data: DraftInput | None = None,
                restore: bool = False, autosave_id: int | None = None, parent=None) -> EditorWindow:
    """Show the editor of `document_id` (raising an open one), or a new draft from `data`."""
    for window in list(_open):
        if document_id is not None and window.document_id == document_id:
            window.raise_()
            window.activateWindow()
            return window
    window = EditorWindow(ctx, document_id, data=data, restore=restore, autosave_id=autosave_id,
                          parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open.append(window)
    window.destroyed.connect(lambda *_: _open.remove(window) if window in _open else None)
    fit_window(window, "editor", 1366, 740, center=True)
    window.show()
    return window


class EditorWindow(EditorFlow, EditorMemory, QMainWindow):
    def __init__(self, ctx, document_id: int | None = None, *, data: DraftInput | None = None,
                 restore: bool = False, autosave_id: int | None = None, parent=None):
        super().__init__(parent)
        self.autosave_id = autosave_id  # this editor's own autosave slot (new drafts)
        from ui.letters.preview import PreviewWidget  # PDFium only when an editor opens

        self.ctx, self.document_id = ctx, document_id
        self.loaded: LoadedDraft | None = None
        self.base = data or DraftInput()
        self.choices = None
        self.settings = None
        self.dirty = False
        self.autosave_ok = True  # the last autosave was written
        self._loading = True
        self._closing = False
        self._history: list[dict] = []
        self._hpos = -1
        self.last_issue_dialog = None  # the Ban hành dialog (ui.documents.issue_dialog), once opened
        self.last_preview_dialog = None
        self.form = EditorForm()
        self.preview = PreviewWidget(self)
        splitter = QSplitter()
        splitter.addWidget(self.form)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 740])
        self.setCentralWidget(splitter)
        self._build_actions()
        self.state_label = QLabel()
        self.statusBar().addWidget(self.state_label)
        self.timers = {name: QTimer(self, singleShot=True, interval=ms) for name, ms in (
            ("preview", PREVIEW_DELAY_MS), ("autosave", AUTOSAVE_DELAY_MS), ("history", HISTORY_DELAY_MS))}
        self.timers["preview"].timeout.connect(self.refresh_preview)
        self.timers["autosave"].timeout.connect(self.autosave_now)
        self.timers["history"].timeout.connect(self._record_history)
        fb.connect_changes(self.form, self._changed)
        self.form.drafting_unit.currentIndexChanged.connect(lambda *_: self._auto_symbol())
        self.form.doc_type.currentIndexChanged.connect(lambda *_: self._auto_symbol())
        self.form.symbol_reset.clicked.connect(lambda: self._auto_symbol(force=True))
        self.form.contact_fill.clicked.connect(self._fill_contact)
        self.form.restore_button.clicked.connect(self.restore_autosave)
        self.form.discard_button.clicked.connect(self.discard_autosave)
        self._pending_autosave: dict | None = None
        self._restore_on_load = restore
        self.setWindowTitle("Soạn văn bản")
        run_read(self._fetch, self._ready, self._failed)

    # ---- loading ----------------------------------------------------------------------
    def _fetch(self):
        ctx, doc_id = self.ctx, self.document_id
        loaded = service.load_draft(ctx, doc_id) if doc_id is not None else None
        base = loaded.data if loaded else (self.base if self.base != DraftInput() else service.new_draft_input(ctx))
        saved = None
        if doc_id is None and self.autosave_id is not None:  # reopening a recovered new draft
            saved = autosave.load_autosave(ctx, None, autosave_id=self.autosave_id)
        elif doc_id is not None and loaded.editable:
            saved = autosave.load_autosave(ctx, doc_id)
        return editor_choices(ctx), letter_settings(ctx), loaded, base, saved

    def _ready(self, result) -> None:
        self.choices, self.settings, loaded, base, saved = result
        self.base = base
        fb.set_choices(self.form, self.choices)
        if self.choices.office_place:
            self.form.place.setPlaceholderText(f"{self.choices.office_place} (địa danh của cơ quan)")
        self._apply(base)
        self._set_loaded(loaded)
        if not base.symbol and not (loaded and loaded.data.symbol):
            self._auto_symbol(force=True)
        self._loading = False
        self._history, self._hpos = [draft_to_payload(self.collect())], 0
        if saved and saved != draft_to_payload(self.collect()):
            if self._restore_on_load:
                self._pending_autosave = saved
                self.restore_autosave()
            else:
                self._offer_autosave(saved)
        self.refresh_preview()

    def _set_loaded(self, loaded: LoadedDraft | None) -> None:
        self.loaded = loaded
        status = loaded.status if loaded else "draft"
        editable = (loaded is None or loaded.editable) and may(self.ctx, DRAFT)
        fb.set_read_only(self.form, not editable)
        title = loaded.number_label if loaded and loaded.number else (self.base.subject or "văn bản mới")
        label = loaded.status_label if loaded else "Dự thảo (chưa lưu)"
        self.setWindowTitle(f"{'Xem' if not editable else 'Soạn'} văn bản – {title} [{label}]")
        number = f"   Số: {loaded.number_label}" if loaded and loaded.number else ""
        self.state_label.setText(f"Trạng thái: {label}{number}" + ("  –  chỉ xem, không sửa được" if not editable else ""))
        enabled = {
            "save": editable, "submit": status == "draft", "sign": status == "submitted",
            "issue": status == "signed", "return": status in ("submitted", "signed"),
            "clone": loaded is not None, "correct": status == "issued", "replace": status == "issued",
            "undo": editable, "redo": editable,
        }
        for key, action in self.actions_by_key.items():
            if key in enabled:
                action.setEnabled(enabled[key])
            if key in RIGHTS:
                restrict(action, self.ctx, RIGHTS[key])

    def _apply(self, data: DraftInput) -> None:
        was = self._loading
        self._loading = True
        fb.populate(self.form, data)
        self._loading = was

    def collect(self) -> DraftInput:
        return fb.collect(self.form, self.base)

    # ---- toolbar ----------------------------------------------------------------------
    def _build_actions(self) -> None:
        bar = QToolBar("Văn bản")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        self.addToolBar(bar)
        self.actions_by_key: dict[str, QAction] = {}
        slots = {"save": self.save, "undo": self.undo, "redo": self.redo, "submit": self.submit, "sign": self.sign,
                 "issue": self.issue, "return": self.return_to_draft, "clone": self.clone,
                 "correct": lambda: self.correct("correction"), "replace": lambda: self.correct("replacement"),
                 "print": self.print_preview, "close": self.close}
        for spec in TOOLBAR:
            if spec is None:
                bar.addSeparator()
                continue
            key, text, icon_name, shortcut = spec
            slot = slots[key]
            action = QAction(icon(icon_name), text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setToolTip(f"{text} ({shortcut})")
            action.triggered.connect(lambda _=False, s=slot: s())
            bar.addAction(action)
            if key in ICON_ONLY:
                bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            self.actions_by_key[key] = action

    # ---- changes, preview, autosave, history ---------------------------------------------
    def _changed(self) -> None:
        if self._loading:
            return
        self.dirty = True
        for timer in self.timers.values():
            timer.start()

    def _auto_symbol(self, force: bool = False) -> None:
        if self.choices is None or (self._loading and not force):
            return
        current = self.form.symbol.text().strip()
        if force or not current or current == getattr(self, "_last_auto_symbol", None):
            self._last_auto_symbol = fb.built_symbol(self.form, self.choices)
            self.form.symbol.setText(self._last_auto_symbol)

    def _fill_contact(self) -> None:
        lines = self.choices.office_contact if self.choices else []
        if lines:
            self.form.contact.setPlainText("\n".join(lines))
        else:
            self.form.show_error("contact", "Hồ sơ cơ quan chưa ghi địa chỉ, điện thoại: hãy gõ vào ô này.")

    def refresh_preview(self) -> None:
        self.timers["preview"].stop()
        data = self.collect()
        number = self.loaded.number if self.loaded else None
        run_read(lambda: dispatch_from_input(self.ctx, data, number=number),
                 lambda dispatch: self.preview.set_dispatch(dispatch, self.settings), self._failed)

    # ---- saving and the flow -------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.form.show_errors(exc.errors)
            self.form.show_notice("Chưa thực hiện được: hãy sửa các ô ghi chữ đỏ.", error=True)
        elif isinstance(exc, (DocumentError, PermissionDenied)):
            self.form.show_notice(str(exc), error=True)
        elif isinstance(exc, StorageError):  # the database cannot be written: keep the text in a file
            self.autosave_now()
            kept = " Bản đang soạn vẫn được giữ trên máy này (tự lưu)." if self.autosave_ok else ""
            self.form.show_notice(f"Chưa lưu: {exc}{kept}", error=True)
        else:
            default_error_handler(exc)

    def save(self, then=None, *, strict: bool = False) -> None:
        """Check, then store the form (create or update with the version loaded); `then()` after.

        `strict` (before Trình ký) refuses on any validation error; otherwise only the
        SAVE_BLOCKING fields stop a draft from being saved.
        """
        if (self.loaded is not None and not self.loaded.editable) or not may(self.ctx, DRAFT):
            return
        if not dates_ok(self.form):  # "31/02" typed in the date: its sentence is under the field
            self.form.show_notice("Chưa lưu: hãy sửa ngày ghi chữ đỏ.", error=True)
            return
        dropped = fb.unstorable_labels(self.form, self.base)
        if dropped:  # a paste brought in what cannot be stored: out of the widgets, and say so
            self._apply(self.collect())
            self.statusBar().showMessage(f"Đã bỏ ký tự điều khiển không lưu được ở {dropped}.", 15000)
        data = self.collect()
        run_read(lambda: service.validate(self.ctx, data), lambda errors: self._save_checked(data, errors, then, strict))

    def _save_checked(self, data: DraftInput, errors: dict, then, strict: bool) -> None:
        blocking = errors if strict else {k: v for k, v in errors.items() if k in SAVE_BLOCKING}
        self.form.show_errors(blocking)
        if blocking:
            self.form.show_notice("Chưa lưu: hãy sửa các ô ghi chữ đỏ.", error=True)
            return
        user, doc_id = self.ctx.user, self.document_id
        if doc_id is None:
            def write():
                return service.create_draft(self.ctx, data, user)
        else:
            version = self.loaded.version

            def write():
                return service.update_draft(self.ctx, doc_id, data, version, user)
        run_write(write, lambda value: self._saved(value, then), self._failed)

    def _saved(self, value: int, then) -> None:
        if self.document_id is None:
            self.document_id = value
            slot, self.autosave_id = self.autosave_id, None
            if slot is not None:
                run_write(lambda: autosave.discard_autosave(self.ctx, None, autosave_id=slot))
        self.dirty = False
        self.timers["autosave"].stop()
        self.form.show_notice("Đã lưu.")
        self._reload(then)

    def _reload(self, then=None) -> None:
        def done(loaded: LoadedDraft) -> None:
            if not loaded.editable:  # signed / issued: show what is stored (date, number, symbol)
                self.base = loaded.data
                self._apply(loaded.data)
            self._set_loaded(loaded)
            if then is not None:
                then()
        run_read(lambda: service.load_draft(self.ctx, self.document_id), done, self._failed)

    def _open_new(self, new_id: int) -> None:
        """The new document (a copy, a correction) in an editor of its own."""
        self.last_opened = open_editor(self.ctx, new_id, parent=self.parent())

    def print_preview(self) -> None:
        from ui.letters.preview import PreviewDialog

        data, number = self.collect(), (self.loaded.number if self.loaded else None)

        def show(dispatch) -> None:
            dialog = PreviewDialog(dispatch, self, settings=self.settings)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone: no dialog piles up
            self.last_preview_dialog = dialog
            dialog.open()
        run_read(lambda: dispatch_from_input(self.ctx, data, number=number), show, self._failed)

    # ---- closing ------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        editable = self.loaded is None or self.loaded.editable
        if self.dirty and editable and not self._closing:
            answer = ask_save(self)
            if answer == "cancel":
                event.ignore()
                return
            if answer == "save":
                event.ignore()
                self.save(self._close_after_save)
                return
            doc_id, slot = self.document_id, self.autosave_id
            if doc_id is not None or slot is not None:
                run_write(lambda: autosave.discard_autosave(self.ctx, doc_id, autosave_id=slot))
        for timer in self.timers.values():
            timer.stop()
        if self in _open:
            _open.remove(self)
        super().closeEvent(event)

    def _close_after_save(self) -> None:
        self._closing = True
        self.close()
