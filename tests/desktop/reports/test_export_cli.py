"""`python -m desktop export ...` (a contract) and `demo --scale N`."""
from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import func, select

from db.models import IncomingDocument, OutgoingDocument, RecipientTracking, Task
from desktop.cli import main
from tests.desktop.reports.helpers import header_row_of, reopen, table


@pytest.mark.parametrize("report, first_header", [("register-out", "Số, ký hiệu văn bản"), ("register-in", "Ngày đến"),
                                                  ("tasks", "STT"), ("responses", "STT")])
def test_each_report_is_written_and_its_path_printed(demo_db, tmp_path, capsys, report, first_header):
    out = tmp_path / "out" / f"{report}.xlsx"
    out.parent.mkdir()
    assert main(["export", report, "--db", str(demo_db), "--from", "2018-01-01", "--to", "2026-12-31",
                 "--xlsx", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    ws = reopen(out).worksheets[0]
    assert header_row_of(ws, first_header) and table(ws, header_row_of(ws, first_header))


def test_code_year_month_as_of_and_id(demo_db, tmp_path, capsys):
    out = tmp_path / "so.xlsx"
    assert main(["export", "register-out", "--db", str(demo_db), "--code", "CV-DI", "--month", "2018-05",
                 "--xlsx", str(out)]) == 0
    wb = reopen(out)
    assert wb.sheetnames == ["Sổ công văn đi"] and wb.active["A4"].value == "Tháng 5 năm 2018"
    assert main(["export", "tasks", "--db", str(demo_db), "--year", "2018", "--as-of", "2019-02-01",
                 "--xlsx", str(out)]) == 0
    assert reopen(out)["Tổng hợp"]["A4"].value == "Tính đến ngày 01/02/2019"
    with _session(demo_db) as s:
        seed = s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.number == 2457))
    assert main(["export", "responses", "--db", str(demo_db), "--id", str(seed), "--as-of", "2019-02-01",
                 "--xlsx", str(out)]) == 0
    assert reopen(out)["Tổng hợp"]["B7"].value == "2457/UBND-NC"


def _session(path):
    from db.engine import make_engine, sqlite_url
    from sqlalchemy.orm import Session

    return Session(make_engine(sqlite_url(path)))


@pytest.mark.parametrize("args, message", [
    (["register-out", "--as-of", "2026-01-01"], "--as-of không dùng cho báo cáo register-out"),
    (["register-in", "--id", "3"], "--id không dùng cho báo cáo register-in"),
    (["tasks", "--code", "CV-DI"], "--code không dùng cho báo cáo tasks"),
    (["responses", "--code", "CV-DI"], "--code không dùng cho báo cáo responses"),
    (["tasks", "--from", "2026-01-01"], "--from và --to phải đi cùng nhau"),
    (["tasks", "--to", "2026-01-01"], "--from và --to phải đi cùng nhau"),
    (["tasks", "--year", "2026", "--month", "2026-05"], "chỉ chọn một trong --year, --month, --from/--to"),
    (["tasks", "--month", "2026-13"], "tháng 13 không hợp lệ"),
    (["tasks", "--month", "05-2026"], "tháng không hợp lệ"),
    (["tasks", "--year", "năm nay"], "năm không hợp lệ"),
    (["tasks", "--from", "2026-02-30", "--to", "2026-03-01"], "ngày không hợp lệ"),
    (["tasks", "--from", "2026-03-01", "--to", "2026-02-01"], "trước ngày đầu"),
    (["tasks", "--as-of", "hôm nay"], "ngày không hợp lệ"),
    (["responses", "--id", "9999"], "không có văn bản đi số định danh 9999"),
    (["responses", "--id", "x"], "--id phải là một số nguyên dương"),
    (["responses", "--id", "1", "--year", "2026"], "--id không dùng cùng"),
    (["register-out", "--code", "NOPE"], "không có sổ mã «NOPE»"),
    (["register-in", "--code", "CV-DI"], "sổ «CV-DI» là sổ văn bản đi"),
])
def test_bad_options_are_one_line_and_exit_2(demo_db, tmp_path, capsys, args, message):
    out = tmp_path / "x.xlsx"
    assert main(["export", *args, "--db", str(demo_db), "--xlsx", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and message in captured.err
    assert not out.exists()


def test_an_unwritable_path_is_one_line_and_exit_2(demo_db, tmp_path):
    run = subprocess.run([sys.executable, "-m", "desktop", "export", "register-out", "--db", str(demo_db),
                          "--xlsx", str(tmp_path / "missing" / "so.xlsx")], capture_output=True, text=True)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "không tồn tại" in run.stderr
    run = subprocess.run([sys.executable, "-m", "desktop", "export", "register-out", "--db", str(demo_db),
                          "--xlsx", str(tmp_path / "so.csv")], capture_output=True, text=True)
    assert run.returncode == 2 and "đuôi .xlsx" in run.stderr


def test_demo_scale_fills_an_office_in_proportion(tmp_path, capsys):
    path = tmp_path / "scaled.sqlite3"
    assert main(["demo", "--db", str(path), "--scale", "400"]) == 0
    assert "400 văn bản đi" in capsys.readouterr().out
    with _session(path) as s:
        assert s.scalar(select(func.count(OutgoingDocument.id))) == 400
        tasks = s.scalar(select(func.count(Task.id)))
        done = s.scalar(select(func.count(Task.id)).where(Task.status == "done"))
        replies = s.scalar(select(func.count(IncomingDocument.id)).where(IncomingDocument.doc_type == "Báo cáo"))
        tracked = s.scalar(select(func.count(RecipientTracking.id)).where(RecipientTracking.sent_at.is_not(None)))
        folded = s.scalar(select(OutgoingDocument.search_folded).where(OutgoingDocument.number.is_not(None))
                          .order_by(OutgoingDocument.id.desc()))
    assert 60 <= tasks <= 300 and 0 < done < tasks and replies > 0 and tracked >= 400
    assert folded and folded == folded.lower() and "cong van" in folded  # searchable without accents
    assert main(["demo", "--db", str(path), "--scale", "0"]) == 2
