"""The audit log as the office reads it: local time (the office's UTC+7; stored UTC), filters by user,
document and local day, the .xlsx export reopened, and the `audit` / `users` commands."""
from __future__ import annotations

import time
from datetime import date, datetime, timezone

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from db.models import AuditEntry
from desktop.cli import main
from desktop.core.audit import utc_now
from desktop.documents import service
from desktop.users.audit_log import AuditBrowser, AuditQuery, audit_rows, audit_users, export_audit, time_text
from tests.desktop.reports.helpers import header_row_of, table
from tests.desktop.documents.conftest import good_draft, make_setup
from tests.desktop.users.conftest import Office, password


@pytest.fixture
def vietnam_time(monkeypatch):
    """The computer's clock in Vietnam (UTC+7, no daylight saving: POSIX "ICT-7")."""
    monkeypatch.setenv("TZ", "ICT-7")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _two_documents(office: Office) -> tuple[int, int]:
    ctx = office.ctx
    setup = make_setup(ctx)
    office.as_("an")
    first, _ = service.create_draft(ctx, good_draft(setup, subject="khen thưởng phong trào thi đua yêu nước"), "an")
    second, _ = service.create_draft(ctx, good_draft(setup, subject="báo cáo tổng kết công tác năm"), "an")
    service.submit(ctx, first, "an")
    office.as_("lan")
    service.sign(ctx, first, "lan")
    return first, second


def test_stored_utc_is_shown_in_local_time(vietnam_time):
    assert time_text(datetime(2026, 11, 30, 20, 30, 5)) == "01/12/2026 03:30:05"
    assert abs((utc_now() - datetime.now(timezone.utc).replace(tzinfo=None)).total_seconds()) < 5  # the log stores UTC whatever the zone


def test_filters_by_user_document_and_local_day(office, vietnam_time):
    ctx = office.ctx
    first, second = _two_documents(office)
    browser = AuditBrowser(ctx)
    browser.query = AuditQuery(user="lan")
    rows = browser.rows(browser.ids())
    assert {r[1] for r in rows.values()} == {"lan"}
    assert sorted(r[2] for r in rows.values()) == ["Ký", "Đăng nhập"]
    signed = next(r for r in rows.values() if r[2] == "Ký")
    assert signed[3] == "Văn bản đi" and "phong trào thi đua" in signed[5]
    assert signed[6] == "từ: Trình ký; sang: Đã ký"
    browser.query = AuditQuery()
    # the search box finds the document, without accents too
    texts = [browser.rows([i])[i] for i in browser.ids("phong trao thi dua")]
    assert [(t[1], t[2]) for t in texts] == [("lan", "Ký"), ("an", "Trình ký"), ("an", "Tạo")]
    # a day is a local day: an entry at 20:30 UTC on 30/11 belongs to 01/12 in Vietnam
    with ctx.session() as s:
        s.execute(update(AuditEntry).where(AuditEntry.entity_id == second, AuditEntry.entity == "outgoing_document")
                  .values(at=datetime(2026, 11, 30, 20, 30)))
        s.execute(update(AuditEntry).where(AuditEntry.entity_id != second).values(at=datetime(2026, 11, 30, 16, 59)))
        s.commit()
    browser.query = AuditQuery(start=date(2026, 12, 1), end=date(2026, 12, 1))
    assert [browser.rows([i])[i][5] for i in browser.ids()] == ["báo cáo tổng kết công tác năm"]
    browser.query = AuditQuery(start=date(2026, 11, 30), end=date(2026, 11, 30))
    assert len(browser.ids()) == len(list(audit_rows(ctx))) - 1
    assert "lan" in audit_users(ctx) and "an" in audit_users(ctx)


