"""directory: unit codes and contact fields, active periods, dated group memberships

Units get a stable code (backfilled "DV0001"... in id order), phone, contact person and an active
period; groups get a code ("NH001"...); a group membership gets from/to dates, and a unit may
belong to a group more than once (left and came back), so the (group, unit) unique key goes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 09:00:00
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import db.types
from db.text import fold


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_PERIOD = "{to} IS NULL OR {start} IS NULL OR {to} >= {start}"


def _search_text(*parts) -> str:
    return " | ".join(fold(str(p)) for p in parts if p not in (None, ""))


def _backfill(conn) -> None:
    aliases: dict[int, list[str]] = {}
    for unit_id, alias in conn.execute(sa.text("SELECT unit_id, alias FROM unit_aliases ORDER BY id")):
        aliases.setdefault(unit_id, []).append(alias)
    units = conn.execute(sa.text("SELECT id, name, short_name FROM units ORDER BY id")).all()
    for n, (unit_id, name, short) in enumerate(units, start=1):
        code = f"DV{n:04d}"
        conn.execute(sa.text("UPDATE units SET code = :code, search_folded = :folded WHERE id = :id"),
                     {"code": code, "id": unit_id,
                      "folded": _search_text(name, short, *aliases.get(unit_id, []), code)[:1000]})
    groups = conn.execute(sa.text("SELECT id, name FROM unit_groups ORDER BY id")).all()
    for n, (group_id, name) in enumerate(groups, start=1):
        code = f"NH{n:03d}"
        conn.execute(sa.text("UPDATE unit_groups SET code = :code, search_folded = :folded WHERE id = :id"),
                     {"code": code, "id": group_id, "folded": _search_text(name, code)[:500]})


def upgrade() -> None:
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('phone', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('contact_person', db.types.NFCString(length=160), nullable=True))
        batch_op.add_column(sa.Column('active_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('active_to', sa.Date(), nullable=True))
    with op.batch_alter_table('unit_groups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=30), nullable=True))

    _backfill(op.get_bind())

    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.alter_column('code', existing_type=sa.String(length=30), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_units_code'), ['code'])
        batch_op.create_check_constraint(
            op.f('ck_units_active_period'), _PERIOD.format(to="active_to", start="active_from"))
    with op.batch_alter_table('unit_groups', schema=None) as batch_op:
        batch_op.alter_column('code', existing_type=sa.String(length=30), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_unit_groups_code'), ['code'])
    with op.batch_alter_table('unit_group_members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('valid_to', sa.Date(), nullable=True))
        batch_op.drop_constraint(batch_op.f('uq_unit_group_members_group_id_unit_id'), type_='unique')
        batch_op.create_index(batch_op.f('ix_unit_group_members_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_group_members_unit_id'), ['unit_id'], unique=False)
        batch_op.create_check_constraint(
            op.f('ck_unit_group_members_period'), _PERIOD.format(to="valid_to", start="valid_from"))


def downgrade() -> None:
    # Keep one membership per (group, unit): the first one.
    op.execute("DELETE FROM unit_group_members WHERE id NOT IN "
               "(SELECT MIN(id) FROM unit_group_members GROUP BY group_id, unit_id)")
    with op.batch_alter_table('unit_group_members', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_unit_group_members_period'), type_='check')
        batch_op.drop_index(batch_op.f('ix_unit_group_members_unit_id'))
        batch_op.drop_index(batch_op.f('ix_unit_group_members_group_id'))
        batch_op.create_unique_constraint(batch_op.f('uq_unit_group_members_group_id_unit_id'),
                                          ['group_id', 'unit_id'])
        batch_op.drop_column('valid_to')
        batch_op.drop_column('valid_from')
    with op.batch_alter_table('unit_groups', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_unit_groups_code'), type_='unique')
        batch_op.drop_column('code')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_units_active_period'), type_='check')
        batch_op.drop_constraint(batch_op.f('uq_units_code'), type_='unique')
        batch_op.drop_column('active_to')
        batch_op.drop_column('active_from')
        batch_op.drop_column('contact_person')
        batch_op.drop_column('phone')
        batch_op.drop_column('code')
