"""Writing the audit log inside the caller's transaction."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditEntry


def record(session: Session, user: str, action: str, entity: str, entity_id: int | None,
           **details: Any) -> AuditEntry:
    """Add one audit entry to `session` (and return it); it commits (or rolls back) with the
    change it describes."""
    entry = AuditEntry(
        user=user,
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=json.dumps(details, ensure_ascii=False, default=str) if details else None,
    )
    session.add(entry)
    return entry
