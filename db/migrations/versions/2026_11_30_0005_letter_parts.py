"""letter parts: the address footer (ô 13) and the appendices of an outgoing document

outgoing_documents.contact (lines) and outgoing_documents.appendices (JSON); the secrecy code was
already there.

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-30 12:00:00
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import db.types


revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outgoing_documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact', db.types.NFCText(), nullable=True))
        batch_op.add_column(sa.Column('appendices', db.types.NFCText(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outgoing_documents', schema=None) as batch_op:
        batch_op.drop_column('appendices')
        batch_op.drop_column('contact')
