"""Vietnamese text rules used across the core: NFC, accent-insensitive search and sort order, and the
characters no store can hold (`unstorable` / `storable`).
(Numbers and dates as Decree 30 writes them are in desktop.core.vocabulary.)"""
from __future__ import annotations

from db.text import char_names, fold, nfc, storable, unstorable, vi_sort_key, words

__all__ = ["nfc", "fold", "vi_sort_key", "words", "storable", "unstorable", "char_names"]
