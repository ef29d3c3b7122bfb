"""Print preview of a dispatch: the exact pages of its PDF (pypdfium2), zoom, pages, print and save.

The PDF rendered by desktop.letters.pdf is the single source: the preview shows it, "In…" paints
its pages onto the printer, "Lưu PDF…" writes the same bytes. Rendering runs in the background
pool; a newer `set_dispatch` supersedes an older one still running.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage, QPainter, QPageLayout, QPageSize
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QToolButton, QVBoxLayout, QWidget)

from desktop.core.dispatch import Dispatch
from desktop.letters.layout import LetterSettings
from ui.common import background
from ui.common.messages import show_error
from ui.letters.pages_view import PagesView
from ui.common.window_size import fit_window

ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)


def _render_pdf(dispatch: Dispatch, settings: LetterSettings | None) -> bytes:
    from desktop.letters.pdf import render_pdf

    return render_pdf(dispatch, settings)


def _render_docx(dispatch: Dispatch, settings: LetterSettings | None) -> bytes:
    from desktop.letters.docx import render_docx

    return render_docx(dispatch, settings)


class PreviewWidget(QWidget):
    """The pages of a dispatch's PDF with zoom (in, out, fit width) and page navigation."""

    pagesReady = Signal(int)  # page count, after a render has been shown
    renderFailed = Signal(str)

    def __init__(self, parent: QWidget | None = None, settings: LetterSettings | None = None):
        super().__init__(parent)
        self._settings = settings
        self._generation = 0
        self._pdf: bytes | None = None
        self.view = PagesView(self)

        self.zoom_out = self._tool("−", "Thu nhỏ (Ctrl+-)", self.zoom_out_step)
        self.zoom_in = self._tool("+", "Phóng to (Ctrl++)", self.zoom_in_step)
        self.fit_width = self._tool("Vừa chiều rộng", "Vừa chiều rộng trang", self.fit_to_width)
        self.previous = self._tool("◀", "Trang trước", lambda: self.go_to(self.current_page() - 1))
        self.next = self._tool("▶", "Trang sau", lambda: self.go_to(self.current_page() + 1))
        self.page_box = QSpinBox(self)
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.page_total = QLabel("/ 0", self)
        self.status = QLabel("", self)

        bar = QHBoxLayout()
        for w in (self.zoom_out, self.zoom_in, self.fit_width):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(QLabel("Trang", self))
        for w in (self.previous, self.page_box, self.page_total, self.next):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.currentPageChanged.connect(self._page_changed)

    def _tool(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ---- rendering ------------------------------------------------------------------
    def set_dispatch(self, dispatch: Dispatch, settings: LetterSettings | None = None) -> None:
        """Render `dispatch` in the background and show its pages (the newest request wins)."""
        if settings is not None:
            self._settings = settings
        self._generation += 1
        generation = self._generation
        layout_settings = self._settings
        self.status.setText("Đang dựng trang…")
        background.run_read(
            lambda: _render_pdf(dispatch, layout_settings),
            on_done=lambda data: self._show(generation, data),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def set_pdf(self, data: bytes) -> None:
        """Show already rendered PDF bytes."""
        self._generation += 1
        self._show(self._generation, data)

    def _show(self, generation: int, data: bytes) -> None:
        if generation != self._generation:
            return  # superseded by a newer request
        try:
            count = self.view.set_pdf(data)
        except ValueError as exc:
            self._failed(generation, exc)
            return
        self._pdf = bytes(data)
        self.page_box.setMaximum(max(1, count))
        self.page_total.setText(f"/ {count}")
        self.status.setText(f"{count} trang A4")
        self.go_to(0)
        self.pagesReady.emit(count)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.status.setText("Không dựng được trang")
        self.renderFailed.emit(str(exc) or exc.__class__.__name__)

    # ---- state and navigation ----------------------------------------------------------
    def pdf_bytes(self) -> bytes | None:
        return self._pdf

    def page_count(self) -> int:
        return self.view.page_count()

    def current_page(self) -> int:
        return self.view.current_page()

    def go_to(self, page: int) -> None:
        count = self.page_count()
        if count == 0:
            return
        page = max(0, min(count - 1, page))
        self.view.go_to(page)
        self._page_changed(page)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page < self.page_count() - 1)

    def zoom(self) -> float:
        return self.view.zoom()

    def zoom_in_step(self) -> None:
        self._set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom() + 1e-3), ZOOM_STEPS[-1]))

    def zoom_out_step(self) -> None:
        self._set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom() - 1e-3), ZOOM_STEPS[0]))

    def _set_zoom(self, factor: float) -> None:
        self.view.set_zoom(factor)

    def fit_to_width(self) -> None:
        self.view.fit_to_width()

    # ---- printing ------------------------------------------------------------------------
    def page_image(self, page: int, dpi: float) -> QImage:
        """Page `page` (0-based) rendered at `dpi` on white."""
        return self.view.page_image(page, dpi)

    def print_to(self, printer, first: int = 1, last: int = 0) -> int:
        """Paint pages first..last (1-based; 0 = to the end) onto `printer` at its resolution."""
        count = self.page_count()
        last = count if last <= 0 else min(last, count)
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        dpi = min(printer.resolution(), 600)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("Không mở được máy in.")
        printed = 0
        try:
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                target = painter.viewport()
                image = self.page_image(page, dpi)
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed


