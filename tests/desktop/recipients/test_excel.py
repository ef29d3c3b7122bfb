"""Directory ⇄ Excel: exact headers, a round trip that changes nothing, a hand-made file, one bad
row that stops everything, the CLI contract, and LibreOffice opening the export."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from db.models import AuditEntry, EmulationCluster, Unit, UnitGroup
from desktop.recipients.excel_export import directory_rows, export_directory
from desktop.recipients.excel_import import import_directory
from desktop.recipients.groups import group_members_on

REPO = Path(__file__).resolve().parents[3]
USER = "kiểm thử"
UNIT_HEADERS = ["Mã", "Tên đơn vị", "Tên viết tắt", "Tên gọi khác", "Loại", "Mã đơn vị cấp trên", "Địa chỉ",
                "Thư điện tử", "Điện thoại", "Người liên hệ", "Hoạt động từ", "Đến ngày"]
MEMBER_HEADERS = ["Mã nhóm", "Tên nhóm", "Mã đơn vị", "Từ ngày", "Đến ngày"]
CLUSTER_HEADERS = ["Năm", "Tên cụm/khối", "Loại", "Mã đơn vị", "Vai trò"]


def dump(ctx):
    with ctx.session() as s:
        return directory_rows(s)


def audit_count(ctx):
    with ctx.session() as s:
        return s.scalar(select(func.count(AuditEntry.id)))


def test_export_has_the_three_sheets_with_exactly_the_headers(demo_ctx, tmp_path):
    path = tmp_path / "danh-ba.xlsx"
    counts = export_directory(demo_ctx, path)
    book = load_workbook(path)
    assert book.sheetnames == ["Đơn vị", "Thành viên nhóm", "Cụm, khối thi đua"]
    firsts = [[c.value for c in book[name][1]] for name in book.sheetnames]
    assert firsts == [UNIT_HEADERS, MEMBER_HEADERS, CLUSTER_HEADERS]
    assert book["Đơn vị"].max_row == counts.units + 1 and counts.units >= 40
    names = [row[1] for row in book["Đơn vị"].iter_rows(min_row=2, values_only=True)]
    assert "Sở Nội vụ" in names


def test_a_round_trip_changes_nothing(demo_ctx, tmp_path):
    path = tmp_path / "danh-ba.xlsx"
    export_directory(demo_ctx, path)
    before, audits = dump(demo_ctx), audit_count(demo_ctx)
    report, changes = import_directory(demo_ctx, path, USER)
    assert not report.errors and (report.added, report.changed) == (0, 0)
    assert {o.status for o in report.outcomes} == {"same"} and not changes.any()
    assert dump(demo_ctx) == before and audit_count(demo_ctx) == audits
    again = tmp_path / "lan-hai.xlsx"
    export_directory(demo_ctx, again)
    for name in ("Đơn vị", "Thành viên nhóm", "Cụm, khối thi đua"):
        first = list(load_workbook(path)[name].iter_rows(values_only=True))
        assert first == list(load_workbook(again)[name].iter_rows(values_only=True))


def hand_made(path: Path, unit_rows, member_rows=(), cluster_rows=()):
    book = Workbook()
    units = book.active
    units.title = "Đơn vị"
    for sheet, headers, rows in ((units, UNIT_HEADERS, unit_rows),
                                 (book.create_sheet("Thành viên nhóm"), MEMBER_HEADERS, member_rows),
                                 (book.create_sheet("Cụm, khối thi đua"), CLUSTER_HEADERS, cluster_rows)):
        sheet.append(headers)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def test_a_hand_made_file_adds_units_groups_and_clusters(ctx, tmp_path):
    path = hand_made(tmp_path / "tay.xlsx", [
        ("", "UBND tỉnh Lâm Đồng", "UBND tỉnh", "", "Cấp tỉnh", "", "", "", "", "", "", ""),
        ("XA01", "UBND xã Quảng Sơn", "", "UBND xã Quảng Sơn, tỉnh Lâm Đồng; xã Quảng Sơn", "cap xa", "",
         "Thôn 1, xã Quảng Sơn", "quangson@lamdong.gov.vn", "0261 3000 001", "Trần Thị Lan", "01/07/2025", None),
        ("XA02", "UBND phường Bắc Gia Nghĩa", None, None, "Cấp xã", None, None, None, None, None,
         datetime(2025, 7, 1), None),
    ], [
        ("", "UBND các xã, phường", "XA02", "1/7/2025", ""),
        ("", "UBND các xã, phường", "XA01", date(2025, 7, 1), ""),
    ], [
        (2026, "Cụm thi đua số 5", "Cụm", "XA01", "Cụm trưởng"),
        ("2026", "Cụm thi đua số 5", "cum", "XA02", "cum pho"),
    ])
    report, changes = import_directory(ctx, path, USER)
    assert not report.errors, [o.line() for o in report.errors]
    assert report.written and changes.units and report.added == 7
    with ctx.session() as s:
        province = s.scalar(select(Unit).where(Unit.name == "UBND tỉnh Lâm Đồng"))
        assert province.code == "DV0001" and province.kind == "province"
        commune = s.scalar(select(Unit).where(Unit.code == "XA01"))
        assert commune.kind == "commune" and commune.active_from == date(2025, 7, 1)
        assert [a.alias for a in commune.aliases] == ["UBND xã Quảng Sơn, tỉnh Lâm Đồng", "xã Quảng Sơn"]
        group = s.scalar(select(UnitGroup))
        assert group.code == "NH001"
        assert s.scalar(select(EmulationCluster.kind)) == "cluster"
    members = group_members_on(ctx, group.id, date(2026, 1, 1))
    assert [m.code for m in members] == ["XA02", "XA01"]  # the sheet's order


def test_one_bad_row_is_reported_and_nothing_is_written(ctx, tmp_path):
    path = hand_made(tmp_path / "loi.xlsx", [
        ("", "Sở Nội vụ", "SNV", "", "Sở, ban, ngành", "", "", "", "", "", "", ""),
        ("", "Sở Tài chính", "STC", "", "Sở, ban, ngành", "", "", "stc@", "", "", "", ""),
        ("", "Sở Y tế", "SYT", "", "Sở, ban, ngành", "", "", "", "", "", "31/02/2026", ""),
    ])
    before = audit_count(ctx)
    report, changes = import_directory(ctx, path, USER)
    assert [o.line() for o in report.errors] == [
        "Dòng 3, sheet Đơn vị: Thư điện tử «stc@» không đúng dạng ten@tenmien.vn.",
        "Dòng 4, sheet Đơn vị: Hoạt động từ «31/02/2026» không phải ngày (dạng dd/mm/yyyy).",
    ]
    assert [o.status for o in report.outcomes] == ["add", "error", "error"]  # the preview, per row
    assert not report.written and not changes.any()
    with ctx.session() as s:
        assert s.scalar(select(func.count(Unit.id))) == 0
    assert audit_count(ctx) == before


def test_a_dry_run_previews_without_writing(ctx, tmp_path):
    path = hand_made(tmp_path / "thu.xlsx", [("", "Sở Nội vụ", "", "", "", "", "", "", "", "", "", "")])
    report, _ = import_directory(ctx, path, USER, dry_run=True)
    assert [(o.status, o.message) for o in report.outcomes] == [("add", "Thêm đơn vị mới (mã DV0001).")]
    with ctx.session() as s:
        assert s.scalar(select(func.count(Unit.id))) == 0


def test_an_edited_row_is_a_change_and_import_never_deletes(demo_ctx, tmp_path):
    path = tmp_path / "sua.xlsx"
    export_directory(demo_ctx, path)
    book = load_workbook(path)
    sheet = book["Đơn vị"]
    rows = list(sheet.iter_rows(min_row=2))
    target = next(r for r in rows if r[1].value == "Sở Nội vụ")
    target[8].value = "0261 3544 999"
    sheet.delete_rows(rows.index(next(r for r in rows if r[1].value == "Sở Y tế")) + 2)
    book.save(path)
    total = dump(demo_ctx)["Đơn vị"].__len__()
    report, _ = import_directory(demo_ctx, path, USER)
    assert [(o.subject, o.message) for o in report.of("change")] == [("Sở Nội vụ", "Sửa: Điện thoại.")]
    with demo_ctx.session() as s:
        assert s.scalar(select(Unit.phone).where(Unit.name == "Sở Nội vụ")) == "0261 3544 999"
        assert s.scalar(select(Unit.id).where(Unit.name == "Sở Y tế")) is not None
    assert len(dump(demo_ctx)["Đơn vị"]) == total


def cli(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


def test_cli_export_import_and_a_bad_row(demo_db, tmp_path):
    xlsx = tmp_path / "danh-ba.xlsx"
    out = cli("directory", "export", "--db", str(demo_db), "--xlsx", str(xlsx))
    assert out.returncode == 0 and "Đã xuất" in out.stdout and xlsx.exists()
    same = cli("directory", "import", "--db", str(demo_db), "--xlsx", str(xlsx))
    assert same.returncode == 0 and same.stdout.strip().startswith("Đã nhập danh bạ: thêm 0, sửa 0")
    book = load_workbook(xlsx)
    book["Đơn vị"].append(["", "Sở Ngoại vụ", "", "", "Sở, ban, ngành"])
    book["Đơn vị"].append(["", "", "thiếu tên", "", "Sở, ban, ngành"])
    book["Thành viên nhóm"].append(["NH999", "", "DV0001"])
    book.save(xlsx)
    dry = cli("directory", "import", "--db", str(demo_db), "--xlsx", str(xlsx), "--dry-run")
    bad = cli("directory", "import", "--db", str(demo_db), "--xlsx", str(xlsx))
    assert dry.returncode == bad.returncode == 2
    lines = bad.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"Dòng {book['Đơn vị'].max_row}, sheet Đơn vị: Cần nhập tên")
    assert lines[1].startswith(f"Dòng {book['Thành viên nhóm'].max_row}, sheet Thành viên nhóm: Cần Tên nhóm")
    assert "Traceback" not in bad.stderr and not bad.stdout and dry.stderr == bad.stderr
    assert not has_unit(demo_db, "Sở Ngoại vụ")
    book["Đơn vị"].delete_rows(book["Đơn vị"].max_row)
    book["Thành viên nhóm"].delete_rows(book["Thành viên nhóm"].max_row)
    book.save(xlsx)
    good = cli("directory", "import", "--db", str(demo_db), "--xlsx", str(xlsx))
    assert good.returncode == 0, good.stderr
    assert good.stdout.strip() == "Đã nhập danh bạ: thêm 1, sửa 0 (Đơn vị: thêm 1, sửa 0)."
    assert has_unit(demo_db, "Sở Ngoại vụ")


def has_unit(path: Path, name: str) -> bool:
    from db.engine import sqlite_url
    from desktop.core.context import open_context

    ctx = open_context(sqlite_url(path))
    try:
        with ctx.session() as s:
            return s.scalar(select(Unit.id).where(Unit.name == name)) is not None
    finally:
        ctx.close()


def test_libreoffice_converts_the_export_to_pdf(demo_ctx, tmp_path):
    exe = shutil.which("soffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "danh-ba.xlsx"
    export_directory(demo_ctx, path)
    out = tmp_path / "lo"
    result = subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                             "--convert-to", "pdf", "--outdir", str(out), str(path)],
                            capture_output=True, text=True, timeout=180)
    pdf = out / "danh-ba.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Tên đơn vị" in text and "Sở Nội vụ" in text and "Cụm trưởng" in text
