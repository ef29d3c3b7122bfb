"""What a database (or a backup of one) holds, as a clerk checks it before a restore: when it was made,
how many documents and tasks, the last number given in each register.

Plain SQL on tables every schema version has, so a backup made by an older version is read alike.
"""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from db.sqlite_copy import open_existing
from desktop.core.vocabulary import short_date

_LAST_NUMBERS = text("""
    SELECT r.code, r.name, e.year, MAX(e.number)
    FROM register_entries e JOIN registers r ON r.id = e.register_id
    WHERE e.year = (SELECT MAX(x.year) FROM register_entries x WHERE x.register_id = e.register_id)
    GROUP BY r.id, r.code, r.name, e.year
    ORDER BY r.code
""")


@dataclass(frozen=True)
class RegisterLast:
    code: str
    name: str
    year: int
    number: int


@dataclass
class Summary:
    revision: str | None
    outgoing: int
    incoming: int
    tasks: int
    registers: list[RegisterLast] = field(default_factory=list)
    created: datetime | None = None

    @property
    def documents(self) -> int:
        return self.outgoing + self.incoming

    def lines(self) -> list[str]:
        """The summary in Vietnamese, one fact a line (the restore dialog and the CLI)."""
        out = []
        if self.created is not None:  # a backup's time (the data in use has none)
            out.append(f"Thời điểm sao lưu: {self.created:%H:%M} ngày {short_date(self.created.date())}")
        out.append(f"Văn bản: {self.documents} ({self.outgoing} văn bản đi, {self.incoming} văn bản đến)")
        out.append(f"Nhiệm vụ: {self.tasks}")
        if self.registers:
            for reg in self.registers:
                out.append(f"Số cuối của «{reg.name}» ({reg.code}) năm {reg.year}: {reg.number:02d}")
        else:
            out.append("Chưa có số nào được cấp trong các sổ.")
        return out

    def to_json_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["created"] = self.created.isoformat(timespec="seconds") if self.created else None
        return data

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Summary:
        created = data.get("created")
        return cls(
            revision=data.get("revision"), outgoing=int(data.get("outgoing") or 0),
            incoming=int(data.get("incoming") or 0), tasks=int(data.get("tasks") or 0),
            registers=[RegisterLast(**r) for r in data.get("registers") or []],
            created=datetime.fromisoformat(created) if created else None,
        )


def summarize(conn: Connection, created: datetime | None = None) -> Summary:
    """The summary of the database behind `conn` (any backend)."""
    def count(table: str) -> int:
        return int(conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one())

    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    registers = [RegisterLast(code, name, int(year), int(number))
                 for code, name, year, number in conn.execute(_LAST_NUMBERS)]
    return Summary(revision, count("outgoing_documents"), count("incoming_documents"), count("tasks"),
                   registers, created)


def summarize_sqlite_file(path: Path, created: datetime | None = None) -> Summary:
    """The summary of a SQLite file, read without writing anything beside it (immutable, read-only)."""
    def connect() -> sqlite3.Connection:
        open_existing(path, read_only=True).close()  # FileNotFoundError for a missing file
        return sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)

    engine = create_engine("sqlite://", creator=connect)
    try:
        with engine.connect() as conn:
            return summarize(conn, created)
    finally:
        engine.dispose()


def database_summary(ctx) -> Summary:
    """The summary of the database an AppContext has open (what a restore would replace)."""
    with ctx.engine.connect() as conn:
        return summarize(conn)
