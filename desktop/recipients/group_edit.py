"""Unit groups (nhóm đơn vị): the printed label and the ordered members, each with its period.

`save_group` replaces a group's memberships with the edited list (its order is the printed
order); a unit may appear twice only with periods that do not overlap (it left and came back).
Audited, one transaction, returns a `Changes`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import Unit, UnitGroup, UnitGroupMember
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.text import fold, nfc
from desktop.core.vocabulary import short_date
from desktop.recipients.directory import CODE_RE, DirectoryError, clean
from desktop.recipients.groups import member_counts_on

__all__ = ["MembershipInput", "GroupInput", "GroupRow", "GroupSummary", "list_groups", "get_group", "save_group",
           "delete_group", "check_group", "write_memberships", "period_text"]
ENTITY = "unit_group"


@dataclass
class MembershipInput:
    unit_id: int
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass
class GroupInput:
    name: str
    code: str | None = None
    description: str | None = None
    members: list[MembershipInput] = field(default_factory=list)


@dataclass
class GroupRow:
    id: int
    data: GroupInput
    unit_names: dict[int, str]  # names of the units in `data.members`


@dataclass(frozen=True)
class GroupSummary:
    id: int
    code: str
    name: str
    members_today: int


def period_text(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "không thời hạn"
    return f"{short_date(start) if start else '…'} – {short_date(end) if end else 'nay'}"


def _overlap(a: MembershipInput, b: MembershipInput) -> bool:
    lo = max(a.valid_from or date.min, b.valid_from or date.min)
    hi = min(a.valid_to or date.max, b.valid_to or date.max)
    return lo <= hi


def check_group(session: Session, data: GroupInput, except_id: int | None = None) -> GroupInput:
    name = clean(data.name)
    if not name:
        raise DirectoryError("Cần nhập tên nhóm (dòng in ở Kính gửi / Nơi nhận).", "name")
    code = (data.code or "").strip() or None
    if code is not None and not CODE_RE.match(code):
        raise DirectoryError(f"Mã nhóm «{code}» không hợp lệ.", "code")
    for other_id, other_code, other_name in session.execute(select(UnitGroup.id, UnitGroup.code, UnitGroup.name)):
        if other_id == except_id:
            continue
        if fold(other_name) == fold(name):
            raise DirectoryError(f"Đã có nhóm «{other_name}» (mã {other_code}).", "name")
        if code is not None and other_code.casefold() == code.casefold():
            raise DirectoryError(f"Mã nhóm «{code}» đã dùng cho nhóm «{other_name}».", "code")
    check_memberships(session, data.members)
    return GroupInput(name=name, code=code, description=nfc(data.description or "").strip() or None,
                      members=list(data.members))


def check_memberships(session: Session, members: list[MembershipInput]) -> None:
    names = dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_({m.unit_id for m in members}))).all())
    for i, m in enumerate(members):
        if m.unit_id not in names:
            raise DirectoryError(f"Không có đơn vị số định danh {m.unit_id}.", "members")
        if m.valid_from and m.valid_to and m.valid_to < m.valid_from:
            raise DirectoryError(f"{names[m.unit_id]}: ngày rời nhóm trước ngày vào nhóm.", "members")
        for other in members[:i]:
            if other.unit_id == m.unit_id and _overlap(other, m):
                raise DirectoryError(f"{names[m.unit_id]} có hai khoảng thời gian trong nhóm chồng lên nhau "
                                     f"({period_text(other.valid_from, other.valid_to)} và "
                                     f"{period_text(m.valid_from, m.valid_to)}).", "members")


def write_memberships(session: Session, group_id: int, members: list[MembershipInput]) -> None:
    session.execute(delete(UnitGroupMember).where(UnitGroupMember.group_id == group_id))
    session.add_all(UnitGroupMember(group_id=group_id, unit_id=m.unit_id, position=i, valid_from=m.valid_from,
                                    valid_to=m.valid_to) for i, m in enumerate(members))


def read_memberships(session: Session, group_id: int) -> list[MembershipInput]:
    return [MembershipInput(u, f, t) for u, f, t in session.execute(
        select(UnitGroupMember.unit_id, UnitGroupMember.valid_from, UnitGroupMember.valid_to)
        .where(UnitGroupMember.group_id == group_id).order_by(UnitGroupMember.position, UnitGroupMember.id))]


def list_groups(ctx: AppContext, day: date | None = None) -> list[GroupSummary]:
    with ctx.session() as session:
        counts = member_counts_on(session, day)
        return [GroupSummary(gid, code, name, counts.get(gid, 0)) for gid, code, name in session.execute(
            select(UnitGroup.id, UnitGroup.code, UnitGroup.name).order_by(UnitGroup.sort_key, UnitGroup.id))]


def get_group(ctx: AppContext, group_id: int) -> GroupRow:
    with ctx.session() as session:
        group = session.get(UnitGroup, group_id)
        if group is None:
            raise DirectoryError(f"Không có nhóm số định danh {group_id}.")
        members = read_memberships(session, group_id)
        names = dict(session.execute(
            select(Unit.id, Unit.name).where(Unit.id.in_({m.unit_id for m in members}))).all())
        return GroupRow(group.id, GroupInput(group.name, group.code, group.description, members), names)


def save_group(ctx: AppContext, group_id: int | None, data: GroupInput, user: str) -> tuple[int, Changes]:
    """Create (group_id None) or replace a group with its ordered memberships."""
    with ctx.write_session() as session:
        group = None
        if group_id is not None:
            group = session.get(UnitGroup, group_id)
            if group is None:
                raise DirectoryError(f"Không có nhóm số định danh {group_id}.")
        checked = check_group(session, data, except_id=group_id)
        before = len(read_memberships(session, group_id)) if group_id is not None else 0
        if group is None:
            group = UnitGroup(name=checked.name)
            session.add(group)
        group.name, group.description = checked.name, checked.description
        if checked.code:
            group.code = checked.code
        session.flush()
        write_memberships(session, group.id, checked.members)
        record(session, user, "create" if group_id is None else "update", ENTITY, group.id, code=group.code,
               name=group.name, members_before=before, members_after=len(checked.members))
        session.commit()
        return group.id, Changes(units=True)


def delete_group(ctx: AppContext, group_id: int, user: str) -> Changes:
    """Remove a group; documents that printed its label keep the text they printed."""
    with ctx.write_session() as session:
        group = session.get(UnitGroup, group_id)
        if group is None:
            raise DirectoryError(f"Không có nhóm số định danh {group_id}.")
        record(session, user, "delete", ENTITY, group_id, code=group.code, name=group.name)
        session.delete(group)
        session.commit()
    return Changes(units=True)
