"""The import screen's core helpers: dates typed by clerks, reference spans, the folder job."""
from __future__ import annotations

from datetime import date

import pytest

from desktop.core.dispatch import Reference
from desktop.importing.batch import import_folder
from desktop.importing.review import import_folder_job, parse_dmy, reference_span
from desktop.core.jobs import CancelToken
from tests.conftest import shared_path


@pytest.mark.parametrize("text, expected", [
    ("25/05/2018", date(2018, 5, 25)), ("25/5/2018", date(2018, 5, 25)), (" 5-6-2019 ", date(2019, 6, 5)),
    ("2018-05-25", date(2018, 5, 25)), ("", None), ("  ", None),
])
def test_dates_as_clerks_type_them(text, expected):
    assert parse_dmy(text) == expected


@pytest.mark.parametrize("text", ["31/02/2019", "25/05", "hôm qua", "2018"])
def test_a_bad_date_is_a_vietnamese_message(text):
    with pytest.raises(ValueError, match="không đúng dạng ngày/tháng/năm"):
        parse_dmy(text, "Hạn")


def test_reference_span_forgives_spacing_and_accents():
    source = "Thực hiện Công văn số 63/TB-VPCP ngày 2/3; Kế hoạch số 274 / KH-UBND và số 12/QĐ-UBND."
    start, end = reference_span(source, Reference(number="274", symbol="KH-UBND"))
    assert source[start:end] == "274 / KH-UBND"
    start, end = reference_span(source, Reference(number="12", symbol="QĐ-UBND"))
    assert source[start:end] == "12/QĐ-UBND"
    assert reference_span(source, Reference(number="99", symbol="X")) is None
    assert reference_span(source, Reference()) is None


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "den"
    src.mkdir()
    text = shared_path("seeds", "001_f7e0c988db89172b.txt").read_text(encoding="utf-8")
    for number, name in enumerate(("a.txt", "b.txt", "c.txt"), start=2457):
        # three different letters (a letter registered already would not be stored again)
        (src / name).write_text(text.replace("Số: **2457**", f"Số: **{number}**"), encoding="utf-8")
    return src


def test_on_report_sees_each_file(folder):
    seen = []
    reports = import_folder(folder, on_report=seen.append)
    assert seen == reports and len(seen) == 3


def test_a_cancelled_folder_job_keeps_what_it_did(ctx, folder):
    token = CancelToken()

    def progress(fraction, message=""):
        if message == "b.txt":
            token.cancel()  # the clerk presses Hủy while b.txt is read: it finishes, c.txt is not started

    outcome = import_folder_job(ctx, folder, "in", progress=progress, cancel=token)
    assert outcome.cancelled
    assert [r.path.name for r in outcome.reports] == ["a.txt", "b.txt"]
    assert all(r.document_id for r in outcome.reports)
    assert outcome.changes.incoming and outcome.changes.tasks


def test_a_read_only_folder_job_changes_nothing(ctx, folder):
    outcome = import_folder_job(ctx, folder, None)
    assert not outcome.cancelled and outcome.count("imported") == 3
    assert not outcome.changes.any()


def test_a_folder_job_makes_each_save_through_its_write_and_adds_up_the_changes(ctx, folder):
    from desktop.core.jobs import write_here

    calls = []

    def write(call):
        calls.append(call)
        return write_here(call)

    outcome = import_folder_job(ctx, folder, "in", write=write)
    assert len(calls) == 3 == outcome.count("imported")
    assert outcome.changes.incoming and outcome.changes.registers and not outcome.changes.outgoing
