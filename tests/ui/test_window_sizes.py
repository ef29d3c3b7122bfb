"""Fits the screen: every window and dialog opens inside a 1366×768 screen at 125 % (1093×614 logical
pixels less a 40-pixel taskbar), leaves room for a title bar, and remembers its size."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSize

from tests.conftest import REPO

PROBE = REPO / "tests" / "ui" / "fit_probe.py"
SCREEN = (1093, 614 - 40)  # logical pixels available on the office laptop
TITLE_BAR = 32
EXPECTED = {"MainWindow", "EditorWindow", "PreviewDialog", "DetailDialog", "DirectoryPicker", "IssueDialog",
            "ProposeDialog", "AddTaskDialog", "ProgressDialog", "DeadlineDialog", "MovementDialog",
            "TemplateFillDialog", "TemplateEditorDialog", "RegisterDialog", "ImportWindow", "BatchDialog",
            "CalendarDialog", "LetterSettingsDialog", "UnitDialog", "MergeDialog",
            "GroupsDialog", "ClustersDialog", "ImportPreviewDialog", "ExportDialog", "QDialog: Hướng dẫn công việc hằng ngày",
            "QDialog: Phím tắt", "QDialog: Thông tin", "ResponseWindow", "WaitingWindow", "IncomingEditor"}


@pytest.fixture(scope="module")
def windows(tmp_path_factory, _demo_db_template):
    tmp = tmp_path_factory.mktemp("screen")
    config = tmp / "screen.json"
    config.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": True, "screens": [
        {"name": "office", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1], "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    db = tmp / "demo.sqlite3"
    db.write_bytes(_demo_db_template.read_bytes())
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "TDKT_DATA_DIR": str(tmp)}
    done = subprocess.run([sys.executable, str(PROBE), str(db)], cwd=REPO, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_window_was_opened(windows):
    names = {w["name"] if w["name"].startswith("QDialog") else w["name"].split(":")[0] for w in windows}
    assert EXPECTED <= names, EXPECTED - names


def test_every_window_fits_the_office_laptop_screen(windows):
    for w in windows:
        x, y, width, height = w["frame"]
        ax, ay, aw, ah = w["area"]
        assert (aw, ah) == SCREEN
        assert ax <= x and ay <= y and x + width <= ax + aw and y + height <= ay + ah, w
        assert w["size"][1] + TITLE_BAR <= ah, f"no room for a title bar: {w}"


def test_every_toolbar_shows_all_its_buttons(windows):
    assert not [w["name"] for w in windows if w["hidden_tools"]]


def test_every_date_field_shows_dd_mm_yyyy(windows):
    formats = {f for w in windows for f in w["date_formats"]}
    assert formats == {"dd/MM/yyyy"}


def test_a_dialog_remembers_its_size_and_never_opens_larger_than_the_screen(qtbot, qapp):
    from PySide6.QtWidgets import QDialog

    from ui.common.window_size import fit_window, largest_size

    first = QDialog()
    qtbot.addWidget(first)
    fit_window(first, "detail", 400, 300)
    assert first.size() == QSize(400, 300)
    first.show()
    first.resize(520, 330)
    first.close()
    second = QDialog()
    qtbot.addWidget(second)
    fit_window(second, "detail", 400, 300)
    assert second.size() == QSize(520, 330)
    huge = QDialog()
    qtbot.addWidget(huge)
    fit_window(huge, "preview", 3000, 2000)
    assert huge.size() == largest_size(huge) and huge.width() < 3000


def _literal_sizes(path):
    """(call, numbers) for setFixedSize/setMinimumSize/resize/... calls with literal arguments."""
    names = {"setFixedSize", "setMinimumSize", "setFixedWidth", "setMinimumWidth", "setFixedHeight",
             "setMinimumHeight", "resize", "fit_window"}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in names:
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            numbers = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, int)]
            yield name, numbers


def test_no_window_asks_for_more_than_the_screen_in_its_code():
    """Preferred sizes may exceed the screen (fit_window bounds them); fixed, minimum and plain sizes may not."""
    too_big = []
    for path in (REPO / "ui").rglob("*.py"):
        for name, numbers in _literal_sizes(path):
            if name == "fit_window":
                continue
            if name in ("resize", "setFixedSize", "setMinimumSize"):
                limits = (SCREEN[0], SCREEN[1] - TITLE_BAR)
            else:
                limits = (SCREEN[1] - TITLE_BAR,) if "Height" in name else (SCREEN[0],)
            if any(n > limit for n, limit in zip(numbers, limits)):
                too_big.append((str(path.relative_to(REPO)), name, numbers))
    assert not too_big


def test_every_remembered_window_size_is_a_declared_user_setting():
    """fit_window's keys are settings of the registry (store USER): a typo fails here, not in an office."""
    from desktop.core.settings import USER, option

    keys = set()
    for path in (REPO / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "fit_window":
                key = node.args[1]
                if isinstance(key, ast.Constant):
                    keys.add(key.value)
                elif isinstance(key, ast.JoinedStr):  # f"help-{key}" in ui/help/windows.py
                    keys.update(f"help-{k}" for k in ("guide", "shortcuts", "about"))
    assert len(keys) >= 25
    for key in keys:
        assert option(f"windows/{key}", USER).type is str
