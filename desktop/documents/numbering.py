"""The numbering register (sổ đăng ký): numbers per register per year from 01, gap-free.

ND30 §1.6: a document's number follows the order of issue within the year, from 01 on
1 January. A number is given inside the issuing transaction; reserved numbers (giữ số, with a
reason) can be used by a later issue; voided numbers (hủy số, with a reason) stay in the
register, so the series never has a hole.

Concurrency: the unique constraint (register_id, year, number) of `register_entries` is the
guard. Every number giver takes the register's lock before it writes anything (the lock
order of desktop/core/writes.py): on SQLite the caller writes in `ctx.write_session()` (BEGIN
IMMEDIATE), so writers queue on the file lock; on PostgreSQL `lock_register` locks the
register row before the document or the entry is inserted. A lost race still shows up as an
IntegrityError, which is retried a few times inside a savepoint.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import IncomingDocument, OutgoingDocument, Register, RegisterEntry
from desktop.core.access import REGISTER, require
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.documents.errors import DocumentError
from desktop.core.text import fold, nfc
from desktop.core.vocabulary import ENTRY_STATUS_LABELS, pad2, short_date

RETRIES = 5


@dataclass
class ManualNumberCheck:
    """The verdict on a number typed by hand for a back-dated entry."""

    ok: bool
    errors: list[str] = field(default_factory=list)  # refusals (duplicate, wrong year ...)
    warnings: list[str] = field(default_factory=list)  # allowed but worth a second look
    reserved: bool = False  # the number is a reserved one that this entry would use


@dataclass
class RegisterRow:
    """One line of the register view."""

    number: int
    status: str  # "issued", "reserved", "voided"
    manual: bool
    reason: str | None
    outgoing_id: int | None
    incoming_id: int | None
    symbol: str | None
    date: date | None
    subject: str | None
    created_by: str | None
    created_at: datetime | None

    @property
    def number_label(self) -> str:
        return pad2(self.number)

    @property
    def status_label(self) -> str:
        return ENTRY_STATUS_LABELS.get(self.status, self.status)


def lock_register(session: Session, register_id: int) -> Register:
    """The register, locked for giving numbers until the transaction ends: call it before
    inserting the document that gets the number (see desktop/core/writes.py for why).

    PostgreSQL: SELECT ... FOR NO KEY UPDATE, which number givers wait on but a row that only
    refers to the register (its foreign key's KEY SHARE) does not. SQLite: nothing to do here;
    `ctx.write_session()` already holds the file's write lock."""
    return _register(session, register_id, lock=True)


def _register(session: Session, register_id: int, *, lock: bool = False) -> Register:
    query = select(Register).where(Register.id == register_id)
    if lock:
        query = query.with_for_update(key_share=True)  # PostgreSQL FOR NO KEY UPDATE; nothing on SQLite
    register = session.scalars(query).first()
    if register is None:
        raise DocumentError(f"Không có sổ đăng ký văn bản số định danh {register_id}.")
    return register


def register_for(session: Session, direction: str, doc_type: str | None) -> Register | None:
    """The active register a document of `doc_type` is numbered in ("in" or "out"): the one kept
    for its type, else the shared one, else None. Types compare accent-folded ("Công văn", "CÔNG VĂN"
    and "Cong van" are one kind)."""
    registers = session.scalars(
        select(Register).where(Register.direction == direction, Register.active.is_(True)).order_by(Register.id)
    ).all()
    kind = fold(doc_type) if doc_type else None
    typed = [r for r in registers if r.doc_type and kind and fold(r.doc_type) == kind]
    shared = [r for r in registers if not r.doc_type]
    return (typed or shared or [None])[0]


def _check_year(year: int) -> None:
    if not 1900 <= int(year) <= 9999:
        raise DocumentError(f"Năm {year} không hợp lệ cho sổ đăng ký.")


def next_number(session: Session, register_id: int, year: int) -> int:
    """The number the next issue would get (a read-only preview; another clerk may take it)."""
    highest = session.scalar(
        select(func.max(RegisterEntry.number)).where(
            RegisterEntry.register_id == register_id, RegisterEntry.year == year
        )
    )
    return (highest or 0) + 1


def _entry(session: Session, register_id: int, year: int, number: int) -> RegisterEntry | None:
    return session.scalars(
        select(RegisterEntry).where(
            RegisterEntry.register_id == register_id,
            RegisterEntry.year == year,
            RegisterEntry.number == number,
        )
    ).first()


def allocate_number(
    session: Session,
    register_id: int,
    year: int,
    *,
    outgoing_id: int | None = None,
    incoming_id: int | None = None,
    user: str,
    number: int | None = None,
    status: str = "issued",
    reason: str | None = None,
) -> int:
    """Give the next number of `register_id` in `year` (or `number`, a reserved or manual one)
    inside the caller's transaction and return it.

    The caller commits, in `ctx.write_session()`; a caller that inserts the document first
    locks the register before that (`lock_register`). With `number`, a reserved
    entry of that number is taken over; a free number becomes a manual (back-dated) entry; a
    number already issued or voided raises DocumentError.
    """
    _check_year(year)
    lock_register(session, register_id)
    if number is not None:
        return _take_number(session, register_id, year, number, outgoing_id, incoming_id, user)
    for _attempt in range(RETRIES):
        candidate = next_number(session, register_id, year)
        savepoint = session.begin_nested()
        try:
            session.add(RegisterEntry(
                register_id=register_id, year=year, number=candidate, status=status,
                outgoing_id=outgoing_id, incoming_id=incoming_id, reason=nfc(reason),
                created_by=user,
            ))
            session.flush()
        except IntegrityError:
            savepoint.rollback()
            continue
        savepoint.commit()
        return candidate
    raise DocumentError("Sổ đăng ký đang bận, chưa cấp được số. Hãy thử lại sau giây lát.")


def _take_number(session, register_id, year, number, outgoing_id, incoming_id, user) -> int:
    if number < 1:
        raise DocumentError("Số văn bản phải từ 01 trở lên.")
    entry = _entry(session, register_id, year, number)
    if entry is not None:
        if entry.status != "reserved":
            raise DocumentError(_duplicate_message(entry, number, year))
        entry.status = "issued"
        entry.outgoing_id, entry.incoming_id = outgoing_id, incoming_id
        session.flush()
        return number
    savepoint = session.begin_nested()
    try:
        session.add(RegisterEntry(
            register_id=register_id, year=year, number=number, status="issued", manual=True,
            outgoing_id=outgoing_id, incoming_id=incoming_id, created_by=user,
        ))
        session.flush()
    except IntegrityError:
        savepoint.rollback()
        raise DocumentError(f"Số {pad2(number)} năm {year} vừa được cấp cho văn bản khác.") from None
    savepoint.commit()
    return number


def _duplicate_message(entry: RegisterEntry, number: int, year: int) -> str:
    if entry.status == "voided":
        return f"Số {pad2(number)} năm {year} đã bị hủy trong sổ, không dùng lại được."
    return f"Số {pad2(number)} năm {year} đã được cấp trong sổ này, không cấp trùng được."


def reserve_number(ctx: AppContext, register_id: int, year: int, reason: str, user: str) -> tuple[int, Changes]:
    """Hold the next number ahead of its document (giữ số), with the reason."""
    require(ctx, REGISTER, user)
    if not (reason or "").strip():
        raise DocumentError("Cần ghi lý do giữ số.")
    with ctx.write_session() as session:
        number = allocate_number(session, register_id, year, user=user, status="reserved", reason=reason.strip())
        _audit(session, user, "reserve_number", register_id, year=year, number=number, reason=reason)
        session.commit()
    return number, Changes(registers=True)


def void_number(ctx: AppContext, register_id: int, year: int, number: int, reason: str, user: str) -> Changes:
    """Void a reserved number, or the next free one (hủy số); it stays in the register with its reason.

    A number issued to a document is not voided here: the document is corrected or replaced
    instead. A number beyond the next one would leave a gap and is refused.
    """
    require(ctx, REGISTER, user)
    if not (reason or "").strip():
        raise DocumentError("Cần ghi lý do hủy số.")
    with ctx.write_session() as session:
        lock_register(session, register_id)
        entry = _entry(session, register_id, year, number)
        if entry is None:
            expected = next_number(session, register_id, year)
            if number != expected:
                raise DocumentError(
                    f"Chỉ hủy được số đã giữ hoặc số kế tiếp ({pad2(expected)}); hủy số {pad2(number)} sẽ làm hở sổ."
                )
            allocate_number(session, register_id, year, user=user, status="voided", reason=reason.strip())
        elif entry.status == "reserved":
            entry.status = "voided"
            entry.reason = nfc(f"{entry.reason}; hủy: {reason.strip()}" if entry.reason else reason.strip())
        elif entry.status == "voided":
            raise DocumentError(f"Số {pad2(number)} năm {year} đã bị hủy từ trước.")
        else:
            raise DocumentError(
                f"Số {pad2(number)} năm {year} đã cấp cho một văn bản; hãy ban hành văn bản đính chính hoặc thay thế."
            )
        _audit(session, user, "void_number", register_id, year=year, number=number, reason=reason)
        session.commit()
    return Changes(registers=True)


def _entry_dates(session: Session, register_id: int, year: int) -> list[tuple[int, date]]:
    """(number, document date) of the entries whose document has a date, by number."""
    rows = session.execute(
        select(RegisterEntry.number, OutgoingDocument.date, IncomingDocument.arrival_date)
        .outerjoin(OutgoingDocument, OutgoingDocument.id == RegisterEntry.outgoing_id)
        .outerjoin(IncomingDocument, IncomingDocument.id == RegisterEntry.incoming_id)
        .where(RegisterEntry.register_id == register_id, RegisterEntry.year == year)
        .order_by(RegisterEntry.number)
    ).all()
    return [(n, d1 or d2) for n, d1, d2 in rows if (d1 or d2) is not None]


def check_manual_number(ctx: AppContext, register_id: int, year: int, number: int, on: date) -> ManualNumberCheck:
    """Check a number typed by hand for a back-dated entry: duplicates are errors, a number
    out of order with its neighbours' dates (or one that leaves a gap) is a warning."""
    check = ManualNumberCheck(ok=True)
    with ctx.session() as session:
        _register(session, register_id)
        if number < 1:
            check.errors.append("Số văn bản phải từ 01 trở lên.")
        if on is not None and on.year != year:
            check.errors.append(f"Ngày {short_date(on)} không thuộc năm {year} của sổ.")
        entry = _entry(session, register_id, year, number) if number >= 1 else None
        if entry is not None and entry.status != "reserved":
            check.errors.append(_duplicate_message(entry, number, year))
        elif entry is not None:
            check.reserved = True
            check.warnings.append(f"Số {pad2(number)} đang được giữ ({entry.reason or 'không ghi lý do'}); sẽ dùng số này.")
        expected = next_number(session, register_id, year)
        if number > expected:
            check.warnings.append(
                f"Số {pad2(number)} vượt số kế tiếp ({pad2(expected)}): sổ sẽ bỏ trống "
                f"{'số ' + pad2(expected) if number == expected + 1 else f'các số {pad2(expected)}–{pad2(number - 1)}'}."
            )
        if on is not None and number >= 1:
            dates = _entry_dates(session, register_id, year)
            before = [(n, d) for n, d in dates if n < number and d > on]
            after = [(n, d) for n, d in dates if n > number and d < on]
            if before:
                n, d = before[-1]
                check.warnings.append(
                    f"Không đúng thứ tự: số {pad2(n)} nhỏ hơn nhưng có ngày {short_date(d)} sau ngày {short_date(on)}."
                )
            if after:
                n, d = after[0]
                check.warnings.append(
                    f"Không đúng thứ tự: số {pad2(n)} lớn hơn nhưng có ngày {short_date(d)} trước ngày {short_date(on)}."
                )
    check.ok = not check.errors
    return check


def register_entries(ctx: AppContext, register_id: int, year: int) -> list[RegisterRow]:
    """Every number of the register in `year`, in order, with its document when there is one."""
    with ctx.session() as session:
        _register(session, register_id)
        rows = session.execute(
            select(RegisterEntry, OutgoingDocument, IncomingDocument)
            .outerjoin(OutgoingDocument, OutgoingDocument.id == RegisterEntry.outgoing_id)
            .outerjoin(IncomingDocument, IncomingDocument.id == RegisterEntry.incoming_id)
            .where(RegisterEntry.register_id == register_id, RegisterEntry.year == year)
            .order_by(RegisterEntry.number)
        ).all()
        out = []
        for entry, outgoing, incoming in rows:
            doc = outgoing or incoming
            out.append(RegisterRow(
                number=entry.number, status=entry.status, manual=entry.manual, reason=entry.reason,
                outgoing_id=entry.outgoing_id, incoming_id=entry.incoming_id,
                symbol=doc.symbol if doc is not None else None,
                date=(outgoing.date if outgoing is not None else incoming.arrival_date if incoming is not None else None),
                subject=doc.subject if doc is not None else None,
                created_by=entry.created_by, created_at=entry.created_at,
            ))
        return out


def _audit(session: Session, user: str, action: str, register_id: int, **details) -> None:
    from desktop.core.audit import record

    record(session, user, action, "register", register_id, **details)
