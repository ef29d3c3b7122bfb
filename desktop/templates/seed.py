"""The templates shipped with the program (resources/templates/*.json), loaded when absent."""
from __future__ import annotations

import json
from importlib import resources

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DraftingUnit, Template
from desktop.documents.inputs import RecipientInput
from desktop.templates.engine import Placeholder
from desktop.templates.service import TemplateData, _write


def seed_files() -> list[dict]:
    """The seed templates as parsed JSON, in file-name order."""
    folder = resources.files("resources") / "templates"
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            out.append(json.loads(entry.read_text(encoding="utf-8")))
    return out


def seed_data(raw: dict, drafting_unit_id: int | None = None) -> TemplateData:
    body = raw.get("body") or ""
    return TemplateData(
        name=raw["name"], doc_type=raw.get("doc_type") or "Công văn", subject=raw.get("subject") or "",
        body="\n".join(body) if isinstance(body, list) else body,
        recipients=[RecipientInput(text=r["text"], purpose=r.get("purpose")) for r in raw.get("recipients") or []],
        distribution=[RecipientInput(text=r["text"], purpose=r.get("purpose")) for r in raw.get("distribution") or []],
        placeholders=[Placeholder.from_dict(p) for p in raw.get("placeholders") or []],
        drafting_unit_id=drafting_unit_id,
    )


def seed_templates(session: Session) -> int:
    """Add the shipped templates whose name is not in the library yet; returns how many.

    Runs in the caller's session (the demo builder commits). The drafting unit is matched
    by its abbreviation ("NC") when the office has one.
    """
    added = 0
    existing = set(session.scalars(select(Template.name)))
    for raw in seed_files():
        if raw["name"] in existing:
            continue
        unit_id = None
        if raw.get("drafting_unit"):
            unit_id = session.scalar(
                select(DraftingUnit.id).where(DraftingUnit.abbreviation == raw["drafting_unit"]).order_by(DraftingUnit.id)
            )
        row = Template()
        _write(row, seed_data(raw, unit_id))
        session.add(row)
        added += 1
    session.flush()
    return added
