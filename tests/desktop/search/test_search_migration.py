"""Migration 0007 indexes what the office already has, and the bulk loads can rebuild the index."""
from __future__ import annotations

from alembic import command
from sqlalchemy import text

from db.engine import make_engine, sqlite_url
from db.migrate import alembic_config
from desktop.core.context import open_context
from desktop.search.query import search


def test_the_upgrade_indexes_existing_rows(tmp_path):
    # GIVEN a database at revision 0003 with a document, its Nơi nhận line, a task and a unit
    url = sqlite_url(tmp_path / "old.sqlite3")
    engine = make_engine(url)
    with engine.begin() as conn:
        config = alembic_config(url)
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        conn.execute(text(
            "INSERT INTO outgoing_documents (id, doc_type, issuer_name, subject, body, status, number, symbol,"
            " year, copies, version, search_folded) VALUES (1, 'Công văn', 'UBND TỈNH', 'mời dự hội nghị',"
            " 'Kinh phí do Sở Tài chính bảo đảm.', 'issued', 7, 'UBND-TĐKT', 2024, 0, 1, '')"))
        conn.execute(text("INSERT INTO document_recipients (outgoing_id, role, position, text)"
                          " VALUES (1, 'distribution', 0, 'Đài Phát thanh tỉnh')"))
        conn.execute(text("INSERT INTO tasks (id, outgoing_id, title, role, status, search_folded)"
                          " VALUES (1, 1, 'Đăng ký thi đua năm 2024', 'lead', 'open', '')"))
        conn.execute(text("INSERT INTO units (id, code, name, kind, active, search_folded, sort_key)"
                          " VALUES (1, 'DV0001', 'Sở Tài chính', 'department', 1, '', '')"))
    engine.dispose()
    # WHEN the program opens it (upgrade to head)
    ctx = open_context(url)
    try:
        # THEN everything is found
        assert [(h.kind, h.id) for h in search(ctx, "07/UBND")][0] == ("outgoing", 1)
        assert ("outgoing", 1) in [(h.kind, h.id) for h in search(ctx, "dai phat thanh")]
        assert [(h.kind, h.id) for h in search(ctx, "dang ky thi dua")] == [("task", 1)]
        assert {(h.kind, h.id) for h in search(ctx, "so tai chinh")} == {("unit", 1), ("outgoing", 1)}
    finally:
        ctx.close()


def test_the_office_at_scale_is_indexed_once_after_its_bulk_load(tmp_path):
    """demo --scale writes with bulk inserts (no hook sees them): the index is rebuilt at the end,
    every item once, and nothing the hooks collected meanwhile is written again after it."""
    from datetime import date

    from sqlalchemy import func, select

    from db.models import IncomingDocument, OutgoingDocument, SearchEntry, Task, Unit
    from desktop.demo.scale import build_scaled_demo

    path = build_scaled_demo(tmp_path / "scaled.sqlite3", 300, today=date(2026, 11, 30))
    ctx = open_context(sqlite_url(path))
    try:
        with ctx.session() as s:
            items = sum(s.scalar(select(func.count(m.id))) for m in (OutgoingDocument, IncomingDocument, Task, Unit))
            assert s.scalar(select(func.count(SearchEntry.id))) == items
            # the entries were written kind by kind in one pass (units last), none again afterwards
            newest = s.scalar(select(SearchEntry).order_by(SearchEntry.id.desc()).limit(1))
            assert newest.unit_id is not None
            doc = s.scalar(select(OutgoingDocument).where(OutgoingDocument.number.is_not(None))
                           .order_by(OutgoingDocument.id.desc()).limit(1))
            reply = s.scalar(select(IncomingDocument).where(IncomingDocument.arrival_number.is_not(None)).limit(1))
        assert [(h.kind, h.id) for h in search(ctx, f"{doc.number}/{doc.symbol}")][0] == ("outgoing", doc.id)
        assert ("incoming", reply.id) in [(h.kind, h.id) for h in search(ctx, f"{reply.number}/{reply.symbol}")]
    finally:
        ctx.close()
