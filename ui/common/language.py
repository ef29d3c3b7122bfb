"""Vietnamese everywhere: the default locale vi_VN (Qt's month and day names, number separators) and
Qt's own strings (context menus, standard buttons, the Qt-drawn file, print and colour dialogs) from
resources/translations/qtbase_vi.ts.

The compiled .qm is taken from beside the program when the bundle ships one (the installer compiles it,
nothing compiled is committed); otherwise the .ts is compiled with lrelease (part of PySide6) into the
user cache, again whenever the .ts is newer. Without either, Qt's strings stay English: never an error.
"""
from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.core.paths import cache_dir

TRANSLATIONS = ("qtbase_vi",)


def vietnamese_locale() -> QLocale:
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def install(app: QCoreApplication) -> list[QTranslator]:
    """Set the default locale and load every translation once per application."""
    QLocale.setDefault(vietnamese_locale())
    installed = app.property("tdkt_translators")
    if installed:
        return list(installed)
    translators = []
    for name in TRANSLATIONS:
        qm = compiled(name)
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            translators.append(translator)
    app.setProperty("tdkt_translators", translators)
    return translators


def translations_dir() -> Path:
    """resources/translations beside the program (the source tree or the bundle)."""
    return Path(str(resources.files("resources.translations")))


def compiled(name: str, shipped_dir: Path | None = None, cache: Path | None = None) -> Path | None:
    """The .qm to load: the shipped one if it is not older than its .ts, else one in the cache."""
    shipped_dir = shipped_dir or translations_dir()
    source, shipped = shipped_dir / f"{name}.ts", shipped_dir / f"{name}.qm"
    if shipped.exists() and (not source.exists() or _newer_or_same(shipped, source)):
        return shipped
    if source.exists():
        target = (cache or cache_dir() / "translations") / f"{name}.qm"
        if target.exists() and _newer_or_same(target, source):
            return target
        made = compile_ts(source, target)
        if made is not None:
            return made
        if target.exists():  # lrelease failed: an older translation beats English
            return target
    return shipped if shipped.exists() else None


def compile_ts(source: Path, target: Path) -> Path | None:
    """lrelease source → target (written whole, then renamed); None when lrelease is missing or fails."""
    tool = lrelease()
    if tool is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        done = subprocess.run([str(tool), "-silent", str(source), "-qm", str(partial)], capture_output=True,
                              timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0 or not partial.exists():
        partial.unlink(missing_ok=True)
        return None
    os.replace(partial, target)
    return target


def lrelease() -> Path | None:
    """The lrelease program PySide6 ships (what `pyside6-lrelease` runs)."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    tool = Path(PySide6.__file__).with_name(name)
    return tool if tool.exists() else None


def _newer_or_same(a: Path, b: Path) -> bool:
    return a.stat().st_mtime >= b.stat().st_mtime
