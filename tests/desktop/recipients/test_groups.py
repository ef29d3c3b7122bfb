"""A group expands as it was on a given day, in its printed order."""
from __future__ import annotations

from datetime import date

from db.models import Unit, UnitGroup, UnitGroupMember
from desktop.recipients.groups import group_members_on


def _group(ctx):
    with ctx.session() as s, s.begin():
        units = [Unit(name=n, kind=k, **extra) for n, k, extra in [
            ("UBND huyện Cư Jút", "district", {"active_to": date(2025, 6, 30), "active": False}),
            ("UBND xã Cư Jút", "commune", {"active_from": date(2025, 7, 1)}),
            ("UBND phường Bắc Gia Nghĩa", "commune", {}),
            ("UBND xã Đắk Mil", "commune", {}),
        ]]
        s.add_all(units)
        group = UnitGroup(name="UBND các xã, phường")
        s.add(group)
        s.flush()
        district, cu_jut, bac_gia_nghia, dak_mil = units
        s.add_all([
            UnitGroupMember(group_id=group.id, unit_id=district.id, position=0, valid_to=date(2025, 6, 30)),
            UnitGroupMember(group_id=group.id, unit_id=bac_gia_nghia.id, position=1, valid_from=date(2025, 7, 1)),
            UnitGroupMember(group_id=group.id, unit_id=cu_jut.id, position=2, valid_from=date(2025, 7, 1)),
            # Đắk Mil left at the end of 2025 and came back in March 2026.
            UnitGroupMember(group_id=group.id, unit_id=dak_mil.id, position=3, valid_from=date(2025, 7, 1),
                            valid_to=date(2025, 12, 31)),
            UnitGroupMember(group_id=group.id, unit_id=dak_mil.id, position=3, valid_from=date(2026, 3, 1)),
        ])
        return group.id


def names(members):
    return [m.name for m in members]


def test_members_follow_the_day_and_the_groups_order(ctx):
    group_id = _group(ctx)
    assert names(group_members_on(ctx, group_id, date(2025, 6, 30))) == ["UBND huyện Cư Jút"]
    assert names(group_members_on(ctx, group_id, date(2025, 7, 1))) == [
        "UBND phường Bắc Gia Nghĩa", "UBND xã Cư Jút", "UBND xã Đắk Mil"]
    assert names(group_members_on(ctx, group_id, date(2026, 2, 1))) == [
        "UBND phường Bắc Gia Nghĩa", "UBND xã Cư Jút"]
    assert names(group_members_on(ctx, group_id, date(2026, 3, 1))) == [
        "UBND phường Bắc Gia Nghĩa", "UBND xã Cư Jút", "UBND xã Đắk Mil"]


def test_a_session_works_as_well_as_a_context_and_codes_are_given(ctx):
    group_id = _group(ctx)
    with ctx.session() as s:
        members = group_members_on(s, group_id, date(2025, 7, 1))
    assert [m.code for m in members] == ["DV0003", "DV0002", "DV0004"]
    assert group_members_on(ctx, 9999, date(2025, 7, 1)) == []


def test_a_unit_switched_off_counts_on_no_day_of_its_closed_period(ctx):
    group_id = _group(ctx)
    with ctx.session() as s, s.begin():
        unit = s.query(Unit).filter_by(name="UBND xã Cư Jút").one()
        unit.active_to = date(2026, 1, 15)
        unit.active = False
    assert "UBND xã Cư Jút" in names(group_members_on(ctx, group_id, date(2026, 1, 15)))
    assert "UBND xã Cư Jút" not in names(group_members_on(ctx, group_id, date(2026, 1, 16)))
