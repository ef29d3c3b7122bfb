"""Reading our PDFs back the way a reader would: poppler's pdftotext / pdffonts."""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

MM = 72 / 25.4
FIXTURES = Path(__file__).resolve().parents[2] / "data" / "dispatches"


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (poppler-utils)")
    return path


def text(pdf: Path, *args: str) -> str:
    return subprocess.run([need("pdftotext"), *args, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def words_of(s: str) -> list[str]:
    return s.split()


def fonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run([need("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the last 5 columns are fixed
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


@dataclass
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word]

    def find(self, text: str) -> list[Word]:
        return [w for w in self.words if w.text == text]

    def line_of(self, first: Word) -> list[Word]:
        """Words on the same baseline as `first` (same yMax within 1 pt), left to right."""
        return sorted((w for w in self.words if abs(w.y1 - first.y1) < 1.0), key=lambda w: w.x0)


def pages(pdf: Path) -> list[Page]:
    xml = text(pdf, "-bbox-layout")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    result = []
    for i, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        words = [Word(i, w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                      float(w.get("yMax"))) for w in page.iterfind(".//h:word", ns)]
        result.append(Page(i, float(page.get("width")), float(page.get("height")), words))
    return result


def in_order(haystack: list[str], needles: list[list[str]]) -> int:
    """Index after the last needle if every word sequence occurs in order; else AssertionError."""
    pos = 0
    for needle in needles:
        n = len(needle)
        for i in range(pos, len(haystack) - n + 1):
            if haystack[i:i + n] == needle:
                pos = i + n
                break
        else:
            context = " ".join(haystack[pos:pos + 40])
            raise AssertionError(f"not found in order: {' '.join(needle)!r}; after: {context!r}")
    return pos
