"""A signed PDF whose number and day were stamped after signing as form-field widgets (made here
with ReportLab's form fields): the importer reads them where they are drawn, and says so."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.importing import read_dispatch
from desktop.importing.pdf_text import open_pdf, page_text

FONT = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "LiberationSerif-Regular.ttf"


def stamped_pdf(path: Path, *, number: str = "458", day: str = "21") -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Stamped", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Stamped", 13)
    c.drawString(80, 780, "UBND TỈNH HÒA BÌNH")
    c.drawString(330, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.drawString(80, 762, "SỞ NỘI VỤ")
    c.drawString(350, 762, "Độc lập - Tự do - Hạnh phúc")
    c.drawString(80, 735, "Số:")
    c.drawString(140, 735, "/SNV-VP")  # the blank before the slash is where the number is stamped
    left = "Hòa Bình, ngày"
    c.drawString(330, 735, left)
    after = 330 + pdfmetrics.stringWidth(left, "Stamped", 13)
    c.drawString(after + 24, 735, "tháng 10 năm 2024")
    c.drawString(80, 717, "V/v tổng kết công tác năm 2024")
    c.drawString(200, 680, "Kính gửi: Các phòng, ban.")
    c.drawString(80, 650, "Sở đề nghị các đơn vị gửi báo cáo tổng kết./.")
    for name, value, x, width in (("so", number, 103, 36), ("ngay", day, after + 3, 20)):
        c.acroForm.textfield(name=name, value=value, x=x, y=731, width=width, height=17, borderWidth=0,
                             fontName="Helvetica", fontSize=13, fillColor=None, borderColor=None, textColor=None)
    c.save()
    return path


def test_the_widgets_are_read_in_place(tmp_path):
    path = stamped_pdf(tmp_path / "stamped.pdf")
    with open_pdf(path) as pdf:
        page = page_text(pdf, 0)
    assert page.has_widgets
    assert [w.text for w in page.words if w.origin == "widget"] == ["458", "21"]
    result = read_dispatch(path)
    d = result.dispatch
    assert (d.number, d.symbol, d.date.isoformat(), d.place) == (458, "SNV-VP", "2024-10-21", "Hòa Bình")
    assert result.source == "widgets"
    assert "Số: 458 /SNV-VP" in result.source_text or "Số: 458/SNV-VP" in result.source_text


def test_without_widgets_the_source_is_text(tmp_path):
    path = stamped_pdf(tmp_path / "stamped.pdf")
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))  # the same letter with its widgets removed
    page = pdf[0]
    while raw.FPDFPage_GetAnnotCount(page):
        raw.FPDFPage_RemoveAnnot(page, 0)
    page.close()
    bare = tmp_path / "bare.pdf"
    pdf.save(str(bare))
    pdf.close()
    result = read_dispatch(bare)
    assert result.source == "text" and result.dispatch.number is None and result.dispatch.date is None
    assert result.dispatch.symbol == "SNV-VP"
    assert "số" in " ".join(result.warnings)


@pytest.mark.parametrize("ocr", ["auto", "never"])
def test_a_text_pdf_is_never_ocred(tmp_path, ocr, monkeypatch):
    from desktop.importing import ocr as engine

    def fail(*_a, **_k):
        raise AssertionError("OCR was run on a PDF with a text layer")

    monkeypatch.setattr(engine, "recognise", fail)
    result = read_dispatch(stamped_pdf(tmp_path / "stamped.pdf"), ocr=ocr)
    assert result.dispatch.number == 458
    assert [p.source for p in result.pages] == ["text"]
