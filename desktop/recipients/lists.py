"""The Đơn vị nhận list (the unit directory) and a unit's detail."""
from __future__ import annotations

from sqlalchemy import func, select

from db.models import EmulationCluster, EmulationClusterMember, Unit, UnitAlias, UnitGroup, UnitGroupMember
from desktop.core.vocabulary import CLUSTER_ROLE_LABELS, UNIT_KIND_LABELS, label
from desktop.core.listing import Column, Filter, ListSource

U = Unit
_groups = (
    select(func.count(UnitGroupMember.id)).where(UnitGroupMember.unit_id == U.id).scalar_subquery()
)

UNITS = ListSource(
    key="units",
    id_column=U.id,
    columns=(
        Column("name", "Tên đơn vị", U.name, sort=U.sort_key, width=340),
        Column("short_name", "Tên viết tắt", U.short_name, width=160),
        Column("kind", "Loại", U.kind, width=170, format=label(UNIT_KIND_LABELS)),
        Column("groups", "Số nhóm", _groups, width=70, format=lambda v: str(v or 0)),
        Column("active", "Còn hoạt động", U.active, width=100, format=lambda v: "Có" if v else "Không"),
    ),
    from_clause=lambda q: q.select_from(U),
    search_column=U.search_folded,
    default_sort="name",
    filters=(
        Filter("active", "Đang hoạt động", lambda: U.active.is_(True)),
        Filter("district", "Cấp huyện (lịch sử)", lambda: U.kind == "district"),
    ),
)


def unit_detail(session, unit_id: int) -> list[tuple[str, str]]:
    unit = session.get(U, unit_id)
    if unit is None:
        return []
    aliases = session.scalars(select(UnitAlias.alias).where(UnitAlias.unit_id == unit_id)).all()
    groups = session.scalars(
        select(UnitGroup.name).join(UnitGroupMember, UnitGroupMember.group_id == UnitGroup.id)
        .where(UnitGroupMember.unit_id == unit_id).order_by(UnitGroup.sort_key)
    ).all()
    clusters = session.execute(
        select(EmulationCluster.name, EmulationCluster.year, EmulationClusterMember.role)
        .join(EmulationClusterMember, EmulationClusterMember.cluster_id == EmulationCluster.id)
        .where(EmulationClusterMember.unit_id == unit_id)
    ).all()
    parent = session.get(U, unit.parent_id) if unit.parent_id else None
    return [
        ("Tên đơn vị", unit.name),
        ("Tên viết tắt", unit.short_name or ""),
        ("Loại", UNIT_KIND_LABELS.get(unit.kind, unit.kind)),
        ("Trực thuộc", parent.name if parent else ""),
        ("Tên gọi khác", "\n".join(aliases)),
        ("Thuộc nhóm", "\n".join(groups)),
        ("Cụm, khối thi đua", "\n".join(
            f"{name} ({year or ''}) – {CLUSTER_ROLE_LABELS.get(role, role)}" for name, year, role in clusters)),
        ("Thư điện tử", unit.email or ""),
        ("Còn hoạt động", "Có" if unit.active else "Không"),
    ]
