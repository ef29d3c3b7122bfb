"""The Đơn vị nhận list (the unit directory) and a unit's detail."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from db.models import EmulationCluster, EmulationClusterMember, Unit, UnitAlias, UnitGroup, UnitGroupMember
from desktop.core.listing import Column, Filter, ListSource
from desktop.core.vocabulary import UNIT_KIND_LABELS, label, short_date
from desktop.recipients.clusters import role_label
from desktop.recipients.group_edit import period_text
from desktop.recipients.groups import on_day

U = Unit


def _groups_today():
    """How many groups the unit belongs to today (evaluated when the list is read)."""
    return (select(func.count(UnitGroupMember.id))
            .where(UnitGroupMember.unit_id == U.id,
                   on_day(UnitGroupMember.valid_from, UnitGroupMember.valid_to, date.today()))
            .scalar_subquery())


UNITS = ListSource(
    key="units",
    id_column=U.id,
    columns=(
        Column("name", "Tên đơn vị", U.name, sort=U.sort_key, width=330),
        Column("code", "Mã", U.code, width=70),
        Column("short_name", "Tên viết tắt", U.short_name, width=140),
        Column("kind", "Loại", U.kind, width=160, format=label(UNIT_KIND_LABELS)),
        Column("groups", "Số nhóm", _groups_today(), width=65, format=lambda v: str(v or 0), sortable=False),
        Column("active", "Hoạt động", U.active_to, sort=U.active_to, width=140,
               format=lambda v: f"đến {short_date(v)}" if v else "đang hoạt động"),
    ),
    from_clause=lambda q: q.select_from(U),
    search_column=U.search_folded,
    default_sort="name",
    filters=(
        Filter("active", "Đang hoạt động", lambda: U.active.is_(True)),
        Filter("inactive", "Ngừng hoạt động", lambda: U.active.is_(False)),
        Filter("department", "Sở, ban, ngành", lambda: U.kind == "department"),
        Filter("organisation", "Đoàn thể, hội", lambda: U.kind == "organisation"),
        Filter("commune", "Cấp xã", lambda: U.kind == "commune"),
        Filter("district", "Cấp huyện (trước 7/2025)", lambda: U.kind == "district"),
    ),
)


def unit_detail(session, unit_id: int) -> list[tuple[str, str]]:
    unit = session.get(U, unit_id)
    if unit is None:
        return []
    aliases = session.scalars(select(UnitAlias.alias).where(UnitAlias.unit_id == unit_id).order_by(UnitAlias.id))
    groups = session.execute(
        select(UnitGroup.name, UnitGroupMember.valid_from, UnitGroupMember.valid_to)
        .join(UnitGroupMember, UnitGroupMember.group_id == UnitGroup.id)
        .where(UnitGroupMember.unit_id == unit_id).order_by(UnitGroup.sort_key, UnitGroupMember.valid_from)
    ).all()
    clusters = session.execute(
        select(EmulationCluster.name, EmulationCluster.year, EmulationCluster.kind, EmulationClusterMember.role)
        .join(EmulationClusterMember, EmulationClusterMember.cluster_id == EmulationCluster.id)
        .where(EmulationClusterMember.unit_id == unit_id).order_by(EmulationCluster.year.desc())
    ).all()
    parent = session.get(U, unit.parent_id) if unit.parent_id else None
    return [
        ("Mã", unit.code),
        ("Tên đơn vị", unit.name),
        ("Tên viết tắt", unit.short_name or ""),
        ("Tên gọi khác", "\n".join(aliases)),
        ("Loại", UNIT_KIND_LABELS.get(unit.kind, unit.kind)),
        ("Trực thuộc", parent.name if parent else ""),
        ("Địa chỉ", unit.address or ""),
        ("Thư điện tử", unit.email or ""),
        ("Điện thoại", unit.phone or ""),
        ("Người liên hệ", unit.contact_person or ""),
        ("Hoạt động", period_text(unit.active_from, unit.active_to) if unit.active_from or unit.active_to
         else ("đang hoạt động" if unit.active else "đã ngừng")),
        ("Thuộc nhóm", "\n".join(f"{name} ({period_text(start, end)})" for name, start, end in groups)),
        ("Cụm, khối thi đua", "\n".join(
            f"{name} ({year or ''}) – {role_label(role, kind)}" for name, year, kind, role in clusters)),
    ]
