"""The incoming form kept as typed: every field back as it was (dates, cited documents, lines), one file per
letter and one for a new letter, nothing read from a damaged file, gone once discarded."""
from __future__ import annotations

from datetime import date

from desktop.core.dispatch import Reference
from desktop.incoming.autosave import _file, discard_form, load_form, save_form
from desktop.incoming.inputs import IncomingInput


def test_the_form_comes_back_as_typed(ctx):
    typed = IncomingInput(issuer_name="Sở Y tế", number="410", symbol="SYT-TCCB", date=date(2026, 10, 16),
                          subject="kế hoạch phát động thi đua năm 2026", urgency="khan",
                          body="Thực hiện…\n1. Đăng ký thi đua.", arrival_date=date(2026, 10, 18),
                          handling_deadline=None, recipients=["UBND tỉnh"], distribution=["Như trên", "Lưu: VT"],
                          references=[Reference(type="Công văn", number="19", symbol="UBND-NC",
                                                date=date(2026, 9, 16), issuer="UBND tỉnh")])
    save_form(ctx, None, typed)
    save_form(ctx, 7, IncomingInput(subject="sửa văn bản số 7"))
    back, saved_at = load_form(ctx, None)
    assert back == typed and saved_at.year >= 2026
    assert load_form(ctx, 7)[0].subject == "sửa văn bản số 7"
    discard_form(ctx, None)
    assert load_form(ctx, None) is None and load_form(ctx, 7) is not None
    discard_form(ctx, None)  # twice: nothing to do


def test_a_damaged_file_offers_nothing(ctx):
    save_form(ctx, 3, IncomingInput(subject="x"))
    _file(ctx, 3).write_text("{not json", encoding="utf-8")
    assert load_form(ctx, 3) is None
