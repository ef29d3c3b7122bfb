"""The page image of an imported PDF, with what was read drawn on it.

Words read by OCR get a thin frame (red where OCR was unsure, below 60%), numbers and dates stamped
as form-field widgets a green one, and the field the clerk is looking at is filled yellow. The image
of an OCR'd page is the straightened one OCR read, so the frames sit on the words. Pages are
rendered in the pool (`run_read`), one at a time, as they are shown.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.importing.limits import LOW_CONFIDENCE
from ui.common.background import run_read
from ui.common.icons import icon

RENDER_WIDTH = 1100  # pixels across a page image
_FRAMES = {  # origin or state -> (pen colour, fill)
    "ocr": ("#4a90d9", None),
    "unsure": ("#d0342c", "#fde2e0"),
    "widget": ("#2e8b57", "#e2f4e8"),
    "field": ("#b8860b", "#ffd966"),
}


class PageView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.path: Path | None = None
        self.pages: list = []
        self.words: list[list] = []
        self.page = -1
        self.field: list = []
        self._generation = 0
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.view.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.view.setBackgroundBrush(QColor("#8a8f96"))
        # fit to width: a fixed vertical bar, no horizontal one (else fitting makes one appear)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.previous = QToolButton()
        self.previous.setIcon(icon("chevron-left"))
        self.previous.setToolTip("Trang trước")
        self.previous.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next = QToolButton()
        self.next.setIcon(icon("chevron-right"))
        self.next.setToolTip("Trang sau")
        self.next.clicked.connect(lambda: self.show_page(self.page + 1))
        self.label = QLabel()
        self.legend = QLabel()
        self.legend.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.previous)
        bar.addWidget(self.label)
        bar.addWidget(self.next)
        bar.addSpacing(8)
        bar.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._pixmap: QGraphicsPixmapItem | None = None
        self._scale = 1.0
        self.clear()

    # ---- document -----------------------------------------------------------------------------
    def clear(self) -> None:
        self._generation += 1
        self.path, self.pages, self.words, self.page, self.field = None, [], [], -1, []
        self.scene.clear()
        self._pixmap = None
        self.label.setText("Không có ảnh trang")
        self.legend.clear()
        self._update_buttons()

    def set_document(self, path: Path, pages: list, words: list[list]) -> None:
        """Show page 1 of `path` (a PDF); `pages` are pdf_reader.PageInfo, `words` per page."""
        same = self.path == Path(path) and 0 <= self.page < len(pages)
        self.path, self.pages, self.words = Path(path), list(pages), list(words)
        self.field = []
        if same:
            self.show_page(self.page, force=True)
        else:
            self.show_page(0, force=True)

    def show_page(self, index: int, *, force: bool = False) -> None:
        if not self.pages or not 0 <= index < len(self.pages) or (index == self.page and not force):
            return
        self.page = index
        self._generation += 1
        generation, info, path = self._generation, self.pages[index], self.path
        self.label.setText(f"Trang {index + 1}/{len(self.pages)}")
        self._update_buttons()
        self._legend(info)

        def render():
            from desktop.importing.raster import page_image

            return page_image(path, index, RENDER_WIDTH, info.angle if info.source == "ocr" else 0.0)

        run_read(render, lambda image: self._rendered(generation, image), lambda _exc: None)

    def _legend(self, info) -> None:
        if info.source == "ocr":
            conf = f", độ tin cậy trung bình {info.confidence:.0%}" if info.confidence is not None else ""
            self.legend.setText(f"Trang quét, chữ đọc bằng OCR{conf}. Khung đỏ: chữ OCR chưa chắc chắn.")
        elif info.widgets:
            self.legend.setText("PDF có chữ; khung xanh lá: số, ngày đóng trên ô ký số.")
        else:
            self.legend.setText("PDF có lớp chữ.")

    def _update_buttons(self) -> None:
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(0 <= self.page < len(self.pages) - 1)

    def _rendered(self, generation: int, image) -> None:
        if generation != self._generation or image is None:
            return
        gray = image.convert("L")
        qimage = QImage(gray.tobytes(), gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8).copy()
        self.scene.clear()
        self._pixmap = self.scene.addPixmap(QPixmap.fromImage(qimage))
        self._scale = gray.width / max(self.pages[self.page].width, 1.0)
        self.scene.setSceneRect(QRectF(0, 0, gray.width, gray.height))
        self._frames()
        self._fit()

    # ---- frames -------------------------------------------------------------------------------
    def highlight(self, words: list) -> bool:
        """Fill the frames of `words` (a field's words) and bring them into view; False if none."""
        self.field = list(words)
        if not words:
            self._frames()
            return False
        page = words[0].page
        if page != self.page:
            self.show_page(page)  # the frames are drawn when the image arrives
        else:
            self._frames()
        return True

    def _frames(self) -> None:
        if self._pixmap is None:
            return
        for item in [i for i in self.scene.items() if isinstance(i, QGraphicsRectItem)]:
            self.scene.removeItem(item)
        words = self.words[self.page] if 0 <= self.page < len(self.words) else []
        for w in words:
            if w.origin == "ocr":
                self._frame(w, "unsure" if (w.conf or 0) < LOW_CONFIDENCE else "ocr",
                            f"{w.text} — OCR {w.conf:.0%}")
            elif w.origin == "widget":
                self._frame(w, "widget", f"{w.text} — đóng trên ô ký số")
        shown = [w for w in self.field if w.page == self.page]
        for w in shown:
            self._frame(w, "field", w.text, z=2)
        if shown:
            middle = (min(w.top for w in shown) + max(w.bottom for w in shown)) / 2 * self._scale
            self.view.centerOn(self.scene.width() / 2, middle)

    def _frame(self, word, kind: str, tip: str, z: float = 1) -> QGraphicsRectItem:
        colour, fill = _FRAMES[kind]
        s = self._scale
        rect = QRectF(word.x0 * s - 2, word.top * s - 2, (word.x1 - word.x0) * s + 4, (word.bottom - word.top) * s + 4)
        pen_colour = QColor(colour)
        if kind == "ocr":
            pen_colour.setAlpha(120)  # every word read: a light frame, the text under it stays legible
        item = self.scene.addRect(rect, QPen(pen_colour, 2 if kind == "field" else 1))
        if fill:
            colour_fill = QColor(fill)
            colour_fill.setAlpha(110 if kind == "field" else 70)
            item.setBrush(QBrush(colour_fill))
        item.setToolTip(tip)
        item.setZValue(z)
        item.setData(0, kind)
        return item

    def frames(self, kind: str | None = None) -> list[QGraphicsRectItem]:
        """The frames drawn now (tests): all, or those of one kind ("ocr", "unsure", "widget", "field")."""
        return [i for i in self.scene.items() if isinstance(i, QGraphicsRectItem) and (kind is None or i.data(0) == kind)]

    # ---- size ---------------------------------------------------------------------------------
    def _fit(self) -> None:
        if self._pixmap is None:
            return
        width = self.scene.width()
        available = max(self.view.viewport().width() - 4, 50)
        factor = available / width
        self.view.resetTransform()
        self.view.scale(factor, factor)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
