"""Keep the accent-folded search columns and Vietnamese sort keys in step with their text.

One `before_flush` hook for every write path, so no service can forget it.
"""
from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from db.text import fold, vi_sort_key


def _join(*parts: object) -> str:
    return " | ".join(fold(str(p)) for p in parts if p not in (None, ""))


def _refresh(obj: object) -> None:
    from db import models as m  # local: models import this module

    if isinstance(obj, m.Unit):
        obj.search_folded = _join(obj.name, obj.short_name, *(a.alias for a in obj.aliases))[:1000]
        obj.sort_key = vi_sort_key(obj.name)[:600]
    elif isinstance(obj, m.UnitGroup):
        obj.search_folded = _join(obj.name)[:500]
        obj.sort_key = vi_sort_key(obj.name)[:600]
    elif isinstance(obj, m.OutgoingDocument):
        number = f"{obj.number:02d}/{obj.symbol}" if obj.number else obj.symbol
        obj.search_folded = _join(number, obj.doc_type, obj.subject, obj.signer_name, obj.drafter)[:2000]
    elif isinstance(obj, m.IncomingDocument):
        number = f"{obj.number}/{obj.symbol}" if obj.number else obj.symbol
        obj.search_folded = _join(number, obj.doc_type, obj.issuer_name, obj.subject, obj.arrival_number)[:2000]
    elif isinstance(obj, m.Task):
        obj.search_folded = _join(obj.item_label, obj.title, obj.assignee_text, obj.deadline_text, obj.notes)[:2000]
    elif isinstance(obj, m.Movement):
        obj.search_folded = _join(obj.name, obj.launching_reference)[:1000]
    elif isinstance(obj, m.Template):
        obj.search_folded = _join(obj.name, obj.doc_type, obj.subject)[:1000]


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context, instances) -> None:
    for obj in list(session.new) + list(session.dirty):
        _refresh(obj)
