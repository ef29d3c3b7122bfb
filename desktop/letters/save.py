"""Writing a rendered letter to disk: whole or not at all, under a sensible file name."""
from __future__ import annotations

import re

from desktop.core.dispatch import Dispatch
from desktop.core.files import write_atomically  # noqa: F401 - this module's public name
from desktop.core.text import fold
from desktop.core.vocabulary import pad2


def suggested_filename(d: Dispatch, suffix: str) -> str:
    """"2457-UBND-NC.pdf"; "du-thao-<subject>.pdf" for a draft without a number."""
    if d.number is not None:
        stem = f"{pad2(d.number)}-{d.symbol or ''}"
    else:
        stem = "du-thao-" + " ".join(fold(d.subject or "").split()[:6])
    stem = re.sub(r"[^\w-]+", "-", stem).strip("-") or "van-ban"
    return f"{stem}.{suffix}"
