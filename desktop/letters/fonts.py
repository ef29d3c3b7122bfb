"""The letter's typeface: Times New Roman where the system has it, else bundled Liberation Serif 2.

Both renderers embed the chosen files; the PDF registers them with ReportLab once per process,
lazily (never at import).
"""
from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

FAMILY = "LetterSerif"
FACES = ("regular", "bold", "italic", "bolditalic")

_BUNDLED_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
_BUNDLED = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
_TIMES_NAMES = {
    "regular": ("times.ttf", "Times_New_Roman.ttf", "Times New Roman.ttf"),
    "bold": ("timesbd.ttf", "Times_New_Roman_Bold.ttf", "Times New Roman Bold.ttf"),
    "italic": ("timesi.ttf", "Times_New_Roman_Italic.ttf", "Times New Roman Italic.ttf"),
    "bolditalic": ("timesbi.ttf", "Times_New_Roman_Bold_Italic.ttf", "Times New Roman Bold Italic.ttf"),
}

_lock = threading.Lock()
_registered: dict[bool, FontSet] = {}


@dataclass(frozen=True)
class FontSet:
    """The four faces as files, and their ReportLab names once registered."""

    label: str  # "Times New Roman" or "Liberation Serif"
    files: dict[str, Path]
    prefix: str = FAMILY

    def name(self, face: str = "regular") -> str:
        return {"regular": self.prefix, "bold": f"{self.prefix}-Bold",
                "italic": f"{self.prefix}-Italic", "bolditalic": f"{self.prefix}-BoldItalic"}[face]


def _system_font_dirs() -> list[Path]:
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"), Path.home() / "Library/Fonts"]
    else:
        dirs += [Path("/usr/share/fonts/truetype/msttcorefonts"), Path("/usr/share/fonts/TTF"),
                 Path("/usr/share/fonts/truetype"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local/share/fonts", Path.home() / ".fonts"]
    return dirs


def find_times_new_roman() -> dict[str, Path] | None:
    """The four Times New Roman files from the system, or None unless all four are there."""
    for folder in _system_font_dirs():
        if not folder.is_dir():
            continue
        found: dict[str, Path] = {}
        for face, names in _TIMES_NAMES.items():
            for name in names:
                for candidate in (folder / name, folder / name.lower(), folder / name.upper()):
                    if candidate.is_file():
                        found[face] = candidate
                        break
                if face in found:
                    break
        if len(found) == 4:
            return found
    return None


def bundled_fonts() -> dict[str, Path]:
    return {face: _BUNDLED_DIR / name for face, name in _BUNDLED.items()}


def choose_fonts(prefer_system: bool = True) -> FontSet:
    if prefer_system:
        times = find_times_new_roman()
        if times:
            return FontSet("Times New Roman", times, prefix=FAMILY + "TNR")
    return FontSet("Liberation Serif", bundled_fonts())


def register_fonts(prefer_system: bool = True) -> FontSet:
    """Register the four faces as one ReportLab family (once per process) and return them."""
    with _lock:
        done = _registered.get(prefer_system)
        if done is not None:
            return done
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        fonts = choose_fonts(prefer_system)
        for face in FACES:
            if fonts.name(face) not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(fonts.name(face), str(fonts.files[face])))
        regular = fonts.name("regular")
        addMapping(regular, 0, 0, fonts.name("regular"))
        addMapping(regular, 1, 0, fonts.name("bold"))
        addMapping(regular, 0, 1, fonts.name("italic"))
        addMapping(regular, 1, 1, fonts.name("bolditalic"))
        pdfmetrics.registerFontFamily(regular, normal=regular, bold=fonts.name("bold"),
                                      italic=fonts.name("italic"), boldItalic=fonts.name("bolditalic"))
        _registered[prefer_system] = fonts
        return fonts
