"""The self-test's steps: plain functions over one work folder, run in order."""
from __future__ import annotations

import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Callable

# A letter made here (not read from a file: the bundle must not need the tests folder).
_LETTER = {
    "doc_type": "Công văn",
    "issuer": {"parent": "UBND TỈNH KIỂM THỬ", "name": "BAN THI ĐUA - KHEN THƯỞNG"},
    "number": 27, "symbol": "BTĐKT", "place": "Kiểm Thử", "date": "2026-01-06",
    "subject": "kiểm tra chương trình sau khi cài đặt",
    "recipients": ["Văn phòng Ban"],
    "body": [{"text": "Chương trình kiểm tra việc tạo văn bản, đọc lại và xuất báo cáo./."}],
    "distribution": ["Như trên", "Lưu: VT"],
    "signer": {"title_lines": ["TRƯỞNG BAN"], "name": "Nguyễn Văn An"},
}


class Work:
    """What the steps hand to one another."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.ctx = None
        self.pdf: Path | None = None
        self.page_png: Path | None = None


def step_database(work: Work) -> str:
    from db.migrate import head_revision
    from desktop.core.context import open_context, resolve_url
    from desktop.core.paths import data_dir

    path = data_dir() / "self-test.sqlite3"
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    work.ctx = open_context(resolve_url(path), must_exist=False)
    return f"{path} (phiên bản lược đồ {head_revision()})"


def step_letter(work: Work) -> str:
    from desktop.core.dispatch import Dispatch
    from desktop.letters.pdf import render_pdf

    data = render_pdf(Dispatch.from_json_dict(_LETTER))
    work.pdf = work.folder / "self-test.pdf"
    work.pdf.write_bytes(data)
    return f"{len(data):,} byte".replace(",", ".")


def step_raster(work: Work) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(work.pdf))
    try:
        image = pdf[0].render(scale=200 / 72).to_pil()
    finally:
        pdf.close()
    work.page_png = work.folder / "self-test-page1.png"
    image.save(work.page_png)
    return f"{image.width}×{image.height} điểm ảnh"


def step_ocr(work: Work) -> str:
    """The page image, as a scanned letter would arrive, read back by the importer's OCR."""
    from PIL import Image

    from desktop.importing import read_dispatch

    scan = work.folder / "self-test-scan.pdf"
    Image.open(work.page_png).convert("L").save(scan, "PDF", resolution=200)
    result = read_dispatch(scan, ocr="always")
    d = result.dispatch
    if (d.number, (d.symbol or "").replace(" ", "")) != (27, "BTĐKT"):
        raise RuntimeError(f"đọc được số {d.number!r}, ký hiệu {d.symbol!r} thay cho 27/BTĐKT")
    return f"đọc lại được số {d.number}/{d.symbol} từ ảnh trang"


def step_excel(work: Work) -> str:
    from openpyxl import load_workbook

    from desktop.reports.period import Period
    from desktop.reports.tasks_report import export_tasks

    target = work.folder / "self-test.xlsx"
    export_tasks(work.ctx, target, Period.year(date.today().year), date.today())
    book = load_workbook(target, read_only=True)
    sheets = len(book.sheetnames)
    book.close()
    if not sheets:
        raise RuntimeError("báo cáo không có trang nào")
    return f"{target.stat().st_size:,} byte".replace(",", ".")


STEPS: list[tuple[str, Callable[[Work], str]]] = [
    ("Cơ sở dữ liệu", step_database),
    ("Văn bản PDF", step_letter),
    ("Ảnh trang", step_raster),
    ("Nhận dạng chữ (OCR)", step_ocr),
    ("Báo cáo Excel", step_excel),
]


def run_self_test(out=None) -> int:
    """Run every step; 0 when all pass, 1 at the first failure."""
    from desktop.core.paths import data_dir

    out = out or sys.stdout
    log_dir = data_dir() / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []

    def say(line: str) -> None:
        lines.append(line)
        print(line, file=out, flush=True)

    code = 0
    with tempfile.TemporaryDirectory(prefix="tdkt-self-test-") as tmp:
        work = Work(Path(tmp))
        try:
            for name, step in STEPS:
                start = time.perf_counter()
                try:
                    detail = step(work)
                except Exception as exc:  # every failure is one line naming the step
                    say(f"LỖI {name}: {exc.__class__.__name__}: {exc}")
                    lines.append(traceback.format_exc())
                    code = 1
                    break
                say(f"OK  {name}: {detail} ({(time.perf_counter() - start) * 1000:.0f} ms)")
        finally:
            if work.ctx is not None:
                work.ctx.close()
    if code == 0:
        say("Tự kiểm tra: mọi bước đều đạt.")
    (log_dir / "self-test.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return code
