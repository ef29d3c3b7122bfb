"""The DOCX reopened with python-docx, and (where LibreOffice is installed) converted to PDF."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from desktop.letters import content
from desktop.letters.docx import render_docx
from desktop.letters.layout import LetterSettings
from desktop.letters.pdf import render_pdf
from tests.desktop.letters.pdftools import text
from tests.desktop.letters.test_pdf import NAMES, load


def all_text(document) -> str:
    """The text as Word shows it: list numbers in front of their paragraphs."""
    from desktop.letters.content import label_text
    from desktop.letters.docx_numbering import list_labels

    labels = list_labels(document)
    parts = [f"{label_text(labels[p._p])} {p.text}" if p._p in labels else p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


@pytest.mark.parametrize("name", NAMES)
def test_docx_page_fonts_and_text(name):
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Mm

    d = load(name)
    doc = Document(io.BytesIO(render_docx(d)))
    section = doc.sections[0]
    s = LetterSettings()
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.left_margin - Mm(s.margin_left_mm)) < Mm(0.1)
    assert abs(section.right_margin - Mm(s.margin_right_mm)) < Mm(0.1)
    assert abs(section.top_margin - Mm(s.margin_top_mm)) < Mm(0.1)
    assert abs(section.bottom_margin - Mm(s.margin_bottom_mm)) < Mm(0.1)
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {rfonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    names = {r.font.name for p in doc.paragraphs for r in p.runs if r.text.strip()}
    assert names <= {"Times New Roman"}
    body = all_text(doc)
    flat = " ".join(body.split())
    for piece in [content.number_line(d), content.date_line(d), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", d.signer.name, *content.signer_title_lines(d),
                  *content.distribution_lines(d), *content.recipient_lines(d)]:
        assert " ".join(piece.split()) in flat, piece
    for paragraph in content.paragraph_texts(d):
        assert content.plain(paragraph) in flat
    assert "  " not in "\n".join(p.text for p in doc.paragraphs)  # no runs of spaces for layout
    for table in doc.tables:
        assert 'w:val="nil"' in table._tbl.tblPr.xml  # borderless


def test_docx_body_paragraph_format():
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from desktop.letters.docx_numbering import list_labels

    doc = Document(io.BytesIO(render_docx(load("cong_van_phong_trao"))))
    labels = list_labels(doc)
    body = [p for p in doc.paragraphs if labels.get(p._p) == "5.1"][0]
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(body.paragraph_format.first_line_indent - Cm(1.27)) < Pt(0.5)
    assert body.paragraph_format.space_after >= Pt(6)
    assert body.runs[0].font.size == Pt(14)
    assert any(r.bold for r in body.runs) and any(r.italic for p in doc.paragraphs for r in p.runs)


def test_numbered_items_are_real_word_lists_showing_their_labels():
    """Items carry w:numPr (Word draws "5.1."), never the label typed as text or spaces."""
    from docx import Document
    from docx.oxml.ns import qn

    from desktop.core.dispatch import Issuer, Paragraph, SignerBlock
    from desktop.letters.docx_numbering import list_labels

    d = load("cong_van_phong_trao")
    d.body = [Paragraph("Mở đầu."), Paragraph("một", "5.1"), Paragraph("hai", "5.2"), Paragraph("- gạch"),
              Paragraph("MỤC ĐÍCH", "I"), Paragraph("một", "1"), Paragraph("a một", "a"),
              Paragraph("NỘI DUNG", "II"), Paragraph("lại một", "1"), Paragraph("một chấm một", "1.1"),
              Paragraph("bốn", "4"), Paragraph("Kết.")]
    doc = Document(io.BytesIO(render_docx(d)))
    labels = list_labels(doc)
    numbered = [p for p in doc.paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None]
    assert [labels[p._p] for p in numbered] == ["5.1", "5.2", "I", "1", "a", "II", "1", "1.1", "4"]
    assert [p.text for p in numbered][:2] == ["một", "hai"]  # the number is Word's, not typed
    assert not any(p.text.startswith(("5.1", "I.", "a)")) for p in doc.paragraphs)


def test_a_word_bullet_list_is_not_read_as_labels():
    from docx import Document

    from desktop.letters.docx_numbering import list_labels

    doc = Document()
    doc.add_paragraph("một ý", style="List Bullet")
    doc.add_paragraph("bước một", style="List Number")
    doc.add_paragraph("bước hai", style="List Number")
    labels = list_labels(doc)
    assert sorted(labels.values()) == ["1", "2"]  # the numbered style, not the bullet


def soffice_pdf(docx_path: Path, out_dir: Path) -> Path:
    exe = shutil.which("soffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = out_dir / f"lo-{os.getpid()}"
    subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(docx_path)], check=True, capture_output=True, timeout=180)
    return out_dir / (docx_path.stem + ".pdf")


@pytest.mark.slow
def test_libreoffice_reads_the_same_text(tmp_path):
    d = load("cong_van_phong_trao")
    docx_path = tmp_path / "letter.docx"
    docx_path.write_bytes(render_docx(d))
    pdf_path = tmp_path / "ours.pdf"
    pdf_path.write_bytes(render_pdf(d))
    converted = soffice_pdf(docx_path, tmp_path / "lo")
    theirs, ours = Counter(text(converted).split()), Counter(text(pdf_path).split())
    assert theirs == ours, (theirs - ours, ours - theirs)
