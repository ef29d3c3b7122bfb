"""Alembic environment: batch mode (SQLite can only alter tables by copying them)."""
from __future__ import annotations

from alembic import context
from sqlalchemy import pool

from db.engine import make_engine
from db.models import Base
from db.search_index import is_unmodelled

config = context.config
target_metadata = Base.metadata


def include_name(name, type_, parent_names) -> bool:
    """Autogenerate leaves alone what the models cannot describe: the full-text index of
    search_entries (FTS5 and its shadow tables, the GIN index), created by its migration."""
    return not is_unmodelled(name)


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # handed in by db.migrate
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
    with engine.connect() as conn:
        _run(conn)


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