class PreviewDialog(QDialog):
    """"Xem trước bản in": the preview plus In…, Lưu PDF…, Lưu DOCX…"""

    def __init__(self, dispatch: Dispatch, parent: QWidget | None = None,
                 settings: LetterSettings | None = None):
        super().__init__(parent)
        self.setWindowTitle("Xem trước bản in")
        fit_window(self, "preview", 900, 1000)
        self.dispatch = dispatch
        self.settings = settings
        self.preview = PreviewWidget(self, settings)
        self.print_button = QPushButton("In…", self)
        self.save_pdf_button = QPushButton("Lưu PDF…", self)
        self.save_docx_button = QPushButton("Lưu DOCX…", self)
        close = QPushButton("Đóng", self)
        self.print_button.clicked.connect(self.print_pages)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.save_docx_button.clicked.connect(self.save_docx)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.print_button, self.save_pdf_button, self.save_docx_button):
            buttons.addWidget(b)
            b.setEnabled(False)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.preview.pagesReady.connect(self._ready)
        self.preview.renderFailed.connect(lambda message: show_error(self, f"Không dựng được bản in: {message}"))
        self.preview.set_dispatch(dispatch, settings)

    def _ready(self, count: int) -> None:
        for b in (self.print_button, self.save_pdf_button, self.save_docx_button):
            b.setEnabled(count > 0)

    def print_pages(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In văn bản")
        dialog.setMinMax(1, max(1, self.preview.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last = printer.fromPage(), printer.toPage()
        try:
            self.preview.print_to(printer, first or 1, last or 0)
        except OSError as exc:
            show_error(self, str(exc))

    def _ask_path(self, title: str, suffix: str, pattern: str) -> Path | None:
        from desktop.letters.save import suggested_filename

        name, _ = QFileDialog.getSaveFileName(self, title, suggested_filename(self.dispatch, suffix), pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{suffix}" else path.with_name(path.name + f".{suffix}")

    def save_pdf(self) -> None:
        data = self.preview.pdf_bytes()
        path = self._ask_path("Lưu PDF", "pdf", "Tệp PDF (*.pdf)")
        if data is None or path is None:
            return
        self._write(path, data)

    def save_docx(self) -> None:
        path = self._ask_path("Lưu DOCX", "docx", "Tài liệu Word (*.docx)")
        if path is None:
            return
        dispatch, settings = self.dispatch, self.settings
        background.run_read(lambda: _render_docx(dispatch, settings),
                            on_done=lambda data: self._write(path, data),
                            on_error=lambda exc: show_error(self, f"Không tạo được DOCX: {exc}"))

    def _write(self, path: Path, data: bytes) -> None:
        from desktop.letters.save import write_atomically

        try:
            write_atomically(path, data)
        except OSError as exc:
            show_error(self, f"Không ghi được tệp {path}: {exc.strerror or exc}")
