"""The letter complete (dispatch-json.md, second version): the secrecy stamp under the number (ô 10a),
the address footer on page 1 (ô 13), the appendices after the signature page — in the JSON, the PDF
(pdftotext, pdffonts), the DOCX (reopened, and converted by LibreOffice where installed), and read
back by the importer."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
from dataclasses import replace

import pytest

from desktop.core.dispatch import Appendix, Dispatch, DispatchFormatError, Paragraph
from desktop.letters.docx import render_docx
from desktop.letters.pdf import render_pdf
from tests.desktop.letters.pdftools import FIXTURES, fonts, pages, text

FIXTURE = FIXTURES / "cong_van_mat_phu_luc.json"


def load() -> Dispatch:
    return Dispatch.from_json(FIXTURE.read_text(encoding="utf-8"))


def with_table(d: Dispatch) -> Dispatch:
    """The fixture with a table in its first appendix (rows kept as "a | b | c" paragraphs)."""
    rows = ["STT | Đơn vị | Hồ sơ còn thiếu", "1 | UBND huyện Đắk Hà | Biên bản họp Hội đồng",
            "2 | UBND thành phố Kon Tum | Báo cáo thành tích"]
    first = d.appendices[0]
    table = Appendix(first.title, first.subtitle, first.body + [Paragraph(r) for r in rows])
    return replace(d, appendices=[table, *d.appendices[1:]])


def test_json_fields_and_older_files():
    d = load()
    data = d.to_json_dict()
    assert data["secrecy"] == "Tối mật" and data["contact"][0].startswith("Địa chỉ:")
    assert [a["title"] for a in data["appendices"]] == ["Phụ lục I", "Phụ lục II"]
    assert Dispatch.from_json_dict(data) == d
    older = {k: v for k, v in data.items() if k not in ("secrecy", "contact", "appendices")}
    old = Dispatch.from_json_dict(older)
    assert (old.secrecy, old.contact, old.appendices) == (None, [], [])
    assert Dispatch.from_json_dict({**older, "secrecy": "TUYỆT MẬT"}).secrecy == "Tuyệt mật"
    with pytest.raises(DispatchFormatError) as bad:
        Dispatch.from_json_dict({**older, "secrecy": "bí mật"})
    assert bad.value.field == "secrecy"
    with pytest.raises(DispatchFormatError) as bad:
        Dispatch.from_json_dict({**older, "appendices": [{"subtitle": "x", "body": []}]})
    assert bad.value.field == "appendices[0].title"
    # the urgency box prints the decree's word, whatever case or accents the file gives it
    assert Dispatch.from_json_dict({**older, "urgency": "THUONG KHAN"}).urgency == "Thượng khẩn"
    assert Dispatch.from_json_dict({**older, "urgency": "Thường"}).urgency is None
    with pytest.raises(DispatchFormatError) as bad:
        Dispatch.from_json_dict({**older, "urgency": "gấp lắm"})  # never printed as it is
    assert bad.value.field == "urgency"


def test_pdf_stamp_footer_and_appendices(tmp_path):
    d = with_table(load())
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(render_pdf(d))
    all_pages = pages(pdf)
    first = all_pages[0]
    # the stamp under the number, above the urgency stamp and Kính gửi, in its double box
    number, stamp = first.find("Số:")[0], first.find("TỐI")[0]
    assert first.find("MẬT") and stamp.y0 > number.y1 and stamp.y1 < first.find("KHẨN")[0].y0
    assert stamp.y1 < first.find("Kính")[0].y0 and stamp.x1 < 105 * 72 / 25.4
    # ô 13 at the foot of page 1 only
    page1 = " ".join(text(pdf, "-f", "1", "-l", "1").split())
    assert "Địa chỉ: 123 Trần Hưng Đạo, phường Quyết Thắng, tỉnh Kon Tum" in page1
    assert "Email: snv@kontum.gov.vn" in page1
    footer, mm = first.find("Địa")[0], 72 / 25.4
    assert footer.y0 > (297 - 20 - 15) * mm  # at the foot of the page, above the bottom margin
    body = [w for w in first.words if w.y1 < footer.y0 - 6]
    assert body and max(w.y1 for w in body) < footer.y0 - 8  # the body stops above the rule
    rest = " ".join(text(pdf, "-f", "2").split())
    assert "Địa chỉ: 123" not in rest
    # each appendix on its own pages after the signature, with heading, title and reference line
    signer_page = next(p.number for p in all_pages if p.find("Hoa"))
    annex = [p for p in all_pages if [w.text for w in p.words[:3]] == ["Phụ", "lục", "I"]]
    assert annex and annex[0].number == signer_page + 1
    start = " ".join(text(pdf, "-f", str(annex[0].number), "-l", str(annex[0].number)).split())
    assert start.startswith("Phụ lục I DANH SÁCH HỒ SƠ CẦN BỔ SUNG (Kèm theo Công văn số 07/SNV-BTĐKT ngày 06 "
                            "tháng 01 năm 2021)")
    for cell in ("STT", "Đơn vị", "UBND thành phố Kon Tum", "Báo cáo thành tích"):
        assert cell in start
    assert "|" not in start  # a table, not the " | " of its rows
    last = " ".join(text(pdf, "-f", str(len(all_pages))).split())
    assert last.startswith("Phụ lục II HƯỚNG DẪN HOÀN THIỆN BÁO CÁO THÀNH TÍCH")
    assert all(f["emb"] == "yes" for f in fonts(pdf))


def test_each_appendix_is_numbered_on_its_own(tmp_path):
    d = load()
    long_body = [Paragraph(f"Đoạn thứ {i} của phụ lục, đủ dài để phụ lục sang trang sau. " * 4) for i in range(30)]
    d = replace(d, appendices=[Appendix("Phụ lục", "Danh sách dài", long_body)])
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(render_pdf(d))
    all_pages = pages(pdf)
    annex = next(i for i, p in enumerate(all_pages) if [w.text for w in p.words[:2]] == ["Phụ", "lục"])
    assert len(all_pages) - annex >= 2
    top = 20 * 72 / 25.4  # page numbers sit in the top margin
    numbers = [[w.text for w in p.words if w.y1 < top] for p in all_pages[annex:]]
    assert numbers[0] == [] and numbers[1] == ["2"]  # its first page unnumbered, then 2, 3 …


def test_docx_stamp_footer_sections_and_table(tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    d = with_table(load())
    data = render_docx(d)
    doc = Document(io.BytesIO(data))
    header = doc.tables[0]
    stamp = next(p for cell in header._cells for p in cell.paragraphs if p.text == "TỐI MẬT")
    borders = stamp._p.pPr.find(qn("w:pBdr"))
    assert {el.get(qn("w:val")) for el in borders} == {"double"}
    footer = doc.sections[0].first_page_footer
    assert [p.text for p in footer.paragraphs] == d.contact
    assert footer.paragraphs[0]._p.pPr.find(qn("w:pBdr")) is not None  # the rule above ô 13
    assert len(doc.sections) == 1 + len(d.appendices)
    for section in doc.sections[1:]:
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        assert section.different_first_page_header_footer
        assert not section.first_page_footer.paragraphs[0].text  # ô 13 is page 1's only
    texts = [p.text for p in doc.paragraphs]
    assert texts.index("Phụ lục I") < texts.index("DANH SÁCH HỒ SƠ CẦN BỔ SUNG") < texts.index("Phụ lục II")
    assert "(Kèm theo Công văn số 07/SNV-BTĐKT ngày 06 tháng 01 năm 2021)" in texts
    grid = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert [[c.text for c in row.cells] for row in grid[0].rows][2] == ["2", "UBND thành phố Kon Tum",
                                                                        "Báo cáo thành tích"]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return
    path = tmp_path / "letter.docx"
    path.write_bytes(data)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], capture_output=True, timeout=180, check=True)
    converted = tmp_path / "letter.pdf"
    assert "Địa chỉ: 123 Trần Hưng Đạo" in text(converted, "-f", "1", "-l", "1")
    last = " ".join(text(converted, "-f", str(len(pages(converted)))).split())
    assert last.startswith("Phụ lục II HƯỚNG DẪN HOÀN THIỆN BÁO CÁO THÀNH TÍCH")


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_import_reads_the_three_fields_back(kind, tmp_path):
    from desktop.importing import read_dispatch

    d = load()
    path = tmp_path / f"letter.{kind}"
    path.write_bytes(render_pdf(d) if kind == "pdf" else render_docx(d))
    got = read_dispatch(path).dispatch
    assert (got.secrecy, got.contact) == (d.secrecy, d.contact)
    assert got.appendices == d.appendices
    assert got.to_json_dict() == d.to_json_dict()  # nothing of the footer or the appendices leaked in


def test_render_json_reads_them(tmp_path):
    import sys

    out = tmp_path / "cli.pdf"
    proc = subprocess.run([sys.executable, "-m", "desktop", "render", "--json", str(FIXTURE), "--pdf", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    flat = " ".join(text(out).split())
    assert "TỐI MẬT" in flat and "Phụ lục II" in flat and "Email: snv@kontum.gov.vn" in flat
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**json.loads(FIXTURE.read_text(encoding="utf-8")), "secrecy": "mật lắm"}),
                   encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "desktop", "render", "--json", str(bad), "--pdf", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "secrecy" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
