"""What a clerk has typed into an incoming letter's form and not yet saved, kept in a small file.

A paper letter's body is typed by hand: a crash or a power cut must not lose it. The form is written
(whole or not at all) beside the dispatch editor's autosaves, in the user-data folder of this database
(`desktop.documents.autosave.folder`): `in-new.json` for a letter not yet registered, `in-<id>.json`
for the corrections of a registered one. Saving the letter discards it.
"""
from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.dispatch import Reference
from desktop.core.files import write_atomically
from desktop.incoming.inputs import IncomingInput

_DATES = ("date", "arrival_date", "handling_deadline")


def _file(ctx: AppContext, incoming_id: int | None) -> Path:
    from desktop.documents.autosave import folder

    return folder(ctx) / (f"in-{int(incoming_id)}.json" if incoming_id is not None else "in-new.json")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def save_form(ctx: AppContext, incoming_id: int | None, data: IncomingInput) -> None:
    """Keep `data` as typed (the form of `incoming_id`, or of a new letter)."""
    form = {key: _plain(value) for key, value in asdict(data).items() if key != "references"}
    form["references"] = [{k: _plain(v) for k, v in asdict(r).items()} for r in data.references]
    record = {"saved_at": datetime.now().isoformat(timespec="seconds"), "form": form}
    write_atomically(_file(ctx, incoming_id), json.dumps(record, ensure_ascii=False).encode("utf-8"))


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def load_form(ctx: AppContext, incoming_id: int | None) -> tuple[IncomingInput, datetime] | None:
    """The form kept for `incoming_id` (None: a new letter) and when; None when there is none or it
    cannot be read."""
    try:
        record = json.loads(_file(ctx, incoming_id).read_text(encoding="utf-8"))
        form, saved_at = record["form"], datetime.fromisoformat(record["saved_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    known = {f.name for f in fields(IncomingInput)} - {"references"}
    values = {key: form[key] for key in known if key in form}
    for key in _DATES:
        values[key] = _day(values.get(key))
    for key in ("recipients", "distribution"):
        values[key] = [str(line) for line in values.get(key) or []]
    references = [Reference(**{**{k: r.get(k) for k in ("type", "number", "symbol", "issuer")},
                               "date": _day(r.get("date"))})
                  for r in form.get("references") or [] if isinstance(r, dict)]
    try:
        return IncomingInput(**values, references=references), saved_at
    except TypeError:
        return None


def discard_form(ctx: AppContext, incoming_id: int | None) -> None:
    try:
        _file(ctx, incoming_id).unlink()
    except FileNotFoundError:
        pass
