"""Reading a page image: Vietnamese OCR, offline.

tesserocr (its wheels bundle libtesseract and Leptonica, so nothing is installed separately) with
the `vie` "fast" trained model shipped in resources/tessdata (Apache-2.0, from Debian's
tesseract-ocr-vie; see the README there). The engine is never pointed at a system tesseract or
TESSDATA_PREFIX: the path is always our own folder, so it works the same on a machine without
internet or any OCR install.

`recognise(image, page, scale)` gives the words with their confidence (0-1), placed in PDF points
on a straight baseline (the image is deskewed first by `raster.deskew`), so they go through the
same layout as a text layer.
"""
from __future__ import annotations

import atexit
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from desktop.importing.errors import ImportFileError
from desktop.importing.layout import Word

TESSDATA = Path(__file__).resolve().parents[2] / "resources" / "tessdata"
LANGUAGE = "vie"
_DUST = "`'‘’„‚ˆ˜¬_¡¦|~^°•·¸¨´"
_lock = threading.Lock()
_idle: list = []  # engines not in use (a TessBaseAPI is not thread-safe: one call at a time each)


class OcrUnavailableError(ImportFileError):
    """The OCR engine or its trained data is missing from this installation."""


def available() -> bool:
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return False
    return (TESSDATA / f"{LANGUAGE}.traineddata").is_file()


@contextmanager
def _engine():
    """An engine for this call: an idle one, else a new one (a TessBaseAPI serves one thread at a
    time). Engines belong to this module, not to the worker threads, so they are ended here, at
    exit, never by a pool thread that outlives the interpreter."""
    with _lock:
        api = _idle.pop() if _idle else None
    if api is None:
        api = _new_engine()
    try:
        yield api
    finally:
        with _lock:
            _idle.append(api)


def _new_engine():
    try:
        from tesserocr import OEM, PSM, PyTessBaseAPI
    except ImportError as exc:
        raise OcrUnavailableError(
            "Bản cài đặt này thiếu bộ nhận dạng chữ (tesserocr) nên không đọc được bản quét; hãy cài lại "
            "chương trình.") from exc
    if not (TESSDATA / f"{LANGUAGE}.traineddata").is_file():
        raise OcrUnavailableError(
            "Bản cài đặt này thiếu dữ liệu nhận dạng tiếng Việt (resources/tessdata/vie.traineddata); hãy cài "
            "lại chương trình.")
    # Leptonica's own warnings ("Error in pixScanForForeground" on a blank area) would reach the
    # console; the CLI prints one line on stderr and nothing else
    os.environ.setdefault("LEPT_MSG_SEVERITY", "6")
    try:
        api = PyTessBaseAPI(path=str(TESSDATA), lang=LANGUAGE, psm=PSM.AUTO, oem=OEM.LSTM_ONLY)
        # heavy noise removal before layout analysis: dust next to a line no longer bends its
        # baseline (measured on generated dusty scans: 46/54 header fields instead of 37/54)
        api.SetVariable("textord_heavy_nr", "1")
    except RuntimeError as exc:
        raise OcrUnavailableError(f"Không khởi động được bộ nhận dạng chữ: {exc}.") from exc
    return api


@atexit.register
def _end_engines() -> None:
    with _lock:
        engines, _idle[:] = list(_idle), []
    for api in engines:
        api.End()


def recognise(image, page: int, scale: float) -> list[Word]:
    """The words of a (deskewed, grayscale) page image; `scale` = pixels per PDF point.

    Each word sits on its text line's baseline: `bottom` is the baseline at the word, `top` one
    row height above it, so words of one printed line share a line even when their glyphs differ
    in height (capitals with marks, "ạ", "g")."""
    with _engine() as api:
        return _read(api, image, page, scale)


def _read(api, image, page: int, scale: float) -> list[Word]:
    import desktop.importing.limits as limits

    api.SetImage(image)
    try:
        if not api.Recognize(timeout=int(limits.OCR_PAGE_TIMEOUT * 1000)):
            raise ImportFileError(
                f"Trang {page + 1} nhận dạng quá {limits.OCR_PAGE_TIMEOUT} giây nên đã dừng; hãy kiểm tra bản quét.")
        # the result iterator lives only inside _words: it must be gone before Clear() frees the
        # page it walks (freeing it afterwards corrupts memory and crashes the program later)
        return fix_words(_words(api, page, scale))
    finally:
        api.Clear()


