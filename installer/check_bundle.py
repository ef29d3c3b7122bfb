"""Build the PyInstaller bundle for this platform, run it with --self-test and --smoke offscreen on a fresh
data folder, and compile the NSIS script against it (makensis, Debian's `nsis`), warnings as errors.
Prints the bundle size and its five largest parts. CI runs it through tests/installer/test_bundle.py.

    python installer/check_bundle.py [OUT_DIR]        # default build/bundle-check
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_MB = 250


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(bundle: Path, count: int = 5) -> list[tuple[str, int]]:
    """The largest entries two levels down (Qt is one package but its libraries are what weighs)."""
    entries = []
    internal = bundle / "_internal"
    for child in internal.iterdir():
        if child.is_symlink():
            continue  # PyInstaller links a library to its one copy; count that copy only
        if child.is_dir() and size_of(child) > 40 * 2**20:
            entries += [(str(c.relative_to(internal)), size_of(c)) for c in child.rglob("*")
                        if c.is_file() and not c.is_symlink()]
        else:
            entries.append((child.name, size_of(child)))
    return sorted(entries, key=lambda e: -e[1])[:count]


def main(argv: list[str]) -> int:
    from desktop import __version__

    out = (ROOT / argv[0]) if argv else ROOT / "build" / "bundle-check"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run([sys.executable, "installer/prepare.py"], env=env)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "--distpath", str(out / "dist"),
         "--workpath", str(out / "work"), "installer/tdkt-desk.spec"], env=env)
    bundle = out / "dist" / "tdkt-desk"
    exe = bundle / ("TDKT-Desk.exe" if sys.platform == "win32" else "TDKT-Desk")
    with tempfile.TemporaryDirectory(prefix="tdkt-bundle-data-") as data:
        fresh = {**env, "TDKT_DATA_DIR": data}
        fresh.pop("TDKT_DATABASE_URL", None)
        run([str(exe), "--self-test"], env=fresh)
        run([str(exe), "--smoke"], env=fresh)
    total = size_of(bundle)
    print(f"bundle: {total / 2**20:.0f} MB unpacked (limit {LIMIT_MB} MB)")
    for name, size in largest_parts(bundle):
        print(f"  {size / 2**20:6.1f} MB  {name}")
    makensis = shutil.which("makensis")
    if makensis is None:
        print("makensis not found (Debian: apt-get install nsis)", file=sys.stderr)
        return 1
    run([makensis, "-V2", "-WX", "-DFAST", f"-DBUNDLE={bundle}", f"-DVERSION={__version__}", f"-DOUTDIR={out}",
         "installer/tdkt-desk.nsi"])
    setup = out / f"TDKT-Desk-Setup-{__version__}.exe"
    print(f"installer: {setup.name} compiled ({size_of(setup) / 2**20:.0f} MB uncompressed check build)")
    if total > LIMIT_MB * 2**20:
        print(f"bundle is {total / 2**20:.0f} MB, over the {LIMIT_MB} MB limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
