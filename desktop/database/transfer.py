"""Move the local data into the office's PostgreSQL server, once: every table, in one transaction on the
server, counts checked before and after; the local file is only read, and kept.

The server database must be empty (created by the office's IT person, see the README); it is brought to
the program's schema first. A job: `progress(fraction, message)` and `cancel` as desktop.core.jobs has them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Integer, Table, func, select, text, update

from desktop.core.jobs import ProgressFn, no_progress

BATCH = 1000


class TransferError(Exception):
    """The move could not be done; the message is for the clerk and nothing was written on the server."""


@dataclass
class TransferReport:
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows, equal on both sides
    last_numbers: dict[str, int] = field(default_factory=dict)  # "CV-DI 2026" -> last number

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _tables() -> list[Table]:
    from db.models import Base

    return [t for t in Base.metadata.sorted_tables if t.name != "alembic_version"]


def _counts(conn, tables: list[Table]) -> dict[str, int]:
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}


def last_numbers(conn) -> dict[str, int]:
    """The last number given in each register and year (what the clerk checks after a move)."""
    from db.models import Register, RegisterEntry

    rows = conn.execute(
        select(Register.code, RegisterEntry.year, func.max(RegisterEntry.number))
        .join(RegisterEntry, RegisterEntry.register_id == Register.id)
        .group_by(Register.code, RegisterEntry.year)
    ).all()
    return {f"{code} {year}": int(number) for code, year, number in rows}


def copy_to_server(source_ctx, target_url: str, *, progress: ProgressFn = no_progress, cancel=None) -> TransferReport:
    """Copy every row of `source_ctx`'s database into the (empty) server database at `target_url`."""
    from desktop.core.context import open_context
    from desktop.database.server import check_server

    problem = check_server(target_url)
    if problem:
        raise TransferError(problem)
    tables = _tables()
    with source_ctx.engine.connect() as source:
        before = _counts(source, tables)
        numbers = last_numbers(source)
    target_ctx = open_context(target_url)  # brings the server to the program's schema
    try:
        with target_ctx.engine.begin() as target:
            filled = {name: n for name, n in _counts(target, tables).items() if n}
            if filled:
                raise TransferError("Cơ sở dữ liệu trên máy chủ đã có dữ liệu (" + ", ".join(sorted(filled)[:4])
                                    + "…): chỉ chuyển được vào một cơ sở dữ liệu trống.")
            total = sum(before.values()) or 1
            done = 0
            with source_ctx.engine.connect() as source:
                for table in tables:
                    done = _copy_table(source, target, table, done, total, progress, cancel)
            _reset_sequences(target, tables)
            after = _counts(target, tables)
            if after != before:
                wrong = [t for t in before if before[t] != after.get(t)]
                raise TransferError("Số bản ghi sau khi chuyển không khớp ở " + ", ".join(wrong) + "; chưa ghi gì lên máy chủ.")
            if last_numbers(target) != numbers:
                raise TransferError("Số cuối cùng của các sổ đăng ký không khớp sau khi chuyển; chưa ghi gì lên máy chủ.")
    finally:
        target_ctx.close()
    progress(1.0, "Đã chuyển xong")
    return TransferReport(before, numbers)


def _copy_table(source, target, table: Table, done: int, total: int, progress, cancel) -> int:
    # A column pointing into its own table (units.parent_id …) is filled after all rows exist.
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    pk = list(table.primary_key.columns)
    later: list[dict] = []
    offset = 0
    while True:
        if cancel is not None:
            cancel.raise_if_cancelled()
        rows = [dict(r._mapping) for r in source.execute(select(table).order_by(*pk).limit(BATCH).offset(offset))]
        if not rows:
            return done
        for row in rows:
            for name in self_refs:
                if row[name] is not None:
                    later.append({"_id": row[pk[0].name], "_col": name, "_value": row[name]})
                    row[name] = None
        target.execute(table.insert(), rows)
        for item in later:
            target.execute(update(table).where(pk[0] == item["_id"]).values({item["_col"]: item["_value"]}))
        later.clear()
        offset += len(rows)
        done += len(rows)
        progress(done / total, f"{table.name}: {offset} dòng")


def _reset_sequences(target, tables: list[Table]) -> None:
    """PostgreSQL's id sequences continue after the copied ids."""
    if target.dialect.name != "postgresql":
        return
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        target.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
            f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"))
