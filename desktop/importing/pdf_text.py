"""The text layer of a PDF as placed words (pypdfium2, the PDFium text API).

Signed PDFs carry their number and date as form-field widgets stamped after signing: their
appearance streams are not in the page content, so the page is flattened first (PDFium draws
each annotation's appearance into the page, in memory only) and those words come out at the
place they are drawn, marked `origin="widget"`. PDFium reads a 3-page letter in a few ms (the
former pdfplumber reader took ~150 ms), and gives every character's box, so columns stay apart
exactly as before (layout.py puts the words on a character grid).

Also the checks before anything is read: a password-protected file, too many pages.
"""
from __future__ import annotations

import ctypes
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import desktop.importing.limits as limits
from desktop.core.limits import too_many_pages
from desktop.core.pdfium import PDFIUM_LOCK
from desktop.importing.errors import ImportFileError, ImportLimitError
from desktop.importing.layout import Word

# a gap the text does not show as a space is most often next to punctuation ("-Phó", "2,số")
_PUNCTUATED = re.compile(r"[-–,.;:)]")
_TOKEN = re.compile(r"[^\s\x00\x01\x03\uffff\u200b]+")
# PDFium marks a hyphen at a line end as U+FFFE (or 0x02)
_HYPHEN = str.maketrans({"\ufffe": "-", "\x02": "-"})


@dataclass
class PageText:
    """One page: its size in points and the words of its text layer (and widgets)."""

    index: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    has_widgets: bool = False


class EncryptedPdfError(ImportFileError):
    """A PDF that needs a password to be opened."""


@contextmanager
def open_pdf(path: Path, *, max_pages: int | None = None):
    """The PdfDocument of `path`, closed afterwards; clear messages for a password-protected
    file and for one with more pages than `max_pages` (the office's limits/pdf_pages; by default
    limits.MAX_PDF_PAGES), counted from the page tree before any page is read."""
    import pypdfium2 as pdfium

    path = Path(path)
    try:
        with PDFIUM_LOCK:  # PDFium is not thread-safe: one call at a time, whichever thread (core/pdfium.py)
            pdf = pdfium.PdfDocument(str(path))
            pages = len(pdf)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdfError(
                f"Tệp {path.name} được đặt mật khẩu (PDF mã hóa) nên không đọc được. Hãy mở tệp bằng mật "
                "khẩu, lưu một bản không đặt mật khẩu rồi nhập bản đó.") from exc
        raise ImportFileError(f"Không đọc được tệp {path.name}: tệp hỏng hoặc không đúng định dạng .pdf.") from exc
    try:
        most = max_pages or limits.MAX_PDF_PAGES
        if pages > most:
            raise ImportLimitError(too_many_pages(path.name, pages, most))
        if pages == 0:
            raise ImportFileError(f"Tệp {path.name} không có trang nào.")
        yield pdf
    finally:
        with PDFIUM_LOCK:
            pdf.close()


def flattened_page(pdf, index: int, on_flatten=None):
    """Page `index` with its annotations' appearances (stamped widgets) drawn into its content, in
    memory only; `on_flatten(page)` sees the page just before, when there is anything to flatten."""
    import pypdfium2.raw as raw

    page = pdf[index]
    if raw.FPDFPage_GetAnnotCount(page):
        if on_flatten is not None:
            on_flatten(page)
        if raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
            page.close()
            page = pdf[index]  # reloaded with the appearances drawn into its content
    return page


def page_text(pdf, index: int) -> PageText:
    """The words of page `index`, widget appearances included (at the place they are drawn)."""
    with PDFIUM_LOCK:
        return _page_text(pdf, index)


def _page_text(pdf, index: int) -> PageText:
    counted: list[int] = []

    def count(page) -> None:
        textpage = page.get_textpage()
        counted.append(textpage.count_chars())  # flattened content is appended after the page's own
        textpage.close()

    page = flattened_page(pdf, index, count)
    try:
        width, height = page.get_size()
        widget_from = counted[0] if counted else None
        words = _words(page, index, height, widget_from)
    finally:
        page.close()
    return PageText(index, width, height, words, widget_from is not None and any(w.origin == "widget" for w in words))


