"""Letters of any length: 300 Kính gửi and 300 Nơi nhận lines flow across pages, in the PDF (read
back with pdftotext), in the DOCX (reopened, and converted by LibreOffice where installed) and in
`python -m desktop render`."""
from __future__ import annotations

import io
import json
from collections import Counter

import pytest

from desktop.cli import main
from desktop.core.dispatch import Dispatch
from desktop.letters import content
from desktop.letters.docx import render_docx
from desktop.letters.fonts import register_fonts
from desktop.letters.layout import LetterSettings
from desktop.letters.long_lists import beside_signature
from desktop.letters.pdf import render_pdf
from tests.desktop.letters.pdftools import FIXTURES, in_order, pages, text, words_of

COUNT = 300


def long_letter(count: int = COUNT) -> Dispatch:
    data = json.loads((FIXTURES / "cong_van_phong_trao.json").read_text(encoding="utf-8"))
    # every tenth recipient is long enough to wrap onto a second line
    data["recipients"] = [f"Ủy ban nhân dân xã Số{i}" + (" thuộc huyện miền núi biên giới phía Bắc của tỉnh"
                                                          " Đắk Nông và các thôn, bản" if i % 10 == 0 else "")
                          for i in range(1, count + 1)]
    data["distribution"] = (["Như trên"] + [f"Phòng Nơi{i}" for i in range(2, count)]
                            + ["Lưu: VT, TĐKT (2)"])
    return Dispatch.from_json(json.dumps(data, ensure_ascii=False))


@pytest.fixture(scope="module")
def letter() -> Dispatch:
    return long_letter()


@pytest.fixture(scope="module")
def pdf(letter, tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "long.pdf"
    path.write_bytes(render_pdf(letter))
    return path


def test_three_hundred_lines_each_render_and_read_back_in_order(letter, pdf):
    words = words_of(text(pdf))
    recipients = [line.split() for line in content.recipient_lines(letter)]
    end = in_order(words, [["Kính", "gửi:"], *recipients])
    body = [content.plain(t).split() for t in content.paragraph_texts(letter)]
    end += in_order(words[end:], body)
    tail = words[end:]
    in_order(tail, [["Nơi", "nhận:"], *[line.split() for line in content.distribution_lines(letter)]])
    in_order(tail, [line.split() for line in content.signer_title_lines(letter)] + [letter.signer.name.split()])
    assert Counter(w for w in words if w.startswith("Số"))["Số:"] == 1
    assert len({w for w in words if w.startswith("Số") and w[2:].rstrip(";.").isdigit()}) == COUNT
    assert len({w for w in words if w.startswith("Nơi") and w[3:].rstrip(";.").isdigit()}) == COUNT - 2


def test_lists_cross_pages_inside_the_margins_with_page_numbers(letter, pdf):
    s = LetterSettings()
    got = pages(pdf)
    assert len(got) >= 10
    mm = 72 / 25.4
    with_recipients = [p for p in got if any(w.text.startswith("Số") and w.text[2:3].isdigit() for w in p.words)]
    with_distribution = [p for p in got if any(w.text.startswith("Nơi") and w.text[3:4].isdigit()
                                               for w in p.words)]
    assert len(with_recipients) >= 5 and len(with_distribution) >= 3
    for page in got:
        body = [w for w in page.words if w.y0 > s.margin_top_mm * mm - 1]
        assert all(w.y1 <= page.height - s.margin_bottom_mm * mm + 1 for w in body), page.number
        assert all(w.x0 >= s.margin_left_mm * mm - 1 for w in body), page.number
        assert all(w.x1 <= page.width - s.margin_right_mm * mm + 1 for w in body), page.number
        if page.number > 1:
            top = [w for w in page.words if w.y1 < s.margin_top_mm * mm]
            assert [w.text for w in top] == [str(page.number)]
    # the recipients' dashes stay in one column on every page
    dashes = {round(w.x0) for p in with_recipients for w in p.words if w.text == "-" and w.x0 < 200}
    assert max(dashes) - min(dashes) <= 1
    # Nơi nhận stays in its left column below the signature: never under the signer's column
    dist_w = s.distribution_width_mm * mm + s.margin_left_mm * mm
    for page in with_distribution:
        assert all(w.x1 <= dist_w + 1 for w in page.words if w.text.startswith("Nơi") and w.text[3:4].isdigit())


def test_heading_level_with_the_signer_and_the_list_continues_below(letter, pdf):
    got = pages(pdf)
    heading_page = next(p for p in got if p.find("nhận:"))
    heading = heading_page.find("nhận:")[0]
    title = heading_page.find(content.signer_title_lines(letter)[0].split()[0])
    assert title and abs(title[0].y1 - heading.y1) < 1.5  # "Nơi nhận:" level with the title
    name = heading_page.find(letter.signer.name.split()[-1])[-1]
    beside = [w for w in heading_page.words if w.text.startswith("Nơi") and w.text[3:4].isdigit()]
    assert any(w.y0 > name.y1 for w in beside)  # the list goes on below the signature, no gap left
    kept = beside_signature(letter, LetterSettings(), register_fonts().name())
    assert 3 <= kept < COUNT


def test_short_lists_are_unchanged_one_piece():
    d = long_letter(4)
    assert beside_signature(d, LetterSettings(), register_fonts().name()) == len(content.distribution_lines(d))


def test_docx_has_every_line_and_libreoffice_lays_it_out(letter, tmp_path):
    from docx import Document

    from tests.desktop.letters.test_docx import all_text, soffice_pdf

    data = render_docx(letter)
    doc = Document(io.BytesIO(data))
    flat = " ".join(all_text(doc).split())
    for line in content.recipient_lines(letter) + content.distribution_lines(letter):
        assert " ".join(line.split()) in flat, line
    keeps = [p.paragraph_format.keep_with_next for p in doc.paragraphs if p.text.lstrip().startswith("- Ủy")]
    assert len(keeps) == COUNT - 1 and keeps.count(True) < 5  # the long list may break between pages
    signature = doc.tables[-1]
    assert len(signature.rows) == 2  # the rest of Nơi nhận in a row of its own, free to split
    assert "cantSplit" in signature.rows[0]._tr.xml and "cantSplit" not in signature.rows[1]._tr.xml
    path = tmp_path / "long.docx"
    path.write_bytes(data)
    converted = soffice_pdf(path, tmp_path / "lo")
    words = words_of(text(converted))
    in_order(words, [line.split() for line in content.recipient_lines(letter)])
    in_order(words, [line.split() for line in content.distribution_lines(letter)])
    assert len(pages(converted)) >= 10


def test_cli_renders_the_long_letter(letter, tmp_path):
    source = tmp_path / "long.json"
    source.write_text(letter.to_json(), encoding="utf-8")
    assert main(["render", "--json", str(source), "--pdf", str(tmp_path / "out.pdf")]) == 0
    assert "Số299;" in text(tmp_path / "out.pdf")
    assert main(["render", "--json", str(source), "--docx", str(tmp_path / "out.docx")]) == 0


def test_the_long_docx_imports_back_with_every_line(letter, tmp_path):
    from desktop.importing import read_dispatch

    path = tmp_path / "long.docx"
    path.write_bytes(render_docx(letter))
    back = read_dispatch(path).dispatch
    assert back.distribution == letter.distribution
    assert back.signer.name == letter.signer.name
