"""Scanned letters, read by OCR offline: a letter of our own words rendered by the program's layout,
rasterised, speckled and turned a little, wrapped as an image-only PDF; the header comes back."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.core.jobs import CancelToken, Cancelled
from desktop.importing import ImportFileError, read_dispatch
from desktop.importing.evidence import low_confidence
from tests.desktop.importing.scans import LETTER, letter_pdf, scan_pages, scanned_letter, unnumbered, write_scan

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def scan(tmp_path_factory) -> Path:
    return scanned_letter(tmp_path_factory.mktemp("scan") / "thu-quet.pdf")


@pytest.fixture(scope="module")
def scanned(scan):
    return read_dispatch(scan)


def test_the_header_is_read_back_from_the_image(scanned):
    d = scanned.dispatch
    assert (d.number, d.symbol, d.date, d.place) == (317, "BTĐKT-VP", date(2024, 10, 21), "Hòa Bình")
    assert (d.issuer.parent, d.issuer.name) == (LETTER.issuer.parent, LETTER.issuer.name)
    assert d.signer.title_lines == LETTER.signer.title_lines and d.signer.name == LETTER.signer.name
    assert d.distribution == LETTER.distribution
    from rapidfuzz.fuzz import ratio

    assert ratio(d.subject or "", LETTER.subject) > 90  # one or two letters may be misread


def test_the_page_was_straightened_and_its_source_is_ocr(scanned):
    assert [p.source for p in scanned.pages] == ["ocr"]
    assert scanned.pages[0].angle == pytest.approx(-1.2, abs=0.3)  # the scan was turned by +1.2°
    assert scanned.source == "ocr"
    assert set(scanned.confidence) == {"number", "symbol", "date", "issuer", "subject", "signer"}
    assert all(0.6 <= v <= 1.0 for v in scanned.confidence.values()), scanned.confidence
    assert low_confidence(scanned) == []


def test_the_json_gives_source_and_confidence(scan):
    proc = subprocess.run([sys.executable, "-m", "desktop", "import", str(scan), "--json"], cwd=REPO,
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["source"] == "ocr" and data["number"] == 317
    assert set(data["confidence"]) <= {"number", "symbol", "date", "issuer", "subject", "signer"}
    assert all(isinstance(v, float) and 0 <= v <= 1 for v in data["confidence"].values())
    assert list(data)[-2:] == ["source", "confidence"]


def test_ocr_never_refuses_a_scan_with_one_clear_line(scan):
    proc = subprocess.run([sys.executable, "-m", "desktop", "import", str(scan), "--json", "--ocr", "never"],
                          cwd=REPO, capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "không có lớp chữ" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_ocr_always_reads_a_text_pdf_from_its_image(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(letter_pdf())
    assert read_dispatch(path).source == "text"
    result = read_dispatch(path, ocr="always")
    assert result.source == "ocr" and result.dispatch.number == 317 and result.dispatch.date == LETTER.date


def test_a_handwritten_number_is_left_empty_and_flagged(tmp_path):
    path = scanned_letter(tmp_path / "viet-tay.pdf", unnumbered(), scribble_at="Số:")
    result = read_dispatch(path)
    d = result.dispatch
    assert d.number is None  # never a guess from a scribble
    assert d.date == LETTER.date and d.issuer.name == LETTER.issuer.name
    assert result.confidence["number"] < 0.6 and "number" in low_confidence(result)
    assert any("số" in w for w in result.warnings)


def test_the_engine_works_offline_without_any_system_tesseract(scan, tmp_path):
    """No network (sockets refused) and no tesseract anywhere on PATH or TESSDATA_PREFIX: the
    wheel's library and the shipped model are all it needs."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(
        "import socket\n"
        "def _refuse(*a, **k):\n"
        "    raise OSError('network disabled in this test')\n"
        "socket.socket.connect = _refuse\n"
        "socket.create_connection = _refuse\n"
        "socket.getaddrinfo = _refuse\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TESSDATA", "OMP_"))}
    env.update(PATH=str(Path(sys.executable).parent), TESSDATA_PREFIX=str(tmp_path / "nowhere"),
               PYTHONPATH=f"{guard}{os.pathsep}{REPO}", http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    script = ("import shutil, socket, sys\n"
              "assert shutil.which('tesseract') is None, shutil.which('tesseract')\n"
              "try:\n    socket.create_connection(('127.0.0.1', 9))\nexcept OSError:\n    pass\n"
              "else:\n    sys.exit('network not disabled')\n"
              "from desktop.importing import read_dispatch\n"
              f"r = read_dispatch({str(scan)!r})\n"
              "print(r.source, r.dispatch.number, r.dispatch.date)\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          encoding="utf-8")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["ocr", "317", "2024-10-21"]


def test_progress_per_page_and_the_first_page_before_the_rest(tmp_path):
    images = scan_pages(letter_pdf(), noise=False, angle=0.0)
    path = write_scan(tmp_path / "ba-trang.pdf", images * 3)
    steps, partial = [], []
    result = read_dispatch(path, progress=lambda f, m: steps.append((f, m)), on_partial=partial.append)
    assert [m for _f, m in steps if m] == [f"Đang nhận dạng chữ trang {i}/3…" for i in (1, 2, 3)]
    assert steps[-1][0] == 1.0
    assert len(partial) == 1 and not partial[0].complete and len(partial[0].pages) == 1
    assert partial[0].dispatch.number == 317 and partial[0].dispatch.date == LETTER.date
    assert result.complete and len(result.pages) == 3


def test_cancel_stops_between_pages(tmp_path):
    images = scan_pages(letter_pdf(), noise=False, angle=0.0)
    path = write_scan(tmp_path / "ba-trang.pdf", images * 3)
    token = CancelToken()
    seen = []

    def progress(fraction, message):
        seen.append(message)
        if len(seen) == 2:  # while page 2 is being read
            token.cancel()

    with pytest.raises(Cancelled):
        read_dispatch(path, progress=progress, cancel=token)
    assert len([m for m in seen if m]) == 2


def test_a_missing_engine_gives_one_clear_message(tmp_path, monkeypatch, scan):
    from desktop.importing import ocr

    monkeypatch.setattr(ocr, "TESSDATA", tmp_path)  # as if the model were not installed
    monkeypatch.setattr(ocr, "_idle", [])  # no engine started yet
    with pytest.raises(ImportFileError, match="vie.traineddata"):
        read_dispatch(scan)


# -- the real scans of ../shared/corpus/scans (what a correct reading finds: its README) ----------
def test_the_flatbed_scan_of_a_letter(tmp_path):
    from tests.conftest import shared_path

    result = read_dispatch(shared_path("corpus", "scans", "37-thu-khai-giang-2020-scan.pdf"))
    d = result.dispatch
    assert (d.place, d.date, d.number) == ("Hà Nội", date(2020, 9, 4), None)
    assert result.source == "ocr" and [p.source for p in result.pages] == ["ocr", "ocr"]
    assert result.confidence["date"] >= 0.6


def test_the_phone_camera_scan_of_a_bien_ban():
    from tests.conftest import shared_path

    result = read_dispatch(shared_path("corpus", "scans", "61-bienban-thamdinh-2020-scan.pdf"))
    d = result.dispatch
    assert (d.issuer.parent, d.issuer.name) == ("UBND HUYỆN HIỆP HÒA", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
    assert d.doc_type == "Biên bản" and d.date == date(2020, 10, 19)
    assert abs(result.pages[0].angle) > 0.3  # the phone held it slightly tilted: straightened
    assert "Căn cứ" in " ".join(p.text for p in d.body[:3])
