"""The office's own letter layout values (within Decree 30's ranges), stored in `settings`."""
from __future__ import annotations

import json
from typing import Any

from db.models import Setting
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.letters.layout import SETTINGS_KEY, LetterSettings


def letter_overrides(ctx: AppContext) -> dict[str, Any]:
    """The values the office changed from the defaults (an empty dict when none)."""
    with ctx.session() as session:
        row = session.get(Setting, SETTINGS_KEY)
        if row is None or not (row.value or "").strip():
            return {}
        value = json.loads(row.value)
        return value if isinstance(value, dict) else {}


def save_letter_overrides(ctx: AppContext, overrides: dict[str, Any], user: str) -> Changes:
    """Validate (ValueError in Vietnamese, nothing written) and store the office's values.

    Values equal to the defaults are not stored, so a later change of a default reaches the office.
    """
    LetterSettings.from_overrides(overrides)  # raises for an unknown key or a value out of range
    defaults = LetterSettings()
    kept = {k: v for k, v in overrides.items() if getattr(defaults, k) != (tuple(v) if isinstance(v, list) else v)}
    with ctx.write_session() as session:
        row = session.get(Setting, SETTINGS_KEY)
        before = json.loads(row.value) if row is not None and row.value else {}
        if row is None:
            row = Setting(key=SETTINGS_KEY, value="{}")
            session.add(row)
        row.value = json.dumps(kept, ensure_ascii=False)
        record(session, user, "update", "settings", None, key=SETTINGS_KEY, before=before, after=kept)
        session.commit()
    return Changes(office=True)
