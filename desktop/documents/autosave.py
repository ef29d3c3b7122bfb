"""Autosaves of the editor: the last typed state, so closing or a crash never loses text.

One autosave per stored document (`outgoing_id`), and one per editor for a new, never-saved
draft (`outgoing_id` None): the editor keeps the id `save_autosave` returns and passes it back
(`autosave_id`), so two new drafts typed at once never overwrite each other. Each save is its own short committed transaction, so whatever
was saved survives the process being killed right after.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select

from db.models import DraftAutosave, OutgoingDocument
from desktop.core.context import AppContext


@dataclass
class AutosaveInfo:
    id: int
    outgoing_id: int | None  # None = a new draft never saved
    saved_by: str | None
    saved_at: datetime
    subject: str  # for the "restore?" prompt
    payload: dict[str, Any]


def _query(outgoing_id: int | None, user: str | None):
    query = select(DraftAutosave)
    if outgoing_id is None:
        query = query.where(DraftAutosave.outgoing_id.is_(None))
        if user is not None:
            query = query.where(DraftAutosave.saved_by == user)
    else:
        query = query.where(DraftAutosave.outgoing_id == outgoing_id)
    return query.order_by(DraftAutosave.saved_at.desc(), DraftAutosave.id.desc())


def save_autosave(ctx: AppContext, outgoing_id: int | None, payload: dict[str, Any], user: str,
                  *, autosave_id: int | None = None) -> int:
    """Store `payload` (any JSON-safe dict, e.g. `inputs.draft_to_payload(form)`) as the
    autosave of `outgoing_id` (or of the editor's own slot `autosave_id`), replacing the
    previous one; returns the autosave's id. A new draft without a slot gets a new one."""
    text = json.dumps(payload, ensure_ascii=False, default=str)
    with ctx.write_session() as session:
        if autosave_id is not None:
            row = session.get(DraftAutosave, autosave_id)
        elif outgoing_id is None:
            row = None  # a new editor: its own slot
        else:
            row = session.scalars(_query(outgoing_id, user)).first()
        if row is None:
            row = DraftAutosave(outgoing_id=outgoing_id, payload=text, saved_by=user)
            session.add(row)
        else:
            row.payload, row.saved_by, row.saved_at = text, user, func.now()
        session.commit()
        return row.id


def load_autosave(ctx: AppContext, outgoing_id: int | None, user: str | None = None,
                  *, autosave_id: int | None = None) -> dict[str, Any] | None:
    """The autosaved payload of slot `autosave_id`, or of `outgoing_id` (for a new draft: the
    latest, of `user` if given)."""
    with ctx.session() as session:
        if autosave_id is not None:
            row = session.get(DraftAutosave, autosave_id)
        else:
            row = session.scalars(_query(outgoing_id, user)).first()
        return json.loads(row.payload) if row is not None else None


def discard_autosave(ctx: AppContext, outgoing_id: int | None, user: str | None = None,
                     *, autosave_id: int | None = None) -> None:
    """Forget the autosave (after a real save, or when the clerk declines to restore it):
    slot `autosave_id` only when given."""
    with ctx.write_session() as session:
        if autosave_id is not None:
            query = delete(DraftAutosave).where(DraftAutosave.id == autosave_id)
        elif outgoing_id is None:
            query = delete(DraftAutosave).where(DraftAutosave.outgoing_id.is_(None))
            if user is not None:
                query = query.where(DraftAutosave.saved_by == user)
        else:
            query = delete(DraftAutosave).where(DraftAutosave.outgoing_id == outgoing_id)
        session.execute(query)
        session.commit()


def pending_autosaves(ctx: AppContext, user: str | None = None) -> list[AutosaveInfo]:
    """Autosaves waiting to be restored, newest first (of `user` only when given).

    An autosave of a document that has since been issued, signed or cancelled is not offered.
    """
    with ctx.session() as session:
        query = (
            select(DraftAutosave, OutgoingDocument.status)
            .outerjoin(OutgoingDocument, OutgoingDocument.id == DraftAutosave.outgoing_id)
            .order_by(DraftAutosave.saved_at.desc(), DraftAutosave.id.desc())
        )
        if user is not None:
            query = query.where(DraftAutosave.saved_by == user)
        out = []
        for row, status in session.execute(query).all():
            if row.outgoing_id is not None and status not in ("draft", "submitted"):
                continue
            payload = json.loads(row.payload)
            out.append(AutosaveInfo(
                id=row.id, outgoing_id=row.outgoing_id, saved_by=row.saved_by, saved_at=row.saved_at,
                subject=str(payload.get("subject") or ""), payload=payload,
            ))
        return out
