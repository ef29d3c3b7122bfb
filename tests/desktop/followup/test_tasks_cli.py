"""`python -m desktop tasks`."""
from __future__ import annotations

import json
import subprocess
import sys

from desktop.cli import main


def test_overdue_as_of_february_2019_lists_items_5_1_to_5_4(demo_db, capsys):
    assert main(["tasks", "--db", str(demo_db), "--as-of", "2019-02-01", "--overdue"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["Văn", "bản"]
    body = [line for line in lines[1:-1]]
    assert len(body) == 4
    units = {"5.1": "Văn phòng Điều phối nông thôn mới tỉnh", "5.2": "Sở Kế hoạch và Đầu tư",
             "5.3": "Sở Lao động - Thương binh và Xã hội", "5.4": "Sở Nội vụ"}
    for label, unit in units.items():
        [line] = [line for line in body if f"  {label}  " in line]
        assert unit in line and "2457/UBND-NC" in line and "Chưa hoàn thành, quá hạn" in line
    assert not any("5.5" in line for line in lines)
    # aligned: the unit column starts at the same place on every line
    starts = {line.index(unit) for line in body for unit in units.values() if unit in line}
    assert len(starts) == 1
    assert lines[-1] == "4 nhiệm vụ quá hạn tính đến ngày 01/02/2019."


def test_json_lists_every_task_with_its_category(demo_db, capsys):
    assert main(["tasks", "--db", str(demo_db), "--as-of", "2019-02-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_item = {d["item"]: d for d in data}
    assert set(by_item) == {"5.1", "5.2", "5.3", "5.4", "5.5"}
    assert by_item["5.5"]["deadline"] is None and by_item["5.5"]["category"] == "open_in_time"
    assert by_item["5.2"] | {} == by_item["5.2"] and by_item["5.2"]["deadline"] == "2018-09-30"
    assert by_item["5.2"]["category_label"] == "Chưa hoàn thành, quá hạn"


def test_bad_date_is_one_line_and_exit_2(demo_db):
    run = subprocess.run([sys.executable, "-m", "desktop", "tasks", "--db", str(demo_db), "--as-of", "2019-02-30"],
                         capture_output=True, text=True)
    assert run.returncode == 2 and run.stdout == ""
    assert len(run.stderr.strip().splitlines()) == 1 and "ngày không hợp lệ" in run.stderr
