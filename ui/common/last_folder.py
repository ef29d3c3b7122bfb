"""The folder the clerk last saved an export to (the per-user setting export/last_folder)."""
from __future__ import annotations

from pathlib import Path

from ui.common.user_settings import user_settings

KEY = "export/last_folder"


def last_folder() -> Path:
    """The last export folder that still exists, else the user's Documents folder."""
    from PySide6.QtCore import QStandardPaths

    value = user_settings().value(KEY)
    if value and Path(value).is_dir():
        return Path(value)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(folder: Path) -> None:
    settings = user_settings()
    settings.set_value(KEY, str(folder))
    settings.sync()
