"""The search box as SQL: every word must occur in an accent-folded search column.

Words are matched literally (LIKE wildcards "%" and "_" escaped), each once; a word inside another
word is implied by it. A search of any length works: the conditions are grouped so that SQLite's
expression depth limit (1000) is never reached. Text that holds something but no searchable word
(a NUL, control characters) matches nothing, never everything.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import and_, case, false
from sqlalchemy.sql.elements import ColumnElement

from desktop.core.text import fold

GROUP = 100  # conditions per group


def search_words(text: str | None) -> list[str] | None:
    """The folded words to look for; [] for an empty box; None when nothing can match."""
    raw = text or ""
    words = list(dict.fromkeys(fold(raw).split()))
    if not words:
        return None if raw.strip() else []
    words.sort(key=len, reverse=True)
    kept: list[str] = []
    for word in words:  # longest first: a word contained in a kept one adds nothing
        if not any(word in longer for longer in kept):
            kept.append(word)
    return kept


def like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matches_words(column: Any, text: str | None) -> ColumnElement[bool] | None:
    """A condition that `column` contains every word of `text`; None when there is nothing to filter."""
    words = search_words(text)
    if words is None:
        return false()
    if not words:
        return None
    likes = [column.like(f"%{like_escape(w)}%", escape="\\") for w in words]
    if len(likes) <= GROUP:
        return and_(*likes)
    # CASE keeps each group a sub-expression of its own (AND chains are flattened otherwise)
    groups = [case((and_(*likes[i:i + GROUP]), 1), else_=0) == 1 for i in range(0, len(likes), GROUP)]
    return and_(*groups)
