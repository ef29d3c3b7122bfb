"""The unit directory (đơn vị nhận): add, edit and deactivate units; read one for its form.

Every write is one transaction on the write lane with an audit entry and returns a `Changes`.
Refused input raises `DirectoryError` with one Vietnamese message naming the field (`field`),
and nothing is written. A unit is never deleted here (merge removes a duplicate, see merge.py):
documents and tasks keep pointing at it, and recipient lines keep the text they printed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import UNIT_KINDS, Unit, UnitAlias, UnitGroupMember
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.text import fold, nfc
from desktop.core.vocabulary import short_date

__all__ = ["DirectoryError", "UnitInput", "UnitRow", "UnitChoice", "get_unit", "unit_choices", "add_unit",
           "update_unit", "deactivate_unit", "check_unit", "check_parent", "write_unit", "unit_input", "is_active_on", "clean"]
ENTITY = "unit"
CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,29}$")
EMAIL_RE = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")


class DirectoryError(ValueError):
    """Refused directory input, with a Vietnamese message; `field` names the form field."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


@dataclass
class UnitInput:
    name: str
    code: str | None = None  # None/"" on add: the next free "DV0001"
    short_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    kind: str = "department"
    parent_id: int | None = None
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    contact_person: str | None = None
    active_from: date | None = None
    active_to: date | None = None


@dataclass
class UnitRow:
    id: int
    data: UnitInput
    active: bool


@dataclass(frozen=True)
class UnitChoice:
    id: int
    code: str
    name: str
    active: bool


def clean(text: str | None) -> str | None:
    """NFC, single spaces, None when empty."""
    value = " ".join(nfc(text or "").split())
    return value or None


def is_active_on(active_to: date | None, today: date | None = None) -> bool:
    return active_to is None or active_to >= (today or date.today())


def _aliases(values, name: str) -> list[str]:
    """Cleaned, without repeats or the name itself (exact text: "Báo Đăk Nông" is a spelling
    documents use for "Báo Đắk Nông", so it is kept)."""
    seen, out = {name}, []
    for value in values:
        alias = clean(value)
        if alias and alias not in seen:
            seen.add(alias)
            out.append(alias)
    return out


def check_unit(session: Session, data: UnitInput, except_id: int | None = None) -> UnitInput:
    """The input cleaned, or DirectoryError for the first thing wrong with it."""
    name = clean(data.name)
    if not name:
        raise DirectoryError("Cần nhập tên đơn vị.", "name")
    if len(name) > 250:
        raise DirectoryError("Tên đơn vị dài quá 250 ký tự.", "name")
    code = (data.code or "").strip() or None
    if code is not None and not CODE_RE.match(code):
        raise DirectoryError(f"Mã «{code}» không hợp lệ: chỉ chữ không dấu, số, dấu chấm, gạch; tối đa 30 ký tự.",
                             "code")
    if data.kind not in UNIT_KINDS:
        raise DirectoryError(f"Loại đơn vị «{data.kind}» không có trong danh mục.", "kind")
    email = (data.email or "").strip() or None
    if email and not EMAIL_RE.match(email):
        raise DirectoryError(f"Thư điện tử «{email}» không đúng dạng ten@tenmien.vn.", "email")
    if data.active_from and data.active_to and data.active_to < data.active_from:
        raise DirectoryError("Ngày ngừng hoạt động trước ngày bắt đầu hoạt động.", "active_to")
    aliases = _aliases(data.aliases, name)
    others = session.execute(select(Unit.id, Unit.code, Unit.name).where(Unit.id != (except_id or -1))).all()
    for other_id, other_code, other_name in others:
        if code is not None and other_code.casefold() == code.casefold():
            raise DirectoryError(f"Mã «{code}» đã dùng cho đơn vị «{other_name}».", "code")
        if fold(other_name) == fold(name):
            raise DirectoryError(f"Đã có đơn vị «{other_name}» (mã {other_code}).", "name")
    taken = {fold(n): (n, c) for _i, c, n in others}
    alias_rows = session.execute(
        select(UnitAlias.alias, Unit.name, Unit.code).join(Unit, Unit.id == UnitAlias.unit_id)
        .where(UnitAlias.unit_id != (except_id or -1))).all()
    taken.update({fold(a): (n, c) for a, n, c in alias_rows})
    for text in (name, *aliases):
        if fold(text) in taken and text != name:
            owner, owner_code = taken[fold(text)]
            raise DirectoryError(f"Tên gọi khác «{text}» đã thuộc đơn vị «{owner}» (mã {owner_code}).", "aliases")
    if fold(name) in taken:
        owner, owner_code = taken[fold(name)]
        raise DirectoryError(f"«{name}» đang là tên gọi khác của đơn vị «{owner}» (mã {owner_code}).", "name")
    if data.parent_id is not None:
        check_parent(session, data.parent_id, except_id)
    return replace(data, name=name, code=code, short_name=clean(data.short_name), aliases=aliases, email=email,
                   address=(nfc(data.address or "").strip() or None), phone=clean(data.phone),
                   contact_person=clean(data.contact_person))


