"""Make what the bundle needs that is not committed: the Windows icon, the version resource and the
compiled Vietnamese translation of Qt's strings. Run from the repository root before PyInstaller:

    python installer/prepare.py            # writes build/app.ico, build/version_info.txt, build/translations/*.qm
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
sys.path.insert(0, str(ROOT))


def version() -> str:
    from desktop import __version__

    return __version__


def make_icon() -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (keeps Qt's GUI state alive)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    target = BUILD / "app.ico"
    Image.open(io.BytesIO(bytes(data))).save(target, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    return target


def make_version_info() -> Path:
    parts = (version().split(".") + ["0", "0", "0"])[:4]
    numbers = ", ".join(str(int(p)) for p in parts)
    dotted = ".".join(parts)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({numbers}), prodvers=({numbers}), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('042A04B0', [
      StringStruct('CompanyName', 'TDKT'),
      StringStruct('FileDescription', 'TĐKT Desk - công văn, sổ đăng ký, theo dõi nhiệm vụ'),
      StringStruct('FileVersion', '{dotted}'),
      StringStruct('InternalName', 'TDKT-Desk'),
      StringStruct('OriginalFilename', 'TDKT-Desk.exe'),
      StringStruct('ProductName', 'TĐKT Desk'),
      StringStruct('ProductVersion', '{dotted}')])]),
    VarFileInfo([VarStruct('Translation', [0x042A, 1200])])
  ]
)
"""
    target = BUILD / "version_info.txt"
    target.write_text(text, encoding="utf-8")
    return target


def compile_translations() -> list[Path]:
    """resources/translations/*.ts -> build/translations/*.qm with pyside6-lrelease (part of PySide6)."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    out = BUILD / "translations"
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in sources:
        qm = out / (ts.stem + ".qm")
        lrelease = Path(sys.executable).with_name("pyside6-lrelease" + (".exe" if sys.platform == "win32" else ""))
        subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        made.append(qm)
    return made


def main() -> int:
    BUILD.mkdir(exist_ok=True)
    print(f"icon: {make_icon()}")
    print(f"version {version()}: {make_version_info()}")
    for qm in compile_translations():
        print(f"translation: {qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
