"""The pages of a PDF in a scrolling column, drawn by pypdfium2: zoom, fit to width, page jumps.

pypdfium2 (PDFium, already installed for the importer's stack) draws each page into a QImage; QtPdf
would need PySide6-Addons (~440 MB installed) on the pinned PySide6 6.11. Pages are drawn in the
GUI thread, holding desktop.core.pdfium's lock (PDFium is not thread-safe; an import may be reading a
PDF in a worker), and only when they come into view; a page at screen size
takes ~5 ms. Pages far from view drop their pixmaps, so a high zoom does not hold every page.
The view owns the open document: a new PDF or the view's end closes it.
"""
from __future__ import annotations

import atexit
import weakref

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.core.pdfium import PDFIUM_LOCK

PAGE_SPACING = 12
MARGIN = 12


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """The PDF document of `data`; raises ValueError for bytes that are not a readable PDF."""
    try:
        with PDFIUM_LOCK:
            return pdfium.PdfDocument(bytes(data))
    except pdfium.PdfiumError as exc:
        raise ValueError(f"Tệp PDF hỏng: {exc}") from exc


def page_sizes(document: pdfium.PdfDocument) -> list[QSizeF]:
    """Each page's size in points (1/72 inch)."""
    with PDFIUM_LOCK:
        return [QSizeF(*document.get_page_size(i)) for i in range(len(document))]


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """Page `index` at `dpi`, on white, as an RGB image that owns its pixels."""
    with PDFIUM_LOCK:
        return _render(document, index, dpi)


def _render(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / 72, prefer_bgrx=True, rev_byteorder=True)  # RGBx bytes
        try:
            return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                          QImage.Format.Format_RGBX8888).copy()
        finally:
            bitmap.close()
    finally:
        page.close()


class PagesView(QScrollArea):
    """A column of pages; zoom 1.0 shows a page at its printed size on a screen of logical DPI."""

    currentPageChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # fit width never flips
        self._column = QWidget()
        self._layout = QVBoxLayout(self._column)
        self._layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._layout.setSpacing(PAGE_SPACING)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._column)
        self._sizes: list[QSizeF] = []
        self._document = document = _Document()
        self.destroyed.connect(lambda *_: document.close())  # the holder, not self: C++ is going away
        self._labels: list[QLabel] = []
        self._drawn: dict[int, float] = {}  # page -> zoom its pixmap was drawn at
        self._zoom = 1.0
        self._fit_width = True
        self._current = 0
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _value: self._draw_near())

    # ---- content -------------------------------------------------------------------------
    def set_pdf(self, data: bytes) -> int:
        """Show the pages of PDF `data` and return their count (ValueError: not a readable PDF)."""
        document = open_pdf(data)
        self._document.replace(document)
        self._show_pages(page_sizes(document))
        return len(document)

    def page_image(self, page: int, dpi: float) -> QImage:
        """Page `page` (0-based) at `dpi` on white."""
        return render_page(self._document.pdf, page, dpi)

    def _show_pages(self, sizes: list[QSizeF]) -> None:
        for label in self._labels:
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self._sizes, self._drawn = list(sizes), {}
        self._labels = []
        for _size in self._sizes:
            label = QLabel(self._column)
            label.setAutoFillBackground(True)
            label.setBackgroundRole(QPalette.ColorRole.Base)
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.white)
            label.setPalette(palette)
            self._layout.addWidget(label)
            label.show()  # now, not queued: the layout places only shown widgets
            self._labels.append(label)
        self._current = 0
        if self._fit_width:
            self._zoom = self._fit_zoom()
        self._relayout()
        self.verticalScrollBar().setValue(0)
        self._draw_near()

    def page_count(self) -> int:
        return len(self._sizes)

    # ---- zoom ------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, factor: float) -> None:
        self._fit_width = False
        self._apply_zoom(factor)

    def fit_to_width(self) -> None:
        self._fit_width = True
        self._apply_zoom(self._fit_zoom())

    def _screen_scale(self) -> float:
        return self.logicalDpiX() / 72  # pixels per point at zoom 1.0

    def _fit_zoom(self) -> float:
        widest = max((s.width() for s in self._sizes), default=0)
        if widest <= 0:
            return self._zoom
        room = self.viewport().width() - 2 * MARGIN
        return max(0.1, room / (widest * self._screen_scale()))

    def _apply_zoom(self, factor: float) -> None:
        if abs(factor - self._zoom) < 1e-4:
            return
        page = self._current
        self._zoom = factor
        self._relayout()
        self.go_to(page)

    def _relayout(self) -> None:
        scale = self._screen_scale() * self._zoom
        for label, size in zip(self._labels, self._sizes):
            label.setFixedSize(round(size.width() * scale), round(size.height() * scale))
        self._column.adjustSize()
        self._layout.activate()

    # ---- pages in view ----------------------------------------------------------------------
    def current_page(self) -> int:
        return self._current

    def go_to(self, page: int) -> None:
        """Scroll page `page` (0-based) to the top of the view and make it the current one."""
        if not self._labels:
            return
        page = max(0, min(len(self._labels) - 1, page))
        self._layout.activate()
        self.verticalScrollBar().setValue(self._labels[page].y() - MARGIN)
        self._set_current(page)
        self._draw_near()

    def _scrolled(self, value: int) -> None:
        if not self._labels:
            return
        bar = self.verticalScrollBar()
        if value >= bar.maximum() > 0:
            page = len(self._labels) - 1  # at the very end the last page is current
        else:
            page = max((i for i, label in enumerate(self._labels) if label.y() - MARGIN <= value + PAGE_SPACING),
                       default=0)
        self._set_current(page)
        self._draw_near()

    def _set_current(self, page: int) -> None:
        if page != self._current:
            self._current = page
            self.currentPageChanged.emit(page)

    def _draw_near(self) -> None:
        """Draw the pages in view and one view-height around it; forget the others' pixmaps."""
        if self._document.pdf is None or not self.isVisible():
            return
        height = self.viewport().height()
        near = QRect(self.horizontalScrollBar().value(), self.verticalScrollBar().value() - height,
                     self.viewport().width(), 3 * height)
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self._labels):
            if not label.geometry().intersects(near):
                if index in self._drawn:
                    label.clear()
                    del self._drawn[index]
            elif self._drawn.get(index) != self._zoom:
                image = self.page_image(index, self._zoom * self.logicalDpiX() * ratio)
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                label.setPixmap(pixmap)
                self._drawn[index] = self._zoom

    # ---- events -------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override (the viewport's size)
        super().resizeEvent(event)
        if self._fit_width:
            self._apply_zoom(self._fit_zoom())
        self._draw_near()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._fit_width:
            self._apply_zoom(self._fit_zoom())
        self._draw_near()


class _Document:
    """The open PDFium document of a view (kept apart so the view's end can close it)."""

    open_ones: weakref.WeakSet[_Document] = weakref.WeakSet()

    def __init__(self):
        self.pdf: pdfium.PdfDocument | None = None
        _Document.open_ones.add(self)

    def replace(self, document: pdfium.PdfDocument | None) -> None:
        old, self.pdf = self.pdf, document
        if old is not None:
            with PDFIUM_LOCK:
                old.close()

    def close(self) -> None:
        self.replace(None)


@atexit.register  # registered after pypdfium2's own hook, so it runs first: no "still open" warnings
def _close_all() -> None:
    for holder in list(_Document.open_ones):
        holder.close()
