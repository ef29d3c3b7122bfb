"""Reading report workbooks back as a clerk's spreadsheet program would: openpyxl, and LibreOffice
converting them to PDF (each soffice with its own profile; skipped when LibreOffice is absent)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import shared_path


def reopen(path: Path):
    from openpyxl import load_workbook

    return load_workbook(path)


def table(ws, header_row: int) -> list[tuple]:
    """The rows under the header, as values."""
    return [row for row in ws.iter_rows(min_row=header_row + 1, values_only=True) if any(v is not None for v in row)]


def header_row_of(ws, first_title: str) -> int:
    for row in ws.iter_rows(min_row=1, max_row=15):
        if row[0].value == first_title:
            return row[0].row
    raise AssertionError(f"no header row starting with {first_title!r}")


def soffice_pdf(xlsx: Path, out_dir: Path) -> Path:
    exe = shutil.which("soffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF conversion of the reports is not checked")
    profile = out_dir / "lo-profile"
    out_dir.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                          "--outdir", str(out_dir), str(xlsx)], capture_output=True, text=True, timeout=180)
    pdf = out_dir / (xlsx.stem + ".pdf")
    assert run.returncode == 0 and pdf.exists(), run.stderr
    return pdf


def pdf_text(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext is not installed (poppler-utils)")
    return subprocess.run([exe, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> tuple[int, tuple[float, float]]:
    """(pages, (width, height) in points) of a PDF."""
    exe = shutil.which("pdfinfo")
    if exe is None:
        pytest.skip("pdfinfo is not installed (poppler-utils)")
    info = subprocess.run([exe, str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    return pages, (float(size[2]), float(size[4]))


def _name(cell: str) -> str:
    """A column name without markdown bold and the spec's English gloss ("Tác giả (issuing body)")."""
    return re.sub(r"\s*\([A-Za-z ]+\)$", "", cell.replace("**", ""))


def decree_columns() -> tuple[list[str], list[str]]:
    """The outgoing and incoming register columns of domain spec 3.1–3.2 (its table, in order)."""
    spec = shared_path("domain", "domain-spec.md").read_text(encoding="utf-8")
    section = spec[spec.index("### 3.1–3.2"):]
    section = section[:section.index("###", 5)]
    out, incoming = [], []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].isdigit():
            out.append(_name(cells[1]))
            incoming.append(_name(cells[2]))
    assert len(out) == 10
    return out, incoming
