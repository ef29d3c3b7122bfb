"""tracking per unit, reply deadline, incoming attachments

- recipient_tracking: one row per unit an issued dispatch went to (a group line expanded into
  its members); sent date and channel, acknowledgement, reply. The unused per-line tracking
  columns of document_recipients move there.
- outgoing_documents.reply_deadline; incoming_documents.file_name / file_path / file_sha256.
- Dispatches issued before this revision get their rows now (group lines expanded with the
  members of today, marked `backfilled`), and their tasks addressed to a group become one task
  per member unit (chase links copied).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 09:00:00
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

import sqlalchemy as sa
from alembic import op

import db.types
from db.text import fold

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_OLD_LINE_COLUMNS = ("delivery_method", "sent_at", "acknowledged_at", "replied_at", "reply_incoming_id")
_CHANNELS = {"post": "post", "email": "email", "electronic": "email", "axis": "axis", "paper": "hand",
             "hand": "hand"}
_INFORMATIONAL = ("b/c", "bc", "de biet", "biet", "theo doi", "chi dao")


def upgrade() -> None:
    with op.batch_alter_table('outgoing_documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_deadline', sa.Date(), nullable=True))
    with op.batch_alter_table('incoming_documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('file_name', db.types.NFCString(length=255), nullable=True))
        batch_op.add_column(sa.Column('file_path', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('file_sha256', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_incoming_documents_file_sha256'), ['file_sha256'], unique=False)

    conn = op.get_bind()
    new_rows = _rows_for_issued(conn)  # read while the lines still hold their old tracking columns
    # On SQLite dropping columns copies the table and drops the old one; with foreign keys on, that
    # would delete every row that cascades from it, so the tracking table is made only afterwards.
    with op.batch_alter_table('document_recipients', schema=None) as batch_op:
        batch_op.drop_constraint('fk_document_recipients_reply_incoming_id_incoming_documents', type_='foreignkey')
        for column in _OLD_LINE_COLUMNS:
            batch_op.drop_column(column)
    op.create_table(
        'recipient_tracking',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('outgoing_id', sa.Integer(), nullable=False),
        sa.Column('line_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=True),
        sa.Column('name', db.types.NFCString(length=250), nullable=False),
        sa.Column('awaits_reply', sa.Boolean(), nullable=False),
        sa.Column('backfilled', sa.Boolean(), nullable=False),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        sa.Column('channel', sa.String(length=8), nullable=True),
        sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
        sa.Column('replied_at', sa.DateTime(), nullable=True),
        sa.Column('answered_on', sa.Date(), nullable=True),
        sa.Column('reply_incoming_id', sa.Integer(), nullable=True),
        sa.Column('reply_link', sa.String(length=8), nullable=True),
        sa.Column('notes', db.types.NFCText(), nullable=True),
        sa.CheckConstraint("channel IS NULL OR channel IN ('post', 'email', 'axis', 'hand')",
                           name=op.f('ck_recipient_tracking_channel')),
        sa.CheckConstraint("reply_link IS NULL OR reply_link IN ('auto', 'manual')",
                           name=op.f('ck_recipient_tracking_reply_link')),
        sa.ForeignKeyConstraint(['line_id'], ['document_recipients.id'],
                                name=op.f('fk_recipient_tracking_line_id_document_recipients'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['outgoing_id'], ['outgoing_documents.id'],
                                name=op.f('fk_recipient_tracking_outgoing_id_outgoing_documents'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['reply_incoming_id'], ['incoming_documents.id'],
                                name=op.f('fk_recipient_tracking_reply_incoming_id_incoming_documents'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_recipient_tracking_unit_id_units'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recipient_tracking')),
    )
    with op.batch_alter_table('recipient_tracking', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recipient_tracking_line_id'), ['line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recipient_tracking_outgoing_id'), ['outgoing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recipient_tracking_reply_incoming_id'), ['reply_incoming_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_recipient_tracking_unit_id'), ['unit_id'], unique=False)
    for chunk in range(0, len(new_rows), 1000):
        conn.execute(_rows.insert(), new_rows[chunk:chunk + 1000])
    _split_group_tasks(conn)


# ---- data: frozen here (the program's code may change, a migration must not) ----------------

_meta = sa.MetaData()
_docs = sa.Table("outgoing_documents", _meta, sa.Column("id", sa.Integer), sa.Column("status", sa.String))
_lines = sa.Table(
    "document_recipients", _meta, sa.Column("id", sa.Integer), sa.Column("outgoing_id", sa.Integer),
    sa.Column("role", sa.String), sa.Column("position", sa.Integer), sa.Column("unit_id", sa.Integer),
    sa.Column("group_id", sa.Integer), sa.Column("text", sa.Text), sa.Column("purpose", sa.String),
    sa.Column("delivery_method", sa.String), sa.Column("sent_at", sa.DateTime),
    sa.Column("acknowledged_at", sa.DateTime), sa.Column("replied_at", sa.DateTime),
    sa.Column("reply_incoming_id", sa.Integer),
)
_units = sa.Table("units", _meta, sa.Column("id", sa.Integer), sa.Column("name", sa.String),
                  sa.Column("sort_key", sa.String), sa.Column("active", sa.Boolean), sa.Column("active_from", sa.Date),
                  sa.Column("active_to", sa.Date))
_groups = sa.Table("unit_groups", _meta, sa.Column("id", sa.Integer), sa.Column("name", sa.String))
_members = sa.Table("unit_group_members", _meta, sa.Column("group_id", sa.Integer),
                    sa.Column("unit_id", sa.Integer), sa.Column("position", sa.Integer),
                    sa.Column("valid_from", sa.Date), sa.Column("valid_to", sa.Date))
_incoming = sa.Table("incoming_documents", _meta, sa.Column("id", sa.Integer), sa.Column("date", sa.Date),
                     sa.Column("arrival_date", sa.Date))
_rows = sa.Table(
    "recipient_tracking", _meta, sa.Column("outgoing_id", sa.Integer), sa.Column("line_id", sa.Integer),
    sa.Column("position", sa.Integer), sa.Column("unit_id", sa.Integer), sa.Column("name", sa.String),
    sa.Column("awaits_reply", sa.Boolean), sa.Column("backfilled", sa.Boolean),
    sa.Column("sent_at", sa.DateTime), sa.Column("channel", sa.String), sa.Column("acknowledged_at", sa.DateTime),
    sa.Column("replied_at", sa.DateTime), sa.Column("answered_on", sa.Date),
    sa.Column("reply_incoming_id", sa.Integer), sa.Column("reply_link", sa.String),
)


def _on(start, end, day):
    return sa.and_(sa.or_(start.is_(None), start <= day), sa.or_(end.is_(None), end >= day))


def _members_today(conn) -> dict[int, list[tuple[int, str]]]:
    """Each group's members of the migration day (membership and unit both in their periods; a unit
    switched off without a date counts on no day), in the group's order."""
    today = date.today()
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    query = (sa.select(_members.c.group_id, _units.c.id, _units.c.name)
             .join(_units, _units.c.id == _members.c.unit_id)
             .where(_on(_members.c.valid_from, _members.c.valid_to, today),
                    _on(_units.c.active_from, _units.c.active_to, today),
                    sa.or_(_units.c.active.is_(True), _units.c.active_to.is_not(None)))
             .order_by(_members.c.group_id, _members.c.position, _units.c.sort_key, _units.c.id))
    for group_id, unit_id, name in conn.execute(query):
        members[group_id].append((unit_id, name))
    return members


