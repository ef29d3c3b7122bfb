"""Start-up: the `--exit-when-shown` contract, and what a start imports (and does not)."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from tests.conftest import REPO

# Libraries a start must not load: documents (PDF, Excel, DOCX), templates, reading/OCR, migrations.
HEAVY = ("reportlab", "openpyxl", "docx", "tesserocr", "pypdfium2", "PIL", "lxml", "jinja2",
         "rapidfuzz", "holidays", "pytesseract", "rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy", "alembic")


def start(*args: str, env: dict | None = None, code: str | None = None) -> subprocess.CompletedProcess:
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "desktop", *args]
    return subprocess.run(command, cwd=REPO, env=full, capture_output=True, text=True, encoding="utf-8",
                          timeout=180)


def test_exit_when_shown_opens_the_window_prints_nothing_and_exits_0(demo_db):
    done = start("--db", str(demo_db), "--exit-when-shown")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_a_missing_database_is_created_as_at_a_normal_start(tmp_path):
    from db.migrate import head_revision

    path = tmp_path / "new-office.sqlite3"
    done = start("--db", str(path), "--exit-when-shown")
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    conn.close()


def test_a_window_not_shown_in_time_is_exit_1_and_one_line(tmp_path):
    done = start("--db", str(tmp_path / "x.sqlite3"), "--exit-when-shown", env={"TDKT_SHOWN_TIMEOUT": "0"})
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "không hiện trong" in done.stderr


def test_a_start_imports_no_document_library_and_only_the_first_section(demo_db):
    code = ("import json, sys\nfrom desktop.cli import main\n"
            "code = main(['--db', sys.argv[1], '--exit-when-shown'])\n"
            "print(json.dumps(sorted(sys.modules)))\nsys.exit(code)\n")
    done = start(str(demo_db), code=code)
    assert done.returncode == 0, done.stderr
    modules = set(json.loads(done.stdout))
    assert not {m.split(".")[0] for m in modules} & set(HEAVY)
    assert "ui.documents.section" in modules  # Văn bản đi opens first
    others = {"ui.followup.section", "ui.recipients.section", "ui.movements.section", "ui.templates.section",
              "ui.reports.section", "ui.documents.editor", "ui.letters.preview"}
    assert not modules & others
