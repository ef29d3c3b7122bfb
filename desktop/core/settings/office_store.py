"""The office settings in the database (store OFFICE of the registry).

Each section is one row of `settings` (key = the section, value = a JSON object of the values the office
changed from the defaults; values equal to a default are not stored, so a later change of a default reaches
the office). The section "office" is the office's own row in `offices` (its columns are the options).
Reads take a session (inside the caller's transaction) or a context; writes are validated first (one
Vietnamese ValueError, nothing written), audited, and return `Changes(office=True)`.
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Office, Setting
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.settings.registry import OFFICE, UnknownSetting, check_section, option, options

__all__ = ["office_value", "office_section", "office_overrides", "read_office_value", "read_office_overrides",
           "save_office_section", "save_office_value"]

# Sections kept as the columns of a table's first row rather than as a JSON object in `settings`.
_ROW_SECTIONS = {"office": Office}


def office_overrides(session: Session, section: str) -> dict[str, Any]:
    """The values the office changed in `section` (name -> checked value; empty when none).
    ValueError (Vietnamese) when the stored row is not a valid JSON object of the section's options."""
    _office_section_options(section)
    model = _ROW_SECTIONS.get(section)
    if model is not None:
        row = _first_row(session, model)
        values = {} if row is None else {o.name: getattr(row, o.name) for o in options(section)}
        return {k: v for k, v in values.items() if v is not None and v != option(f"{section}/{k}").default}
    row = session.get(Setting, section)
    if row is None or not (row.value or "").strip():
        return {}
    try:
        stored = json.loads(row.value)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{section}: giá trị JSON không hợp lệ ({exc.msg})") from exc
    if not isinstance(stored, dict):
        raise ValueError(f"{section}: phải là một đối tượng JSON {{...}}")
    return check_section(section, stored)


def office_section(session: Session, section: str) -> dict[str, Any]:
    """Every option of `section` (name -> value): the defaults with the office's values over them."""
    values = {o.name: o.default for o in _office_section_options(section)}
    values.update(office_overrides(session, section))
    return values


def office_value(session: Session, key: str) -> Any:
    opt = option(key, OFFICE)
    return office_section(session, opt.section)[opt.name]


def read_office_value(ctx: AppContext, key: str) -> Any:
    """`office_value` in a session of its own (for the GUI's background reads and the CLI)."""
    with ctx.session() as session:
        return office_value(session, key)


def read_office_overrides(ctx: AppContext, section: str) -> dict[str, Any]:
    with ctx.session() as session:
        return office_overrides(session, section)


def save_office_section(ctx: AppContext, section: str, values: dict[str, Any], user: str) -> Changes:
    """The office's values of `section` become exactly `values` (names left out go back to their default)."""
    kept = _changed_from_defaults(section, values)
    with ctx.write_session() as session:
        before = office_overrides(session, section)
        _store(session, section, kept)
        record(session, user, "update", "settings", None, key=section, before=before, after=kept)
        session.commit()
    return Changes(office=True)


def save_office_value(ctx: AppContext, key: str, value: Any, user: str) -> Changes:
    """One office setting changed; the other values of its section stay."""
    opt = option(key, OFFICE)
    value = opt.check(value)
    with ctx.write_session() as session:
        before = office_overrides(session, opt.section)
        after = _changed_from_defaults(opt.section, {**before, opt.name: value})
        _store(session, opt.section, after)
        record(session, user, "update", "settings", None, key=opt.section, before=before, after=after)
        session.commit()
    return Changes(office=True)


def _office_section_options(section: str):
    found = options(section, OFFICE)
    if not found:
        raise UnknownSetting(f"no office setting section {section!r} is declared (desktop/core/settings/options.py)")
    return found


def _changed_from_defaults(section: str, values: dict[str, Any]) -> dict[str, Any]:
    _office_section_options(section)
    checked = check_section(section, values)
    return {k: v for k, v in checked.items() if v != option(f"{section}/{k}").default}


def _first_row(session: Session, model):
    return session.scalars(select(model).order_by(model.id)).first()


def _store(session: Session, section: str, kept: dict[str, Any]) -> None:
    model = _ROW_SECTIONS.get(section)
    if model is not None:
        row = _first_row(session, model)
        if row is None:
            row = model()
            session.add(row)
        for opt in options(section):
            value = kept.get(opt.name, opt.default)
            nullable = model.__table__.columns[opt.name].nullable
            setattr(row, opt.name, None if nullable and value == "" else value)
        return
    row = session.get(Setting, section)
    if row is None:
        row = Setting(key=section, value="{}")
        session.add(row)
    row.value = json.dumps(kept, ensure_ascii=False)
