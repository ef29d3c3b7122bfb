"""Saving an imported letter as incoming keeps its Kính gửi / Nơi nhận lines and takes its
arrival number from the register."""
from __future__ import annotations

from sqlalchemy import select

from db.models import DocumentRecipient, IncomingDocument, RegisterEntry
from desktop.documents.lists import incoming_detail
from desktop.importing import read_dispatch
from desktop.importing.save import load_units, save_import
from tests.conftest import shared_path


def test_incoming_letter_keeps_its_recipient_lines_and_gets_the_next_arrival_number(demo_ctx):
    seed = shared_path("seeds", "001_f7e0c988db89172b.txt")
    with demo_ctx.session() as s:
        units = load_units(s)
    result = read_dispatch(seed, units=units)
    first = save_import(demo_ctx, result, "in")
    second = save_import(demo_ctx, read_dispatch(seed, units=units), "in", allow_duplicate=True)
    assert second.arrival_number == first.arrival_number + 1
    with demo_ctx.session() as s:
        lines = s.execute(select(DocumentRecipient.role, DocumentRecipient.text, DocumentRecipient.purpose)
                          .where(DocumentRecipient.incoming_id == first.document_id)
                          .order_by(DocumentRecipient.role, DocumentRecipient.position)).all()
        entry = s.scalar(select(RegisterEntry).where(RegisterEntry.incoming_id == first.document_id))
        doc = s.get(IncomingDocument, first.document_id)
        detail = dict(incoming_detail(s, first.document_id))
    assert [t for role, t, _ in lines if role == "recipient"][0] == "Các Sở, Ban, ngành, Đoàn thể, Hội cấp tỉnh"
    assert ("distribution", "Ban TĐKT Trung ương", "(b/c)") in lines
    assert sum(1 for role, *_ in lines if role == "distribution") == 13
    assert (entry.number, entry.year) == (doc.arrival_number, doc.arrival_year)
    assert "- UBND tỉnh Kon Tum (Cụm trưởng)" in detail["Nơi nhận"]
