"""The floors import one way only: ui -> desktop -> db. Walks every module's imports."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The composition root may reach up into ui, lazily, in this one module.
ALLOWED_UPWARD = {"desktop/gui_launch.py": {"ui.app"}}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("path", modules("db"), ids=lambda p: str(p.relative_to(REPO)))
def test_db_imports_nothing_above_it(path):
    bad = {n for n in imports_of(path) if top(n) in {"desktop", "ui", "PySide6", "shiboken6"}}
    assert not bad, f"{path.relative_to(REPO)} imports {sorted(bad)}"


@pytest.mark.parametrize("path", modules("desktop"), ids=lambda p: str(p.relative_to(REPO)))
def test_desktop_never_imports_qt_or_ui(path):
    rel = str(path.relative_to(REPO))
    allowed = ALLOWED_UPWARD.get(rel, set())
    bad = {n for n in imports_of(path) if top(n) in {"ui", "PySide6", "shiboken6"} and n not in allowed}
    assert not bad, f"{rel} imports {sorted(bad)}"


@pytest.mark.parametrize("path", modules("ui"), ids=lambda p: str(p.relative_to(REPO)))
def test_ui_never_reaches_the_database_directly(path):
    bad = {n for n in imports_of(path) if top(n) in {"db", "sqlalchemy", "alembic"}}
    assert not bad, f"{path.relative_to(REPO)} imports {sorted(bad)}"


def test_the_walk_would_catch_an_upward_edge(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert "PySide6.QtWidgets" in imports_of(sample)


def test_core_modules_import_without_qt():
    import subprocess
    import sys

    code = (
        "import sys, desktop.cli, desktop.demo.office, desktop.core.context, desktop.core.listing, desktop.core.browse;"
        "desktop.cli.build_parser();"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','ui')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
