"""recipient lines of incoming documents

An imported incoming letter keeps its Kính gửi / Nơi nhận lines: document_recipients
now belongs to an outgoing or (new) an incoming document, exactly one of the two.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 11:14:25.281566
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import db.types


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('document_recipients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('incoming_id', sa.Integer(), nullable=True))
        batch_op.alter_column('outgoing_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.create_index(batch_op.f('ix_document_recipients_incoming_id'), ['incoming_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_document_recipients_incoming_id_incoming_documents'), 'incoming_documents', ['incoming_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint(
            op.f('ck_document_recipients_one_document'),
            "(outgoing_id IS NOT NULL AND incoming_id IS NULL)"
            " OR (outgoing_id IS NULL AND incoming_id IS NOT NULL)",
        )


def downgrade() -> None:
    op.execute("DELETE FROM document_recipients WHERE outgoing_id IS NULL")
    with op.batch_alter_table('document_recipients', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_document_recipients_one_document'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_document_recipients_incoming_id_incoming_documents'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_document_recipients_incoming_id'))
        batch_op.alter_column('outgoing_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.drop_column('incoming_id')
