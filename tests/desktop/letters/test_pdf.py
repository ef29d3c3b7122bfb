"""The PDF itself, read back with poppler: text, fonts and word positions prove the ND30 layout."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.dispatch import Dispatch
from desktop.letters import content
from desktop.letters.layout import LetterSettings
from desktop.letters.pdf import render_pdf
from tests.desktop.letters.pdftools import FIXTURES, MM, fonts, in_order, pages, text, words_of

NAMES = sorted(p.stem for p in FIXTURES.glob("*.json"))


def load(name: str) -> Dispatch:
    return Dispatch.from_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name in NAMES:
        path = folder / f"{name}.pdf"
        path.write_bytes(render_pdf(load(name)))
        out[name] = path
    return out


def test_fixtures_present():
    assert {"cong_van_phong_trao", "cong_van_khan_so_noi_vu", "ke_hoach_thang_01"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_text_reads_back_every_field_in_order(rendered, name):
    d = load(name)
    words = words_of(text(rendered[name]))
    left_column = [*(d.issuer.parent.upper().split() if d.issuer.parent else []),
                   *(d.issuer.name or "").upper().split()]
    needles = [left_column, content.number_line(d).split()]
    if d.is_dispatch:
        needles.append(content.subject_lines_text(d).split())
    else:
        needles += [content.doc_type_title(d).split(), (d.subject or "").split()]
    if d.recipients:
        needles.append(["Kính", "gửi:"])
        needles += [line.split() for line in content.recipient_lines(d)]
    needles += [content.plain(t).split() for t in content.paragraph_texts(d)]
    end = in_order(words, needles)
    tail = words[end:]
    # the signature block and Nơi nhận share lines: each in order on its own
    in_order(tail, [line.split() for line in content.signer_title_lines(d)] + [d.signer.name.split()])
    if d.distribution:
        in_order(tail, [["Nơi", "nhận:"]] + [line.split() for line in content.distribution_lines(d)])
    joined = " ".join(words)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in joined
    assert "Độc lập - Tự do - Hạnh phúc" in joined
    assert content.date_line(d) in joined
    if d.urgency:
        assert d.urgency.upper() in words


def test_text_is_nfc_vietnamese(rendered):
    import unicodedata

    extracted = text(rendered["cong_van_phong_trao"])
    assert unicodedata.is_normalized("NFC", extracted)
    assert "Đắk Nông, ngày 25 tháng 5 năm 2018" in extracted
    assert "Thượng" not in extracted  # no stamp on this one
    assert "“Đắk Nông chung sức xây dựng nông thôn mới”" in extracted  # emphasis markers gone


@pytest.mark.parametrize("name", NAMES)
def test_only_embedded_fonts(rendered, name):
    rows = fonts(rendered[name])
    assert rows, "the PDF references no font at all?"
    for row in rows:
        assert row["emb"] == "yes", row
        assert row["uni"] == "yes", row
        assert "Helvetica" not in row["name"]
    assert len({r["name"].split("+")[-1] for r in rows}) == 4  # regular, bold, italic, bold italic


@pytest.mark.parametrize("name", NAMES)
def test_margins(rendered, name):
    s = LetterSettings()
    for page in pages(rendered[name]):
        assert abs(page.width - 210 * MM) < 1 and abs(page.height - 297 * MM) < 1  # A4 portrait
        for w in page.words:
            assert w.x0 >= s.margin_left_mm * MM - 0.5, w
            assert w.x1 <= (210 - s.margin_right_mm) * MM + 0.5, w
            assert w.y1 <= (297 - s.margin_bottom_mm) * MM + 0.5, w
            if w.y0 < s.margin_top_mm * MM - 0.5:
                assert page.number > 1 and w.text == str(page.number), w


def test_header_columns(rendered):
    d = load("cong_van_phong_trao")
    page = pages(rendered["cong_van_phong_trao"])[0]
    centre = (30 + 195) / 2 * MM
    split = (30 + LetterSettings().header_left_mm) * MM
    quoc = [w for w in page.line_of(page.find("CỘNG")[0]) if w.x0 > split - 1]
    assert " ".join(w.text for w in quoc) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert (quoc[0].x0 + quoc[-1].x1) / 2 > centre
    issuer = [w for w in page.words if w.text in {"ỦY", "BAN", "NHÂN", "DÂN", "TỈNH", "ĐẮK", "NÔNG"}
              and w.y1 < quoc[0].y1 + 30]
    assert issuer and all(w.x1 < split for w in issuer)
    issuer_cx = (min(w.x0 for w in issuer) + max(w.x1 for w in issuer)) / 2
    so = page.find("Số:")[0]
    so_line = [w for w in page.line_of(so) if w.x1 < split]
    assert so.y0 > max(w.y1 for w in issuer)  # under the issuer
    assert abs((so_line[0].x0 + so_line[-1].x1) / 2 - issuer_cx) < 3 * MM  # centred under it
    date_line = [w for w in page.line_of(so) if w.x0 > split]
    assert " ".join(w.text for w in date_line) == content.date_line(d)  # same baseline as Số
    assert (date_line[0].x0 + date_line[-1].x1) / 2 > centre
    vv = page.find("V/v")[0]
    gap = vv.y0 - so.y1
    assert 0 < gap < 14  # 6 pt below Số (boxes include the font's line gap)
    assert vv.x1 < split


def test_page_numbers_from_page_two_centred_in_top_margin(rendered):
    all_pages = pages(rendered["cong_van_phong_trao"])
    assert len(all_pages) >= 2
    top = LetterSettings().margin_top_mm * MM
    assert not [w for w in all_pages[0].words if w.y1 <= top]
    for page in all_pages[1:]:
        numbers = [w for w in page.words if w.y1 <= top]
        assert [w.text for w in numbers] == [str(page.number)]
        assert abs(numbers[0].cx - (30 + 195) / 2 * MM) < 1.0
        assert numbers[0].y0 > 0


@pytest.mark.parametrize("name", NAMES)
def test_signature_right_of_centre_with_end_of_body(rendered, name):
    d = load(name)
    all_pages = pages(rendered[name])
    # the letter's last page: the one before the appendices (each starts a page with "Phụ lục")
    annex = next((i for i, p in enumerate(all_pages) if [w.text for w in p.words[:2]] == ["Phụ", "lục"]),
                 len(all_pages))
    assert (annex < len(all_pages)) == bool(d.appendices)
    last = all_pages[annex - 1]
    name_words = d.signer.name.split()
    hits = [w for w in last.words if w.text == name_words[-1]]
    assert hits, "signer name not on the letter's last page"
    signer = hits[-1]
    assert signer.x0 > 105 * MM
    closing = content.plain(content.paragraph_texts(d)[-1]).split()[-1]
    assert closing.endswith("./.")
    body_end = [w for w in last.words if w.text == closing]
    assert body_end and body_end[-1].y1 < signer.y0  # the end of the body is on the signature's page, above it
    heading = last.find("Nơi")[0] if d.distribution else None
    if heading:
        first_title = last.find(content.signer_title_lines(d)[0].split()[0])[-1]
        assert heading.x1 < 105 * MM and abs(heading.y1 - first_title.y1) < 3  # level with the title


def test_long_issuer_wraps_inside_its_column(rendered):
    page = pages(rendered["ke_hoach_thang_01"])[0]
    split = (30 + LetterSettings().header_left_mm) * MM
    hd = page.find("HỘI")[0]
    block = [w for w in page.words if hd.y0 - 1 < w.y0 < hd.y0 + 30 and w.x1 < split + 5]
    assert len({round(w.y1) for w in block}) >= 2  # two lines
    assert all(w.x1 < split for w in block)


def test_named_type_number_below_ten_and_january(rendered):
    t = " ".join(text(rendered["ke_hoach_thang_01"]).split())
    assert "Số: 05/KH-HĐTĐKT" in t
    assert "Đắk Nông, ngày 06 tháng 01 năm 2021" in t
    assert "KẾ HOẠCH" in t and "V/v" not in t
    assert "Kính gửi" not in t


def test_single_recipient_on_one_line_and_urgency(rendered):
    page = pages(rendered["cong_van_khan_so_noi_vu"])[0]
    kinh = page.find("Kính")[0]
    line = " ".join(w.text for w in page.line_of(kinh))
    assert line == "Kính gửi: Ủy ban nhân dân các huyện, thành phố"
    stamp = page.find("KHẨN")[0]
    assert stamp.x1 < (30 + LetterSettings().header_left_mm) * MM and stamp.y0 > page.find("V/v")[0].y1


def test_recipient_dashes_align_under_the_colon(rendered):
    page = pages(rendered["cong_van_phong_trao"])[0]
    kinh = page.find("Kính")[0]
    dashes = [w for w in page.words if w.text == "-" and kinh.y0 - 1 < w.y0 < kinh.y0 + 100]
    assert len(dashes) == 5
    assert max(d.x0 for d in dashes) - min(d.x0 for d in dashes) < 0.5
    colon_end = page.line_of(kinh)[1].x1  # "gửi:"
    assert 0 < dashes[0].x0 - colon_end < 6


def test_draft_without_number_or_date(tmp_path):
    d = replace(load("cong_van_phong_trao"), number=None, date=None)
    path = tmp_path / "draft.pdf"
    path.write_bytes(render_pdf(d))
    t = " ".join(text(path).split())
    assert "Số: /UBND-NC" in t
    assert "Đắk Nông, ngày tháng năm 20.." in t


def test_office_settings_move_the_margin(tmp_path):
    s = LetterSettings.from_overrides({"margin_left_mm": 35, "body_size": 13})
    path = tmp_path / "m.pdf"
    path.write_bytes(render_pdf(load("cong_van_phong_trao"), s))
    for page in pages(path):
        assert min(w.x0 for w in page.words) >= 35 * MM - 0.5


def test_signature_never_alone_on_a_page(tmp_path):
    """Grow the body paragraph by paragraph: the signature always shares its page with body text."""
    base = load("cong_van_khan_so_noi_vu")
    for extra in range(0, 9):
        d = replace(base, body=base.body[:1] + base.body[1:4] * (extra + 1) + base.body[-1:])
        path = tmp_path / f"g{extra}.pdf"
        path.write_bytes(render_pdf(d))
        last = pages(path)[-1]
        body_words = [w for w in last.words if w.text.endswith("./.")]
        assert body_words, f"signature alone on the last page with {extra} extra paragraphs"
