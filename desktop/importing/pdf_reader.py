"""A PDF -> the text the parser reads, page by page: the text layer (with form-field widgets) where
it is usable, OCR of the page image where it is not (a scan, or a lossy OCR layer without
Vietnamese marks), as `--ocr auto|always|never` says.

A job in the desktop.core.jobs sense: progress per OCR'd page, cancel between pages, and
`on_page(PdfRead)` after the first page read by OCR (when more follow), so the first page's header
can be shown while the rest of a long scan is still being read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from desktop.core.jobs import CancelToken, ProgressFn, no_progress
import desktop.importing.limits as limits
from desktop.importing.errors import ImportFileError
from desktop.importing.layout import Word, layout_text

OCR_MODES = ("auto", "always", "never")
_VIETNAMESE_MARKED = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
)


@dataclass
class PageInfo:
    index: int
    width: float  # points
    height: float
    source: str = "text"  # "text" | "ocr"
    angle: float = 0.0  # the deskew turn of the image OCR read (degrees, counter-clockwise)
    confidence: float | None = None  # mean OCR word confidence of the page
    widgets: bool = False  # form-field widgets drawn into the page


@dataclass
class PdfRead:
    text: str
    pages: list[PageInfo] = field(default_factory=list)
    words: list[list[Word]] = field(default_factory=list)
    ocr_pages: int = 0
    complete: bool = True  # False for the partial reads given to on_page


def text_usable(words: list[Word]) -> bool:
    """Whether a page's text layer can be read as it is: enough letters, and Vietnamese marks
    among them (a lossy OCR layer of a scan has "CONG HOA XA HOI" without them)."""
    letters = [ch for w in words for ch in w.text if ch.isalpha()]
    if len(letters) < limits.MIN_TEXT_LETTERS:
        return False
    marked = sum(1 for ch in letters if ch.lower() in _VIETNAMESE_MARKED)
    return marked / len(letters) >= limits.MIN_VIETNAMESE_RATIO


def read_pdf(path: Path, *, ocr: str = "auto", progress: ProgressFn = no_progress,
             cancel: CancelToken | None = None, on_page: Callable[[PdfRead], None] | None = None) -> PdfRead:
    """Read `path`; ImportFileError (Vietnamese) for a file that cannot be read."""
    from desktop.importing.pdf_text import image_pixels, open_pdf, page_text

    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}")
    path = Path(path)
    with open_pdf(path) as pdf:
        texts = [page_text(pdf, i) for i in range(len(pdf))]
        pages = [PageInfo(t.index, t.width, t.height, widgets=t.has_widgets) for t in texts]
        words = [t.words for t in texts]
        todo = [] if ocr == "never" else [i for i, t in enumerate(texts) if ocr == "always" or (
            not text_usable(t.words) and image_pixels(pdf, i) > 0)]  # a blank page or a page number: nothing to read
        if len(todo) > limits.MAX_OCR_PAGES:
            raise ImportFileError(
                f"Tệp {path.name} có {len(todo)} trang cần nhận dạng chữ (bản quét), vượt giới hạn "
                f"{limits.MAX_OCR_PAGES} trang. Hãy tách phần công văn ra một tệp riêng rồi nhập.")
        if not todo and not any(words):
            if ocr == "never":
                raise ImportFileError(
                    f"Tệp {path.name} không có lớp chữ (bản quét ảnh) và nhận dạng chữ (OCR) đang tắt; hãy nhập "
                    "lại với OCR tự động.")
            raise ImportFileError(f"Tệp {path.name} không có chữ đọc được, kể cả khi nhận dạng chữ (OCR) trên ảnh "
                                  "các trang.")
        for done, index in enumerate(todo):
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(done / len(todo), f"Đang nhận dạng chữ trang {index + 1}/{len(texts)}…")
            words[index] = _ocr_page(pdf, index, pages[index], path.name)
            if on_page is not None and done == 0 and len(todo) > 1:
                on_page(_compose(pages, words[: index + 1], len(todo), complete=False))
        if todo:
            progress(1.0, "")
            if not any(words):
                raise ImportFileError(
                    f"Tệp {path.name} không có chữ đọc được, kể cả khi nhận dạng chữ (OCR) trên ảnh các trang.")
    return _compose(pages, words, len(todo))


def _ocr_page(pdf, index: int, info: PageInfo, name: str) -> list[Word]:
    import desktop.importing.ocr as ocr
    import desktop.importing.raster as raster

    image, scale = raster.render_page(pdf, index, limits.OCR_DPI, name=name)
    image, angle = raster.deskew(raster.despeckle(image))
    words = ocr.recognise(image, index, scale)
    info.source, info.angle = "ocr", angle
    info.confidence = round(sum(w.conf or 0 for w in words) / len(words), 2) if words else 0.0
    return words


def _compose(pages: list[PageInfo], words: list[list[Word]], ocr_pages: int, *, complete: bool = True) -> PdfRead:
    from desktop.importing.zones import deinterleave

    return PdfRead(deinterleave(layout_text(words)), list(pages[: len(words)]), list(words), ocr_pages, complete)