def _words(page, index: int, height: float, widget_from: int | None) -> list[Word]:
    """Words from PDFium's text (which has a space or a line break wherever the page has a gap)
    and the boxes of their first and last characters; a word is split where its font changes
    (an italic title right after a quote mark), where it jumps to another line, where the
    widgets' text begins, and at a gap next to punctuation. Only words that may hold such a
    break are walked character by character."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if not count:
            return []
        text = textpage.get_text_range(0, count)
        handle = textpage.raw
        if len(text) != count:  # surrogate pairs or a mapping quirk: char by char
            text = "".join(chr(raw.FPDFText_GetUnicode(handle, i) or 32) for i in range(count))
        widget_at = count if widget_from is None else widget_from
        fonts = _Fonts(raw, handle)
        text_object, font_name = fonts.text_object, fonts.name
        char_box, box = raw.FPDFText_GetLooseCharBox, raw.FS_RECTF()
        words: list[Word] = []
        for m in _TOKEN.finditer(text):
            start, end = m.span()
            last = end - 1
            char_box(handle, start, box)
            left, right, top, bottom = box.left, box.right, height - box.top, height - box.bottom
            first_obj = text_object(start)
            if last > start:
                char_box(handle, last, box)
                last_obj = text_object(last)
                if (abs(height - box.top - top) > 0.5 * (bottom - top) or box.left < left - 1
                        or _PUNCTUATED.search(text, start, last)
                        or (start >= widget_at) != (last >= widget_at)
                        or (first_obj != last_obj and font_name(first_obj) != font_name(last_obj))):
                    _walk(words, text, start, end, char_box, handle, height, fonts, widget_at, index)
                    continue
                right = box.right
            words.append(Word(text[start:end].translate(_HYPHEN), left, right, top, bottom, index,
                              font_name(first_obj), "widget" if start >= widget_at else "text"))
        return words
    finally:
        textpage.close()


def _walk(words, text, start, end, char_box, handle, height, fonts, widget_at, page) -> None:
    """A token that changes font, line or origin inside: one word per unbroken run."""
    import pypdfium2.raw as raw

    box = raw.FS_RECTF()
    runs: list[list] = []  # [start, end, x0, x1, top, bottom, obj]
    for i in range(start, end):
        char_box(handle, i, box)
        obj = fonts.text_object(i)
        left, right, top, bottom = box.left, box.right, height - box.top, height - box.bottom
        if runs:
            r = runs[-1]
            if not (left - r[3] > 1.5 or left < r[2] - 1 or abs(top - r[4]) > 0.5 * (r[5] - r[4])
                    or (i >= widget_at) != (r[0] >= widget_at)
                    or (obj != r[6] and fonts.name(obj) != fonts.name(r[6]))):
                r[1], r[3] = i + 1, max(r[3], right)
                continue
        runs.append([i, i + 1, left, right, top, bottom, obj])
    for s, e, x0, x1, top, bottom, obj in runs:
        words.append(Word(text[s:e].translate(_HYPHEN), x0, x1, top, bottom, page, fonts.name(obj),
                          "widget" if s >= widget_at else "text"))


class _Fonts:
    """The text object (a run in one font) of each character, as a plain address, and its font
    name, looked up once per object. A private prototype of FPDFText_GetTextObject returns the
    address as an int: comparing ctypes pointers per character would cost more than the rest."""

    _prototype = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)

    def __init__(self, raw, handle):
        self.raw, self.handle = raw, handle
        self._address = ctypes.cast(handle, ctypes.c_void_p).value
        function = self._prototype(ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value)
        self._function = function
        self.first_char: dict[int, int] = {}
        self.names: dict[int, str] = {}

    def text_object(self, index: int) -> int:
        obj = self._function(self._address, index) or 0
        if obj not in self.first_char:
            self.first_char[obj] = index
        return obj

    def name(self, obj: int) -> str:
        name = self.names.get(obj)
        if name is None:
            raw, index = self.raw, self.first_char.get(obj, 0)
            size = raw.FPDFText_GetFontInfo(self.handle, index, None, 0, None)
            name = ""
            if size > 1:
                buffer = ctypes.create_string_buffer(size)
                raw.FPDFText_GetFontInfo(self.handle, index, buffer, size, None)
                name = buffer.value.decode("utf-8", "replace")
            self.names[obj] = name
        return name


def image_pixels(pdf, index: int) -> int:
    """The largest image drawn on page `index`, in pixels (read from its dictionary, not decoded)."""
    with PDFIUM_LOCK:
        return _image_pixels(pdf, index)


def _image_pixels(pdf, index: int) -> int:
    import pypdfium2.raw as raw

    page = pdf[index]
    try:
        largest = 0
        for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
            w, h = ctypes.c_uint(), ctypes.c_uint()
            if raw.FPDFImageObj_GetImagePixelSize(obj, w, h):
                largest = max(largest, w.value * h.value)
        return largest
    finally:
        page.close()
