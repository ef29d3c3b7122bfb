"""The layouts real letters still broke (issue 13, item 3), one test each, on letters of our own
words written in the shapes the real ones have."""
from __future__ import annotations

from datetime import date

import pytest

from desktop.importing import LegacyEncodingError, parse_text, read_dispatch

HEADER = """\
UBND TỈNH THỬ NGHIỆM
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 348/SGDĐT-VP
V/v hướng dẫn tổng kết năm học

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Thử Nghiệm, ngày 31 tháng 8 năm 2021

Kính gửi: Các phòng giáo dục và đào tạo.

"""
CLOSING = """
Nơi nhận:
- Như trên;
- Lưu: VT, VP.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Trần Văn Thử
"""


def letter(body: str, *, header: str = HEADER, closing: str = CLOSING):
    return parse_text(header + body + "\n" + closing)


# -- subject ------------------------------------------------------------------------------------
def test_a_subject_wrapping_onto_a_line_that_starts_with_so():
    text = HEADER.replace("V/v hướng dẫn tổng kết năm học", "V/v triển khai Kế hoạch\nsố 27/KH-UBND của UBND tỉnh")
    d = letter("Sở đề nghị các phòng thực hiện./.", header=text).dispatch
    assert d.subject == "triển khai Kế hoạch số 27/KH-UBND của UBND tỉnh"
    assert (d.number, d.symbol) == (348, "SGDĐT-VP")


# -- paragraphs and the closing -----------------------------------------------------------------
def test_a_paragraph_broken_by_a_blank_line_mid_sentence():
    body = ("1. Các phòng giáo dục tổng hợp kết quả thi đua của các trường trên địa bàn và\n\n"
            "gửi về Sở trước ngày 15/9/2021.\n\n2. Các trường chuẩn bị hồ sơ khen thưởng./.\n")
    d = letter(body).dispatch
    assert [p.label for p in d.body] == ["1", "2"]
    assert d.body[0].text.endswith("trên địa bàn và gửi về Sở trước ngày 15/9/2021.")


def test_a_paragraph_broken_across_a_page():
    body = ("1. Các phòng giáo dục tổng hợp kết quả thi đua của các trường trên địa bàn và\n"
            "                                                        2\n\f\n"
            "gửi về Sở trước ngày 15/9/2021.\n\n2. Các trường chuẩn bị hồ sơ khen thưởng./.\n")
    d = letter(body).dispatch
    assert [p.label for p in d.body] == ["1", "2"]
    assert "trên địa bàn và gửi về Sở" in d.body[0].text


@pytest.mark.parametrize("stray", ["3", "- 3 -", "|", "Trang 2/2", "ọ"])
def test_a_stray_page_number_or_mark_after_noi_nhan(stray):
    closing = CLOSING.replace("Nơi nhận:\n", f"Nơi nhận:\n{stray}\n")
    d = letter("Sở đề nghị các phòng thực hiện./.", closing=closing).dispatch
    assert d.distribution == ["Như trên", "Lưu: VT, VP"]
    assert d.signer.title_lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and d.signer.name == "Trần Văn Thử"


# -- tasks --------------------------------------------------------------------------------------
def test_an_item_naming_two_units_and_two_deadlines_gives_one_task_each():
    body = ("1. Phòng Giáo dục huyện A gửi danh sách đề nghị khen thưởng trước ngày 15/9/2021; "
            "Phòng Giáo dục huyện B gửi báo cáo tổng kết trước ngày 30/9/2021.\n")
    result = letter(body)
    tasks = [(t.assignee_text, t.deadline) for t in result.tasks]
    assert tasks == [("Phòng Giáo dục huyện A", date(2021, 9, 15)), ("Phòng Giáo dục huyện B", date(2021, 9, 30))]


def test_cac_cap_cac_nganh_is_one_addressee():
    result = letter("1. Các cấp, các ngành tổ chức tuyên truyền về phong trào thi đua trong tháng 9/2021.\n")
    assert [(t.assignee_text, t.deadline) for t in result.tasks] == [("Các cấp, các ngành", date(2021, 9, 30))]
    assert result.dispatch.body[0].assignees == ["Các cấp, các ngành"]


