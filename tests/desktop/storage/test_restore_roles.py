"""Restore replaces every document: with several users only quản trị may do it, through the service and
the CLI; the restored database's log says who restored it and from which file. A backup made from the
GUI is logged too."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop.cli import main
from desktop.core.access import PermissionDenied
from desktop.storage.backup import make_backup
from desktop.storage.restore import read_backup
from desktop.storage.service import backup_database, restore_database
from tests.desktop.users.conftest import office, password  # noqa: F401 - the office fixture


def _log(ctx, action: str) -> list[AuditEntry]:
    with ctx.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_only_quan_tri_restores_and_the_log_says_who(office, tmp_path):
    ctx = office.ctx
    backup = make_backup(ctx.url, tmp_path / "sao-luu.sqlite3")
    info = read_backup(backup)
    office.as_("an")  # chuyên viên
    with pytest.raises(PermissionDenied, match="quản trị|Quản trị"):
        restore_database(ctx, info)
    assert not _log(ctx, "restore")
    office.as_("quantri")
    result = restore_database(ctx, info)
    assert result.aside is not None and result.aside.exists()
    (entry,) = _log(ctx, "restore")  # written in the restored database, after the swap
    assert entry.user == "quantri" and "sao-luu.sqlite3" in entry.details


def test_a_backup_from_the_program_is_logged(office, tmp_path):
    office.as_("an")  # anyone may back up: it changes nothing
    out = backup_database(office.ctx, tmp_path / "b.sqlite3")
    assert out.stat().st_size > 0
    (entry,) = _log(office.ctx, "backup")
    assert entry.user == "an"


def test_cli_restore_needs_quan_tri(office, tmp_path, monkeypatch, capsys):
    ctx = office.ctx
    db = str(ctx.db_path)
    backup = make_backup(ctx.url, tmp_path / "sao-luu.sqlite3")
    ctx.close()
    monkeypatch.setenv("TDKT_PASSWORD", password("lan"))  # lãnh đạo signs but does not restore
    assert main(["restore", "--db", db, "--from", str(backup), "--yes", "--user", "lan"]) == 2
    assert "quản trị" in capsys.readouterr().err.casefold()
    monkeypatch.setenv("TDKT_PASSWORD", password("quantri"))
    assert main(["restore", "--db", db, "--from", str(backup), "--yes", "--user", "quantri"]) == 0
    assert "Đã khôi phục." in capsys.readouterr().out
    from desktop.core.context import open_context

    again = open_context(ctx.url)
    try:
        assert [e.user for e in _log(again, "restore")] == ["quantri"]
    finally:
        again.close()
