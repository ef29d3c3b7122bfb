"""The folder the clerk last saved an export to, remembered per user (one place to repoint when the
settings registry arrives)."""
from __future__ import annotations

from pathlib import Path

KEY = "export/last_folder"


def last_folder() -> Path:
    """The last export folder that still exists, else the user's Documents folder."""
    from PySide6.QtCore import QStandardPaths

    from ui.app import ui_settings

    value = ui_settings().value(KEY, "")
    if value and Path(str(value)).is_dir():
        return Path(str(value))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(folder: Path) -> None:
    from ui.app import ui_settings

    settings = ui_settings()
    settings.setValue(KEY, str(folder))
    settings.sync()
