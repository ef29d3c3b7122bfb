"""Deleting an incoming letter: what goes with it (said before, so the clerk can decide), then
one audited transaction. Its arrival number stays in the register, voided (never reused)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update

from db.models import IncomingDocument, RecipientTracking, RegisterEntry, Task
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.incoming.service import ENTITY, IncomingError, discard_if_unused

__all__ = ["DeletionImpact", "deletion_impact", "delete_incoming"]


@dataclass
class DeletionImpact:
    label: str  # "số đến 88: 410/SYT-TCCB của Sở Y tế"
    replies: int  # tracking rows it answers (they become unanswered)
    reports: int  # tasks it is the report of (they lose the report)
    tasks: int  # tasks that come from it (deleted with it)
    has_file: bool

    @property
    def warning(self) -> str:
        """What the clerk must know before saying yes, in Vietnamese."""
        parts = [f"Xóa văn bản đến {self.label}?"]
        if self.replies:
            parts.append(f"• {self.replies} đơn vị đang được ghi nhận đã trả lời bằng văn bản này sẽ trở lại "
                         "“chưa trả lời”.")
        if self.reports:
            parts.append(f"• {self.reports} nhiệm vụ đang lấy văn bản này làm báo cáo sẽ mất báo cáo.")
        if self.tasks:
            parts.append(f"• {self.tasks} nhiệm vụ giao từ văn bản này sẽ bị xóa theo.")
        if self.has_file:
            parts.append("• Tệp gốc đính kèm cũng bị xóa.")
        parts.append("Số đến vẫn giữ trong sổ (ghi là đã hủy). Không hoàn tác được.")
        return "\n".join(parts)


def _label(doc: IncomingDocument) -> str:
    number = "/".join(p for p in (doc.number, doc.symbol) if p) or "(không số)"
    arrival = f"số đến {doc.arrival_number}: " if doc.arrival_number else ""
    return f"{arrival}{number} của {doc.issuer_name}"


def deletion_impact(ctx: AppContext, incoming_id: int) -> DeletionImpact:
    with ctx.session() as session:
        doc = session.get(IncomingDocument, incoming_id)
        if doc is None:
            raise IncomingError(f"Không có văn bản đến số định danh {incoming_id}.")

        def count(column, model):
            return session.scalar(select(func.count(model.id)).where(column == incoming_id)) or 0

        return DeletionImpact(
            label=_label(doc), replies=count(RecipientTracking.reply_incoming_id, RecipientTracking),
            reports=count(Task.reply_incoming_id, Task), tasks=count(Task.incoming_id, Task),
            has_file=bool(doc.file_path),
        )


def delete_incoming(ctx: AppContext, incoming_id: int, user: str) -> Changes:
    """Delete the letter; rows it answered become unanswered, tasks lose it as their report,
    its own tasks are deleted, its arrival number is voided. Audited with what it held."""
    with ctx.write_session() as session:
        doc = session.get(IncomingDocument, incoming_id)
        if doc is None:
            raise IncomingError(f"Không có văn bản đến số định danh {incoming_id}.")
        unlinked = session.execute(
            update(RecipientTracking).where(RecipientTracking.reply_incoming_id == incoming_id)
            .values(replied_at=None, answered_on=None, reply_incoming_id=None, reply_link=None)).rowcount
        reports = session.execute(update(Task).where(Task.reply_incoming_id == incoming_id)
                                  .values(reply_incoming_id=None, reply_date=None)).rowcount
        own = session.scalars(select(Task).where(Task.incoming_id == incoming_id)).all()
        for task in own:
            session.delete(task)
        session.execute(update(RegisterEntry).where(RegisterEntry.incoming_id == incoming_id)
                        .values(status="voided", reason="văn bản đến đã xóa"))
        file_path = doc.file_path
        record(session, user, "delete", ENTITY, doc.id, label=_label(doc), number=doc.number, symbol=doc.symbol,
               date=doc.date, issuer=doc.issuer_name, subject=doc.subject, arrival_number=doc.arrival_number,
               arrival_date=doc.arrival_date, unlinked_rows=unlinked, lost_reports=reports, deleted_tasks=len(own),
               file_sha256=doc.file_sha256)
        session.delete(doc)
        session.commit()
    if file_path:
        discard_if_unused(ctx, file_path)
    return Changes(incoming=True, outgoing=bool(unlinked), tasks=bool(reports or own), registers=True)
