"""The office's own letter layout values (within Decree 30's ranges): the registry's section
"letter_layout", read and written through the settings store (desktop/core/settings/office_store.py)."""
from __future__ import annotations

from typing import Any

from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.settings.office_store import read_office_overrides, save_office_section
from desktop.letters.layout import SETTINGS_KEY, LetterSettings


def letter_overrides(ctx: AppContext) -> dict[str, Any]:
    """The values the office changed from the defaults (an empty dict when none)."""
    return read_office_overrides(ctx, SETTINGS_KEY)


def save_letter_overrides(ctx: AppContext, overrides: dict[str, Any], user: str) -> Changes:
    """Validate (ValueError in Vietnamese, nothing written) and store the office's values.

    Values equal to the defaults are not stored, so a later change of a default reaches the office.
    """
    LetterSettings.from_overrides(overrides)  # the values together must make a page (header column)
    return save_office_section(ctx, SETTINGS_KEY, overrides, user)
