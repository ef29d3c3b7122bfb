"""The chasing letter is numbered in the register of its kind (a công văn), whatever the accents."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.models import OutgoingDocument, Register
from desktop.documents.service import load_draft
from desktop.followup.chasing import draft_chasing_letter
from desktop.followup.task_query import TaskFilter, task_rows


def _register(ctx, code, doc_type, *, active=True) -> int:
    with ctx.write_session() as s:
        row = Register(code=code, name=f"Sổ {code}", direction="out", doc_type=doc_type, active=active)
        s.add(row)
        s.commit()
        return row.id


def test_the_chasing_letter_takes_the_cong_van_register(demo_ctx):
    with demo_ctx.session() as s:
        registers = {code: rid for code, rid in s.execute(select(Register.code, Register.id))}
        oid = s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number == 2457))
    # the demo has the shared "VB-DI" (no type) and "CV-DI" for "Công văn": the letter is a công văn
    rows = task_rows(demo_ctx, date(2019, 2, 1), TaskFilter(outgoing_id=oid, overdue=True))
    new_id, _ = draft_chasing_letter(demo_ctx, [rows[0].id], date(2019, 3, 15), "thư ký")
    assert load_draft(demo_ctx, new_id).data.register_id == registers["CV-DI"] != registers["VB-DI"]


def test_accented_and_unaccented_names_of_the_kind_match(demo_ctx):
    from desktop.documents.numbering import register_for

    def _register_id(session, kind="Công văn"):
        found = register_for(session, "out", kind)
        return found.id if found else None

    with demo_ctx.write_session() as s:  # only a shared register and registers typed in other spellings
        for row in s.scalars(select(Register).where(Register.direction == "out")):
            row.active = False
        s.commit()
    _register(demo_ctx, "CHUNG", None)
    _register(demo_ctx, "CU", "CÔNG VĂN", active=False)  # retired: never chosen
    upper = _register(demo_ctx, "CV2", "CÔNG VĂN")
    with demo_ctx.session() as s:
        assert _register_id(s) == upper
        assert _register_id(s, "Kế hoạch") == _register_id(s, "kế hoạch")  # falls back to the shared one
        shared = s.scalar(select(Register.id).where(Register.code == "CHUNG"))
        assert _register_id(s, "Kế hoạch") == shared
    unaccented = _register(demo_ctx, "KH", "Ke hoach")
    with demo_ctx.session() as s:
        assert _register_id(s, "Kế hoạch") == unaccented