def test_a_deadline_in_the_time_line_under_a_long_item():
    """A plan's task, its time on the line below ("Thời gian thực hiện: trong Quý IV/2021")."""
    body = ("1. Tổ chức tập huấn nghiệp vụ thi đua, khen thưởng cho cán bộ làm công tác thi đua của các phòng "
            "giáo dục và các trường trực thuộc.\n"
            "Thời gian thực hiện: trong Quý IV/2021.\n\n"
            "2. Sở Nội vụ tổng hợp kết quả.\n")
    result = letter(body)
    first = [t for t in result.tasks if t.item_label == "1"]
    assert [(t.deadline, t.deadline_text) for t in first] == [(date(2021, 12, 31), "trong Quý IV/2021")]
    assert result.dispatch.body[0].deadline == date(2021, 12, 31)


def test_the_thirtieth_of_the_last_month_of_each_quarter():
    from desktop.followup.deadlines import next_due, parse_deadline

    found = parse_deadline("trước ngày 30 của tháng cuối quý")
    assert (found.recurrence, found.kind, found.day_of_period) == ("hằng quý", "recurring", 30)
    assert next_due(found, date(2021, 8, 31)) == date(2021, 9, 30)
    assert next_due(found, date(2021, 10, 1)) == date(2021, 12, 30)
    result = letter("1. Các phòng giáo dục báo cáo kết quả trước ngày 30 của tháng cuối quý.\n")
    task = result.tasks[0]
    assert (task.deadline, task.recurrence, task.deadline_text) == (None, "hằng quý", "trước ngày 30 của tháng cuối quý")


# -- the signer -----------------------------------------------------------------------------------
def test_two_title_lines_with_a_gap_in_their_column():
    closing = """
Nơi nhận:                                        KT. TRƯỞNG PHÒNG
- Như trên;
- Lưu: VT.                                       PHÓ TRƯỞNG PHÒNG


                                                 Lê Thị Thử
"""
    d = letter("Phòng đề nghị các trường thực hiện./.", closing=closing).dispatch
    assert d.signer.title_lines == ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"]
    assert d.signer.name == "Lê Thị Thử"
    assert d.distribution == ["Như trên", "Lưu: VT"]


# -- Lưu: VT is the file copy ---------------------------------------------------------------------
def test_luu_vt_is_the_file_copy_not_a_recipient(ctx):
    """Stored as the service's own "Như trên" / "Lưu: ..." lines: the editor's Nơi nhận list holds
    only the real recipients, the printed one all four lines, as read."""
    from db.models import OutgoingDocument
    from desktop.documents.store import read_loaded
    from desktop.importing.save import save_import

    closing = CLOSING.replace("- Như trên;\n", "- Như trên;\n- Sở Nội vụ (b/c);\n")
    outcome = save_import(ctx, letter("Sở đề nghị các phòng thực hiện./.", closing=closing), "out")
    with ctx.session() as s:
        loaded = read_loaded(s, s.get(OutgoingDocument, outcome.document_id))
    assert [line.text for line in loaded.data.distribution] == ["Sở Nội vụ"]
    assert loaded.printed_distribution == ["Như trên", "Sở Nội vụ (b/c)", "Lưu: VT, VP"]


# -- annexes ------------------------------------------------------------------------------------
def test_an_annex_with_its_own_national_header_is_not_the_letter():
    annex = """
UBND TỈNH THỬ NGHIỆM                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ GIÁO DỤC VÀ ĐÀO TẠO                      Độc lập - Tự do - Hạnh phúc

PHỤ LỤC
Danh sách các trường đạt chuẩn
(Kèm theo Công văn số 348/SGDĐT-VP ngày 31/8/2021)

1. Trường Tiểu học Thử Nghiệm - đạt chuẩn mức 1.
2. Trường THCS Thử Nghiệm báo cáo trước ngày 05/9/2021.
"""
    closing = "\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Văn Thử\n" + annex
    result = letter("1. Các phòng giáo dục tổng hợp kết quả./.\n", closing=closing)
    d = result.dispatch
    assert [p.label for p in d.body] == ["1"] and "đạt chuẩn" not in " ".join(p.text for p in d.body)
    assert (d.number, d.date) == (348, date(2021, 8, 31))
    assert d.signer.title_lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and d.signer.name == "Trần Văn Thử"
    assert [(t.item_label, t.deadline) for t in result.tasks] == [("1", None)]  # none from the annex


