"""The reports read the same on PostgreSQL as on SQLite: the same office (demo, grown to scale) gives
the same workbooks cell for cell (skipped without TDKT_TEST_PG_URL)."""
from __future__ import annotations

from datetime import date

import pytest

from desktop.reports.period import Period
from desktop.reports.registers import export_register
from desktop.reports.responses import export_responses
from desktop.reports.tasks_report import export_tasks
from tests.desktop.reports.conftest import SCALE, SCALE_TODAY
from tests.desktop.reports.helpers import reopen

pytestmark = pytest.mark.postgres
EVERYTHING = Period.between(date(2018, 1, 1), date(2026, 12, 31))
EXPORTS = {
    "so-di": lambda ctx, path: export_register(ctx, path, "out", EVERYTHING),
    "so-den": lambda ctx, path: export_register(ctx, path, "in", EVERYTHING),
    "nhiem-vu": lambda ctx, path: export_tasks(ctx, path, EVERYTHING, SCALE_TODAY),
    "phan-hoi": lambda ctx, path: export_responses(ctx, path, SCALE_TODAY, period=Period.year(2025)),
}


def _cells(path) -> list[list[tuple]]:
    return [list(ws.iter_rows(values_only=True)) for ws in reopen(path).worksheets]


def test_the_same_office_gives_the_same_workbooks_on_both_backends(pg_ctx, scaled_ctx, tmp_path):
    from desktop.core.audit import record
    from desktop.demo.office import _populate
    from desktop.demo.scale import grow
    from desktop.followup.recurring import roll_over

    with pg_ctx.write_session() as session, session.begin():
        _populate(session, 0, SCALE_TODAY)  # the demo office as build_demo_database makes it, without filler
        record(session, "demo", "create", "database", None, note="cơ sở dữ liệu mẫu")
    roll_over(pg_ctx, SCALE_TODAY, "demo")  # as build_demo_database: recurring tasks in their current period
    with pg_ctx.write_session() as session, session.begin():
        grow(session, SCALE, today=SCALE_TODAY)
    for name, export in EXPORTS.items():
        on_pg = _cells(export(pg_ctx, tmp_path / f"{name}-pg.xlsx"))
        on_sqlite = _cells(export(scaled_ctx, tmp_path / f"{name}-sqlite.xlsx"))
        assert on_pg == on_sqlite, name
        assert sum(len(sheet) for sheet in on_pg) > 20, name
