"""`deadline` and `holidays` subcommands, and the deadline benchmark."""
from __future__ import annotations

import json
from datetime import date

import pytest

from desktop.cli import main


def test_deadline_phrase_with_next_due(capsys):
    assert main(["deadline", "trước ngày 06 hàng tháng", "--as-of", "2024-03-07"]) == 0
    out = capsys.readouterr().out
    assert "Lặp lại: hằng tháng, ngày 6" in out and "Hạn kế tiếp: 06/04/2024" in out


def test_deadline_find_json(capsys):
    assert main(["deadline", "--find", "Tham mưu sơ kết trong Quý III/2018 theo kế hoạch.", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["deadline_text"] == "trong Quý III/2018" and data["deadline"] == "2018-09-30"


def test_deadline_working_days_with_doc_date(capsys):
    assert main(["deadline", "05 ngày làm việc kể từ ngày ký", "--doc-date", "2025-01-24"]) == 0
    assert "Hạn: 07/02/2025" in capsys.readouterr().out


def test_deadline_not_found_exits_1(capsys):
    assert main(["deadline", "--find", "Tiếp tục quán triệt các văn bản."]) == 1
    assert "Không tìm thấy thời hạn" in capsys.readouterr().out
    assert main(["deadline", "càng sớm càng tốt"]) == 1


def test_deadline_bad_date_is_one_line_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deadline", "x", "--doc-date", "2024-13-01"])
    assert exc.value.code == 2
    assert "ngày không hợp lệ" in capsys.readouterr().err


def test_holidays_lists_tet_and_office_days(ctx, capsys):
    from db.models import CalendarDay

    with ctx.write_session() as session, session.begin():
        session.add(CalendarDay(day=date(2026, 2, 23), kind="off", name="Nghỉ thêm do tỉnh quyết định"))
    assert main(["holidays", "2026", "--db", str(ctx.db_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "17/02/2026  Tết Nguyên đán" in out
    assert "23/02/2026  Nghỉ thêm do tỉnh quyết định" in out


def test_holidays_rejects_a_silly_year(capsys):
    assert main(["holidays", "1800"]) != 0
    assert "1995-2100" in capsys.readouterr().err


def test_benchmark_reports_timings(tmp_path):
    from desktop.bench.deadlines import bench_deadlines

    results = bench_deadlines(tmp_path)
    assert [label for label, _ in results] == ["find_deadline: 1.000 đoạn văn", "add_working_days: 200 lần qua Tết"]
    assert all(seconds >= 0 for _, seconds in results)


def test_holidays_add_and_remove_an_office_day(demo_db, capsys):
    from desktop.cli import main

    assert main(["holidays", "2027", "--db", str(demo_db), "--add", "2027-02-12",
                 "--name", "Nghỉ Tết theo quyết định"]) == 0
    assert main(["holidays", "2027", "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "12/02/2027  Nghỉ Tết theo quyết định" in out.splitlines()
    assert main(["holidays", "2027", "--db", str(demo_db), "--add", "2027-02-20", "--work",
                 "--name", "Làm bù Tết"]) == 0
    main(["holidays", "2027", "--db", str(demo_db)])
    assert "20/02/2027  (làm bù) Làm bù Tết" in capsys.readouterr().out.splitlines()
    assert main(["holidays", "2027", "--db", str(demo_db), "--remove", "2027-03-03"]) == 2
    assert "không phải ngày do cơ quan ghi" in capsys.readouterr().err
    assert main(["holidays", "2027", "--add", "2027-02-12", "--name", "x"]) == 2  # needs --db
