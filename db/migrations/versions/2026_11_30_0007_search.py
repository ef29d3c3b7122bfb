"""search: one search box across documents, tasks and units; lists ordered by an index

`search_entries` holds each outgoing and incoming document, task and unit as folded words (number
and symbol, subject, body, Kính gửi and Nơi nhận lines, task text, unit names), indexed by FTS5 on
SQLite (kept by triggers) and by a GIN tsvector index on PostgreSQL; existing rows are indexed here
(db.search_index.rebuild reads the columns the items have had since 0003). The document lists get
indexes in their default order, so their first screen is read without sorting the table.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 15:00:00
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from db import search_index


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_ONE_ITEM = " + ".join(f"(CASE WHEN {k}_id IS NULL THEN 0 ELSE 1 END)"
                       for k in ("outgoing", "incoming", "task", "unit")) + " = 1"


def upgrade() -> None:
    op.create_table(
        'search_entries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('outgoing_id', sa.Integer(), nullable=True),
        sa.Column('incoming_id', sa.Integer(), nullable=True),
        sa.Column('task_id', sa.Integer(), nullable=True),
        sa.Column('unit_id', sa.Integer(), nullable=True),
        sa.Column('number_key', sa.String(length=120), nullable=False),
        sa.Column('head', sa.Text(), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.CheckConstraint(_ONE_ITEM, name=op.f('ck_search_entries_one_item')),
        sa.ForeignKeyConstraint(['outgoing_id'], ['outgoing_documents.id'],
                                name=op.f('fk_search_entries_outgoing_id_outgoing_documents'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['incoming_id'], ['incoming_documents.id'],
                                name=op.f('fk_search_entries_incoming_id_incoming_documents'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_search_entries_task_id_tasks'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_search_entries_unit_id_units'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_search_entries')),
        sa.UniqueConstraint('outgoing_id', name=op.f('uq_search_entries_outgoing_id')),
        sa.UniqueConstraint('incoming_id', name=op.f('uq_search_entries_incoming_id')),
        sa.UniqueConstraint('task_id', name=op.f('uq_search_entries_task_id')),
        sa.UniqueConstraint('unit_id', name=op.f('uq_search_entries_unit_id')),
    )
    op.create_index(op.f('ix_search_entries_number_key'), 'search_entries', ['number_key'], unique=False)
    conn = op.get_bind()
    search_index.create_index(conn)
    # the entries are written by 0008's search_index.rebuild: it reads the columns of today's models,
    # of which 0008 adds some (the letter's address footer and appendices)
    op.create_index('ix_outgoing_documents_listed', 'outgoing_documents',
                    [sa.text('coalesce(date, date(created_at))'), 'number'], unique=False)
    op.create_index('ix_incoming_documents_listed', 'incoming_documents', ['arrival_date', 'arrival_number'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_incoming_documents_listed', table_name='incoming_documents')
    op.drop_index('ix_outgoing_documents_listed', table_name='outgoing_documents')
    search_index.drop_index(op.get_bind())
    op.drop_index(op.f('ix_search_entries_number_key'), table_name='search_entries')
    op.drop_table('search_entries')