def _not_tracked(text: str) -> bool:
    folded = fold(text)
    return folded in ("nhu tren", "nhu tren.", "nhu tren;") or folded.startswith(("luu:", "luu "))


def _informational(purpose: str | None) -> bool:
    folded = fold((purpose or "").strip("() "))
    return any(word in folded for word in _INFORMATIONAL)


def _rows_for_issued(conn) -> list[dict]:
    issued = [r[0] for r in conn.execute(sa.select(_docs.c.id).where(_docs.c.status == "issued"))]
    if not issued:
        return []
    members = _members_today(conn)
    names = dict(conn.execute(sa.select(_units.c.id, _units.c.name)).all())
    reply_dates = {i: d or a for i, d, a in conn.execute(
        sa.select(_incoming.c.id, _incoming.c.date, _incoming.c.arrival_date))}
    by_doc = defaultdict(list)
    for chunk in range(0, len(issued), 500):
        ids = issued[chunk:chunk + 500]
        for line in conn.execute(sa.select(_lines).where(_lines.c.outgoing_id.in_(ids))):
            by_doc[line.outgoing_id].append(line)
    new_rows = []
    for doc_id, lines in by_doc.items():
        lines.sort(key=lambda l: (l.role != "recipient", l.position, l.id))
        has_kinh_gui = any(l.role == "recipient" for l in lines)
        position = 0
        for line in lines:
            if _not_tracked(line.text):
                continue
            awaits = line.role == "recipient" or (not has_kinh_gui and not _informational(line.purpose))
            if line.group_id is not None and members.get(line.group_id):
                targets = [(uid, name, True) for uid, name in members[line.group_id]]
            elif line.unit_id is not None:
                targets = [(line.unit_id, names.get(line.unit_id) or line.text, False)]
            else:
                targets = [(None, line.text, False)]
            for unit_id, name, expanded in targets:
                row = dict(outgoing_id=doc_id, line_id=line.id, position=position, unit_id=unit_id,
                           name=name[:250], awaits_reply=awaits, backfilled=expanded, sent_at=None, channel=None,
                           acknowledged_at=None, replied_at=None, answered_on=None, reply_incoming_id=None,
                           reply_link=None)
                if not expanded:  # the line's own tracking values move to its one row
                    replied = line.replied_at
                    row.update(sent_at=line.sent_at, channel=_CHANNELS.get((line.delivery_method or "").lower()),
                               acknowledged_at=line.acknowledged_at, replied_at=replied,
                               reply_incoming_id=line.reply_incoming_id,
                               answered_on=reply_dates.get(line.reply_incoming_id)
                               or (replied.date() if replied else None),
                               reply_link="manual" if line.reply_incoming_id or replied else None)
                new_rows.append(row)
                position += 1
    return new_rows


