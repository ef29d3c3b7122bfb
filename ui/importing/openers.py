"""How the import screens open one another without knowing each other's modules: the window opens the
folder dialog and the folder dialog opens a file in the window. `actions` (which builds both) registers
the two openers when it is imported, with the File-menu actions at start-up."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

_openers: dict[str, Callable] = {}


def register_openers(*, file: Callable, folder: Callable) -> None:
    _openers["file"], _openers["folder"] = file, folder


def open_file(ctx, parent, path: Path, default_as: str = "in"):
    """Show `path` in the import window of `parent`'s top-level window."""
    return _openers["file"](ctx, parent, path=path, default_as=default_as)


def open_folder(ctx, parent, folder: Path | None, save_as: str = "in"):
    """The folder import dialog, with `folder` filled in."""
    return _openers["folder"](ctx, parent, folder=folder, save_as=save_as)
