"""A fresh office with a dispatch issued to a group and a unit (documents' test set-up), and the
reply letters units write back."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from db.models import OutgoingDocument, Register
from desktop.documents import service
from desktop.documents.inputs import RecipientInput
from tests.desktop.documents.conftest import Setup, good_draft, make_setup, setup  # noqa: F401

ISSUED_ON = date(2025, 12, 1)


@dataclass
class Issued:
    setup: Setup
    outgoing_id: int
    number: int
    symbol: str


def issue_dispatch(ctx, setup: Setup, on: date = ISSUED_ON, **overrides) -> Issued:
    """Kính gửi: the group (Sở Nội vụ, Sở Tài chính, Sở Y tế) and Sở Y tế again; Nơi nhận: the
    central board "(b/c)" as free text, and a line with a unit; deadline in the body 15/12/2025."""
    overrides.setdefault("distribution", [
        RecipientInput(text="Ban Thi đua - Khen thưởng Trung ương", purpose="(b/c)"),
        RecipientInput(text="Ủy ban nhân dân xã Quảng Sơn", unit_id=setup.units["Ủy ban nhân dân xã Quảng Sơn"]),
    ])
    doc_id, _ = service.create_draft(ctx, good_draft(setup, **overrides), "chuyên viên")
    service.submit(ctx, doc_id, "chuyên viên")
    service.sign(ctx, doc_id, "lãnh đạo")
    service.issue(ctx, doc_id, "văn thư", on=on)
    with ctx.session() as s:
        doc = s.get(OutgoingDocument, doc_id)
        if s.scalar(select(Register.id).where(Register.direction == "in")) is None:
            s.add(Register(code="VB-DEN", name="Sổ văn bản đến", direction="in"))
            s.commit()
        return Issued(setup, doc_id, doc.number, doc.symbol)


@pytest.fixture
def issued(ctx, setup) -> Issued:  # noqa: F811
    return issue_dispatch(ctx, setup)


def reply_letter(header: tuple[str, ...], number: str, symbol: str, cited: str, on: date = date(2025, 12, 10)) -> str:
    """A reply as a unit writes it: its own header, "Thực hiện Công văn số …" in the first paragraph."""
    return "\n".join([
        *header, "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
        f"Số: {number}/{symbol}", "V/v báo cáo kết quả thi đua năm 2025", "",
        f"Đắk Nông, ngày {on.day} tháng {on.month} năm {on.year}", "",
        "Kính gửi: Ủy ban nhân dân tỉnh Đắk Nông.", "",
        f"Thực hiện {cited} của UBND tỉnh về việc đôn đốc báo cáo kết quả thi đua năm 2025, đơn vị báo cáo "
        "kết quả như sau:", "",
        "1. Đã tổ chức phát động phong trào thi đua trong toàn đơn vị.", "",
        "2. Đã cử đầu mối theo dõi công tác thi đua, khen thưởng.", "",
        "Kính báo cáo UBND tỉnh./.", "",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "GIÁM ĐỐC", "", "Trần Văn Sáu", "",
    ])
