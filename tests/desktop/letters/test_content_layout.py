"""Printed strings and the office-adjustable layout values."""
from __future__ import annotations

import json
from datetime import date

import pytest

from desktop.core.dispatch import Dispatch, Issuer, Paragraph, SignerBlock
from desktop.letters import content
from desktop.letters.layout import SETTINGS_KEY, LetterSettings, load_letter_settings


def dispatch(**kw) -> Dispatch:
    base = dict(issuer=Issuer(name="SỞ NỘI VỤ"), symbol="SNV-BTĐKT", place="Kon Tum", subject="thử",
                body=[Paragraph("Nội dung.")], signer=SignerBlock(["GIÁM ĐỐC"], "Trần Văn A"))
    base.update(kw)
    return Dispatch(**base)


def test_number_line_pads_below_ten_and_leaves_room_in_a_draft():
    assert content.number_line(dispatch(number=5)) == "Số: 05/SNV-BTĐKT"
    assert content.number_line(dispatch(number=2457)) == "Số: 2457/SNV-BTĐKT"
    assert content.number_line(dispatch(number=None)).startswith("Số:    ")
    assert content.number_line(dispatch(number=None)).endswith("/SNV-BTĐKT")


def test_date_line():
    assert content.date_line(dispatch(date=date(2021, 1, 6))) == "Kon Tum, ngày 06 tháng 01 năm 2021"
    assert content.date_line(dispatch(date=date(2019, 6, 29))) == "Kon Tum, ngày 29 tháng 6 năm 2019"
    assert content.date_line(dispatch(date=None)) == "Kon Tum, ngày     tháng     năm 20.."


def test_lists_end_with_semicolons_and_a_full_stop():
    d = dispatch(recipients=["Sở A;", "- Sở B", "Sở C."], distribution=["Như trên", "Lưu: VT, BTĐKT"])
    assert content.recipient_lines(d) == ["- Sở A;", "- Sở B;", "- Sở C."]
    assert content.distribution_lines(d) == ["- Như trên;", "- Lưu: VT, BTĐKT."]
    assert content.recipient_lines(dispatch(recipients=["Bộ Nội vụ"])) == ["Bộ Nội vụ"]


@pytest.mark.parametrize("text,expected", [
    ("Đề nghị thực hiện.", "Đề nghị thực hiện./."),
    ("Đề nghị thực hiện./.", "Đề nghị thực hiện./."),
    ("Đề nghị thực hiện", "Đề nghị thực hiện./."),
    ("Đề nghị thực hiện;", "Đề nghị thực hiện./."),
])
def test_end_mark_added_once(text, expected):
    assert content.with_end_mark(text) == expected


def test_labels_and_headings():
    d = dispatch(body=[Paragraph("MỤC ĐÍCH", label="I"), Paragraph("Một", label="5.1"),
                       Paragraph("Hai", label="a"), Paragraph("- gạch đầu dòng"), Paragraph("Hết.")])
    assert content.paragraph_texts(d) == ["**I. MỤC ĐÍCH**", "5.1. Một", "a) Hai", "- gạch đầu dòng", "Hết./."]


def test_emphasis_runs():
    runs = content.runs("a *nghiêng* b **đậm** c ***cả hai***")
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("a ", False, False), ("nghiêng", False, True), (" b ", False, False), ("đậm", True, False),
        (" c ", False, False), ("cả hai", True, True)]
    assert content.plain("3 * 4 = 12") == "3 * 4 = 12"


def test_overrides_inside_the_decree_ranges():
    s = LetterSettings.from_overrides({"margin_left_mm": 35, "body_size": 13, "stamp_khan_mm": [22, 8]})
    assert (s.margin_left_mm, s.body_size, s.stamp_khan_mm) == (35.0, 13.0, (22.0, 8.0))
    assert s.text_width_mm == 160
    for bad in ({"margin_left_mm": 25}, {"body_size": 16}, {"nope": 1}, {"body_size": "14"},
                {"first_line_indent_cm": 2}):
        with pytest.raises(ValueError, match="letter_layout"):
            LetterSettings.from_overrides(bad)


def test_settings_read_from_the_settings_table(ctx):
    from db.models import Setting

    with ctx.session() as session:
        assert load_letter_settings(session) == LetterSettings()
    with ctx.write_session() as session:
        session.add(Setting(key=SETTINGS_KEY, value=json.dumps({"margin_top_mm": 25, "line_spacing": 1.3})))
        session.commit()
    with ctx.session() as session:
        s = load_letter_settings(session)
    assert s.margin_top_mm == 25 and s.line_spacing == 1.3
