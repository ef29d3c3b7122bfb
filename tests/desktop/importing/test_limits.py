"""Limits on what is imported: a DOCX ZIP bomb is refused from its directory (never inflated), a 30 MB .txt
is refused before it is read, a 1,000-page PDF before any page is read; a slow file stops at the time
budget and any read can be cancelled. Each gives "Tệp quá lớn…" / "Tệp có quá nhiều trang…" with the
limit, memory stays small, and nothing is saved; the limits are the office's settings."""
from __future__ import annotations

import tracemalloc
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import IncomingDocument
from desktop.cli import main
from desktop.core.jobs import CancelToken, Cancelled
from desktop.core.limits import MB, Limits
from desktop.importing.batch import FAILED, IMPORTED, import_folder
from desktop.importing.errors import ImportFileError, ImportLimitError
from desktop.importing.parse import read_dispatch
from tests.desktop.importing.test_robustness import BASE


def zip_bomb(path: Path, inflated_mb: int) -> Path:
    """A .docx whose document part inflates to `inflated_mb` MB of spaces (written in 1 MB pieces)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            piece = b" " * MB
            for _ in range(inflated_mb):
                part.write(piece)
    return path


def many_pages_pdf(path: Path, pages: int) -> Path:
    """A valid PDF of `pages` pages sharing one content stream (written by hand: fast at any size)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Trang) Tj ET\nendstream"]
    first = len(objects) + 1
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>")
    kids = b" ".join(b"%d 0 R" % n for n in range(first, first + pages))
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _refused(path: Path, **kwargs) -> str:
    """The message of reading `path`, with the peak of Python's memory while it was refused."""
    tracemalloc.start()
    try:
        with pytest.raises(ImportLimitError) as caught:
            read_dispatch(path, **kwargs)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * MB, f"{peak // MB} MB to refuse {path.name}"
    return str(caught.value)


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path):
    bomb = zip_bomb(tmp_path / "bom.docx", 300)
    assert bomb.stat().st_size < MB  # 300 MB of text in a few hundred KB
    assert _refused(bomb) == ("Tệp quá lớn: «bom.docx» khi giải nén nặng 300 MB, giới hạn là 100 MB. "
                              "Hãy lưu lại tệp không kèm hình ảnh lớn rồi nhập.")
    small = zip_bomb(tmp_path / "nen.docx", 30)  # under the size limit, but 1:1000 compressed
    assert "bị nén bất thường" in _refused(small) and "giới hạn là 100 lần" in _refused(small)


def test_a_30_mb_text_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "lon.txt"
    with open(big, "wb") as handle:
        for _ in range(30):
            handle.write(BASE.encode("utf-8") * (MB // len(BASE.encode("utf-8"))))
    assert _refused(big).startswith("Tệp quá lớn: «lon.txt» nặng 30 MB, giới hạn là 20 MB.")
    # with a higher size limit it is still refused before decoding: more characters than the text limit
    roomy = replace(Limits.defaults(), file_mb=40)
    assert _refused(big, limits=roomy).startswith("Tệp quá lớn: «lon.txt» có ít nhất 7.8")


def test_a_thousand_page_pdf_is_refused_before_any_page_is_read(tmp_path, monkeypatch):
    import desktop.importing.pdf_text as pdf_text

    pdf = many_pages_pdf(tmp_path / "day.pdf", 1000)
    monkeypatch.setattr(pdf_text, "page_text", lambda *a, **k: pytest.fail("a page was read"))
    assert _refused(pdf) == ("Tệp có quá nhiều trang: «day.pdf» có 1.000 trang, giới hạn là 500 trang. "
                             "Hãy tách phần công văn (thường là vài trang đầu) ra một tệp riêng rồi nhập.")


def test_a_slow_file_stops_at_the_time_budget(tmp_path, monkeypatch):
    import desktop.core.limits as limits

    import docx

    document = docx.Document()
    for n in range(1000):
        document.add_paragraph(f"{n}. Các đơn vị báo cáo kết quả thi đua.")
    document.save(tmp_path / "cham.docx")
    ticks = iter(range(0, 10**9, 50))  # each look at the clock: 50 more seconds
    monkeypatch.setattr(limits, "_clock", lambda: next(ticks))
    assert _refused(tmp_path / "cham.docx").startswith("Đọc tệp «cham.docx» quá 120 giây nên đã dừng")


def test_a_read_can_be_cancelled(tmp_path):
    token = CancelToken()
    token.cancel()
    pdf = many_pages_pdf(tmp_path / "huy.pdf", 3)
    with pytest.raises(Cancelled):
        read_dispatch(pdf, cancel=token)
    letter = tmp_path / "cv.txt"
    letter.write_text(BASE, encoding="utf-8")
    with pytest.raises(Cancelled):
        read_dispatch(letter, cancel=token)


def test_nothing_is_saved_and_the_folder_goes_on(ctx, tmp_path, capsys):
    from tests.desktop.documents.conftest import make_setup

    make_setup(ctx)
    folder = tmp_path / "den"
    folder.mkdir()
    zip_bomb(folder / "a-bom.docx", 150)
    (folder / "b-cv.txt").write_text(BASE, encoding="utf-8")
    reports = import_folder(folder, ctx=ctx, save_as="in")
    assert [(r.path.name, r.status) for r in reports] == [("a-bom.docx", FAILED), ("b-cv.txt", IMPORTED)]
    assert reports[0].message.startswith("Tệp quá lớn: «a-bom.docx» khi giải nén")
    with ctx.session() as s:
        before = s.scalar(select(func.count()).select_from(IncomingDocument))
    assert main(["import", str(folder / "a-bom.docx"), "--save-as", "in", "--db", str(ctx.db_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Tệp quá lớn: «a-bom.docx»") and err.count("\n") == 1
    with ctx.session() as s:
        assert s.scalar(select(func.count()).select_from(IncomingDocument)) == before


def test_the_limits_are_the_offices_settings(ctx, tmp_path):
    from desktop.core.settings.office_store import save_office_value
    from desktop.importing.review import read_with_units

    letter = tmp_path / "cv.txt"
    letter.write_bytes(BASE.encode("utf-8") * (2 * MB // len(BASE.encode("utf-8")) + 1))
    save_office_value(ctx, "limits/file_mb", 1, ctx.user)
    assert Limits.read(ctx).file_mb == 1
    with pytest.raises(ImportLimitError, match="giới hạn là 1 MB"):
        read_with_units(ctx, letter)
    with pytest.raises(ValueError, match="limits.file_mb"):
        save_office_value(ctx, "limits/file_mb", 0, ctx.user)
    assert issubclass(ImportLimitError, ImportFileError)


def test_a_directory_workbook_bomb_is_refused(ctx, tmp_path):
    from desktop.recipients.directory import DirectoryError
    from desktop.recipients.excel_import import import_directory

    bomb = tmp_path / "danh-ba.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for _ in range(120):
                part.write(b" " * MB)
    with pytest.raises(DirectoryError, match="Tệp quá lớn: «danh-ba.xlsx» khi giải nén"):
        import_directory(ctx, bomb, ctx.user)
