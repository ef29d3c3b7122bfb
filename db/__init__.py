"""Storage floor: SQLAlchemy models, engine/session factory and migrations.

Imports only SQLAlchemy, Alembic and the standard library: never `desktop`, `ui` or Qt.
"""
