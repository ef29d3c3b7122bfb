"""Automatic rotating backups: where they go, when one is due, which are kept (the last K days, the last W
weeks, always the newest), and the office settings that say so."""
from __future__ import annotations

from datetime import datetime, timedelta

from desktop.core.paths import data_dir
from desktop.core.settings.office_store import save_office_section
from desktop.storage.restore import read_backup
from desktop.storage.schedule import (PREFIX, STAMP, SUFFIX, automatic_backups, folder_for, is_due, policy, prune,
                                      run_automatic_backup, to_keep)


def fake(folder, when: datetime):
    path = folder / f"{PREFIX}{when.strftime(STAMP)}{SUFFIX}"
    path.write_bytes(b"x")
    return path


def test_the_policy_keeps_the_newest_of_each_day_and_week(tmp_path):
    start = datetime(2026, 3, 2, 8, 0)  # a Monday
    made = [(start + timedelta(hours=6 * i), tmp_path / f"{i}") for i in range(4 * 7 * 5)]  # five weeks, 4 a day
    keep = to_keep(made, keep_daily=7, keep_weekly=4)
    newest = max(made)[1]
    days = sorted({w.date() for w, _ in made}, reverse=True)
    last_of_day = {d: max(p for p in made if p[0].date() == d)[1] for d in days}
    assert newest in keep
    assert {last_of_day[d] for d in days[:7]} <= keep
    weeks = sorted({w.isocalendar()[:2] for w, _ in made}, reverse=True)
    last_of_week = {wk: max(p for p in made if p[0].isocalendar()[:2] == wk)[1] for wk in weeks}
    assert {last_of_week[wk] for wk in weeks[:4]} <= keep
    assert len(keep) == len({last_of_day[d] for d in days[:7]} | {last_of_week[wk] for wk in weeks[:4]})
    assert to_keep(made, keep_daily=1, keep_weekly=0) == {newest}


def test_prune_deletes_only_automatic_backups(tmp_path):
    for i in range(10):
        fake(tmp_path, datetime(2026, 1, 1 + i, 12))
    mine = tmp_path / "sao-luu-20260101-120000.sqlite3"
    mine.write_bytes(b"the clerk's own")
    removed = prune(tmp_path, keep_daily=3, keep_weekly=0)
    assert len(removed) == 7 and mine.exists()
    assert [w.day for w, _ in automatic_backups(tmp_path)] == [10, 9, 8]


def test_due_after_the_interval(tmp_path):
    now = datetime(2026, 5, 5, 12, 0)
    assert is_due(tmp_path, 4, now)
    fake(tmp_path, now - timedelta(hours=3))
    assert not is_due(tmp_path, 4, now)
    assert is_due(tmp_path, 4, now + timedelta(hours=1))


def test_run_backs_up_into_the_user_data_folder_and_follows_the_settings(demo_ctx):
    folder = folder_for(demo_ctx.db_path)
    assert folder.parent == data_dir() / "backups" and demo_ctx.db_path.parent not in folder.parents
    assert policy(demo_ctx).interval_hours == 4
    save_office_section(demo_ctx, "backup", {"interval_hours": 12, "keep_daily": 2, "keep_weekly": 0}, "qt")
    assert (policy(demo_ctx).interval_hours, policy(demo_ctx).keep_daily) == (12, 2)
    start = datetime(2026, 6, 1, 8, 0)
    made = [run_automatic_backup(demo_ctx, start + timedelta(days=d)) for d in range(4)]
    assert all(p is not None for p in made)
    assert [p for _, p in automatic_backups(folder)] == [made[3], made[2]]
    assert read_backup(made[3]).summary.outgoing > 0
    assert run_automatic_backup(demo_ctx, start + timedelta(days=3, hours=1), force=False) is None  # not due


def test_no_automatic_backup_of_a_server_database(pg_ctx):
    assert run_automatic_backup(pg_ctx) is None