def test_export_to_xlsx_in_local_time(office, tmp_path, vietnam_time):
    ctx = office.ctx
    _two_documents(office)
    with ctx.session() as s:
        s.execute(update(AuditEntry).values(at=datetime(2026, 11, 30, 20, 30, 5)))
        s.commit()
    target = tmp_path / "nhat-ky.xlsx"
    export_audit(ctx, target, AuditQuery(user="an"), "phong trao")
    sheet = load_workbook(target).active
    assert sheet.title == "Nhật ký thao tác" and sheet["A3"].value == "Người dùng: an"
    header = header_row_of(sheet, "Thời gian")
    assert [c.value for c in sheet[header]] == ["Thời gian", "Người dùng", "Thao tác", "Đối tượng", "Số, ký hiệu",
                                                "Trích yếu", "Chi tiết"]
    rows = table(sheet, header)
    assert {r[1] for r in rows} == {"an"} and {r[2] for r in rows} == {"Tạo", "Trình ký"}
    assert all(r[5] == "khen thưởng phong trào thi đua yêu nước" for r in rows)
    assert rows[0][0] == datetime(2026, 12, 1, 3, 30, 5)  # local time, a real Excel date and time
    assert sheet.cell(header + 1, 1).number_format == "dd/mm/yyyy hh:mm:ss"


def test_cli_audit_and_users(office, tmp_path, capsys, monkeypatch):
    _two_documents(office)
    db = str(office.ctx.db_path)
    office.ctx.close()
    monkeypatch.delenv("TDKT_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["audit", "--db", db, "--user", "an"]) == 2  # a shared office: a password is needed
    assert "TDKT_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("TDKT_PASSWORD", password("an"))
    assert main(["audit", "--db", db, "--user", "an", "--who", "lan"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.split("\t")[1] == "lan" for line in lines)
    assert main(["users", "list", "--db", db, "--user", "an"]) == 0
    assert "lan\tLê Thị Lan\tLãnh đạo\tđang dùng" in capsys.readouterr().out
    monkeypatch.setenv("TDKT_NEW_PASSWORD", "mật khẩu mới")
    assert main(["users", "add", "moi", "--role", "van thu", "--db", db, "--user", "an"]) == 2
    assert "Chỉ quản trị" in capsys.readouterr().err
    monkeypatch.setenv("TDKT_PASSWORD", password("quantri"))
    assert main(["users", "add", "moi", "--role", "văn thư", "--db", db, "--user", "quantri"]) == 0
    assert main(["users", "set", "moi", "--lock", "--db", db, "--user", "quantri"]) == 0
    monkeypatch.setenv("TDKT_PASSWORD", "mật khẩu mới")
    assert main(["users", "list", "--db", db, "--user", "moi"]) == 2
    assert "đã bị khóa" in capsys.readouterr().err
    monkeypatch.setenv("TDKT_PASSWORD", password("quantri"))
    out = tmp_path / "log.xlsx"
    assert main(["audit", "--db", db, "--user", "quantri", "--from", "01/01/2020", "--xlsx", str(out)]) == 0
    assert load_workbook(out).active.max_row > 5


def test_every_recorded_action_and_detail_reads_in_vietnamese():
    import re
    from pathlib import Path

    from desktop.core.vocabulary import AUDIT_ACTION_LABELS, AUDIT_DETAIL_LABELS
    from desktop.users.audit_log import details_text

    source = "\n".join(p.read_text(encoding="utf-8") for p in Path("desktop").rglob("*.py"))
    calls = re.findall(r"(?:record|remember)\((?:[^()]|\([^()]*\))*\)", source)  # remember: an undoable record
    actions = {m for call in calls for m in re.findall(r'^(?:record|remember)\([a-z_]+, [^,]+, "([a-z_]+)"', call)}
    keys = {m for call in calls for m in re.findall(r"\b([a-z_]+)=", call)} - {"user"}
    assert "roll_over" in actions and len(actions) > 20
    assert sorted(actions - set(AUDIT_ACTION_LABELS)) == []
    assert sorted(keys - set(AUDIT_DETAIL_LABELS) - {"undo", "rows"}) == []  # remember(rows=) goes into undo
    # what an undo keeps for itself is not shown; the action it took back is named
    assert details_text('{"undo": {"rows": {"107": {"replied_at": null}}}, "what": "bulk", "undone": 4}') == (
        "nội dung: Cập nhật theo dõi; đã hoàn tác: 4")
