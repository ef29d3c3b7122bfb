"""The Windows workflow cannot run here: check that it is well-formed and that every file it names exists."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps() -> list[dict]:
    return _workflow()["jobs"]["installer"]["steps"]


def test_the_workflow_runs_on_windows_with_python_312_or_later():
    job = _workflow()["jobs"]["installer"]
    assert job["runs-on"].startswith("windows")
    python = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    major, minor = (int(x) for x in str(python["with"]["python-version"]).split(".")[:2])
    assert (major, minor) >= (3, 12)


def test_every_script_and_file_the_workflow_names_exists():
    named = set()
    for step in _steps():
        for path in re.findall(r"(?:installer|resources|desktop)[\\/][\w./\\-]+\.(?:ps1|py|nsi|spec)", step.get("run", "")):
            named.add(path.replace("\\", "/"))
    assert {"installer/build.ps1", "installer/windows-self-test.ps1"} <= named
    for path in named:
        assert (ROOT / path).is_file(), path
    build = (ROOT / "installer" / "build.ps1").read_text(encoding="utf-8")
    for path in re.findall(r"installer\\[\w.-]+\.(?:py|nsi|spec)", build):
        assert (ROOT / path.replace("\\", "/")).is_file(), path


def test_the_workflow_builds_installs_self_tests_and_uploads_the_installer():
    runs = "\n".join(s.get("run", "") for s in _steps())
    assert "build.ps1" in runs and "/S" in runs and "windows-self-test.ps1" in runs
    upload = next(s for s in _steps() if s.get("uses", "").startswith("actions/upload-artifact"))
    assert "TDKT-Desk-Setup-" in upload["with"]["path"]
    self_test = (ROOT / "installer" / "windows-self-test.ps1").read_text(encoding="utf-8")
    assert "--self-test" in self_test and "TDKT_DATA_DIR" in self_test


def test_the_nsis_script_takes_bundle_and_version_and_names_the_setup_file():
    nsi = (ROOT / "installer" / "tdkt-desk.nsi").read_text(encoding="utf-8")
    assert "Unicode true" in nsi
    assert '!ifndef BUNDLE' in nsi and '!ifndef VERSION' in nsi
    assert 'OutFile "${OUTDIR}/TDKT-Desk-Setup-${VERSION}.exe"' in nsi
    for language in ("Vietnamese", "English"):
        assert f'!insertmacro MUI_LANGUAGE "{language}"' in nsi
    for value in ("DisplayVersion", "Publisher", "EstimatedSize", "UninstallString"):
        assert f'"{value}"' in nsi
    assert "MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER" in nsi
    assert re.search(r'Section /o "un\.', nsi), "user data removal must be opt-in"
