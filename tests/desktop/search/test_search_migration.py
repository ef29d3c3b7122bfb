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
