"""Writing the audit log inside the caller's transaction. Times are stored in UTC (naive), the same on
SQLite and PostgreSQL whatever the server's time zone; the log screen shows them in local time
(desktop/users/audit_log.py)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditEntry


def record(session: Session, user: str, action: str, entity: str, entity_id: int | None,
           **details: Any) -> AuditEntry:
    """Add one audit entry to `session` (and return it); it commits (or rolls back) with the
    change it describes."""
    entry = AuditEntry(
        at=utc_now(),
        user=user,
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=json.dumps(details, ensure_ascii=False, default=str) if details else None,
    )
    session.add(entry)
    return entry


def utc_now() -> datetime:
    """Now in UTC, without a zone (how the log stores its times)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)
