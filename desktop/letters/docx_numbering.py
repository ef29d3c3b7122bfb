"""Real Word numbering for the labelled items of a dispatch, and reading it back.

Writing: each run of consecutive labels ("1.", "2.", "5.1.", "5.2." …) is one Word list whose
start values come from the labels, so Word and LibreOffice show exactly the dispatch's numbers
(a list that starts at "5.1." starts there). Decimal labels are a multi-level list ("%1.%2."),
Roman ones "%1." in upper Roman, letters "%1)" in lower letters. Each restart gets its own
abstract numbering, so no two lists ever share counters whatever the reader's rules.

Reading: `list_labels(document)` computes the label Word shows for every numbered paragraph
(the importer puts it back in front of the text). python-docx is imported by the callers.
"""
from __future__ import annotations

import re

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DECIMAL = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}$")
_ROMAN = re.compile(r"^[IVXLC]{1,6}$")
_LETTER = re.compile(r"^[a-zđ]$")
_ROMAN_VALUES = (("C", 100), ("XC", 90), ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5),
                 ("IV", 4), ("I", 1))
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _q(name: str) -> str:
    return f"{{{W}}}{name}"


def roman(n: int) -> str:
    out = ""
    for symbol, value in _ROMAN_VALUES:
        while n >= value:
            out, n = out + symbol, n - value
    return out


def roman_value(text: str) -> int:
    total, i = 0, 0
    for symbol, value in _ROMAN_VALUES:
        while text.startswith(symbol, i):
            total, i = total + value, i + len(symbol)
    return total if i == len(text) else 0


def label_kind(label: str) -> tuple[str, list[int]] | None:
    """("decimal", [5, 1]) for "5.1"; ("roman", [2]) for "II"; ("letter", [1]) for "a"; else None."""
    if _DECIMAL.match(label):
        return "decimal", [int(part) for part in label.split(".")]
    if _ROMAN.match(label) and roman_value(label):
        return "roman", [roman_value(label)]
    if _LETTER.match(label) and label in _LETTERS:
        return "letter", [_LETTERS.index(label) + 1]
    return None


