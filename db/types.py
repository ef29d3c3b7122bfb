"""Column types shared by the models and re-exported for migrations."""
from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.types import TypeDecorator

from db.text import nfc


class NFCString(TypeDecorator[str]):
    """A String that always stores Unicode NFC (Vietnamese typed on Windows may arrive as NFD)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: D401 - SQLAlchemy hook
        return nfc(value) if isinstance(value, str) else value


class NFCText(TypeDecorator[str]):
    """A Text column that always stores Unicode NFC."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return nfc(value) if isinstance(value, str) else value
