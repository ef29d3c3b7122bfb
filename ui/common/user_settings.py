"""The per-user settings (store USER of the registry in desktop/core/settings): window state, last folders.

They live in QSettings, INI format, in the user-data folder (`desktop.core.paths.data_dir()/ui.ini`), never
in the Windows registry, so a backup of that folder and an uninstall see every setting. Keys are the
registry's "section/name"; a key nobody declared (or an office setting) raises UnknownSetting.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.paths import data_dir
from desktop.core.settings import USER, option

FILE_NAME = "ui.ini"


class UserSettings:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else data_dir() / FILE_NAME
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    def value(self, key: str) -> Any:
        """The stored value, or the declared default when none (or when the file holds nonsense)."""
        opt = option(key, USER)
        raw = self._q.value(key)
        if raw is None:
            return opt.default
        try:
            if opt.type is bytes:
                return bytes(raw) if isinstance(raw, (QByteArray, bytes, bytearray)) else opt.default
            if opt.type is bool:
                return raw if isinstance(raw, bool) else str(raw).lower() == "true"
            return opt.check(opt.type(raw))
        except (TypeError, ValueError):
            return opt.default

    def set_value(self, key: str, value: Any) -> None:
        opt = option(key, USER)
        value = opt.check(value)
        self._q.setValue(key, QByteArray(value) if opt.type is bytes else value)

    def sync(self) -> None:
        self._q.sync()


def user_settings() -> UserSettings:
    """The settings of the user running the program (a new handle; Qt shares the file's cache)."""
    return UserSettings()
