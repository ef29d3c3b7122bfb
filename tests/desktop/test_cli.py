"""The command line: help, errors as one line, the demo command, --smoke."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=REPO, capture_output=True,
                          text=True, encoding="utf-8", env=full_env, timeout=120)


def test_help_lists_the_subcommands():
    result = cli("--help")
    assert result.returncode == 0
    for command in ("demo", "bench"):
        assert command in result.stdout
    assert "--db" in result.stdout and "--database-url" in result.stdout and "--smoke" in result.stdout


def test_an_explicit_database_that_does_not_exist_is_refused(tmp_path):
    result = cli("--db", str(tmp_path / "typo.sqlite3"), "--smoke")
    assert result.returncode == 2
    assert "Không tìm thấy tệp cơ sở dữ liệu" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "typo.sqlite3").exists()


def test_a_corrupt_database_file_is_one_clear_line(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    result = cli("--db", str(junk), "--smoke")
    assert result.returncode == 2
    assert "không phải cơ sở dữ liệu" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert junk.read_bytes() == b"not a database at all" * 100


def test_demo_command_builds_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "demo.sqlite3"
    first = cli("demo", "--db", str(target))
    assert first.returncode == 0, first.stderr
    assert target.exists()
    second = cli("demo", "--db", str(target))
    assert second.returncode == 2 and "đã tồn tại" in second.stderr


def test_smoke_visits_every_section_on_the_demo(tmp_path):
    result = cli("--demo", "--smoke", env={"TDKT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    for title in ("Văn bản đi", "Văn bản đến", "Nhiệm vụ", "Đơn vị nhận", "Phong trào thi đua",
                  "Mẫu văn bản", "Báo cáo"):
        assert title in result.stdout
    assert "Văn bản đi: 164" in result.stdout


def test_a_command_imports_only_what_it_needs(tmp_path):
    """`render --json` draws a letter: no database library, no Qt; the parser alone loads neither."""
    fixture = REPO / "tests" / "data" / "dispatches" / "cong_van_phong_trao.json"
    code = ("import sys\nfrom desktop.cli import build_parser, main\nbuild_parser()\n"
            "before = sorted(m for m in ('sqlalchemy', 'PySide6', 'reportlab') if m in sys.modules)\n"
            "code = main(['render', '--json', sys.argv[1], '--pdf', sys.argv[2]])\n"
            "after = sorted(m for m in ('sqlalchemy', 'PySide6', 'alembic', 'openpyxl') if m in sys.modules)\n"
            "print(before, after, code)\n")
    done = subprocess.run([sys.executable, "-c", code, str(fixture), str(tmp_path / "x.pdf")], cwd=REPO,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.stdout.splitlines()[-1] == "[] [] 0", done.stdout + done.stderr


def test_bench_lines_and_the_start_up_measure(tmp_path):
    """bench prints times in ms and other values with their unit; a measured process must exit 0 quietly."""
    import pytest

    from desktop.bench import line
    from desktop.bench.startup import measure

    assert line("khởi động", 0.5).split()[-2:] == ["500.0", "ms"]
    assert line("tỉ lệ", 2.5, "×").split()[-2:] == ["2.50", "×"]
    assert line("bộ nhớ đỉnh", 88.26, "MB").split()[-2:] == ["88.3", "MB"]
    run = measure([sys.executable, "-c", "x = bytearray(30_000_000)"], REPO, dict(os.environ))
    if sys.platform.startswith("linux"):
        assert run.peak_mb > 30 and run.cpu >= 0
    with pytest.raises(RuntimeError):
        measure([sys.executable, "-c", "print('noise')"], REPO, dict(os.environ))
    with pytest.raises(RuntimeError):
        measure([sys.executable, "-c", "raise SystemExit(3)"], REPO, dict(os.environ))
