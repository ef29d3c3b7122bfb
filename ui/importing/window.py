"""Nhập văn bản: open (or drop) a dispatch file, check what the importer read against the
source, correct it, and save it as an incoming or an outgoing document with its tasks.

Reading runs in the pool (`run_read`), saving on the write lane (`run_write`, so the lists
update through the change bus). Messages go to the banner at the top: one clear sentence."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop.core.jobs import CancelToken
from desktop.importing.evidence import field_words, span_words
from desktop.importing.parse import ImportResult
from desktop.importing.readers import SUPPORTED
from desktop.importing.review import read_with_units, reference_span, save_edited
from desktop.importing.save import DuplicateImport
from ui.common.background import CANCELLED, on_gui_thread, run_task, run_write
from ui.common.messages import confirm
from ui.common.user_settings import user_settings
from ui.common.window_size import fit_window
from ui.importing.fields import LABELS, FieldError
from ui.importing.openers import open_folder
from ui.importing.tasks import TITLE
from ui.importing.window_layout import ImportWindowLayout

FILE_FILTER = "Văn bản (*.txt *.md *.docx *.pdf);;Tất cả các tệp (*)"


OPEN_KEY = "Ctrl+O"
SHORTCUTS = ("Cửa sổ nhập văn bản", (("Chọn tệp văn bản cần nhập", OPEN_KEY),))


class ImportWindow(QDialog):
    loaded = Signal()  # a file was read and is shown
    saved = Signal(object)  # desktop.importing.save.SaveOutcome

    def __init__(self, ctx, parent: QWidget | None = None, *, default_as: str = "in"):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Nhập văn bản")
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowMinMaxButtonsHint
                            | Qt.WindowType.WindowCloseButtonHint)
        self.setAcceptDrops(True)
        self.ui = ImportWindowLayout(self)
        self.result: ImportResult | None = None
        self.path: Path | None = None
        self.last_outcome = None
        self.highlighted: tuple[str, int, int] | None = None
        self.reading = None  # the CancelToken of the file being read
        self._first_page = None  # the GUI-side callable the reading job hands its first page to
        self._generation = 0
        self._settings = user_settings()  # import/last_folder, import/splitter
        ui = self.ui
        ui.open_button.clicked.connect(self.choose_file)
        ui.folder_button.clicked.connect(lambda: self.open_folder())
        ui.save_in.clicked.connect(lambda: self.save("in"))
        ui.save_out.clicked.connect(lambda: self.save("out"))
        ui.close_button.clicked.connect(self.close)
        ui.cancel_button.clicked.connect(self.cancel_reading)
        ui.form.field_selected.connect(self.highlight)
        ui.task_view.selectionModel().selectionChanged.connect(self._task_selected)
        ui.task_text.textChanged.connect(self._task_text_edited)
        QShortcut(QKeySequence(OPEN_KEY), self, activated=self.choose_file)
        for button in (ui.open_button, ui.folder_button, ui.save_in, ui.save_out, ui.close_button):
            button.setAutoDefault(False)  # Enter in a field must not save
        self.set_default_as(default_as)
        self._set_ready(False)
        self._fit_to_screen()
        self.finished.connect(self._remember_layout)

    def _fit_to_screen(self) -> None:
        fit_window(self, "import", 1280, 740)
        width = self.width()
        self.ui.splitter.setSizes([int(width * 0.44), int(width * 0.56)])
        state = self._settings.value("import/splitter")
        if state:
            self.ui.splitter.restoreState(QByteArray(state))

    def _remember_layout(self) -> None:
        self._settings.set_value("import/splitter", self.ui.splitter.saveState().data())

    def set_default_as(self, as_: str) -> None:
        """The direction this window was opened for: its save button is shown first and bold."""
        self.default_as = as_
        for button, direction in ((self.ui.save_in, "in"), (self.ui.save_out, "out")):
            font = button.font()
            font.setBold(direction == as_)
            button.setFont(font)

    # ---- opening ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Mở văn bản cần nhập",
                                              self._settings.value("import/last_folder"), FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Read `path` in the pool; the result (or one clear error) replaces what is shown."""
        path = Path(path)
        self._settings.set_value("import/last_folder", str(path.parent))
        self._generation += 1
        generation = self._generation
        self.path = path
        self._set_ready(False)
        self.ui.file_label.setText(f"<b>{path.name}</b>  <span style='color:#666'>{path.parent}</span>")
        self.ui.banner.show_message("info", f"Đang đọc {path.name}…")
        if self.reading is not None:
            self.reading.cancel()  # the file read before: its result is not wanted any more
        # held here, not only by the job: its relay must be destroyed on this thread, not the worker's
        self._first_page = first_page = on_gui_thread(lambda loaded: self._show(generation, loaded, partial=True))
        self.reading = CancelToken()
        run_task(
            lambda progress, cancel: read_with_units(self.ctx, path, progress=progress, cancel=cancel,
                                                     on_partial=first_page),
            lambda loaded: self._read_done(generation, loaded),
            lambda exc: self._read_failed(generation, path, exc),
            on_progress=lambda fraction, message: self._progress(generation, fraction, message), token=self.reading)

    # ---- reading a scan: progress, the first page, Hủy ------------------------------------------
    def _progress(self, generation: int, fraction: float, message: str) -> None:
        if generation != self._generation or not message:
            return
        self.ui.progress_box.setVisible(True)
        self.ui.progress_label.setText(message)
        self.ui.progress.setValue(int(fraction * 1000))

    def cancel_reading(self) -> None:
        """Hủy: stop before the next page; what was read is kept."""
        if self.reading is not None:
            self.reading.cancel()
            self.ui.cancel_button.setEnabled(False)
            self.ui.progress_label.setText("Đang dừng…")

    def _read_done(self, generation: int, loaded) -> None:
        if generation != self._generation:
            return
        self.reading = None
        self.ui.progress_box.setVisible(False)
        self.ui.cancel_button.setEnabled(True)
        if loaded is not CANCELLED:
            self._show(generation, loaded)
        elif self.result is not None:  # stopped after the first page: that is what the clerk has
            self._enable_editing(True)
            self._set_ready(True)
            self.ui.banner.show_message("warning", "Đã dừng nhận dạng: các trường dưới đây chỉ đọc từ trang đầu; "
                                                   "nội dung, nhiệm vụ và phần ký có thể thiếu – hãy kiểm tra.")
        else:
            self.ui.banner.show_message("info", "Đã hủy đọc tệp.")

    def open_folder(self, folder: Path | None = None):
        return open_folder(self.ctx, self, folder, self.default_as)

    def _show(self, generation: int, loaded, *, partial: bool = False) -> None:
        if generation != self._generation:
            return  # a newer file is being read
        result, units = loaded
        self.result = result
        self.last_outcome = None
        ui = self.ui
        ui.source.setPlainText(result.source_text)
        ui.form.load(result.dispatch, result.kind)
        ui.form.mark_unsure(result.confidence)
        self._show_pages(result)
        ui.tasks.load(result.tasks, units, result.dispatch.date)
        self._task_selected(QItemSelection(), QItemSelection())
        ui.tabs.setTabText(1, f"Nhiệm vụ ({len(result.tasks)})")
        ui.tabs.setCurrentIndex(0)
        self.highlighted = None
        what = {"text": "văn bản", "docx": "Word", "pdf": "PDF"}.get(result.source_format, "văn bản")
        unsure = ", ".join(LABELS[k] for k in ui.form.unsure())
        if partial:
            ui.banner.show_message("info", "Đã đọc trang đầu của bản quét: số, ngày, cơ quan và trích yếu đã hiện "
                                           "bên phải; các trang còn lại đang được nhận dạng, sửa được khi xong.")
        elif result.warnings or unsure:
            extra = [f"OCR chưa chắc chắn ở: {unsure} (tô đỏ)."] if unsure else []
            ui.banner.show_message("warning", f"Đã đọc tệp {what}, cần kiểm tra: " + " ".join(result.warnings + extra))
        else:
            ui.banner.show_message("success", f"Đã đọc tệp {what}: {len(result.tasks)} nhiệm vụ. "
                                              "Kiểm tra các trường rồi bấm Lưu.")
        self._enable_editing(not partial)
        self._set_ready(not partial)
        if not partial:
            self.loaded.emit()

    def _show_pages(self, result: ImportResult) -> None:
        """The page images beside the text (a PDF), and where its text came from."""
        ui = self.ui
        has_pages = bool(result.pages) and self.path is not None
        ui.left_tabs.setTabEnabled(1, has_pages)
        if has_pages:
            ui.page_view.set_document(self.path, result.pages, result.page_words)
        else:
            ui.page_view.clear()
        ocr_pages = sum(p.source == "ocr" for p in result.pages)
        if not result.complete:
            text = "Chữ đọc bằng nhận dạng (OCR), đang đọc tiếp các trang sau"
        elif result.source == "ocr" or ocr_pages:
            text = f"Chữ đọc bằng nhận dạng (OCR): {ocr_pages}/{len(result.pages)} trang"
        elif result.source == "widgets":
            text = "Số, ngày đọc từ ô ký số trên PDF"
        else:
            text = ""
        ui.source_label.setText(f"<span style='background:#e8eefb; padding:2px 6px'>{text}</span>" if text else "")
        ui.source_label.setVisible(bool(text))
        if ocr_pages:
            ui.left_tabs.setCurrentIndex(1)  # a scan: the clerk checks against the image

    def _enable_editing(self, enabled: bool) -> None:
        """While the rest of a scan is read the first page's fields are shown but not editable."""
        self.ui.form_scroll.setEnabled(enabled)
        self.ui.task_view.setEnabled(enabled)

    def _read_failed(self, generation: int, path: Path, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.result = None
        self.reading = None
        ui = self.ui
        ui.progress_box.setVisible(False)
        ui.cancel_button.setEnabled(True)
        ui.source.clear()
        ui.page_view.clear()
        ui.left_tabs.setTabEnabled(1, False)
        ui.source_label.setVisible(False)
        ui.form.clear()
        ui.tasks.load([], [])
        self._task_selected(QItemSelection(), QItemSelection())
        ui.tabs.setTabText(1, "Nhiệm vụ")
        message = str(exc) if isinstance(exc, ValueError) else (
            f"Không đọc được tệp {path.name} (lỗi không mong đợi: {exc.__class__.__name__}).")
        ui.banner.show_message("error", message)
        self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        self.ui.save_in.setEnabled(ready)
        self.ui.save_out.setEnabled(ready)

    # ---- highlighting -----------------------------------------------------------------------
    def span_for(self, key: str) -> tuple[int, int] | None:
        """Where field `key` was read in the source text (None when it was not)."""
        if self.result is None:
            return None
        spans = self.result.spans
        if key in spans:
            return spans[key]
        base, _, rest = key.partition("[")
        if base == "references" and rest:
            refs = self.result.dispatch.references
            index = int(rest.rstrip("]"))
            return reference_span(self.result.source_text, refs[index]) if index < len(refs) else None
        return spans.get(base)

    def highlight(self, key: str) -> bool:
        """Select the text field `key` came from and scroll it into view; False if unknown."""
        span = self.span_for(key)
        source = self.ui.source
        cursor = QTextCursor(source.document())
        if span is None:
            self.ui.page_view.highlight([])
            cursor.setPosition(min(source.textCursor().position(), len(source.toPlainText())))
            source.setTextCursor(cursor)
            self.highlighted = None
            return False
        if self.result.page_words:
            words = field_words(self.result, key) if key in self.result.spans else \
                span_words(self.result, span, from_end=key.startswith(("signer", "distribution")))
            self.ui.page_view.highlight(words)
        start, end = span
        length = len(source.toPlainText())
        start, end = max(0, min(start, length)), max(0, min(end, length))
        cursor.setPosition(end)
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        source.setTextCursor(cursor)  # the cursor sits at the start, so centring shows the field
        source.centerCursor()
        self.highlighted = (key, start, end)
        return True

    def _task_row(self) -> int:
        rows = self.ui.task_view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _task_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self._task_row()
        text = self.ui.task_text
        text.blockSignals(True)
        text.setPlainText(self.ui.tasks.rows[row].draft.title if row >= 0 else "")
        text.blockSignals(False)
        text.setEnabled(row >= 0)
        if self.result is None or row < 0:
            return
        label = self.ui.tasks.rows[row].draft.item_label
        for i, paragraph in enumerate(self.result.dispatch.body):
            if paragraph.label == label:
                self.highlight(f"body[{i}]")
                return

    def _task_text_edited(self) -> None:
        row = self._task_row()
        if row >= 0:
            model = self.ui.tasks
            model.setData(model.index(row, TITLE), self.ui.task_text.toPlainText())

    # ---- saving -----------------------------------------------------------------------------
    def edited_result(self) -> ImportResult:
        """The result as the clerk corrected it (FieldError for a value that cannot be used)."""
        assert self.result is not None
        dispatch = self.ui.form.dispatch(self.result.dispatch)
        return dataclasses.replace(self.result, dispatch=dispatch, tasks=self.ui.tasks.drafts())

    def save(self, as_: str, *, allow_duplicate: bool = False) -> None:
        if self.result is None:
            return
        try:
            edited = self.edited_result()
        except FieldError as exc:
            self._back_to_field(exc.key)
            self.ui.banner.show_message("error", f"Chưa lưu: {exc}")
            return
        if as_ == "out":
            unresolved = self.ui.form.unresolved()
            if unresolved:
                self._back_to_field(unresolved[0])
                names = ", ".join(LABELS[k] for k in unresolved)
                self.ui.banner.show_message(
                    "error", f"Chưa lưu văn bản đi: còn trường chưa đọc được ({names}). Hãy nhập, "
                             "hoặc đánh dấu “Để trống” nếu văn bản thật sự không có.")
                return
        self._set_ready(False)
        self.ui.banner.show_message("info", "Đang lưu…")
        run_write(lambda: save_edited(self.ctx, edited, as_, allow_duplicate=allow_duplicate), self._saved,
                  lambda exc: self._save_failed(exc, as_))

    def _saved(self, outcome) -> None:
        self.last_outcome = outcome
        kind = "warning" if any(not link.linked for link in outcome.links) else "success"
        self.ui.banner.show_message(kind, outcome.message + ". Mở hoặc kéo thả tệp khác để nhập tiếp.")
        self.saved.emit(outcome)  # the save buttons stay off: the same file is not stored twice

    def _save_failed(self, exc: BaseException, as_: str = "in") -> None:
        self._set_ready(True)
        if isinstance(exc, DuplicateImport):
            text = str(exc)
            if confirm(self, f"{text[:1].upper()}{text[1:]}.\n\nVẫn lưu thêm một bản nữa?", "Văn bản đã có",
                       yes="Vẫn lưu"):
                self.save(as_, allow_duplicate=True)
            else:
                self.ui.banner.show_message("info", "Không lưu: văn bản này đã có trong sổ văn bản đến.")
            return
        if isinstance(exc, ValueError):
            text = str(exc)
            if not text.casefold().startswith("không lưu được"):
                text = "Không lưu được: " + text
            text = text[:1].upper() + text[1:]
            if not text.endswith((".", ")")):
                text += "."
        else:
            text = f"Không lưu được (lỗi không mong đợi: {exc.__class__.__name__}: {exc})."
        self.ui.banner.show_message("error", text)

    def _back_to_field(self, key: str) -> None:
        self.ui.tabs.setCurrentIndex(0)
        self.ui.form.select_field(key)
        widget = self.ui.form.widgets[key]
        self.ui.form_scroll.ensureWidgetVisible(widget)

    def closeEvent(self, event) -> None:
        if self.reading is not None:
            self.reading.cancel()  # no OCR of a file nobody is looking at
        super().closeEvent(event)

    # ---- drag and drop ----------------------------------------------------------------------
    @staticmethod
    def _dropped(event) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        for url in urls:
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.is_dir() or path.suffix.lower() in SUPPORTED:
                    return path
        return None

    def dragEnterEvent(self, event) -> None:
        if self._dropped(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        path = self._dropped(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        if path.is_dir():
            self.open_folder(path)
        else:
            self.open_file(path)
