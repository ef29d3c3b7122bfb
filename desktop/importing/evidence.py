"""Where on the page a field was read, and how sure the reading is.

A field's span in the source text (`ImportResult.spans`) is mapped back to the placed words it
came from: each line of the span is one column of one layout line (`zones.deinterleave` only
regroups whole column segments), so its letters, spaces and emphasis markers removed, are a run
of consecutive words of some layout line. From those words come the boxes the import screen
draws on the page image, whether a header field came from a form-field widget or from OCR
(`source`), and the OCR confidence of each header field (`confidence`, dispatch-json.md).

A number or a date read by OCR below limits.UNREADABLE_CONFIDENCE (handwriting, a smudge) is
dropped: the field stays empty and is flagged, never guessed.
"""
from __future__ import annotations

import re
import statistics
import unicodedata

import desktop.importing.limits as limits
from desktop.importing.layout import Word, page_lines
from desktop.importing.legacy import fix_glyphs

# The header fields of `confidence`, and the spans each is read from.
HEADER_FIELDS = {
    "number": ("number",),
    "symbol": ("symbol",),
    "date": ("date",),
    "issuer": ("issuer.parent", "issuer"),
    "subject": ("subject",),
    "signer": ("signer.title_lines", "signer.name"),
}
_CLOSING_KEYS = ("signer", "distribution")
_SQUEEZE = re.compile(r"[\s*]+")


def _key(text: str) -> str:
    return _SQUEEZE.sub("", fix_glyphs(unicodedata.normalize("NFC", text)))


class WordIndex:
    """The layout lines of every page, searchable by their squeezed text."""

    def __init__(self, pages: list[list[Word]]):
        self.lines: list[tuple[str, list[int], list[Word]]] = []
        for words in pages:
            for line in page_lines(words):
                joined, owner = [], []
                for i, w in enumerate(line):
                    k = _key(w.text)
                    joined.append(k)
                    owner.extend([i] * len(k))
                self.lines.append(("".join(joined), owner, line))

    def find(self, text: str, *, from_end: bool = False) -> list[Word]:
        """The words that printed `text` (one or several source lines), [] when not found."""
        found: list[Word] = []
        order = range(len(self.lines) - 1, -1, -1) if from_end else range(len(self.lines))
        for piece in (p for p in text.split("\n") if _key(p)):
            target = _key(piece)
            for i in order:
                joined, owner, line = self.lines[i]
                at = joined.find(target)
                if at >= 0:
                    found.extend(line[j] for j in sorted(set(owner[at:at + len(target)])))
                    break
        return found


def field_words(result, key: str) -> list[Word]:
    """The words field `key` ("number", "subject", "distribution[1]", "body[4]") was read from."""
    cache = result.evidence_cache
    if key not in cache:
        span = result.spans.get(key)
        cache[key] = span_words(result, span, from_end=key.startswith(_CLOSING_KEYS)) if span else []
    return cache[key]


def span_words(result, span: tuple[int, int], *, from_end: bool = False) -> list[Word]:
    """The words that printed `result.source_text[start:end]` ([] for a text or Word file)."""
    if not result.page_words:
        return []
    index = result.evidence_cache.get("_index")
    if index is None:
        index = result.evidence_cache["_index"] = WordIndex(result.page_words)
    return index.find(result.source_text[span[0]:span[1]], from_end=from_end)


def weigh(result) -> None:
    """Set `result.source` and `result.confidence`; drop an unreadable OCR number or date."""
    if not result.page_words or all(w.origin == "text" for page in result.page_words for w in page):
        result.source, result.confidence = "text", None
        return
    d = result.dispatch
    words = {name: [w for key in keys for w in field_words(result, key)] for name, keys in HEADER_FIELDS.items()}
    origins = {w.origin for found in words.values() for w in found}
    if result.pages and result.pages[0].source == "ocr":
        origins.add("ocr")
    result.source = "ocr" if "ocr" in origins else "widgets" if "widget" in origins else "text"
    if result.source != "ocr":
        result.confidence = None
        return
    confidence: dict[str, float] = {}
    for name, found in words.items():
        read = [w for w in found if w.conf is not None]
        if not read:
            continue
        if name in ("number", "symbol", "date"):
            if getattr(d, name) is None:
                confidence[name] = 0.0  # its line was read, its value not: the clerk must look
                continue
            carriers = [w for w in read if _carries(name, w.text, d)] or read
            value = min(w.conf for w in carriers)
        else:
            value = statistics.fmean(w.conf for w in read)
        confidence[name] = round(value, 2)
    result.confidence = confidence
    for name, label in (("number", "số"), ("date", "ngày")):
        if getattr(d, name) is not None and confidence.get(name, 1.0) < limits.UNREADABLE_CONFIDENCE:
            setattr(d, name, None)
            result.warnings.append(f"Không đọc rõ {label} trên bản quét (có thể viết tay); hãy nhập tay.")


def _carries(name: str, text: str, d) -> bool:
    """Whether word `text` holds the value of field `name` (the digits of the number or the date,
    the letters of the symbol) rather than its label ("Số:", "ngày", the place)."""
    if name == "number":
        return d.number is not None and str(d.number) in text
    if name == "date":
        return any(ch.isdigit() for ch in text)
    symbol = (d.symbol or "").casefold()
    core = text.split("/", 1)[-1].strip(" .,;:").casefold()
    return bool(symbol and core) and (core in symbol or symbol in core)


def low_confidence(result) -> list[str]:
    """The header fields the clerk should check (OCR confidence below limits.LOW_CONFIDENCE)."""
    return [name for name, value in (result.confidence or {}).items() if value < limits.LOW_CONFIDENCE]
