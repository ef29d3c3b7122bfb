"""Reading files: DOCX with header/signature tables, PDF columns, encodings, bad files."""
from __future__ import annotations

import subprocess

import pytest

from desktop.importing import ImportFileError, LegacyEncodingError, read_dispatch
from desktop.importing.readers import looks_legacy, read_source

# A short dispatch of our own words (not from the seeds): header fields and two items.
HEADER_LEFT = ["UBND TỈNH HÒA BÌNH", "BAN THI ĐUA - KHEN THƯỞNG", "Số: 05/BTĐKT-VP", "V/v kiểm tra hồ sơ", "khen thưởng năm 2024"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa Bình, ngày 07 tháng 3 năm 2024"]
BODY = [
    "Kính gửi: Sở Nội vụ tỉnh Hòa Bình.",
    "Ban chuẩn bị đợt kiểm tra hồ sơ khen thưởng năm 2024, đề nghị như sau:",
    "1. Sở Nội vụ gửi danh sách hồ sơ trước ngày 20/3/2024.",
    "2. Các đơn vị phối hợp theo *Kế hoạch số 12/KH-BTĐKT ngày 01/02/2024* của Ban./.",
]
CLOSING_LEFT = ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."]
CLOSING_RIGHT = ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "(đã ký)", "Trần Thị Bình"]


def _check(d) -> None:
    assert d.issuer.parent == "UBND TỈNH HÒA BÌNH"
    assert d.issuer.name == "BAN THI ĐUA - KHEN THƯỞNG"
    assert (d.number, d.symbol) == (5, "BTĐKT-VP")
    assert d.subject == "kiểm tra hồ sơ khen thưởng năm 2024"
    assert d.place == "Hòa Bình" and d.date.isoformat() == "2024-03-07"
    assert d.recipients == ["Sở Nội vụ tỉnh Hòa Bình"]
    assert [p.label for p in d.body] == [None, "1", "2"]
    assert d.distribution == ["Như trên", "Lưu: VT, VP"]
    assert d.signer.title_lines == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert d.signer.name == "Trần Thị Bình"
    assert [(r.number, r.symbol) for r in d.references] == [("12", "KH-BTĐKT")]


def _docx(path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (HEADER_LEFT, HEADER_RIGHT)):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for text in BODY:
        p = document.add_paragraph()
        if "*" in text:
            before, emphasis, after = text.split("*")
            p.add_run(before)
            p.add_run(emphasis).italic = True
            p.add_run(after)
        else:
            p.add_run(text)
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (CLOSING_LEFT, CLOSING_RIGHT)):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    document.save(str(path))


def test_docx_tables_and_emphasis(tmp_path):
    path = tmp_path / "cong-van.docx"
    _docx(path)
    result = read_dispatch(path)
    _check(result.dispatch)
    assert result.source_format == "docx"
    assert "*Kế hoạch số 12/KH-BTĐKT ngày 01/02/2024*" in result.dispatch.body[2].text


def _pdf(path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = _font()
    pdfmetrics.registerFont(TTFont("ImportTest", font))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("ImportTest", 12)
    y = 800
    for left, right in zip(HEADER_LEFT + [""] * 3, HEADER_RIGHT + [""] * 5):
        c.drawString(60, y, left)
        c.drawString(300, y, right)  # the two columns share baselines: naive extraction interleaves them
        y -= 16
    y -= 20
    for text in BODY:
        c.drawString(90, y, text.replace("*", ""))
        y -= 22
    y -= 10
    for left, right in zip(CLOSING_LEFT + [""], CLOSING_RIGHT):
        c.drawString(60, y, left)
        c.drawString(330, y, right)
        y -= 16
    c.save()


def _font() -> str:
    import glob

    for pattern in ("/usr/share/fonts/**/LiberationSerif-Regular.ttf", "/usr/share/fonts/**/DejaVuSans.ttf",
                    "desktop/**/LiberationSerif-Regular.ttf"):
        found = glob.glob(pattern, recursive=True)
        if found:
            return found[0]
    pytest.skip("no TrueType font with Vietnamese letters on this machine")


def test_pdf_columns_come_out_as_blocks(tmp_path):
    path = tmp_path / "cong-van.pdf"
    _pdf(path)
    naive = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert any("UBND TỈNH HÒA BÌNH" in line and "CỘNG HÒA" in line for line in naive.splitlines())
    text = read_source(path).text
    lines = text.splitlines()
    assert not any("UBND" in line and "CỘNG HÒA" in line for line in lines)
    assert not any("Nơi nhận" in line and "TRƯỞNG BAN" in line for line in lines)
    issuer = lines.index("UBND TỈNH HÒA BÌNH")
    assert lines[issuer + 1] == "BAN THI ĐUA - KHEN THƯỞNG"
    result = read_dispatch(path)
    assert result.source_format == "pdf"
    _check(result.dispatch)


def test_legacy_encoding_is_refused(tmp_path):
    # TCVN3 bytes read as Latin-1: how "Cộng hòa xã hội chủ nghĩa" looks in a .VnTime file
    legacy = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nKÝnh göi: Së Néi vô\n"
    assert looks_legacy(legacy)
    path = tmp_path / "cu.txt"
    path.write_bytes(legacy.encode("latin-1"))
    with pytest.raises(LegacyEncodingError, match="bảng mã cũ"):
        read_dispatch(path)
    path.write_text(legacy, encoding="utf-8")
    with pytest.raises(LegacyEncodingError):
        read_dispatch(path)


def test_vni_is_refused_too():
    # VNI-Times bytes read as Windows-1252
    assert looks_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. Kính göûi: Sôû")


def test_unicode_text_is_not_mistaken_for_legacy():
    assert not looks_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Kính gửi: Sở Nội vụ.")


def test_decomposed_text_is_normalised(tmp_path):
    import unicodedata

    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", "Số: 7/UBND-VP\nV/v thử\n\nHòa Bình, ngày 02 tháng 3 năm 2024\n"),
                    encoding="utf-8")
    result = read_dispatch(path)
    assert result.dispatch.number == 7 and result.dispatch.place == "Hòa Bình"
    assert result.source_text == unicodedata.normalize("NFC", result.source_text)


@pytest.mark.parametrize("name,data,message", [
    ("a.doc", b"x", "chỉ nhận"),
    ("a.docx", b"not a zip", "tệp hỏng"),
    ("a.pdf", b"%PDF-1.4 broken", "tệp hỏng"),
    ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "không phải tệp văn bản"),
    ("a.txt", b"   \n\n", "không có nội dung"),
])
def test_bad_files_give_one_clear_message(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match=message) as info:
        read_dispatch(path)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ImportFileError, match="Không tìm thấy"):
        read_dispatch(tmp_path / "none.txt")


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 100, 100)
    c.save()
    with pytest.raises(ImportFileError, match=r"\(OCR\) đang tắt"):
        read_dispatch(path, ocr="never")
    with pytest.raises(ImportFileError, match="kể cả khi nhận dạng chữ"):  # OCR found nothing either
        read_dispatch(path)
