"""Importing the group-membership and cluster sheets (after the units sheet, in the same
transaction, so they may name units the file itself adds).

Memberships: the rows of one group, in sheet order, become that group's order; a unit's rows
replace its periods in that group; members the sheet does not list stay, after the listed ones.
Clusters: a row sets a unit's role in the cluster of that year and name; unlisted members stay.
A row that only names a group (no unit code) declares the group.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import EmulationCluster, EmulationClusterMember, Unit, UnitGroup
from desktop.core.jobs import CancelToken
from desktop.core.text import fold
from desktop.recipients import excel_format as fmt
from desktop.recipients.clusters import ClusterInput, check_cluster, role_label
from desktop.recipients.directory import DirectoryError
from desktop.recipients.excel_read import RowOutcome, SheetRow
from desktop.recipients.group_edit import GroupInput, MembershipInput, check_group, period_text, read_memberships
from desktop.recipients.group_edit import write_memberships

__all__ = ["import_memberships", "import_clusters"]
_PROBLEMS = (DirectoryError, fmt.CellError)


@dataclass
class _Entry:
    row: SheetRow
    outcome: RowOutcome
    unit_id: int
    value: tuple  # (valid_from, valid_to) or (role,)


def _units(session: Session) -> dict[str, tuple[int, str]]:
    return {code.casefold(): (uid, name) for uid, code, name in session.execute(select(Unit.id, Unit.code, Unit.name))}


def _unit(units: dict, code: str, sheet: str) -> tuple[int, str]:
    if not code:
        raise DirectoryError("Cần Mã đơn vị.")
    if code.casefold() not in units:
        raise DirectoryError(f"Không có đơn vị mã «{code}» (trong danh bạ hay sheet {fmt.UNITS_SHEET}).")
    return units[code.casefold()]


class _Groups:
    """Finds (or adds, or renames) the group a membership row names."""

    def __init__(self, session: Session):
        self.session = session
        self.all = list(session.scalars(select(UnitGroup)))
        self.named: dict[int, tuple[str, int]] = {}  # group id -> (name given in the file, first row)

    def resolve(self, row: SheetRow) -> tuple[UnitGroup, str]:
        code, name = fmt.text(row.get("Mã nhóm")), fmt.text(row.get("Tên nhóm"))
        group = next((g for g in self.all if code and g.code.casefold() == code.casefold()), None)
        if group is None and not code and name:
            group = next((g for g in self.all if fold(g.name) == fold(name)), None)
        if group is None:
            if not name:
                raise DirectoryError("Cần Tên nhóm (dòng in ở Kính gửi / Nơi nhận) cho nhóm mới.")
            checked = check_group(self.session, GroupInput(name=name, code=code or None))
            group = UnitGroup(name=checked.name, code=checked.code)
            self.session.add(group)
            self.session.flush()
            self.all.append(group)
            self.named[group.id] = (checked.name, row.number)
            return group, f"thêm nhóm mới «{group.name}» (mã {group.code})"
        if not name:
            return group, ""
        if group.id in self.named:
            first, first_row = self.named[group.id]
            if fold(first) != fold(name) or first != name:
                raise DirectoryError(f"Tên nhóm «{name}» khác với dòng {first_row} («{first}») cùng mã nhóm.")
            return group, ""
        self.named[group.id] = (name, row.number)
        if name == group.name:
            return group, ""
        checked = check_group(self.session, GroupInput(name=name, code=group.code), except_id=group.id)
        group.name = checked.name
        self.session.flush()
        return group, f"đổi tên nhóm thành «{group.name}»"


def _overlap(a: tuple, b: tuple) -> bool:
    from datetime import date

    return max(a[0] or date.min, b[0] or date.min) <= min(a[1] or date.max, b[1] or date.max)


def _apply_group(session: Session, group: UnitGroup, entries: list[_Entry], names: dict[int, str]) -> None:
    old = read_memberships(session, group.id)
    good: list[_Entry] = []
    for entry in entries:
        clash = next((e for e in good if e.unit_id == entry.unit_id and _overlap(e.value, entry.value)), None)
        if clash is not None:
            entry.outcome.status = "error"
            entry.outcome.message = (f"{names[entry.unit_id]} đã có ở dòng {clash.row.number} với khoảng thời gian "
                                     f"chồng lên ({period_text(*clash.value)}).")
        else:
            good.append(entry)
    listed = {e.unit_id for e in good}
    new = [MembershipInput(e.unit_id, *e.value) for e in good] + [m for m in old if m.unit_id not in listed]
    old_keys = [(m.unit_id, m.valid_from, m.valid_to) for m in old]
    for index, entry in enumerate(good):
        key = (entry.unit_id, *entry.value)
        outcome = entry.outcome
        if outcome.status == "add":  # the row added the group itself
            continue
        if key in old_keys:
            moved = old_keys.index(key) != index
            outcome.status = "change" if moved or outcome.status == "change" else "same"
            note = "Sửa: thứ tự trong nhóm" if moved else "Không đổi"
        elif any(k[0] == entry.unit_id for k in old_keys):
            outcome.status, note = "change", f"Sửa: thời gian trong nhóm ({period_text(*entry.value)})"
        else:
            outcome.status, note = "add", f"Thêm vào nhóm ({period_text(*entry.value)})"
        outcome.message = f"{note}; {outcome.message}." if outcome.message else f"{note}."
    if len(good) == len(entries) and [(m.unit_id, m.valid_from, m.valid_to) for m in new] != old_keys:
        write_memberships(session, group.id, new)
        session.flush()


def import_memberships(session: Session, rows: list[SheetRow], cancel: CancelToken) -> list[RowOutcome]:
    sheet, units, groups = fmt.MEMBERS_SHEET, _units(session), _Groups(session)
    outcomes: list[RowOutcome] = []
    plan: dict[int, tuple[UnitGroup, list[_Entry]]] = {}
    names: dict[int, str] = {}
    for row in rows:
        cancel.raise_if_cancelled()
        outcome = RowOutcome(sheet, row.number, "same", fmt.text(row.get("Tên nhóm")) or fmt.text(row.get("Mã nhóm")),
                             "")
        outcomes.append(outcome)
        try:
            with session.begin_nested():
                group, note = groups.resolve(row)
            outcome.subject = group.name
            start = fmt.read_date(row.get("Từ ngày"), "Từ ngày")
            end = fmt.read_date(row.get("Đến ngày"), "Đến ngày")
            if start and end and end < start:
                raise DirectoryError("Đến ngày trước Từ ngày.")
            code = fmt.text(row.get("Mã đơn vị"))
            if note:
                outcome.status = "add" if note.startswith("thêm") else "change"
                outcome.message = note[0].upper() + note[1:]
            if not code:
                outcome.message = (outcome.message or "Nhóm không đổi") + "."
                continue
            unit_id, unit_name = _unit(units, code, sheet)
        except _PROBLEMS as exc:
            outcome.status, outcome.message = "error", str(exc)
            continue
        names[unit_id] = unit_name
        outcome.subject = f"{group.name} ← {unit_name}"
        plan.setdefault(group.id, (group, []))[1].append(_Entry(row, outcome, unit_id, (start, end)))
    for group, entries in plan.values():
        _apply_group(session, group, entries, names)
    return outcomes


def _cluster(session: Session, found: dict, year: int, name: str, kind: str) -> tuple[EmulationCluster, bool]:
    key = (year, fold(name))
    if key in found:
        return found[key], False
    checked = check_cluster(session, ClusterInput(year, name, kind))
    cluster = EmulationCluster(year=year, name=checked.name, kind=kind)
    session.add(cluster)
    session.flush()
    found[key] = cluster
    return cluster, True


def import_clusters(session: Session, rows: list[SheetRow], cancel: CancelToken) -> list[RowOutcome]:
    sheet, units = fmt.CLUSTERS_SHEET, _units(session)
    found = {(c.year, fold(c.name)): c for c in session.scalars(select(EmulationCluster))}
    kinds: dict[int, tuple[str, int]] = {}  # cluster id -> (kind in the file, first row)
    plan: dict[int, tuple[EmulationCluster, list[_Entry]]] = {}
    names: dict[int, str] = {}
    outcomes: list[RowOutcome] = []
    for row in rows:
        cancel.raise_if_cancelled()
        name = fmt.text(row.get("Tên cụm/khối"))
        outcome = RowOutcome(sheet, row.number, "same", name, "")
        outcomes.append(outcome)
        try:
            year, kind = fmt.read_year(row.get("Năm")), fmt.read_cluster_kind(row.get("Loại"))
            role = fmt.read_role(row.get("Vai trò"))
            if not name:
                raise DirectoryError("Cần Tên cụm/khối.")
            unit_id, names[unit_id] = _unit(units, fmt.text(row.get("Mã đơn vị")), sheet)
            with session.begin_nested():
                cluster, created = _cluster(session, found, year, name, kind)
            first = kinds.setdefault(cluster.id, (kind, row.number))
            if first[0] != kind:
                raise DirectoryError(f"Loại khác với dòng {first[1]} của cùng cụm/khối.")
        except _PROBLEMS as exc:
            outcome.status, outcome.message = "error", str(exc)
            continue
        outcome.subject = f"{cluster.name} ({cluster.year}) ← {names[unit_id]}"
        if created:
            outcome.status, outcome.message = "add", "thêm cụm/khối mới"
        elif cluster.kind != kind:
            cluster.kind = kind
            outcome.status, outcome.message = "change", f"đổi loại thành {fmt.cluster_kind_cell(kind)}"
        plan.setdefault(cluster.id, (cluster, []))[1].append(_Entry(row, outcome, unit_id, (role,)))
    for cluster, entries in plan.values():
        _apply_cluster(session, cluster, entries, names)
    return outcomes


def _name(session: Session, names: dict[int, str], unit_id: int) -> str:
    return names.get(unit_id) or session.get(Unit, unit_id).name


def _apply_cluster(session: Session, cluster: EmulationCluster, entries: list[_Entry], names: dict[int, str]) -> None:
    members = {m.unit_id: m for m in session.scalars(
        select(EmulationClusterMember).where(EmulationClusterMember.cluster_id == cluster.id))}
    good: dict[int, _Entry] = {}
    for entry in entries:
        if entry.unit_id in good:
            entry.outcome.status = "error"
            entry.outcome.message = f"{names[entry.unit_id]} đã có ở dòng {good[entry.unit_id].row.number}."
        else:
            good[entry.unit_id] = entry
    final = {u: m.role for u, m in members.items()} | {u: e.value[0] for u, e in good.items()}
    for role in ("head", "deputy"):
        holders = [u for u, r in final.items() if r == role]
        if len(holders) > 1:
            for u in holders:
                if u in good and (u not in members or members[u].role != role):
                    good[u].outcome.status = "error"
                    good[u].outcome.message = (
                        f"{cluster.name} năm {cluster.year} chỉ có một {role_label(role, cluster.kind)} "
                        f"(cùng lúc: {', '.join(_name(session, names, h) for h in holders)}).")
    for unit_id, entry in good.items():
        outcome, role = entry.outcome, entry.value[0]
        if outcome.status == "error":
            continue
        label = role_label(role, cluster.kind)
        member = members.get(unit_id)
        if member is None:
            session.add(EmulationClusterMember(cluster_id=cluster.id, unit_id=unit_id, role=role))
            note = f"thêm {label.lower()}" if outcome.status != "add" else f"{outcome.message}; {label.lower()}"
            outcome.status = "add"
        elif member.role != role:
            member.role = role
            note = f"Sửa: vai trò thành {label}" + (f"; {outcome.message}" if outcome.message else "")
            outcome.status = "change"
        else:
            note = outcome.message or "Không đổi"
        outcome.message = note[0].upper() + note[1:] + "."
    session.flush()
