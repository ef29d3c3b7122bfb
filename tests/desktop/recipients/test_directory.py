"""The directory services: add, edit, deactivate, merge, groups and clusters; each audited."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from db.models import (
    AuditEntry,
    DocumentRecipient,
    EmulationClusterMember,
    IncomingDocument,
    Movement,
    OutgoingDocument,
    Task,
    Unit,
    UnitAlias,
    UnitGroupMember,
)
from desktop.core.listing import ids
from desktop.recipients.clusters import ClusterInput, ClusterMemberInput, copy_year, list_clusters, save_cluster
from desktop.recipients.directory import (
    DirectoryError,
    UnitInput,
    add_unit,
    deactivate_unit,
    get_unit,
    update_unit,
)
from desktop.recipients.group_edit import GroupInput, MembershipInput, get_group, save_group
from desktop.recipients.groups import group_members_on
from desktop.recipients.lists import UNITS
from desktop.recipients.merge import merge_units

USER = "kiểm thử"


def audit(ctx, action):
    with ctx.session() as s:
        return [json.loads(d or "{}") for d in s.scalars(select(AuditEntry.details).where(AuditEntry.action == action))]


def test_add_gives_a_code_and_edit_changes_fields_and_aliases(ctx):
    unit_id, changes = add_unit(ctx, UnitInput(name="  Sở  Nội vụ ", aliases=["Sở Nội vụ tỉnh", "SNV", "SNV", "Sở Nội vụ"],
                                               email="snv@daknong.gov.vn", phone="0261 3544 100"), USER)
    assert changes.units
    row = get_unit(ctx, unit_id)
    assert (row.data.code, row.data.name, row.data.aliases) == ("DV0001", "Sở Nội vụ", ["Sở Nội vụ tỉnh", "SNV"])
    data = row.data
    data.contact_person, data.aliases = "Nguyễn Văn A", ["SNV"]
    update_unit(ctx, unit_id, data, USER)
    row = get_unit(ctx, unit_id)
    assert row.data.contact_person == "Nguyễn Văn A" and row.data.aliases == ["SNV"]
    assert audit(ctx, "update")[0]["changed"]["contact_person"] == [None, "Nguyễn Văn A"]


@pytest.mark.parametrize("data, field, words", [
    (UnitInput(name=""), "name", "Cần nhập tên"),
    (UnitInput(name="Sở Y tế", code="mã có dấu"), "code", "không hợp lệ"),
    (UnitInput(name="Sở Y tế", email="sở@"), "email", "không đúng dạng"),
    (UnitInput(name="SỞ NỘI VỤ"), "name", "Đã có đơn vị «Sở Nội vụ»"),
    (UnitInput(name="Sở Y tế", aliases=["Sở Nội vụ tỉnh"]), "aliases", "đã thuộc đơn vị «Sở Nội vụ»"),
    (UnitInput(name="Sở Y tế", code="DV0001"), "code", "đã dùng"),
    (UnitInput(name="Sở Y tế", active_from=date(2025, 7, 1), active_to=date(2025, 6, 30)), "active_to", "trước"),
])
def test_bad_input_is_refused_with_its_field_and_nothing_written(ctx, data, field, words):
    add_unit(ctx, UnitInput(name="Sở Nội vụ", aliases=["Sở Nội vụ tỉnh"]), USER)
    with pytest.raises(DirectoryError, match=words) as caught:
        add_unit(ctx, data, USER)
    assert caught.value.field == field
    with ctx.session() as s:
        assert s.scalar(select(func.count(Unit.id))) == 1


def test_a_unit_cannot_be_its_own_parent(ctx):
    parent, _ = add_unit(ctx, UnitInput(name="UBND tỉnh", kind="province"), USER)
    child, _ = add_unit(ctx, UnitInput(name="Sở Nội vụ", parent_id=parent), USER)
    data = get_unit(ctx, parent).data
    data.parent_id = child
    with pytest.raises(DirectoryError, match="chính nó"):
        update_unit(ctx, parent, data, USER)


def _two_in_a_group(ctx):
    a, _ = add_unit(ctx, UnitInput(name="UBND xã Quảng Sơn", kind="commune"), USER)
    b, _ = add_unit(ctx, UnitInput(name="UBND xã Đắk Mil", kind="commune"), USER)
    group_id, _ = save_group(ctx, None, GroupInput(name="UBND các xã, phường", members=[
        MembershipInput(a, date(2025, 7, 1)), MembershipInput(b, date(2025, 7, 1))]), USER)
    return a, b, group_id


def test_deactivate_ends_group_memberships_on_the_day(ctx):
    a, b, group_id = _two_in_a_group(ctx)
    deactivate_unit(ctx, a, date(2026, 3, 31), USER)
    assert not get_unit(ctx, a).active and get_unit(ctx, a).data.active_to == date(2026, 3, 31)
    assert [m.unit_id for m in group_members_on(ctx, group_id, date(2026, 3, 31))] == [a, b]
    assert [m.unit_id for m in group_members_on(ctx, group_id, date(2026, 4, 1))] == [b]
    assert audit(ctx, "deactivate")[0]["memberships_ended"] == 1


def test_group_periods_of_one_unit_may_not_overlap(ctx):
    a, b, group_id = _two_in_a_group(ctx)
    members = get_group(ctx, group_id).data.members + [MembershipInput(a, date(2026, 1, 1))]
    with pytest.raises(DirectoryError, match="chồng lên nhau"):
        save_group(ctx, group_id, GroupInput("UBND các xã, phường", members=members), USER)
    members[0].valid_to = date(2025, 12, 31)
    save_group(ctx, group_id, GroupInput("UBND các xã, phường", members=members), USER)
    assert len(get_group(ctx, group_id).data.members) == 3


def test_merge_moves_every_reference_and_keeps_the_old_name_as_an_alias(ctx):
    keep, _ = add_unit(ctx, UnitInput(name="Sở Nông nghiệp và Môi trường", kind="department"), USER)
    old, _ = add_unit(ctx, UnitInput(name="Sở Nông nghiệp và PTNT", aliases=["Sở NN&PTNT"],
                                     email="snn@daknong.gov.vn"), USER)
    _, _, group_id = _two_in_a_group(ctx)
    save_group(ctx, group_id, GroupInput("UBND các xã, phường", members=[MembershipInput(old)]), USER)
    save_cluster(ctx, None, ClusterInput(2026, "Khối kinh tế", "block", members=[
        ClusterMemberInput(keep, "member"), ClusterMemberInput(old, "head")]), USER)
    with ctx.session() as s, s.begin():
        doc = OutgoingDocument(issuer_name="UBND", subject="thử")
        letter = IncomingDocument(issuer_name="Sở Nông nghiệp và PTNT", subject="báo cáo", issuer_unit_id=old)
        s.add_all([doc, letter, Movement(name="Phong trào", monitoring_unit_id=old)])
        s.flush()
        s.add(DocumentRecipient(outgoing_id=doc.id, role="recipient", text="Sở Nông nghiệp và PTNT", unit_id=old))
        s.add(Task(title="Báo cáo", outgoing_id=doc.id, assignee_unit_id=old, assignee_text="Sở NN&PTNT"))

    result, changes = merge_units(ctx, old, keep, USER)

    assert changes.units and changes.tasks and changes.outgoing
    with ctx.session() as s:
        assert s.get(Unit, old) is None
        assert s.scalar(select(DocumentRecipient.unit_id)) == keep
        assert s.scalar(select(DocumentRecipient.text)) == "Sở Nông nghiệp và PTNT"  # prints what it printed
        assert s.scalar(select(Task.assignee_unit_id)) == keep
        assert s.scalar(select(IncomingDocument.issuer_unit_id)) == keep
        assert s.scalar(select(Movement.monitoring_unit_id)) == keep
        assert s.scalar(select(UnitGroupMember.unit_id)) == keep
        assert s.scalars(select(EmulationClusterMember.role)).all() == ["head"]
        aliases = set(s.scalars(select(UnitAlias.alias).where(UnitAlias.unit_id == keep)))
        assert aliases == {"Sở Nông nghiệp và PTNT", "Sở NN&PTNT"}
        assert s.get(Unit, keep).email == "snn@daknong.gov.vn"
        found = ids(s, UNITS, "so nong nghiep va ptnt")
    assert found == [keep]
    assert result.moved["tasks"] == 1
    assert audit(ctx, "merge")[0]["merged"]["name"] == "Sở Nông nghiệp và PTNT"


def test_merge_refuses_a_unit_into_itself(ctx):
    a, _ = add_unit(ctx, UnitInput(name="Sở Y tế"), USER)
    with pytest.raises(DirectoryError):
        merge_units(ctx, a, a, USER)


def test_clusters_per_year_have_one_head_and_copy_to_next_year(ctx):
    a, _ = add_unit(ctx, UnitInput(name="UBND phường Bắc Gia Nghĩa", kind="commune"), USER)
    b, _ = add_unit(ctx, UnitInput(name="UBND xã Quảng Sơn", kind="commune"), USER)
    with pytest.raises(DirectoryError, match="chỉ có một Cụm trưởng"):
        save_cluster(ctx, None, ClusterInput(2026, "Cụm số 1", members=[
            ClusterMemberInput(a, "head"), ClusterMemberInput(b, "head")]), USER)
    save_cluster(ctx, None, ClusterInput(2026, "Cụm số 1", members=[
        ClusterMemberInput(b, "deputy"), ClusterMemberInput(a, "head")]), USER)
    count, _ = copy_year(ctx, 2026, 2027, USER)
    assert count == 1
    (summary,) = list_clusters(ctx, 2027)
    assert (summary.head, summary.deputy, summary.count) == ("UBND phường Bắc Gia Nghĩa", "UBND xã Quảng Sơn", 2)
    with pytest.raises(DirectoryError, match="đã có"):
        copy_year(ctx, 2026, 2027, USER)