def _split_group_tasks(conn) -> None:
    """A task addressed to a group (no unit, its text a group's name) becomes one task per member."""
    groups = {fold(name): gid for gid, name in conn.execute(sa.select(_groups.c.id, _groups.c.name))}
    if not groups:
        return
    members = _members_today(conn)
    tasks = sa.Table("tasks", sa.MetaData(), autoload_with=conn)
    chases = sa.Table("task_chases", sa.MetaData(), autoload_with=conn)
    candidates = conn.execute(sa.select(tasks).where(
        tasks.c.outgoing_id.is_not(None), tasks.c.assignee_unit_id.is_(None),
        tasks.c.assignee_text.is_not(None))).mappings().all()
    for task in candidates:
        group_id = groups.get(fold(task["assignee_text"]))
        if group_id is None or not members.get(group_id):
            continue
        task_chases = conn.execute(sa.select(chases).where(chases.c.task_id == task["id"])).mappings().all()
        for unit_id, name in members[group_id]:
            values = {k: v for k, v in task.items() if k != "id"}
            values.update(assignee_unit_id=unit_id, assignee_text=name[:250])
            values["search_folded"] = _search_text(values)[:2000]
            new_id = conn.execute(tasks.insert().values(**values)).inserted_primary_key[0]
            for chase in task_chases:
                conn.execute(chases.insert().values(
                    **{k: v for k, v in chase.items() if k not in ("id", "task_id")}, task_id=new_id))
        conn.execute(chases.delete().where(chases.c.task_id == task["id"]))
        conn.execute(tasks.delete().where(tasks.c.id == task["id"]))


def _search_text(task: dict) -> str:
    parts = (task.get("item_label"), task.get("title"), task.get("assignee_text"), task.get("deadline_text"),
             task.get("notes"))
    return " | ".join(fold(str(p)) for p in parts if p not in (None, ""))


def downgrade() -> None:
    with op.batch_alter_table('document_recipients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('delivery_method', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('sent_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('acknowledged_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('replied_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('reply_incoming_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_document_recipients_reply_incoming_id_incoming_documents',
                                    'incoming_documents', ['reply_incoming_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('incoming_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incoming_documents_file_sha256'))
        batch_op.drop_column('file_sha256')
        batch_op.drop_column('file_path')
        batch_op.drop_column('file_name')
    with op.batch_alter_table('outgoing_documents', schema=None) as batch_op:
        batch_op.drop_column('reply_deadline')
    op.drop_table('recipient_tracking')
