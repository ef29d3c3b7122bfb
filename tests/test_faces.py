"""Every feature package has a face: its __init__ says what the feature is and names its public modules
(PUBLIC) and names (__all__); code outside the feature imports only those, and a face costs nothing to
import (it names modules rather than importing them)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NAMES = ("documents", "followup", "importing", "incoming", "letters", "movements", "recipients", "reports", "templates",
         "tracking")
FEATURES = [f"{floor}.{name}" for floor in ("desktop", "ui") for name in NAMES
            if (REPO / floor / name / "__init__.py").exists()]


def face(package: str) -> tuple[str, set[str], set[str]]:
    """(docstring, PUBLIC modules, __all__ names) read from the package's __init__ without importing it."""
    tree = ast.parse((REPO / package.replace(".", "/") / "__init__.py").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {"PUBLIC": set(), "__all__": set()}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id in found:
            value = node.value
            if isinstance(value, ast.Call):  # __all__ = list(_NAMES)
                value = next(n.value for n in tree.body if isinstance(n, ast.Assign)
                             and getattr(n.targets[0], "id", "") == value.args[0].id)
            found[node.targets[0].id] = set(ast.literal_eval(value))
    return ast.get_docstring(tree) or "", found["PUBLIC"], found["__all__"]


def feature_of(module: str) -> str | None:
    return next((f for f in FEATURES if module == f or module.startswith(f + ".")), None)


@pytest.mark.parametrize("package", FEATURES)
def test_each_feature_says_what_it_is_and_names_its_public_modules(package):
    doc, public, _ = face(package)
    assert doc and "see docs" not in doc, f"{package}/__init__.py says nothing"
    assert public, f"{package} names no PUBLIC modules"
    folder = REPO / package.replace(".", "/")
    for name in public:
        assert (folder / f"{name}.py").exists(), f"{package}.PUBLIC names {name!r}, which does not exist"
        assert f"`{name}`" in doc, f"{package}'s docstring does not name its public module `{name}`"


def crossings(root: Path = REPO):
    """(importing module, imported module, imported name or None) for every import under `root`'s desktop/
    and ui/ that crosses into a feature from outside it; lazy imports inside functions included."""
    for floor in ("desktop", "ui"):
        for path in sorted((root / floor).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            me = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    pairs = [(a.name, None) for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    pairs = [(node.module, a.name) for a in node.names]
                else:
                    continue
                for module, name in pairs:
                    target = feature_of(module)
                    if target and target != feature_of(me):
                        yield me, module, name


def past_the_face(root: Path = REPO) -> list[str]:
    wrong = []
    for me, module, name in crossings(root):
        package = feature_of(module)
        _, public, names = face(package)
        rest = module[len(package) + 1:].split(".")[0] if module != package else None
        if not (rest in public if rest else (name in public or name in names)):
            wrong.append(f"{me} imports {module}" + (f" {name}" if name else ""))
    return sorted(set(wrong))


def test_code_outside_a_feature_imports_only_its_face():
    wrong = past_the_face()
    assert not wrong, "imports past a feature's face:\n" + "\n".join(wrong)


def test_the_check_sees_an_import_past_a_face(tmp_path):
    (tmp_path / "ui" / "reports").mkdir(parents=True)
    (tmp_path / "desktop").mkdir()
    (tmp_path / "ui" / "reports" / "x.py").write_text(
        "from desktop.documents.service import create_draft\n"  # public: fine
        "def f():\n    from desktop.documents.store import apply_input\n"  # inside only
        "    from ui.documents import editor_layout\n"  # inside only, named from the package
        "    from ui.reports import register_dialog\n", encoding="utf-8")  # its own feature: fine
    assert past_the_face(tmp_path) == ["ui.reports.x imports desktop.documents.store apply_input",
                                       "ui.reports.x imports ui.documents editor_layout"]


def test_faces_cost_nothing_to_import():
    code = ("import sys\n"
            f"features = {FEATURES!r}\n"
            "before = set(sys.modules)\n"
            "for f in features: __import__(f)\n"
            "loaded = [m for m in set(sys.modules) - before if any(m.startswith(f + '.') for f in features)]\n"
            "heavy = [m for m in ('sqlalchemy', 'PySide6', 'reportlab', 'docx') if m in sys.modules]\n"
            "print(sorted(loaded), heavy)\n"
            "sys.exit(1 if loaded or heavy else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
