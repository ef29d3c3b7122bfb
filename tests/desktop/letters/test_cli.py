"""`python -m desktop render`: good input writes the file; bad input names the field and leaves nothing."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.desktop.letters.pdftools import FIXTURES, text

REPO = Path(__file__).resolve().parents[3]
GOOD = FIXTURES / "cong_van_khan_so_noi_vu.json"


def test_render_json_to_pdf_and_docx(tmp_path, capsys):
    assert main(["render", "--json", str(GOOD), "--pdf", str(tmp_path / "a.pdf")]) == 0
    assert "Số: 1424/SNV-BTĐKT" in text(tmp_path / "a.pdf")
    assert main(["render", "--json", str(GOOD), "--docx", str(tmp_path / "a.docx")]) == 0
    assert (tmp_path / "a.docx").read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf"]


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "in.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def good() -> dict:
    return json.loads(GOOD.read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutate,field", [
    (lambda d: d["signer"].update(name=None), "signer.name"),
    (lambda d: d.update(subject=""), "subject"),
    (lambda d: d.update(body=[]), "body"),
    (lambda d: d.update(number="abc"), "number"),
    (lambda d: d.update(date="29/5/2017"), "date"),
    (lambda d: d["body"][1].update(text=5), "body[1].text"),
])
def test_bad_fields_are_named_and_nothing_is_written(tmp_path, capsys, mutate, field):
    data = good()
    mutate(data)
    src = write(tmp_path, data)
    out = tmp_path / "out" / "x.pdf"
    out.parent.mkdir()
    assert main(["render", "--json", str(src), "--pdf", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and field in err
    assert list(out.parent.iterdir()) == []


def test_broken_json_in_a_fresh_process(tmp_path):
    src = write(tmp_path, '{"issuer": {"name": "SỞ NỘI VỤ"},')
    out = tmp_path / "x.pdf"
    proc = subprocess.run([sys.executable, "-m", "desktop", "render", "--json", str(src), "--pdf", str(out)],
                          cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Lỗi: JSON") and "Traceback" not in proc.stderr
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["in.json"]


def test_missing_input_file(tmp_path, capsys):
    assert main(["render", "--json", str(tmp_path / "none.json"), "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "không tìm thấy" in capsys.readouterr().err


def test_render_stored_document(ctx, tmp_path, capsys):
    from db.models import OutgoingDocument

    with ctx.write_session() as session:
        doc = OutgoingDocument(
            doc_type="Công văn", number=7, symbol="SNV-BTĐKT", place="Kon Tum", issuer_name="SỞ NỘI VỤ",
            issuer_parent="UBND TỈNH KON TUM", subject="báo cáo số liệu khen thưởng",
            body="Đề nghị các đơn vị gửi số liệu.\n1. Số liệu năm 2020.\n- Bảng tổng hợp;\nTrân trọng.",
            signer_name="Trần Thị Hoa", signer_title_lines="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        )
        session.add(doc)
        session.commit()
        doc_id = doc.id
    out = tmp_path / "stored.pdf"
    assert main(["render", "--db", str(ctx.db_path), "--id", str(doc_id), "--pdf", str(out)]) == 0
    t = " ".join(text(out).split())
    assert "Số: 07/SNV-BTĐKT" in t and "1. Số liệu năm 2020." in t and "Trân trọng./." in t
    assert main(["render", "--db", str(ctx.db_path), "--id", "999", "--pdf", str(tmp_path / "n.pdf")]) == 2
    assert "999" in capsys.readouterr().err
    assert not (tmp_path / "n.pdf").exists()
