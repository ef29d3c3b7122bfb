"""Revision 0004: dispatches issued before it get their tracking rows (a group line expanded with
the members of the migration day, marked `backfilled`), and their group tasks are split."""
from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from db.engine import make_engine
from db.migrate import alembic_config
from desktop.core.context import open_context


def _at_0002(url):
    engine = make_engine(url)
    config = alembic_config(url)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    return url, engine


def _insert(conn, table: str, **values) -> None:
    columns = ", ".join(values)
    conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(':' + c for c in values)})"), values)


def test_issued_dispatches_get_rows_and_group_tasks_are_split(backend_url):
    url, engine = _at_0002(backend_url)
    with engine.begin() as conn:
        for uid, name, key in ((1, "Sở Nội vụ", "B"), (2, "Sở Tài chính", "C"), (3, "Sở Y tế", "A")):
            _insert(conn, "units", id=uid, name=name, kind="department", active=True, search_folded="",
                    sort_key=key, created_at="2026-01-01", updated_at="2026-01-01")
        _insert(conn, "unit_groups", id=1, name="Các Sở, Ban, ngành", search_folded="", sort_key="",
                created_at="2026-01-01", updated_at="2026-01-01")
        for position, uid in enumerate((2, 1)):  # the group's own order: Tài chính, then Nội vụ
            _insert(conn, "unit_group_members", group_id=1, unit_id=uid, position=position)
        for doc_id, status in ((1, "issued"), (2, "draft")):
            _insert(conn, "outgoing_documents", id=doc_id, doc_type="Công văn", issuer_name="UBND",
                    subject="báo cáo", body="", status=status, copies=0, search_folded="", version=1,
                    created_at="2026-01-01", updated_at="2026-01-01")
            lines = [("recipient", 0, None, 1, "Các Sở, Ban, ngành", None),
                     ("recipient", 1, 3, None, "Sở Y tế", None),
                     ("distribution", 0, None, None, "Như trên", None),
                     ("distribution", 1, None, None, "Ban TĐKT Trung ương", "(b/c)"),
                     ("distribution", 2, None, None, "Lưu: VT, NC", None)]
            for role, position, unit_id, group_id, line, purpose in lines:
                _insert(conn, "document_recipients", outgoing_id=doc_id, role=role, position=position,
                        unit_id=unit_id, group_id=group_id, text=line, purpose=purpose,
                        delivery_method="post" if unit_id else None,
                        sent_at="2026-01-05 10:00:00" if unit_id else None)
        _insert(conn, "tasks", id=1, outgoing_id=1, item_label="1", title="Báo cáo", assignee_text="Các Sở, Ban, ngành",
                role="lead", status="open", deadline="2026-02-01", search_folded="", created_at="2026-01-01",
                updated_at="2026-01-01")
        _insert(conn, "tasks", id=2, outgoing_id=1, item_label="2", title="Tổng hợp", assignee_unit_id=3,
                assignee_text="Sở Y tế", role="lead", status="open", search_folded="", created_at="2026-01-01",
                updated_at="2026-01-01")
        _insert(conn, "task_chases", task_id=1, outgoing_id=2, created_at="2026-01-20 00:00:00")
        if conn.dialect.name == "postgresql":  # rows were given their ids: move the sequences past them
            for table in ("units", "unit_groups", "outgoing_documents", "tasks"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))"))
    engine.dispose()

    ctx = open_context(url)
    with ctx.session() as s:
        rows = s.execute(text("SELECT outgoing_id, position, unit_id, name, awaits_reply, backfilled, sent_at, channel "
                              "FROM recipient_tracking ORDER BY outgoing_id, position")).all()
        tasks = s.execute(text("SELECT id, item_label, assignee_unit_id, assignee_text, deadline, search_folded "
                               "FROM tasks ORDER BY item_label, id")).all()
        chases = s.execute(text("SELECT task_id, outgoing_id FROM task_chases ORDER BY task_id")).all()
    columns = {c["name"] for c in inspect(ctx.engine).get_columns("document_recipients")}
    ctx.close()
    assert [(r.unit_id, r.name, bool(r.awaits_reply), bool(r.backfilled)) for r in rows] == [
        (2, "Sở Tài chính", True, True), (1, "Sở Nội vụ", True, True),  # the group, in its order
        (3, "Sở Y tế", True, False),
        (None, "Ban TĐKT Trung ương", False, False),  # a free-text copy; "Như trên" and "Lưu" have none
    ]
    assert all(r.outgoing_id == 1 for r in rows)  # the draft has no rows
    assert (str(rows[2].sent_at)[:16], rows[2].channel) == ("2026-01-05 10:00", "post")  # moved from the line
    assert [(t.item_label, t.assignee_unit_id, t.assignee_text) for t in tasks] == [
        ("1", 2, "Sở Tài chính"), ("1", 1, "Sở Nội vụ"), ("2", 3, "Sở Y tế")]
    assert tasks[0].search_folded == "1 | bao cao | so tai chinh" and str(tasks[1].deadline) == "2026-02-01"
    assert [c.task_id for c in chases] == [tasks[0].id, tasks[1].id]  # the chase follows each member
    assert "sent_at" not in columns and "reply_incoming_id" not in columns
