"""The demo database holds what a newcomer should see, including seed 001's item 5 tasks."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db.models import (
    DocumentRecipient,
    EmulationClusterMember,
    Movement,
    Office,
    OutgoingDocument,
    Signer,
    Task,
    Unit,
    UnitGroup,
    UnitGroupMember,
)


def test_office_profile_is_a_provincial_peoples_committee(demo_ctx):
    with demo_ctx.session() as s:
        office = s.scalar(select(Office))
    assert office.name == "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG"
    assert office.abbreviation == "UBND" and office.place == "Đắk Nông"


def test_directory_has_units_groups_and_clusters(demo_ctx):
    with demo_ctx.session() as s:
        assert s.scalar(select(func.count(Unit.id))) >= 40
        group = s.scalar(select(UnitGroup).where(UnitGroup.name == "Các Sở, Ban, ngành, đoàn thể cấp tỉnh"))
        members = s.scalars(select(Unit.name).join(UnitGroupMember, UnitGroupMember.unit_id == Unit.id)
                            .where(UnitGroupMember.group_id == group.id)).all()
        assert "Sở Nội vụ" in members and "Sở Kế hoạch và Đầu tư" in members
        roles = dict(s.execute(select(Unit.name, EmulationClusterMember.role)
                               .join(EmulationClusterMember, EmulationClusterMember.unit_id == Unit.id)).all())
        assert roles["UBND tỉnh Kon Tum"] == "head" and roles["UBND tỉnh Quảng Ngãi"] == "deputy"
        assert s.scalar(select(func.count(Unit.id)).where(Unit.kind == "district")) >= 1  # historical


def test_signers_carry_their_title_lines(demo_ctx):
    with demo_ctx.session() as s:
        lines = s.scalar(select(Signer.title_lines).where(Signer.name == "Nguyễn Đình Trung"))
    assert lines.splitlines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


SEED_001_TASKS = [
    ("5.1", "Văn phòng Điều phối nông thôn mới tỉnh", date(2018, 12, 31), "trong tháng 12/2018"),
    ("5.2", "Sở Kế hoạch và Đầu tư", date(2018, 9, 30), "trong Quý III/2018"),
    ("5.3", "Sở Lao động - Thương binh và Xã hội", date(2018, 9, 30), "trong Quý III/2018"),
    ("5.4", "Sở Nội vụ", date(2019, 1, 31), "trong tháng 01/2019"),
    ("5.5", "Ban Thi đua - Khen thưởng tỉnh", None, None),
]


def test_seed_001_item_5_is_stored_as_open_tasks(demo_ctx):
    with demo_ctx.session() as s:
        doc = s.scalar(select(OutgoingDocument).where(OutgoingDocument.number == 2457))
        assert (doc.symbol, doc.date, doc.status) == ("UBND-NC", date(2018, 5, 25), "issued")
        rows = s.execute(
            select(Task.item_label, Unit.name, Task.deadline, Task.deadline_text, Task.status, Task.movement_id)
            .join(Unit, Unit.id == Task.assignee_unit_id)
            .where(Task.outgoing_id == doc.id).order_by(Task.item_label)
        ).all()
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == SEED_001_TASKS
    assert all(r[4] == "open" for r in rows)
    assert all(r[5] is not None for r in rows[:4]) and rows[4][5] is None  # 5.1-5.4 each monitor a movement


def test_seed_001_dispatch_has_its_recipients_and_distribution(demo_ctx):
    with demo_ctx.session() as s:
        doc_id = s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number == 2457))
        lines = s.execute(select(DocumentRecipient.role, DocumentRecipient.text, DocumentRecipient.purpose)
                          .where(DocumentRecipient.outgoing_id == doc_id)
                          .order_by(DocumentRecipient.role, DocumentRecipient.position)).all()
    distribution = [t for role, t, _ in lines if role == "distribution"]
    assert distribution[0] == "Như trên" and distribution[-1].startswith("Lưu: VT")
    assert ("distribution", "UBND tỉnh Kon Tum", "(Cụm trưởng)") in lines
    assert sum(1 for role, *_ in lines if role == "recipient") == 5


def test_four_movements_each_monitored_by_one_unit(demo_ctx):
    with demo_ctx.session() as s:
        monitors = s.scalars(select(Unit.name).join(Movement, Movement.monitoring_unit_id == Unit.id)).all()
    assert sorted(monitors) == sorted(["Văn phòng Điều phối nông thôn mới tỉnh", "Sở Kế hoạch và Đầu tư",
                                       "Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"])


def test_numbers_follow_dates_within_each_year(demo_ctx):
    with demo_ctx.session() as s:
        rows = s.execute(select(OutgoingDocument.year, OutgoingDocument.date, OutgoingDocument.number)
                         .where(OutgoingDocument.number.is_not(None))
                         .order_by(OutgoingDocument.year, OutgoingDocument.date, OutgoingDocument.number)).all()
    for (y1, _, n1), (y2, _, n2) in zip(rows, rows[1:]):
        if y1 == y2:
            assert n2 > n1


def test_the_demo_refuses_to_overwrite(demo_db):
    from desktop.demo.office import build_demo_database

    with pytest.raises(FileExistsError):
        build_demo_database(demo_db)


def test_the_demo_has_the_office_templates(demo_ctx):
    from desktop.templates.service import list_templates

    names = [t.name for t in list_templates(demo_ctx)]
    assert len(names) >= 5
