"""Shared steps of the drafting tests."""
from __future__ import annotations

from sqlalchemy import select, update

from db.models import AuditEntry, OutgoingDocument
from desktop.documents import service
from tests.desktop.documents.conftest import good_draft


def signed_document(ctx, setup, **overrides) -> int:
    """A draft taken through Trình ký and Ký, ready to issue."""
    doc_id, _ = service.create_draft(ctx, good_draft(setup, **overrides), "chuyên viên")
    service.submit(ctx, doc_id, "chuyên viên")
    service.sign(ctx, doc_id, "lãnh đạo")
    return doc_id


def bulk_signed(ctx, setup, count: int) -> list[int]:
    """`count` signed documents (one through the service, the rest copied, for speed)."""
    first = signed_document(ctx, setup)
    ids = [first]
    for _ in range(count - 1):
        new_id, _ = service.clone(ctx, first, "chuyên viên", years_forward=0)
        ids.append(new_id)
    with ctx.session() as s:
        s.execute(update(OutgoingDocument).where(OutgoingDocument.id.in_(ids)).values(status="signed"))
        s.commit()
    return ids


def audit_actions(ctx, doc_id: int) -> list[tuple[str, str]]:
    with ctx.session() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "outgoing_document", AuditEntry.entity_id == doc_id)
            .order_by(AuditEntry.id)
        ).all()
        return [(r.action, r.user) for r in rows]