def _words(api, page: int, scale: float) -> list[Word]:
    from tesserocr import RIL

    words: list[Word] = []
    iterator = api.GetIterator()
    if iterator is None:
        return words
    baseline = ((0, 0), (1, 0))
    row = 10.0
    while True:
        if iterator.IsAtBeginningOf(RIL.TEXTLINE):
            baseline = iterator.Baseline(RIL.TEXTLINE) or baseline
            attrs = iterator.RowAttributes() or {}
            row = max(float(attrs.get("row_height") or 0), 4.0)
        try:
            text = (iterator.GetUTF8Text(RIL.WORD) or "").strip()
        except RuntimeError:  # an empty page: the iterator stands on nothing
            text = ""
        conf = max(0.0, min(1.0, iterator.Confidence(RIL.WORD) / 100.0)) if text else 0.0
        box = iterator.BoundingBox(RIL.WORD) if text else None
        if text and conf < 0.75 and not (text[0].isalnum() and text[-1].isalnum()):
            text = _unsure_ends(iterator, text)
        text = _clean(text, conf)
        if text and box:
            x0, _y0, x1, y1 = box
            base = _baseline_at(baseline, (x0 + x1) / 2, y1)
            words.append(Word(text, x0 / scale, x1 / scale, (base - 0.8 * row) / scale, (base + 0.2 * row) / scale,
                              page, "", "ocr", conf))
        if not iterator.Next(RIL.WORD):
            break
    del iterator
    return words


# The office's own words, which the general Vietnamese model reads as a more common neighbour
# ("thi đua" -> "thị đua", "khen thưởng" -> "khen thường"); none of the wrong forms is Vietnamese.
_PHRASES = {("thị", "đua"): ("thi", "đua"), ("khen", "thường"): ("khen", "thưởng"),
            ("thị", "hành"): ("thi", "hành")}
# In capitals (a signature title) "TRƯỜNG" (school) before BAN/PHÒNG is "TRƯỞNG" (head); in running
# text "các trường ban hành" is right, so lower case is left alone.
_TITLE_PHRASES = {("TRƯỜNG", "BAN"): ("TRƯỞNG", "BAN"), ("TRƯỜNG", "PHÒNG"): ("TRƯỞNG", "PHÒNG"),
                  ("TRƯỜNG", "ĐOÀN"): ("TRƯỞNG", "ĐOÀN")}
_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)[.,:;]\s*(.*)$")


def fix_words(words: list[Word]) -> list[Word]:
    """Mend what OCR predictably misreads in a letter: "KT:"/"KT," for "KT." in a signature title
    (and "KT.TRƯỞNG" glued), and the office's fixed phrases above (their case kept)."""
    out: list[Word] = []
    for w in words:
        m = _AUTHORITY.match(w.text)
        if m and not (out and _continues(out[-1], w)):
            head, rest = m.group(1) + ".", m.group(2)
            if rest and rest.isupper():
                cut = w.x0 + (w.x1 - w.x0) * len(head) / len(w.text)
                out += [replace(w, text=head, x1=cut), replace(w, text=rest, x0=cut + 1)]
                continue
            if not rest:
                w = replace(w, text=head)
        if out:
            pair = (out[-1].text.lower(), w.text.lower())
            fixed = _PHRASES.get(pair) or _TITLE_PHRASES.get((out[-1].text, w.text))
            if fixed:
                out[-1] = replace(out[-1], text=_same_case(out[-1].text, fixed[0]))
                w = replace(w, text=_same_case(w.text, fixed[1]))
        out.append(w)
    return out


def _continues(previous: Word, word: Word) -> bool:
    """Whether `word` follows `previous` on the same printed line (not the start of a line)."""
    height = word.bottom - word.top
    return previous.page == word.page and abs(previous.bottom - word.bottom) < 0.5 * height \
        and 0 <= word.x0 - previous.x1 < 2 * height


def _same_case(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _unsure_ends(iterator, text: str) -> str:
    """The word without punctuation at its ends that OCR itself doubts (a speck beside a word
    read as "." or "-"): each end symbol below 60% confidence is dropped."""
    from tesserocr import RIL, iterate_level

    symbols = []
    for symbol in iterate_level(iterator, RIL.SYMBOL):
        symbols.append((symbol.GetUTF8Text(RIL.SYMBOL) or "", symbol.Confidence(RIL.SYMBOL) / 100.0))
        if symbol.IsAtFinalElement(RIL.WORD, RIL.SYMBOL):
            break
    if "".join(s for s, _ in symbols) != text:
        return text
    while symbols and not symbols[0][0].isalnum() and symbols[0][1] < 0.6:
        symbols.pop(0)
    while symbols and not symbols[-1][0].isalnum() and symbols[-1][1] < 0.6:
        symbols.pop()
    return "".join(s for s, _ in symbols)


def _clean(text: str, conf: float) -> str:
    """A word without the marks dust and paper grain turn into (` ' „ ˆ ¬ _ ...): stripped from
    its ends; a word of punctuation alone read with little confidence is dropped. The Icelandic
    "Ð" the model sometimes gives is the Vietnamese "Đ"."""
    text = text.strip(_DUST).replace("Ð", "Đ").replace("ð", "đ")
    if text and not any(ch.isalnum() for ch in text) and conf < 0.5:
        return ""
    return text


def _baseline_at(baseline, x: float, fallback: float) -> float:
    (x1, y1), (x2, y2) = baseline
    if x2 == x1:
        return float(fallback)
    return y1 + (y2 - y1) * (x - x1) / (x2 - x1)
