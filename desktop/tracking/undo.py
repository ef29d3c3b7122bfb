"""Undo for tracking writes: the audit entry of a change keeps the values it replaced.

A bulk action or a reply link writes one audit entry whose details hold, per tracking row and
per task, the fields it changed with their old values (`remember`). `undo(ctx, audit_id)` puts
them back and records that it did, so a change is undone once.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, RecipientTracking, Task
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext

__all__ = ["UndoError", "snapshot", "remember", "undo", "undo_in_session", "undone_ids", "TRACKING_ENTITY"]

TRACKING_ENTITY = "recipient_tracking"
_DATETIMES = {"sent_at", "acknowledged_at", "replied_at"}
_DATES = {"answered_on", "reply_date"}
_MODELS = {"rows": RecipientTracking, "tasks": Task}


class UndoError(ValueError):
    """Nothing to undo (already undone, or not an undoable change); message in Vietnamese."""


def snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """The current values of `fields` of `obj`, JSON-safe."""
    return {name: _encode(getattr(obj, name)) for name in fields}


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _decode(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _DATETIMES:
        return datetime.fromisoformat(value)
    if name in _DATES:
        return date.fromisoformat(value)
    return value


def remember(session: Session, user: str, action: str, outgoing_id: int | None, *,
             rows: dict[int, dict], tasks: dict[int, dict] | None = None, **details: Any) -> int:
    """Write the audit entry of a change (old values included); returns its id, the undo handle."""
    entry = record(session, user, action, TRACKING_ENTITY, outgoing_id,
                   undo={"rows": {str(k): v for k, v in rows.items()},
                         "tasks": {str(k): v for k, v in (tasks or {}).items()}}, **details)
    session.flush()
    return entry.id


def restore(session: Session, entry: AuditEntry) -> None:
    saved = json.loads(entry.details or "{}").get("undo")
    if saved is None:
        raise UndoError("Thao tác này không hoàn tác được.")
    for kind, model in _MODELS.items():
        for key, values in saved.get(kind, {}).items():
            obj = session.get(model, int(key))
            if obj is None:
                continue  # deleted since (with its dispatch or letter)
            for name, value in values.items():
                setattr(obj, name, _decode(name, value))


def undo_in_session(session: Session, entry: AuditEntry, user: str) -> None:
    """Put back what `entry` replaced (inside the caller's transaction); UndoError when undone already."""
    if entry.entity != TRACKING_ENTITY:
        raise UndoError("Không tìm thấy thao tác cần hoàn tác.")
    if entry.id in undone_ids(session, entry.entity_id):
        raise UndoError("Thao tác này đã được hoàn tác rồi.")
    restore(session, entry)
    record(session, user, "undo", TRACKING_ENTITY, entry.entity_id, undone=entry.id, what=entry.action)


def undone_ids(session: Session, outgoing_id: int | None) -> set[int]:
    """The changes of dispatch `outgoing_id` that were undone."""
    details = session.scalars(select(AuditEntry.details).where(
        AuditEntry.entity == TRACKING_ENTITY, AuditEntry.action == "undo", AuditEntry.entity_id == outgoing_id)).all()
    return {json.loads(d or "{}").get("undone") for d in details}


def undo(ctx: AppContext, audit_id: int, user: str) -> Changes:
    """Put back what the change `audit_id` replaced; UndoError when it was undone already."""
    with ctx.write_session() as session:
        entry = session.get(AuditEntry, audit_id)
        if entry is None:
            raise UndoError("Không tìm thấy thao tác cần hoàn tác.")
        undo_in_session(session, entry, user)
        session.commit()
    return Changes(outgoing=True, tasks=True, incoming=True)
