"""Writing a rendered letter to disk: whole or not at all, under a sensible file name."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from desktop.core.dispatch import Dispatch
from desktop.core.text import fold
from desktop.core.vocabulary import pad2


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over `target`."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def suggested_filename(d: Dispatch, suffix: str) -> str:
    """"2457-UBND-NC.pdf"; "du-thao-<subject>.pdf" for a draft without a number."""
    if d.number is not None:
        stem = f"{pad2(d.number)}-{d.symbol or ''}"
    else:
        stem = "du-thao-" + " ".join(fold(d.subject or "").split()[:6])
    stem = re.sub(r"[^\w-]+", "-", stem).strip("-") or "van-ban"
    return f"{stem}.{suffix}"
