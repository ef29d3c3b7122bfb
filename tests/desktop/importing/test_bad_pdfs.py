"""Bad PDFs stay safe: too many pages, images too large to decode, a password, an oversized page.
Each gets one clear Vietnamese message and nothing is stored; the limits (desktop.importing.limits)
are generous and catch a runaway, not a normal file."""
from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, IncomingDocument, Task
from desktop.cli import main
from desktop.importing import ImportFileError, limits, read_dispatch
from desktop.importing.pdf_text import EncryptedPdfError


def _blank_pages(path: Path, count: int) -> Path:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(595, 842).close()
    pdf.save(str(path))
    pdf.close()
    return path


def _pdf_with_image(path: Path, width: int, height: int, page: tuple[float, float] = (595, 842)) -> Path:
    """A one-page PDF drawing one grey image of width x height pixels; its data is a few zero
    rows (enough to be a valid stream, never enough to fill it: decoding it would be the cost)."""
    data = zlib.compress(b"\xff" * min(width * 4, 1 << 16))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page[0]} {page[1]}] "
         f"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>").encode(),
        (f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
         f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>\nstream\n").encode() + data
        + b"\nendstream",
    ]
    content = f"q {page[0]} 0 0 {page[1]} 0 0 cm /Im1 Do Q".encode()
    objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def _encrypted(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt="mat-khau")
    c.drawString(72, 720, "So: 12/UBND-VP")
    c.save()
    return path


def test_a_thousand_pages_are_refused_before_reading(tmp_path):
    path = _blank_pages(tmp_path / "nghin-trang.pdf", 1000)
    with pytest.raises(ImportFileError) as info:
        read_dispatch(path)
    message = str(info.value)
    assert "1000 trang" in message and f"giới hạn {limits.MAX_PDF_PAGES} trang" in message


def test_a_huge_image_is_refused_without_decoding_it(tmp_path):
    path = _pdf_with_image(tmp_path / "anh-lon.pdf", 30_000, 30_000)  # 900 Mpx: ~0.9 GB to decode
    with pytest.raises(ImportFileError, match="ảnh quá lớn") as info:
        read_dispatch(path)
    assert "900 triệu điểm ảnh" in str(info.value)


def test_an_oversized_page_is_rendered_within_the_pixel_limit(tmp_path, monkeypatch):
    import pypdfium2 as pdfium

    from desktop.importing import raster

    path = _pdf_with_image(tmp_path / "trang-lon.pdf", 200, 200, page=(14_000, 14_000))  # ~5 m a side
    pdf = pdfium.PdfDocument(str(path))
    try:
        image, scale = raster.render_page(pdf, 0, limits.OCR_DPI)
    finally:
        pdf.close()
    assert image.width * image.height <= limits.MAX_RENDER_PIXELS * 1.01
    assert scale < limits.OCR_DPI / 72


def test_a_password_protected_pdf_has_its_own_message(tmp_path):
    with pytest.raises(EncryptedPdfError, match="đặt mật khẩu") as info:
        read_dispatch(_encrypted(tmp_path / "mat.pdf"))
    assert "hỏng" not in str(info.value)


def test_the_limits_are_read_when_used(tmp_path, monkeypatch):
    """A setting may lower a limit at run time (the registry repoints these names)."""
    path = _blank_pages(tmp_path / "ba-trang.pdf", 3)
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 2)
    with pytest.raises(ImportFileError, match="giới hạn 2 trang"):
        read_dispatch(path)


def _count(ctx, model) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("make,needle", [
    (lambda p: _blank_pages(p, 1000), "giới hạn"),
    (lambda p: _pdf_with_image(p, 30_000, 30_000), "ảnh quá lớn"),
    (_encrypted, "mật khẩu"),
])
def test_nothing_is_stored(ctx, tmp_path, capsys, make, needle):
    path = make(tmp_path / "xau.pdf")
    code = main(["--db", str(ctx.db_path), "import", str(path), "--save-as", "in"])
    err = capsys.readouterr().err
    assert code == 2
    assert needle in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _count(ctx, IncomingDocument) == 0 and _count(ctx, Task) == 0 and _count(ctx, AuditEntry) == 0
