"""letter parts and recurring tasks

outgoing_documents.contact (the address footer, ô 13, as lines) and outgoing_documents.appendices
(JSON); the secrecy code was already there. tasks.series_id: each later occurrence of a recurring
task ("hằng quý") names the first. Then the search index of 0007 is filled.

Revision ID: 0008
Revises: 0007 (written as 0005 after 0004; re-chained when merged after users and search)
Create Date: 2026-11-30 12:00:00
"""
from __future__ import annotations

import warnings

from alembic import op
import sqlalchemy as sa
import db.types
from db import search_index


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no batch: SQLite cannot reflect 0007's expression index, and need not copy the table)
    op.add_column('outgoing_documents', sa.Column('contact', db.types.NFCText(), nullable=True))
    op.add_column('outgoing_documents', sa.Column('appendices', db.types.NFCText(), nullable=True))
    # SQLite copies `tasks` (a new foreign key); reflecting it reads outgoing_documents too, whose
    # expression index (0007) SQLite cannot reflect: a warning only, that table is not copied
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        with op.batch_alter_table('tasks', schema=None) as batch_op:
            batch_op.add_column(sa.Column('series_id', sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f('ix_tasks_series_id'), ['series_id'], unique=False)
            batch_op.create_foreign_key(batch_op.f('fk_tasks_series_id_tasks'), 'tasks', ['series_id'], ['id'],
                                        ondelete='SET NULL')
    # every item's search entry, from the columns as they now are (0007 made the index empty); a later
    # migration that adds searched columns rebuilds again after adding them
    search_index.rebuild(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_tasks_series_id_tasks'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_tasks_series_id'))
        batch_op.drop_column('series_id')
    with op.batch_alter_table('outgoing_documents', schema=None) as batch_op:
        batch_op.drop_column('appendices')
        batch_op.drop_column('contact')
