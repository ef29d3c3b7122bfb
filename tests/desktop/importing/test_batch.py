"""Importing a folder: a per-file report, one failure does not stop the rest."""
from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from db.models import IncomingDocument
from desktop.cli import main
from desktop.importing.batch import ATTENTION, FAILED, IMPORTED, import_folder
from desktop.core.jobs import CancelToken, Cancelled
from tests.conftest import shared_path


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "den"
    src.mkdir()
    shutil.copy(shared_path("seeds", "001_f7e0c988db89172b.txt"), src / "a-001.txt")
    shutil.copy(shared_path("seeds", "002_0ca1d96cab679b31.txt"), src / "b-002.txt")  # no issuer block
    (src / "c-hong.docx").write_bytes(b"broken")
    (src / "d-anh.png").write_bytes(b"\x89PNG")  # not a supported type: not listed
    (src / "~$a-001.docx").write_bytes(b"lock")
    return src


def test_report_per_file(folder):
    seen = []
    reports = import_folder(folder, progress=lambda f, m="": seen.append((f, m)))
    assert [(r.path.name, r.status) for r in reports] == [
        ("a-001.txt", IMPORTED), ("b-002.txt", ATTENTION), ("c-hong.docx", FAILED)]
    assert "cơ quan ban hành" in reports[1].message
    assert reports[2].result is None and "hỏng" in reports[2].message
    assert seen[0] == (0.0, "a-001.txt") and seen[-1][0] == 1.0


def test_cancel_stops_between_files(folder):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_folder(folder, cancel=token)


def test_cli_folder_saves_what_it_can(ctx, folder, capsys):
    code = main(["--db", str(ctx.db_path), "import", str(folder), "--save-as", "in"])
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert code == 1  # one file failed
    assert [line.split("\t")[:2] for line in lines] == [
        ["đã nhập", "a-001.txt"], ["lỗi", "b-002.txt"], ["lỗi", "c-hong.docx"]]
    assert lines[0].split("\t")[2].startswith("Đã lưu văn bản đến")
    assert "đã nhập: 1" in err
    with ctx.session() as s:
        assert s.scalar(select(func.count()).select_from(IncomingDocument)) == 1


def test_any_failure_of_a_file_is_reported_in_vietnamese_and_the_next_file_goes_on(ctx, folder, monkeypatch):
    """Not only a ValueError: a bug in a reader, or the database refusing a save, fails that
    one file with a reason the clerk can read; the other files are read and saved."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    import desktop.importing.parse as parse
    from desktop.core.jobs import write_here

    real_read = parse.read_dispatch

    def read(path, *, units=None, **options):  # options: ocr, cancel (a scan in the folder)
        if path.name == "b-002.txt":
            raise RuntimeError("a reader bug")
        return real_read(path, units=units, **options)

    monkeypatch.setattr(parse, "read_dispatch", read)
    shutil.copy(folder / "a-001.txt", folder / "a-002.txt")
    saves = []

    def write(call):
        saves.append(call)
        if len(saves) == 1:  # the first save meets a conflict that outlasted the retries
            raise OperationalError("INSERT INTO incoming_documents ...", {}, sqlite3.OperationalError("database is locked"))
        return write_here(call)

    reports = import_folder(folder, ctx=ctx, save_as="in", write=write)
    assert [(r.path.name, r.status) for r in reports] == [
        ("a-001.txt", FAILED), ("a-002.txt", IMPORTED), ("b-002.txt", FAILED), ("c-hong.docx", FAILED)]
    assert reports[0].message == ("Không lưu được tệp a-001.txt: cơ sở dữ liệu đang bận vì người khác đang ghi; "
                                  "hãy nhập lại tệp này sau.")
    assert reports[1].document_id is not None
    assert reports[2].message == "Không đọc được tệp b-002.txt: lỗi không mong đợi (RuntimeError)."
    assert "INSERT" not in " ".join(r.message for r in reports)
    assert len(saves) == 2  # every save went through `write`, one call per file read
    with ctx.session() as s:
        assert s.scalar(select(func.count()).select_from(IncomingDocument)) == 1
