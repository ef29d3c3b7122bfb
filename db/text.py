"""Vietnamese text keys computed at the storage floor: NFC, accent folding, sort keys.

Pure functions (no SQLAlchemy): the ORM listeners in `db.base` keep the `*_folded` search
columns and `sort_key` columns in step with the text they come from, and `desktop.core.text`
re-exports them for the services.
"""
from __future__ import annotations

import re
import unicodedata

# Characters neither XML (hence DOCX) nor PostgreSQL text can hold: C0 controls other than tab and
# line breaks, NUL, DEL, lone surrogates and the two non-characters U+FFFE / U+FFFF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_PAGE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})  # vertical tab, form feed (PDF page ends)

# The Vietnamese alphabet in dictionary order; f, j, w, z (foreign letters) where an
# English reader expects them. Everything here is lower case.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tone marks, in the order Vietnamese dictionaries sort them: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a different base letter (ă â ê ô ơ ư), not a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


def nfc(text: str | None) -> str | None:
    """The text in Unicode NFC, the one form the program stores and compares."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text)


def unstorable(text: str | None) -> list[str]:
    """The distinct characters of `text` that cannot be stored or written to a DOCX, in order."""
    return list(dict.fromkeys(_UNSTORABLE.findall(text))) if text else []


def storable(text: str | None) -> str | None:
    """`text` without the characters `unstorable` finds (a form feed or vertical tab becomes a line break)."""
    if not text:
        return text
    if _UNSTORABLE.search(text) is None:
        return text
    return _UNSTORABLE.sub("", text.translate(_PAGE_BREAKS))


def char_names(chars: list[str]) -> str:
    """"U+0000, U+0007" for a message that names characters one cannot see."""
    return ", ".join(f"U+{ord(ch):04X}" for ch in chars)


def fold(text: str | None) -> str:
    """Lower-case, accent-free form for search: "Đắk Nông" -> "dak nong" (never a control character)."""
    text = storable(text)
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = _LATIN_MARKS.sub("", decomposed)  # every Vietnamese mark, at C speed
    if not stripped.isascii():  # dashes, quotes… and maybe the marks of other scripts
        marks = {ord(ch): None for ch in set(_NOT_ASCII.findall(stripped)) if unicodedata.combining(ch)}
        stripped = stripped.translate(marks) if marks else stripped
    return " ".join(stripped.casefold().split())


_NOT_WORD = re.compile(r"[\W_]+")
# The combining diacritical marks block (U+034F, the grapheme joiner, is no mark: it stays)
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def words(*parts: object) -> str:
    """The folded words of `parts`, one space between them, punctuation gone and numbers without
    leading zeros: what the search index stores and how a query is read ("01/UBND-NC" -> "1 ubnd
    nc"), the same on every database (no tokenizer's idea of a file name or a version number)."""
    text = _NOT_WORD.sub(" ", " ".join(fold(str(p)) for p in parts if p not in (None, "")))
    return " ".join(w.lstrip("0") or "0" if w.isdigit() else w for w in text.split())


def _split_letter(ch: str) -> tuple[str, int]:
    """A lower-case character -> (base letter with its letter marks, tone rank)."""
    parts = unicodedata.normalize("NFD", ch)
    base, tone = parts[0], 0
    marks = ""
    for mark in parts[1:]:
        if mark in _LETTER_MARKS:
            marks += mark
        elif mark in _TONES:
            tone = _TONES[mark]
    return unicodedata.normalize("NFC", base + marks), tone


def _code(index: int) -> str:
    # Two upper-case letters per character: byte order equals alphabet order under any
    # collation, and "AA" (the level separator) sorts below every character code.
    index += 26  # start at "BA"
    return chr(65 + index // 26) + chr(65 + index % 26)


def vi_sort_key(text: str | None) -> str:
    """A key that sorts strings in Vietnamese dictionary order with plain string comparison.

    Primary level: base letters (a < ă < â < b ... đ after d); secondary level: tones.
    Only A-Z characters are used, so SQLite and PostgreSQL (any collation) order it alike.
    """
    if not text:
        return ""
    primary: list[str] = []
    tones: list[str] = []
    for ch in unicodedata.normalize("NFC", text).lower():
        if ch.isspace():
            primary.append(_code(0))
            continue
        base, tone = _split_letter(ch)
        pos = _ALPHABET.find(base)
        if pos >= 0:
            primary.append(_code(20 + pos))
            tones.append(chr(65 + tone))
        elif base.isdigit():
            primary.append(_code(1 + int(base)))
        elif base.isalpha():
            primary.append(_code(60 + (ord(base) % 500)))
        # punctuation is ignored at the primary level, like a dictionary does
    return "".join(primary) + "AA" + "".join(tones)