def test_an_annex_after_noi_nhan_adds_no_items():
    annex = ("\n\fUBND TỈNH THỬ NGHIỆM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
             "PHỤ LỤC\n1. Trường Tiểu học Thử Nghiệm báo cáo trước ngày 05/9/2021.\n")
    result = letter("1. Các phòng giáo dục tổng hợp kết quả./.\n", closing=CLOSING + annex)
    assert [p.label for p in result.dispatch.body] == ["1"]
    assert result.dispatch.signer.name == "Trần Văn Thử"


# -- Số -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("line,number,symbol", [
    ("Số 348/SGDĐT-VP", 348, "SGDĐT-VP"),
    ("Số: 348 /SGDĐT", 348, "SGDĐT"),
    ("Số: 348/SGDĐT-GDTrH, GDTX", 348, "SGDĐT-GDTrH, GDTX"),
    ("Số:348 / SGDĐT-GDTrH,GDTX", 348, "SGDĐT-GDTrH, GDTX"),
])
def test_number_line_variants(line, number, symbol):
    d = letter("Sở đề nghị các phòng thực hiện./.", header=HEADER.replace("Số: 348/SGDĐT-VP", line)).dispatch
    assert (d.number, d.symbol) == (number, symbol)


# -- glyphs and encodings -----------------------------------------------------------------------
def test_the_oi_glyph_some_fonts_emit_for_u_horn():
    text = (HEADER + "Sở đề nghị các phòng thực hiện./.\n" + CLOSING).replace("ư", "ƣ").replace("Ư", "Ƣ")
    d = parse_text(text).dispatch
    assert d.issuer.name == "SỞ GIÁO DỤC VÀ ĐÀO TẠO" and "hướng dẫn" in d.subject
    assert "ƣ" not in parse_text(text).source_text


def test_tcvn3_and_vni_fragments_inside_unicode_text_are_converted(tmp_path):
    body = ("C¨n cø KÕ ho¹ch sè 27/KH-UBND cña UBND tØnh, Sở đề nghị các phòng thực hiện.\n\n"
            "Caên cöù Quyeát ñònh soá 12/QĐ-UBND, các trường báo cáo kết quả./.\n")
    path = tmp_path / "lan.txt"
    path.write_text(HEADER + body + CLOSING, encoding="utf-8")
    d = read_dispatch(path).dispatch
    assert d.body[0].text.startswith("Căn cứ Kế hoạch số 27/KH-UBND của UBND tỉnh, Sở đề nghị")
    assert d.body[1].text.startswith("Căn cứ Quyết định số 12/QĐ-UBND, các trường")
    assert d.issuer.name == "SỞ GIÁO DỤC VÀ ĐÀO TẠO" and d.place == "Thử Nghiệm"


