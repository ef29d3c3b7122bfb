"""`python -m desktop import` and saving an imported dispatch."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from sqlalchemy import func, select

from db.models import (
    AuditEntry,
    DocumentRecipient,
    DocumentReference,
    IncomingDocument,
    OutgoingDocument,
    Register,
    RegisterEntry,
    Task,
    Unit,
)
from desktop.cli import main
from desktop.importing import read_dispatch
from desktop.importing.save import ImportSaveError, save_import
from tests.conftest import REPO, shared_path

SEED = "001_f7e0c988db89172b.txt"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8")


def test_json_output_equals_read_dispatch():
    path = shared_path("seeds", SEED)
    proc = _run("import", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data == read_dispatch(path).to_json_dict()
    assert {k: v for k, v in data.items() if k not in ("source", "confidence")} == \
        read_dispatch(path).dispatch.to_json_dict()  # the dispatch shape is unchanged
    assert (data["source"], data["confidence"]) == ("text", None)
    assert "ĐẮK NÔNG" in proc.stdout  # ensure_ascii off: the letters as they are


def test_unsupported_file_one_line_on_stderr(tmp_path):
    bad = tmp_path / "a.xls"
    bad.write_bytes(b"x")
    proc = _run("import", str(bad), "--json")
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def _count(ctx, model) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_bad_file_stores_nothing(ctx, tmp_path, capsys):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a docx")
    code = main(["--db", str(ctx.db_path), "import", str(bad), "--save-as", "in"])
    assert code != 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert _count(ctx, IncomingDocument) == 0 and _count(ctx, Task) == 0 and _count(ctx, AuditEntry) == 0


def _units(ctx) -> dict[str, int]:
    with ctx.write_session() as s:
        s.add_all([Unit(name="Sở Nội vụ", kind="department"), Unit(name="Sở Kế hoạch và Đầu tư", kind="department")])
        s.commit()
        return {u.name: u.id for u in s.scalars(select(Unit))}


def test_save_incoming_with_tasks_and_arrival_number(ctx, capsys):
    units = _units(ctx)
    with ctx.write_session() as s:
        s.add(Register(code="VB-DEN", name="Sổ văn bản đến", direction="in"))
        s.commit()
    path = shared_path("seeds", SEED)
    assert main(["--db", str(ctx.db_path), "import", str(path), "--save-as", "in"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("Đã lưu văn bản đến (id 1, ") and "nhiệm vụ" in out
    with ctx.session() as s:
        doc = s.scalars(select(IncomingDocument)).one()
        assert (doc.number, doc.symbol, doc.date) == ("2457", "UBND-NC", date(2018, 5, 25))
        assert doc.arrival_number == 1 and doc.source_file.endswith(SEED)
        assert doc.signer_name == "Nguyễn Bốn"
        tasks = s.scalars(select(Task).order_by(Task.id)).all()
        assert out.endswith(f"{len(tasks)} nhiệm vụ, số đến 1)")
        by_label = {t.item_label: t for t in tasks}
        assert by_label["5.4"].assignee_text == "Sở Nội vụ"
        assert by_label["5.4"].assignee_unit_id == units["Sở Nội vụ"]
        assert by_label["5.4"].deadline == date(2019, 1, 31)
        assert by_label["5.2"].assignee_unit_id == units["Sở Kế hoạch và Đầu tư"]
        assert by_label["5.2"].deadline_text == "trong Quý III/2018"
        assert all(t.incoming_id == doc.id and t.outgoing_id is None for t in tasks)
        refs = s.scalars(select(DocumentReference).order_by(DocumentReference.position)).all()
        assert [(r.ref_number, r.ref_symbol) for r in refs][:2] == [("2034", "QĐ-UBND"), ("536", "KH-UBND")]
        assert s.scalars(select(AuditEntry)).one().action == "import"
        assert doc.file_sha256 and doc.file_name == SEED  # the original is kept as an attachment
    # the same letter again is refused: one line on stderr, exit 2, nothing written
    before = (_count(ctx, IncomingDocument), _count(ctx, Task), _count(ctx, AuditEntry), _count(ctx, RegisterEntry))
    capsys.readouterr()
    assert main(["--db", str(ctx.db_path), "import", str(path), "--save-as", "in"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1
    assert "đã được vào sổ" in captured.err and "số đến 1" in captured.err
    after = (_count(ctx, IncomingDocument), _count(ctx, Task), _count(ctx, AuditEntry), _count(ctx, RegisterEntry))
    assert after == before


def test_the_same_letter_typed_into_another_file_is_refused_too(ctx, tmp_path, capsys):
    """Not the same file (another checksum), but the same issuer, number, symbol and date."""
    with ctx.write_session() as s:
        s.add(Register(code="VB-DEN", name="Sổ văn bản đến", direction="in"))
        s.commit()
    path = shared_path("seeds", SEED)
    copy = tmp_path / "copy.txt"
    copy.write_text(path.read_text(encoding="utf-8") + "\n(bản chụp lại)\n", encoding="utf-8")
    assert main(["--db", str(ctx.db_path), "import", str(path), "--save-as", "in"]) == 0
    assert main(["--db", str(ctx.db_path), "import", str(copy), "--save-as", "in"]) == 2
    assert "cùng cơ quan ban hành, số, ký hiệu và ngày" in capsys.readouterr().err
    assert _count(ctx, IncomingDocument) == 1


def test_save_outgoing_registers_the_number_once(ctx):
    with ctx.write_session() as s:
        s.add(Register(code="CV-DI", name="Sổ công văn đi", direction="out"))
        s.commit()
    result = read_dispatch(shared_path("seeds", SEED))
    outcome = save_import(ctx, result, "out")
    assert outcome.direction == "out" and outcome.register_number == 2457 and outcome.changes.outgoing
    with ctx.session() as s:
        doc = s.get(OutgoingDocument, outcome.document_id)
        assert (doc.status, doc.number, doc.year) == ("issued", 2457, 2018)
        entry = s.scalars(select(RegisterEntry)).one()
        assert (entry.number, entry.year, entry.outgoing_id) == (2457, 2018, doc.id)
        rows = s.scalars(select(DocumentRecipient).order_by(DocumentRecipient.role, DocumentRecipient.position)).all()
        recipients = [r.text for r in rows if r.role == "recipient"]
        distribution = [(r.text, r.purpose) for r in rows if r.role == "distribution"]
        assert recipients == result.dispatch.recipients
        assert distribution[1] == ("Ban TĐKT Trung ương", "(b/c)")
        assert distribution[-1] == ("Lưu: VT, NC-Ph", None)
        assert doc.body.splitlines()[2].startswith("1. ")
    before = (_count(ctx, OutgoingDocument), _count(ctx, Task), _count(ctx, AuditEntry))
    with pytest.raises(ImportSaveError, match="đã có"):
        save_import(ctx, result, "out")
    assert (_count(ctx, OutgoingDocument), _count(ctx, Task), _count(ctx, AuditEntry)) == before


def test_missing_issuer_is_refused_cleanly(ctx):
    result = read_dispatch(shared_path("seeds", "002_0ca1d96cab679b31.txt"))
    with pytest.raises(ImportSaveError, match="cơ quan ban hành"):
        save_import(ctx, result, "in")
    assert _count(ctx, IncomingDocument) == 0
