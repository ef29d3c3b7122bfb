"""Emulation clusters and blocks (cụm, khối thi đua) per year, with Cụm trưởng / Cụm phó.

Each year the province sets its clusters again and the head and deputy rotate, so a cluster
belongs to one year; `copy_year` starts next year's from this year's. Audited writes, one
transaction each, returning a `Changes`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.models import EmulationCluster, EmulationClusterMember, Unit
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.text import fold, nfc
from desktop.core.vocabulary import CLUSTER_KIND_LABELS, CLUSTER_ROLE_LABELS
from desktop.recipients.directory import DirectoryError, clean

__all__ = ["ClusterMemberInput", "ClusterInput", "ClusterSummary", "CLUSTER_KINDS", "role_label", "cluster_years",
           "list_clusters", "get_cluster", "save_cluster", "delete_cluster", "copy_year", "check_cluster"]
ENTITY = "emulation_cluster"
CLUSTER_KINDS = CLUSTER_KIND_LABELS  # "Cụm thi đua", "Khối thi đua"
ROLES = tuple(CLUSTER_ROLE_LABELS)  # head, deputy, member


def role_label(role: str, kind: str = "cluster") -> str:
    """"Cụm trưởng", "Cụm phó", "Thành viên"; in a block "Khối trưởng", "Khối phó"."""
    text = CLUSTER_ROLE_LABELS.get(role, role)
    return text.replace("Cụm", "Khối") if kind == "block" else text


@dataclass
class ClusterMemberInput:
    unit_id: int
    role: str = "member"


@dataclass
class ClusterInput:
    year: int
    name: str
    kind: str = "cluster"
    notes: str | None = None
    members: list[ClusterMemberInput] = field(default_factory=list)


@dataclass(frozen=True)
class ClusterSummary:
    id: int
    year: int | None
    name: str
    kind: str
    head: str
    deputy: str
    count: int


def check_cluster(session: Session, data: ClusterInput, except_id: int | None = None) -> ClusterInput:
    name = clean(data.name)
    if not name:
        raise DirectoryError("Cần nhập tên cụm, khối thi đua.", "name")
    if not isinstance(data.year, int) or not 1945 <= data.year <= 2200:
        raise DirectoryError(f"Năm «{data.year}» không hợp lệ (cần bốn chữ số).", "year")
    if data.kind not in CLUSTER_KINDS:
        raise DirectoryError(f"Loại «{data.kind}» không hợp lệ: Cụm thi đua hoặc Khối thi đua.", "kind")
    for other_id, other in session.execute(
            select(EmulationCluster.id, EmulationCluster.name).where(EmulationCluster.year == data.year)):
        if other_id != except_id and fold(other) == fold(name):
            raise DirectoryError(f"Năm {data.year} đã có «{other}».", "name")
    names = dict(session.execute(
        select(Unit.id, Unit.name).where(Unit.id.in_({m.unit_id for m in data.members}))).all())
    seen: set[int] = set()
    for m in data.members:
        if m.unit_id not in names:
            raise DirectoryError(f"Không có đơn vị số định danh {m.unit_id}.", "members")
        if m.role not in ROLES:
            raise DirectoryError(f"Vai trò «{m.role}» không hợp lệ.", "members")
        if m.unit_id in seen:
            raise DirectoryError(f"{names[m.unit_id]} có hai lần trong {name}.", "members")
        seen.add(m.unit_id)
    for role in ("head", "deputy"):
        holders = [names[m.unit_id] for m in data.members if m.role == role]
        if len(holders) > 1:
            raise DirectoryError(f"{name} chỉ có một {role_label(role, data.kind)} "
                                 f"(đang chọn: {', '.join(holders)}).", "members")
    return ClusterInput(data.year, name, data.kind, nfc(data.notes or "").strip() or None, list(data.members))


def write_cluster(session: Session, cluster: EmulationCluster, data: ClusterInput) -> None:
    cluster.year, cluster.name, cluster.kind, cluster.notes = data.year, data.name, data.kind, data.notes
    session.flush()
    session.execute(delete(EmulationClusterMember).where(EmulationClusterMember.cluster_id == cluster.id))
    session.add_all(EmulationClusterMember(cluster_id=cluster.id, unit_id=m.unit_id, role=m.role)
                    for m in data.members)


def read_members(session: Session, cluster_id: int) -> list[ClusterMemberInput]:
    rank = {r: i for i, r in enumerate(ROLES)}
    rows = session.execute(
        select(EmulationClusterMember.unit_id, EmulationClusterMember.role)
        .join(Unit, Unit.id == EmulationClusterMember.unit_id)
        .where(EmulationClusterMember.cluster_id == cluster_id).order_by(Unit.sort_key)).all()
    return [ClusterMemberInput(u, r) for u, r in sorted(rows, key=lambda row: rank.get(row[1], 9))]


def cluster_years(ctx: AppContext) -> list[int]:
    with ctx.session() as session:
        return sorted({y for y in session.scalars(select(EmulationCluster.year)) if y is not None}, reverse=True)


def list_clusters(ctx: AppContext, year: int | None = None) -> list[ClusterSummary]:
    """The clusters of `year` (every year when None), newest year first, then by name."""
    with ctx.session() as session:
        query = select(EmulationCluster).order_by(EmulationCluster.year.desc(), EmulationCluster.name)
        if year is not None:
            query = query.where(EmulationCluster.year == year)
        out = []
        for c in session.scalars(query):
            roles = session.execute(
                select(EmulationClusterMember.role, Unit.name).join(Unit, Unit.id == EmulationClusterMember.unit_id)
                .where(EmulationClusterMember.cluster_id == c.id)).all()
            pick = {role: name for role, name in roles if role != "member"}
            out.append(ClusterSummary(c.id, c.year, c.name, c.kind, pick.get("head", ""), pick.get("deputy", ""),
                                      len(roles)))
        return out


def get_cluster(ctx: AppContext, cluster_id: int) -> tuple[ClusterInput, dict[int, str]]:
    """The cluster as its form input, and the names of its member units."""
    with ctx.session() as session:
        c = session.get(EmulationCluster, cluster_id)
        if c is None:
            raise DirectoryError(f"Không có cụm, khối số định danh {cluster_id}.")
        members = read_members(session, cluster_id)
        names = dict(session.execute(
            select(Unit.id, Unit.name).where(Unit.id.in_({m.unit_id for m in members}))).all())
        return ClusterInput(c.year, c.name, c.kind, c.notes, members), names


def save_cluster(ctx: AppContext, cluster_id: int | None, data: ClusterInput, user: str) -> tuple[int, Changes]:
    with ctx.write_session() as session:
        cluster = EmulationCluster() if cluster_id is None else session.get(EmulationCluster, cluster_id)
        if cluster is None:
            raise DirectoryError(f"Không có cụm, khối số định danh {cluster_id}.")
        checked = check_cluster(session, data, except_id=cluster_id)
        session.add(cluster)
        write_cluster(session, cluster, checked)
        record(session, user, "create" if cluster_id is None else "update", ENTITY, cluster.id, year=checked.year,
               name=checked.name, members=[(m.unit_id, m.role) for m in checked.members])
        session.commit()
        return cluster.id, Changes(units=True)


def delete_cluster(ctx: AppContext, cluster_id: int, user: str) -> Changes:
    with ctx.write_session() as session:
        cluster = session.get(EmulationCluster, cluster_id)
        if cluster is None:
            raise DirectoryError(f"Không có cụm, khối số định danh {cluster_id}.")
        record(session, user, "delete", ENTITY, cluster_id, year=cluster.year, name=cluster.name)
        session.delete(cluster)
        session.commit()
    return Changes(units=True)


def copy_year(ctx: AppContext, from_year: int, to_year: int, user: str) -> tuple[int, Changes]:
    """Start `to_year` with the clusters of `from_year` (members and roles; inactive units left out).
    Refused when `to_year` already has clusters."""
    with ctx.write_session() as session:
        if session.scalar(select(func.count(EmulationCluster.id)).where(EmulationCluster.year == to_year)):
            raise DirectoryError(f"Năm {to_year} đã có cụm, khối thi đua; sửa từng cụm thay vì sao chép.", "year")
        sources = list(session.scalars(select(EmulationCluster).where(EmulationCluster.year == from_year)))
        if not sources:
            raise DirectoryError(f"Năm {from_year} chưa có cụm, khối thi đua để sao chép.", "year")
        active = set(session.scalars(select(Unit.id).where(Unit.active.is_(True))))
        for source in sources:
            members = [m for m in read_members(session, source.id) if m.unit_id in active]
            data = ClusterInput(to_year, source.name, source.kind, source.notes, members)
            cluster = EmulationCluster()
            session.add(cluster)
            write_cluster(session, cluster, data)
        record(session, user, "copy_year", ENTITY, None, from_year=from_year, to_year=to_year, count=len(sources))
        session.commit()
        return len(sources), Changes(units=True)
