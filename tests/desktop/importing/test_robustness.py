"""What real documents do to a reader, on small dispatches of our own words."""
from __future__ import annotations

from datetime import date

from desktop.importing import parse_text

BASE = """\
UBND TỈNH THỬ NGHIỆM
SỞ NỘI VỤ
Số: 88/SNV-TĐKT
V/v báo cáo kết quả
thi đua năm 2023

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Thử Nghiệm, ngày 15 tháng 12 năm 2023

Kính gửi: Ủy ban nhân dân các huyện.

Sở đề nghị các đơn vị thực hiện các việc sau:

1. Các huyện gửi báo cáo về Sở.

2. Sở Tài chính bố trí kinh phí khen thưởng.

Nơi nhận:
- Như trên;
- Lưu: VT, TĐKT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Lê Văn Thử
"""


def _check(d) -> None:
    assert d.issuer.parent == "UBND TỈNH THỬ NGHIỆM" and d.issuer.name == "SỞ NỘI VỤ"
    assert (d.number, d.symbol, d.date) == (88, "SNV-TĐKT", date(2023, 12, 15))
    assert d.subject == "báo cáo kết quả thi đua năm 2023"
    assert d.recipients == ["Ủy ban nhân dân các huyện"]
    assert [p.label for p in d.body] == [None, "1", "2"]
    assert d.distribution == ["Như trên", "Lưu: VT, TĐKT"]
    assert d.signer.title_lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and d.signer.name == "Lê Văn Thử"


def test_base():
    _check(parse_text(BASE).dispatch)


def test_motto_block_first():
    lines = BASE.split("\n")
    motto = lines[6:9]
    text = "\n".join(motto + [""] + lines[:6] + lines[9:])
    _check(parse_text(text).dispatch)


def test_both_header_blocks_on_the_same_lines():
    head = (
        "  UBND TỈNH THỬ NGHIỆM            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "      SỞ NỘI VỤ                        Độc lập - Tự do - Hạnh phúc\n"
        "\n"
        "  Số: 88 /SNV-TĐKT               Thử Nghiệm, ngày15 tháng 12 năm 2023\n"
        "V/v báo cáo kết quả\n"
        "   thi đua năm 2023\n"
    )
    _check(parse_text(head + "\n" + BASE.split("\n\n", 3)[-1]).dispatch)


def test_web_preamble_and_stray_fragments():
    text = ("https://example.vn/van-ban/88.pdf\nCổng thông tin điện tử\nTrang chủ > Văn bản\n\n"
            + BASE.replace("SỞ NỘI VỤ\n", "|\nSỞ NỘI VỤ\nọ\n").replace("\n1. Các", "\n—\n1. Các"))
    _check(parse_text(text).dispatch)


def test_missing_header_gives_nulls_not_guesses():
    body_only = BASE.split("Kính gửi")[1].split("\n", 1)[1]
    result = parse_text(body_only)
    d = result.dispatch
    assert d.issuer.name is None and d.number is None and d.date is None and d.subject is None
    assert [p.label for p in d.body] == [None, "1", "2"]
    assert any("số" in w for w in result.warnings)


def test_kinh_goi_and_dash_list_and_urgency():
    text = BASE.replace("Kính gửi: Ủy ban nhân dân các huyện.", "Kính gởi:\n- Huyện A;\n- Huyện B.")
    text = text.replace("Số: 88", "KHẨN\nSố: 88")
    d = parse_text(text).dispatch
    assert d.recipients == ["Huyện A", "Huyện B"]
    assert d.urgency == "Khẩn"
    assert d.issuer.name == "SỞ NỘI VỤ"


def test_e_signature_stamp_and_da_ky():
    text = BASE.replace("PHÓ GIÁM ĐỐC\n\nLê Văn Thử", "PHÓ GIÁM ĐỐC\n(đã ký)\nKý bởi: Sở Nội vụ\n"
                        "Email: snv@thu.gov.vn\nThời gian ký: 15.12.2023 09:12:30 +07:00\n\nLê Văn Thử")
    _check(parse_text(text).dispatch)


def test_tl_and_tm_title_lines():
    text = BASE.replace("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG")
    d = parse_text(text).dispatch
    assert d.signer.title_lines == ["TM. ỦY BAN NHÂN DÂN", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]


def test_paragraph_broken_by_a_page_break_is_joined():
    text = BASE.replace("1. Các huyện gửi báo cáo về Sở.", "1. Các huyện gửi báo cáo\n\n2\n\f\nvề Sở.")
    d = parse_text(text).dispatch
    assert d.body[1].text == "Các huyện gửi báo cáo về Sở." and d.body[1].label == "1"
    assert len(d.body) == 3


def test_closing_mark_junk_is_mended():
    d = parse_text(BASE.replace("khen thưởng.\n\nNơi", "khen thưởng./m\n\nNơi")).dispatch
    assert d.body[-1].text.endswith("khen thưởng./.")


def test_named_type_title():
    text = BASE.replace("V/v báo cáo kết quả\nthi đua năm 2023\n", "").replace(
        "Kính gửi: Ủy ban nhân dân các huyện.", "KẾ HOẠCH\nTổng kết thi đua năm 2023")
    result = parse_text(text)
    d = result.dispatch
    assert result.kind == "named" and d.doc_type == "Kế hoạch"
    assert d.subject == "Tổng kết thi đua năm 2023"
    assert d.recipients == []
