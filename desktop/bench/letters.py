"""Benchmarks of the letter renderer (registered in desktop.bench.BENCHMARKS)."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "data" / "dispatches" / "cong_van_phong_trao.json"


def three_page_dispatch():
    """The long fixture with its items repeated until the letter runs to three pages."""
    from copy import deepcopy

    from desktop.core.dispatch import Dispatch, Paragraph

    if not FIXTURE.exists():  # an installed copy without tests/: a synthetic letter of the same size
        return _synthetic()
    d = Dispatch.from_json(FIXTURE.read_text(encoding="utf-8"))
    extra = [deepcopy(p) for p in d.body[2:7]]
    for i, p in enumerate(extra):
        extra[i] = Paragraph(text=p.text, label=str(6 + i))
    d.body = d.body[:-1] + extra + d.body[-1:]
    return d


def _synthetic():
    from desktop.core.dispatch import Dispatch, Issuer, Paragraph, SignerBlock

    sentence = ("Các cơ quan, đơn vị rà soát chỉ tiêu thi đua, bổ sung giải pháp cho những nội dung chậm tiến độ "
                "và báo cáo kết quả về Ban Thi đua - Khen thưởng tỉnh đúng thời hạn quy định. ")
    body = [Paragraph(sentence * 3, label=str(i)) for i in range(1, 15)] + [Paragraph("Đề nghị thực hiện.")]
    return Dispatch(issuer=Issuer(name="ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG"), number=2457, symbol="UBND-NC",
                    place="Đắk Nông", subject="thực hiện các phong trào thi đua", body=body,
                    recipients=["Các Sở, Ban, ngành", "UBND các huyện"], distribution=["Như trên", "Lưu: VT, NC"],
                    signer=SignerBlock(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn A"))


def bench_render(workdir: Path) -> list[tuple[str, float]]:
    from desktop.letters.docx import render_docx
    from desktop.letters.pdf import render_pdf

    d = three_page_dispatch()
    render_pdf(d)  # warm up: imports, font registration
    runs = []
    for _ in range(10):
        start = time.perf_counter()
        render_pdf(d)
        runs.append(time.perf_counter() - start)
    render_docx(d)
    start = time.perf_counter()
    render_docx(d)
    docx_time = time.perf_counter() - start
    code = ("import time; t=time.perf_counter(); from desktop.bench.letters import three_page_dispatch; "
            "from desktop.letters.pdf import render_pdf; render_pdf(three_page_dispatch()); "
            "print(time.perf_counter()-t)")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    return [
        ("letters: PDF 3 trang, lần sau (trung vị của 10, mục tiêu < 50 ms)", sorted(runs)[len(runs) // 2]),
        ("letters: PDF lần đầu trong tiến trình mới (import + font)", float(out.stdout.strip().splitlines()[-1])),
        ("letters: DOCX 3 trang, lần sau", docx_time),
    ]