class ListNumbering:
    """Adds lists to a python-docx Document's numbering part and numbers paragraphs with them."""

    def __init__(self, document, indent_twips: int, font: str, size_pt: float):
        self._numbering = document.part.numbering_part.element
        self._indent = indent_twips
        self._font, self._half_points = font, int(round(size_pt * 2))
        self._ids = [0, 0]  # next abstractNumId, next numId
        for child in self._numbering:
            if child.tag == _q("abstractNum"):
                self._ids[0] = max(self._ids[0], int(child.get(_q("abstractNumId"))) + 1)
            elif child.tag == _q("num"):
                self._ids[1] = max(self._ids[1], int(child.get(_q("numId"))) + 1)
        self._current: dict[str, tuple[int, list[int]]] = {}  # kind -> (numId, counters shown last)

    def number(self, paragraph, label: str, *, bold: bool = False) -> bool:
        """Give `paragraph` the Word number that shows `label` (`bold` for a heading's list);
        False when the label is not one Word can number (the caller then keeps it as text)."""
        kind_parts = label_kind(label)
        if kind_parts is None:
            return False
        kind, parts = kind_parts
        level = len(parts) - 1
        current = self._current.get(kind)
        if current is None or not _continues(current[1], parts):
            current = (self._new_list(kind, parts, bold), [])
        num_id, _ = current
        self._current[kind] = (num_id, parts)
        if kind == "decimal":  # a Roman heading starts a new part: decimal items restart under it
            self._current.pop("letter", None)
        elif kind == "roman":
            self._current.pop("decimal", None)
            self._current.pop("letter", None)
        self._attach(paragraph, num_id, level)
        return True

    # ---- XML ------------------------------------------------------------------------
    def _new_list(self, kind: str, parts: list[int], bold: bool) -> int:
        from docx.oxml import OxmlElement

        abstract_id, num_id = self._ids
        self._ids = [abstract_id + 1, num_id + 1]
        abstract = OxmlElement("w:abstractNum")
        abstract.set(_q("abstractNumId"), str(abstract_id))
        multi = OxmlElement("w:multiLevelType")
        multi.set(_q("val"), "multilevel" if kind == "decimal" else "singleLevel")
        abstract.append(multi)
        levels = 4 if kind == "decimal" else 1
        for level in range(levels):
            start = parts[level] if level < len(parts) else 1
            abstract.append(self._level(kind, level, start, bold))
        # abstractNum elements must precede the num elements
        nums = self._numbering.findall(_q("num"))
        if nums:
            nums[0].addprevious(abstract)
        else:
            self._numbering.append(abstract)
        num = OxmlElement("w:num")
        num.set(_q("numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(_q("val"), str(abstract_id))
        num.append(ref)
        self._numbering.append(num)
        return num_id

    def _level(self, kind: str, level: int, start: int, bold: bool):
        from docx.oxml import OxmlElement

        def child(tag: str, **attrs):
            element = OxmlElement(tag)
            for key, value in attrs.items():
                element.set(_q(key), value)
            return element

        lvl = child("w:lvl", ilvl=str(level))
        fmt, text = {
            "decimal": ("decimal", ".".join(f"%{i + 1}" for i in range(level + 1)) + "."),
            "roman": ("upperRoman", "%1."),
            "letter": ("lowerLetter", "%1)"),
        }[kind]
        for element in (child("w:start", val=str(start)), child("w:numFmt", val=fmt),
                        child("w:suff", val="space"), child("w:lvlText", val=text),
                        child("w:lvlJc", val="left")):
            lvl.append(element)
        ppr = child("w:pPr")
        ppr.append(child("w:ind", left="0", firstLine=str(self._indent)))
        lvl.append(ppr)
        rpr = child("w:rPr")
        rpr.append(child("w:rFonts", ascii=self._font, hAnsi=self._font, eastAsia=self._font, cs=self._font))
        if bold:  # a bold heading ("II. NỘI DUNG") has a bold number
            rpr.append(child("w:b"))
        rpr.append(child("w:sz", val=str(self._half_points)))
        rpr.append(child("w:szCs", val=str(self._half_points)))
        lvl.append(rpr)
        return lvl

    def _attach(self, paragraph, num_id: int, level: int) -> None:
        numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = level
        numpr.get_or_add_numId().val = num_id


def _continues(shown: list[int], parts: list[int]) -> bool:
    """Does Word's next number at `parts`' level show `parts`, after `shown`?"""
    level = len(parts) - 1
    if level > len(shown):
        return False  # a level skipped ("5" then "5.1.1")
    if parts[:level] != shown[:level]:
        return False
    expected = shown[level] + 1 if level < len(shown) else 1
    return parts[level] == expected


def list_labels(document) -> dict:
    """{paragraph element: label} for every numbered paragraph of a python-docx Document, as Word
    shows it ("5.1", "II", "a"), computed from the numbering part; labels without a dot or
    bracket, like the dispatch JSON's."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstracts = {a.get(_q("abstractNumId")): a for a in numbering.findall(_q("abstractNum"))}
    nums = {}
    for num in numbering.findall(_q("num")):
        ref = num.find(_q("abstractNumId"))
        if ref is not None:
            nums[num.get(_q("numId"))] = ref.get(_q("val"))
    counters: dict[str, list[int]] = {}
    labels = {}
    styles = _style_numbering(document)
    for p in document.element.body.iter(_q("p")):
        numpr = p.find(f"{_q('pPr')}/{_q('numPr')}")
        if numpr is None:  # numbered through its style ("List Number")
            style = p.find(f"{_q('pPr')}/{_q('pStyle')}")
            numpr = styles.get(style.get(_q("val")) if style is not None else None)
        if numpr is None:
            continue
        num_el, lvl_el = numpr.find(_q("numId")), numpr.find(_q("ilvl"))
        abstract_id = nums.get(num_el.get(_q("val")) if num_el is not None else None)
        abstract = abstracts.get(abstract_id)
        if abstract is None:
            continue
        level = int(lvl_el.get(_q("val"))) if lvl_el is not None else 0
        formats = {int(l.get(_q("ilvl"))): l for l in abstract.findall(_q("lvl"))}
        if (_val(formats.get(level), "numFmt") or "decimal") in ("bullet", "none"):
            continue  # a bullet list ("•", "-") has no label
        starts = {i: int(_val(l, "start") or 1) for i, l in formats.items()}
        shown = counters.setdefault(abstract_id, [])
        while len(shown) < level:  # a level never shown yet displays its start value
            shown.append(starts.get(len(shown), 1))
        value = shown[level] + 1 if len(shown) > level else starts.get(level, 1)
        del shown[level:]
        shown.append(value)
        template = _val(formats.get(level), "lvlText") or f"%{level + 1}."
        label = re.sub(r"%(\d)", lambda m: _format(formats, int(m.group(1)) - 1, shown), template)
        labels[p] = label.rstrip(".)")
    return labels


def _style_numbering(document) -> dict:
    """{styleId: numPr} for paragraph styles that number their paragraphs (following basedOn)."""
    try:
        root = document.styles.element
    except AttributeError:
        return {}
    own, based = {}, {}
    for style in root.findall(_q("style")):
        sid = style.get(_q("styleId"))
        own[sid] = style.find(f"{_q('pPr')}/{_q('numPr')}")
        parent = style.find(_q("basedOn"))
        based[sid] = parent.get(_q("val")) if parent is not None else None
    out = {}
    for sid in own:
        seen, cur = set(), sid
        while cur and cur not in seen and own.get(cur) is None:
            seen.add(cur)
            cur = based.get(cur)
        if cur and own.get(cur) is not None:
            out[sid] = own[cur]
    return out


def _val(element, tag: str) -> str | None:
    if element is None:
        return None
    child = element.find(_q(tag))
    return child.get(_q("val")) if child is not None else None


def _format(formats: dict, level: int, shown: list[int]) -> str:
    value = shown[level] if level < len(shown) else 1
    fmt = _val(formats.get(level), "numFmt") or "decimal"
    if fmt == "upperRoman":
        return roman(value)
    if fmt == "lowerRoman":
        return roman(value).lower()
    if fmt == "lowerLetter":
        return _LETTERS[(value - 1) % 26]
    if fmt == "upperLetter":
        return _LETTERS[(value - 1) % 26].upper()
    return str(value)