def test_a_whole_legacy_file_is_still_refused(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_text("C¨n cø KÕ ho¹ch sè 27 cña UBND tØnh\nKÝnh göi: Së Néi vô\n§éc lËp - Tù do - H¹nh phóc\n",
                    encoding="utf-8")
    with pytest.raises(LegacyEncodingError, match="bảng mã cũ"):
        read_dispatch(path)


def _cp1258(text: str) -> bytes:
    """As Windows-1258 writes it: a letter it has (â, ơ, đ, à ...) as one byte, else the letter
    then its tone as a combining mark ("ệ" = "ê" + dot below)."""
    import unicodedata

    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = next(m for m in parts if m in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", parts.replace(tone, ""))
            out += (base + tone).encode("cp1258")
    return bytes(out)


def test_a_cp1258_text_file(tmp_path):
    path = tmp_path / "cp1258.txt"
    path.write_bytes(_cp1258(HEADER + "Sở đề nghị các phòng thực hiện./.\n" + CLOSING))
    d = read_dispatch(path).dispatch
    assert d.issuer.name == "SỞ GIÁO DỤC VÀ ĐÀO TẠO" and d.signer.name == "Trần Văn Thử"
    assert (d.number, d.date) == (348, date(2021, 8, 31))


# -- e-signature stamps -------------------------------------------------------------------------
STAMP = "Ký bởi: Sở Giáo dục và Đào tạo\nEmail: sgddt@thunghiem.gov.vn\nCơ quan: Tỉnh Thử Nghiệm\n" \
        "Thời gian ký: 31.08.2021 16:05:12 +07:00\n"


def test_an_e_signature_stamp_is_not_part_of_the_letter_but_confirms_its_date():
    body = ("1. Các phòng giáo dục tổng hợp kết quả thi đua của các trường trên địa bàn và\n\n"
            + STAMP + "\ngửi về Sở trước ngày 15/9/2021.\n")
    result = letter(body, header=STAMP + HEADER)
    d = result.dispatch
    assert [p.text for p in d.body] == ["Các phòng giáo dục tổng hợp kết quả thi đua của các trường trên địa bàn "
                                        "và gửi về Sở trước ngày 15/9/2021."]
    assert d.issuer.parent == "UBND TỈNH THỬ NGHIỆM" and d.date == date(2021, 8, 31)
    assert result.signed_on == date(2021, 8, 31)
    assert not any("ký số" in w for w in result.warnings)


def test_a_stamp_date_that_differs_or_fills_in_is_said_not_used():
    undated = HEADER.replace("Thử Nghiệm, ngày 31 tháng 8 năm 2021", "Thử Nghiệm, ngày    tháng 8 năm 2021")
    result = letter("Sở đề nghị các phòng thực hiện./.", header=STAMP + undated)
    assert result.dispatch.date is None and result.signed_on == date(2021, 8, 31)
    assert any("31/08/2021" in w and "ký số" in w for w in result.warnings)


def test_a_deadline_printed_in_bold_inside_an_item():
    body = ("3. Chế độ báo cáo.\n\n"
            "Báo cáo đầu năm: báo cáo kế hoạch thực hiện trước ngày **12/10/2021**\n\n"
            "Báo cáo cuối năm: báo cáo tổng kết trước ngày 31/5/2022\n")
    result = letter(body)
    assert [(t.deadline, t.deadline_text) for t in result.tasks] == [
        (date(2021, 10, 12), "trước ngày 12/10/2021"), (date(2022, 5, 31), "trước ngày 31/5/2022")]


def test_a_bien_ban_is_dated_by_its_opening():
    header = HEADER.replace("V/v hướng dẫn tổng kết năm học\n", "").replace(
        "Thử Nghiệm, ngày 31 tháng 8 năm 2021\n", "").replace(
        "Kính gửi: Các phòng giáo dục và đào tạo.", "BIÊN BẢN\nHọp xét thi đua năm học 2020-2021")
    body = ("Hôm nay, ngày 19 tháng 6 năm 2021, tại Sở Giáo dục và Đào tạo, Hội đồng thi đua họp xét "
            "các danh hiệu thi đua.\n\nThành phần gồm các thành viên Hội đồng.\n")
    result = letter(body, header=header)
    d = result.dispatch
    assert (d.doc_type, d.date, d.place) == ("Biên bản", date(2021, 6, 19), None)
    assert result.source_text[slice(*result.spans["date"])].startswith("Hôm nay")


@pytest.mark.parametrize("label", ["V/v", "V/V", "Ý/v", "V/w", "Về việc:"])
def test_the_subject_label_as_a_scan_may_print_it(label):
    header = HEADER.replace("V/v hướng dẫn", f"{label} hướng dẫn")
    assert letter("Sở đề nghị các phòng thực hiện./.", header=header).dispatch.subject == "hướng dẫn tổng kết năm học"
