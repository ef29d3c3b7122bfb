"""The original file of an incoming letter, kept in the user-data folder.

Files are stored by content ("attachments/ab/ab12….pdf", the SHA-256 of the bytes), so the same
file attached twice is stored once and a changed or damaged copy is noticed when it is opened.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from desktop.core.paths import data_dir

__all__ = ["AttachmentError", "checksum", "store", "resolve", "discard", "verify"]

FOLDER = "attachments"


class AttachmentError(ValueError):
    """The attachment cannot be stored or opened; message in Vietnamese."""


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def store(path: Path) -> tuple[str, str]:
    """Copy `path` into the data folder; (relative path, sha256). AttachmentError when unreadable."""
    path = Path(path)
    try:
        sha = checksum(path)
    except OSError as exc:
        raise AttachmentError(f"Không đọc được tệp {path.name}: {exc.strerror or exc}.") from exc
    relative = f"{FOLDER}/{sha[:2]}/{sha}{path.suffix.lower()}"
    target = data_dir() / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(path, partial)
        partial.replace(target)
    return relative, sha


def resolve(relative: str) -> Path:
    return data_dir() / relative


def verify(relative: str, sha: str | None) -> Path:
    """The stored file, checked against its checksum; AttachmentError when missing or changed."""
    path = resolve(relative)
    if not path.exists():
        raise AttachmentError(f"Không tìm thấy tệp gốc đã lưu ({path}).")
    if sha and checksum(path) != sha:
        raise AttachmentError(f"Tệp gốc đã lưu bị thay đổi hoặc hỏng (mã kiểm tra không khớp): {path}.")
    return path


def discard(relative: str) -> None:
    """Remove a stored file nobody uses any more (missing is fine)."""
    try:
        resolve(relative).unlink()
    except FileNotFoundError:
        pass