def check_parent(session: Session, parent_id: int, unit_id: int | None) -> None:
    seen = set()
    current = parent_id
    while current is not None and current not in seen:
        if current == unit_id:
            raise DirectoryError("Đơn vị không thể trực thuộc chính nó hoặc đơn vị cấp dưới của nó.", "parent")
        seen.add(current)
        parent = session.get(Unit, current)
        if parent is None:
            raise DirectoryError(f"Không có đơn vị cấp trên số định danh {current}.", "parent")
        current = parent.parent_id


def write_unit(unit: Unit, data: UnitInput) -> None:
    """Copy checked input onto the row (aliases replaced by the given list)."""
    if data.code:
        unit.code = data.code
    unit.name, unit.short_name, unit.kind, unit.parent_id = data.name, data.short_name, data.kind, data.parent_id
    unit.address, unit.email, unit.phone = data.address, data.email, data.phone
    unit.contact_person = data.contact_person
    unit.active_from, unit.active_to = data.active_from, data.active_to
    unit.active = is_active_on(data.active_to)
    keep = {a.alias: a for a in unit.aliases}
    unit.aliases = [keep.get(a) or UnitAlias(alias=a) for a in data.aliases]


def unit_input(unit: Unit) -> UnitInput:
    return UnitInput(name=unit.name, code=unit.code, short_name=unit.short_name,
                     aliases=[a.alias for a in sorted(unit.aliases, key=lambda a: a.id or 0)], kind=unit.kind,
                     parent_id=unit.parent_id, address=unit.address, email=unit.email, phone=unit.phone,
                     contact_person=unit.contact_person, active_from=unit.active_from, active_to=unit.active_to)


def _changed_fields(before: UnitInput, after: UnitInput) -> dict:
    return {k: [getattr(before, k), getattr(after, k)] for k in vars(after)
            if getattr(before, k) != getattr(after, k) and not (k == "code" and not after.code)}


def get_unit(ctx: AppContext, unit_id: int) -> UnitRow:
    with ctx.session() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise DirectoryError(f"Không có đơn vị số định danh {unit_id}.")
        return UnitRow(unit.id, unit_input(unit), unit.active)


def unit_choices(ctx: AppContext, *, active_only: bool = False) -> list[UnitChoice]:
    """Every unit (or the active ones) in Vietnamese name order, for the parent and merge pickers."""
    with ctx.session() as session:
        query = select(Unit.id, Unit.code, Unit.name, Unit.active).order_by(Unit.sort_key, Unit.id)
        if active_only:
            query = query.where(Unit.active.is_(True))
        return [UnitChoice(*row) for row in session.execute(query)]


def add_unit(ctx: AppContext, data: UnitInput, user: str) -> tuple[int, Changes]:
    with ctx.write_session() as session:
        checked = check_unit(session, data)
        unit = Unit(name=checked.name, kind=checked.kind)
        write_unit(unit, checked)
        session.add(unit)
        session.flush()
        record(session, user, "create", ENTITY, unit.id, code=unit.code, name=unit.name)
        session.commit()
        return unit.id, Changes(units=True)


def update_unit(ctx: AppContext, unit_id: int, data: UnitInput, user: str) -> Changes:
    with ctx.write_session() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise DirectoryError(f"Không có đơn vị số định danh {unit_id}.")
        checked = check_unit(session, data, except_id=unit_id)
        before = unit_input(unit)
        write_unit(unit, checked)
        record(session, user, "update", ENTITY, unit.id, code=unit.code, changed=_changed_fields(before, checked))
        session.commit()
    return Changes(units=True)


def deactivate_unit(ctx: AppContext, unit_id: int, last_day: date, user: str) -> Changes:
    """The unit works until `last_day` (inclusive): it leaves its groups that day; memberships
    that would start later are removed. Documents and tasks naming it stay as they are."""
    with ctx.write_session() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise DirectoryError(f"Không có đơn vị số định danh {unit_id}.")
        if unit.active_from and last_day < unit.active_from:
            raise DirectoryError(f"Ngày ngừng hoạt động trước ngày bắt đầu hoạt động "
                                 f"({short_date(unit.active_from)}).", "active_to")
        unit.active_to = last_day
        unit.active = is_active_on(last_day)
        later = session.execute(delete(UnitGroupMember).where(
            UnitGroupMember.unit_id == unit_id, UnitGroupMember.valid_from > last_day)).rowcount
        ended = 0
        for member in session.scalars(select(UnitGroupMember).where(UnitGroupMember.unit_id == unit_id)):
            if member.valid_to is None or member.valid_to > last_day:
                member.valid_to = last_day
                ended += 1
        record(session, user, "deactivate", ENTITY, unit_id, code=unit.code, last_day=last_day,
               memberships_ended=ended, memberships_removed=later)
        session.commit()
    return Changes(units=True)
