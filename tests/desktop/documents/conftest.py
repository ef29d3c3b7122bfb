"""Rows the drafting tests need: the office profile, a drafting unit, a register, signers, units."""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from db.models import DraftingUnit, Office, Register, Signer, Unit, UnitGroup, UnitGroupMember
from desktop.documents.inputs import DraftInput, RecipientInput


@dataclass
class Setup:
    office_id: int
    unit_nc: int  # drafting unit "NC"
    register_id: int
    signer_id: int
    other_signer_id: int
    units: dict[str, int] = field(default_factory=dict)
    group_id: int = 0


def make_setup(ctx) -> Setup:
    with ctx.session() as s:
        office = Office(name="ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", abbreviation="UBND", place="Đắk Nông")
        s.add(office)
        s.flush()
        nc = DraftingUnit(office_id=office.id, name="Phòng Nội chính", abbreviation="NC")
        reg = Register(code="CV-DI", name="Sổ công văn đi", direction="out")
        signer = Signer(name="Trần Văn Một", title_lines="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
        other = Signer(name="Lê Thị Hai", title_lines="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
        names = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Ủy ban nhân dân xã Quảng Sơn"]
        units = [Unit(name=n, kind="department") for n in names]
        group = UnitGroup(name="Các Sở, Ban, ngành, đoàn thể cấp tỉnh")
        s.add_all([nc, reg, signer, other, group, *units])
        s.flush()
        for pos, unit in enumerate(units[:3]):
            s.add(UnitGroupMember(group_id=group.id, unit_id=unit.id, position=pos))
        s.commit()
        return Setup(office.id, nc.id, reg.id, signer.id, other.id, {u.name: u.id for u in units}, group.id)


def good_draft(setup: Setup, **overrides) -> DraftInput:
    data = DraftInput(
        register_id=setup.register_id,
        drafting_unit_id=setup.unit_nc,
        subject="đôn đốc báo cáo kết quả thi đua năm 2025",
        body="Thực hiện kế hoạch năm 2025, đề nghị các đơn vị:\n1. Gửi báo cáo trước ngày 15/12/2025.\n2. Cử đầu mối theo dõi.",
        recipients=[RecipientInput(text="", group_id=setup.group_id), RecipientInput(text="Sở Y tế", unit_id=setup.units["Sở Y tế"])],
        distribution=[RecipientInput(text="Ban Thi đua - Khen thưởng Trung ương", purpose="(b/c)")],
        signer_id=setup.signer_id,
        file_copies=2,
        drafter="Nguyễn Văn Ba",
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


@pytest.fixture
def setup(ctx) -> Setup:
    return make_setup(ctx)
