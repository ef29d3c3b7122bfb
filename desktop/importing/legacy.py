"""Pieces of old Vietnamese font encodings inside otherwise Unicode text, mended.

Letters pasted from an old document keep their TCVN3 (.VnTime: "C¨n cø" for "Căn cứ") or VNI
("Caên cöù") bytes, read as Latin-1 letters. A word that holds a character only these encodings
give is converted, and so are the Latin-1-only words next to it (their letters would be valid in
either reading, so only their neighbours tell). A whole file in a legacy encoding is still refused
by readers.check_encoding; this only mends fragments. Also the glyph "ƣ" (U+01A3, Latin oi) that
some PDF fonts emit for "ư" is put right.
"""
from __future__ import annotations

import re
import unicodedata

# TCVN3 (ABC), lower-case letters and the seven capitals with their own codes.
_TCVN3 = dict(zip(
    "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\xadõö÷øùúûüýþ¡¢£¤¥¦§",
    "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ",
))
_TCVN3_ONLY = frozenset("¨©ª«¬\xad®µ¶·¸¹»¼½¾¡¢£¤¥¦§")
# VNI: marks typed after the letter they belong to (lower and upper case).
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRCUMFLEX_TONES = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE_TONES = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_MARKS: dict[str, str] = {}
for table, shape in ((_TONES, ""), (_CIRCUMFLEX_TONES, "\u0302"), (_BREVE_TONES, "\u0306")):
    for key, tone in table.items():
        _VNI_MARKS[key] = _VNI_MARKS[key.upper()] = shape + tone
_VNI_MARKS.update({"â": "\u0302", "Â": "\u0302", "ê": "\u0306", "Ê": "\u0306", "î": "\u0323", "Î": "\u0323"})
_VNI_LETTERS = {"ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
                "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị"}
_VNI_SIGNATURE = re.compile("[aA][êÊ]|[aeoAEO][âÂ]")

_WORD = re.compile(r"\S+")
_GLYPHS = str.maketrans({"ƣ": "ư", "Ƣ": "Ư"})


def _vietnamese(ch: str) -> bool:
    base = unicodedata.normalize("NFD", ch)[0]
    return ch.isascii() or (ch.isalpha() and (base.isascii() or ch in "đĐ") and not _odd(ch))


def _odd(ch: str) -> bool:
    """A Latin-1 letter that Vietnamese never writes (ñ, ö, å, ë, ø, æ, î, û, ü, ï, ...)."""
    marks = unicodedata.normalize("NFD", ch)[1:]
    return any(m in "\u0308\u030a\u0327" for m in marks) or ch in "øØæÆßðÐþÞñÑîÎûÛ"


def _latin1(word: str) -> bool:
    return all(ord(ch) < 0x100 for ch in word)


def fix_glyphs(text: str) -> str:
    return text.translate(_GLYPHS)


def mend(text: str) -> str:
    """`text` with "ƣ" put right and TCVN3/VNI fragments converted (NFC in, NFC out)."""
    text = text.translate(_GLYPHS)
    if all(ord(ch) < 0xA0 or ord(ch) > 0xFF for ch in text):
        return text  # nothing in the Latin-1 range: no fragment possible
    return "\n".join(_mend_line(line) for line in text.split("\n"))


def _mend_line(line: str) -> str:
    words = list(_WORD.finditer(line))
    texts = [w.group() for w in words]
    marked = [_latin1(t) and _marked(t) for t in texts]
    if not any(marked):
        return line
    seeds = [t for t, m in zip(texts, marked) if m]
    convert = max((_tcvn3_word, _vni_word), key=lambda fn: sum(_well_formed(fn(t)) for t in seeds))
    # words the conversion leaves as they are ("-", "27/KH-UBND") let a neighbour's mark through
    clear = [_latin1(t) and convert(t) == t for t in texts]

    def beside_mark(i: int, step: int) -> bool:
        j = i + step
        while 0 <= j < len(texts) and clear[j] and not marked[j]:
            j += step
        return 0 <= j < len(texts) and marked[j]

    changed = True
    while changed:  # Latin-1-only words that change when read so, next to a converted one
        changed = False
        for i, t in enumerate(texts):
            if not marked[i] and _latin1(t) and not clear[i] and (beside_mark(i, -1) or beside_mark(i, 1)):
                marked[i] = changed = True
    out, pos = [], 0
    for w, mark in zip(words, marked):
        out.append(line[pos:w.start()])
        out.append(convert(w.group()) if mark else w.group())
        pos = w.end()
    out.append(line[pos:])
    return "".join(out)


def _marked(word: str) -> bool:
    """A word only a legacy encoding writes: a character Vietnamese never uses (¨ µ ø ñ Ö ...), or
    VNI's "aê"/"oâ" (a letter then its mark), which Unicode Vietnamese never has."""
    return any(ch in _TCVN3_ONLY or (0xA0 <= ord(ch) <= 0xFF and not _vietnamese(ch)) for ch in word) \
        or bool(_VNI_SIGNATURE.search(word))


def _well_formed(word: str) -> bool:
    """A converted word that reads as Vietnamese: no stray Latin-1 mark left, at most one tone."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(ch in "\u0300\u0301\u0303\u0309\u0323" for ch in decomposed)
    return tones <= 1 and not any(0xA0 <= ord(ch) <= 0xFF and not _vietnamese(ch) for ch in word)


def _tcvn3_word(word: str) -> str:
    return "".join(_TCVN3.get(ch, ch) for ch in word)


def _vni_word(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if ch in _VNI_MARKS and out and out[-1][-1:].lower() in "aeiouyăâêôơư":
            out[-1] = unicodedata.normalize("NFC", unicodedata.normalize("NFD", out[-1]) + _VNI_MARKS[ch])
        elif ch in _VNI_LETTERS:
            out.append(_VNI_LETTERS[ch])
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))
