"""Revision 0003 keeps a directory made before it: codes backfilled, search text and memberships kept."""
from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from db.engine import make_engine
from db.migrate import alembic_config


def test_existing_units_and_groups_get_codes_and_keep_memberships(backend_url):
    from db.models import Unit, UnitGroup, UnitGroupMember
    from desktop.core.context import open_context

    engine = make_engine(backend_url)
    config = alembic_config(backend_url)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    with engine.begin() as conn:
        for i, name in [(7, "Sở Nội vụ"), (3, "Sở Tài chính")]:
            conn.execute(text("INSERT INTO units (id, name, kind, active, search_folded, sort_key, created_at, "
                              "updated_at) VALUES (:i, :n, 'department', true, '', '', '2026-01-01', '2026-01-01')"),
                         {"i": i, "n": name})
        conn.execute(text("INSERT INTO unit_aliases (unit_id, alias) VALUES (7, 'Sở Nội vụ tỉnh')"))
        conn.execute(text("INSERT INTO unit_groups (id, name, search_folded, sort_key, created_at, updated_at) "
                          "VALUES (1, 'Các Sở, Ban, ngành', '', '', '2026-01-01', '2026-01-01')"))
        conn.execute(text("INSERT INTO unit_group_members (group_id, unit_id, position) VALUES (1, 7, 0), (1, 3, 1)"))
    engine.dispose()

    ctx = open_context(backend_url)
    try:
        with ctx.session() as s:
            assert s.execute(select(Unit.id, Unit.code).order_by(Unit.id)).all() == [(3, "DV0001"), (7, "DV0002")]
            folded = s.scalar(select(Unit.search_folded).where(Unit.id == 7))
            assert "dv0002" in folded and "so noi vu tinh" in folded
            assert s.scalar(select(UnitGroup.code)) == "NH001"
            rows = s.execute(select(UnitGroupMember.unit_id, UnitGroupMember.valid_from, UnitGroupMember.valid_to)
                             .order_by(UnitGroupMember.position)).all()
            assert rows == [(7, None, None), (3, None, None)]
        with ctx.session() as s, s.begin():  # a new unit continues the numbering
            s.add(Unit(name="Sở Y tế", kind="department"))
        with ctx.session() as s:
            assert s.scalar(select(Unit.code).where(Unit.name == "Sở Y tế")) == "DV0003"
    finally:
        ctx.close()


def test_merge_and_import_run_on_both_backends(backend_url, tmp_path):
    """The merge's schema-wide moves and the import's savepoints, on SQLite and PostgreSQL."""
    from db.models import DocumentRecipient, OutgoingDocument, Task, Unit, UnitAlias
    from desktop.core.context import open_context
    from desktop.recipients.directory import UnitInput, add_unit
    from desktop.recipients.excel_export import export_directory
    from desktop.recipients.excel_import import import_directory
    from desktop.recipients.group_edit import GroupInput, MembershipInput, save_group
    from desktop.recipients.merge import merge_units

    ctx = open_context(backend_url)
    try:
        keep, _ = add_unit(ctx, UnitInput(name="Sở Tài chính"), "x")
        old, _ = add_unit(ctx, UnitInput(name="Sở Kế hoạch và Đầu tư", aliases=["Sở KHĐT"]), "x")
        save_group(ctx, None, GroupInput("Các Sở", members=[MembershipInput(keep), MembershipInput(old)]), "x")
        with ctx.session() as s, s.begin():
            doc = OutgoingDocument(issuer_name="UBND", subject="thử")
            s.add(doc)
            s.flush()
            s.add(DocumentRecipient(outgoing_id=doc.id, role="recipient", text="Sở KH&ĐT", unit_id=old))
            s.add(Task(title="Báo cáo", outgoing_id=doc.id, assignee_unit_id=old))
        merge_units(ctx, old, keep, "x")
        with ctx.session() as s:
            assert s.scalar(select(DocumentRecipient.unit_id)) == keep and s.scalar(select(Task.assignee_unit_id)) == keep
            assert set(s.scalars(select(UnitAlias.alias))) == {"Sở Kế hoạch và Đầu tư", "Sở KHĐT"}
            assert s.scalar(select(Unit.id).where(Unit.id == old)) is None
        path = tmp_path / "danh-ba.xlsx"
        export_directory(ctx, path)
        report, _ = import_directory(ctx, path, "x")
        assert not report.errors and (report.added, report.changed) == (0, 0)
    finally:
        ctx.close()
