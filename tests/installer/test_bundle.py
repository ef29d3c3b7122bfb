"""The PyInstaller bundle of this platform: built, run with --self-test and --smoke on a fresh data folder,
and the NSIS script compiled against it (installer/check_bundle.py). A few minutes: runs in CI (CI=true)
or with TDKT_TEST_BUNDLE=1; developers skip it with `-m "not bundle"` or by leaving both unset."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.bundle


@pytest.mark.skipif(not (os.environ.get("CI") or os.environ.get("TDKT_TEST_BUNDLE")),
                    reason="builds the whole bundle (minutes): set TDKT_TEST_BUNDLE=1 (CI sets CI=true)")
def test_the_bundle_self_tests_and_the_installer_script_compiles(tmp_path):
    if shutil.which("makensis") is None:
        pytest.skip("makensis is not installed (Debian: nsis; .ci/run installs it)")
    out = tmp_path / "bundle"
    proc = subprocess.run([sys.executable, "installer/check_bundle.py", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1800)
    print(proc.stdout[-4000:])
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "OK  Cơ sở dữ liệu" in proc.stdout and "mọi bước đều đạt" in proc.stdout
    assert "bundle:" in proc.stdout and "installer: TDKT-Desk-Setup-" in proc.stdout
    assert (out / "dist" / "tdkt-desk" / "_internal" / "db" / "migrations" / "versions").is_dir()
