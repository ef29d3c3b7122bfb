"""The board's grouped view reads groups with counts, and a group's tasks apart (both backends)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.models import OutgoingDocument

from desktop.followup.board import TaskBrowser
from desktop.followup.task_query import TaskFilter


def everything(browser: TaskBrowser, grouping: str, text: str = "") -> dict[str, tuple[int, int, list[int]]]:
    """title -> (count, overdue, the group's task ids)."""
    return {g.title: (g.count, g.overdue, browser.group_ids(g.key, text)) for g in browser.groups(grouping, text)}


@pytest.mark.parametrize("grouping", ["unit", "document"])
def test_groups_hold_exactly_the_tasks_of_the_list(demo_ctx, grouping):
    browser = TaskBrowser(demo_ctx)
    for flt, text in ((TaskFilter(), ""), (TaskFilter(category="open_overdue"), ""), (TaskFilter(), "bao cao")):
        browser.task_filter = flt
        groups = everything(browser, grouping, text)
        listed = browser.ids(text)
        assert sorted(i for _, _, ids in groups.values() for i in ids) == sorted(listed)
        assert all(count == len(ids) for count, _, ids in groups.values())
        if flt.category == "open_overdue":
            assert all(late == count for count, late, _ in groups.values())


def test_units_in_vietnamese_order_documents_newest_first(demo_ctx):
    browser = TaskBrowser(demo_ctx)
    units = [g.title for g in browser.groups("unit")]
    assert units.index("Ban Thi đua - Khen thưởng tỉnh") < units.index("Sở Nội vụ")
    documents = [g for g in browser.groups("document") if g.key[1] is not None]  # outgoing dispatches
    with demo_ctx.session() as s:
        dated = dict(s.execute(select(OutgoingDocument.id, OutgoingDocument.date)).all())
    days = [dated[g.key[1]] for g in documents]
    assert len(days) >= 3 and days == sorted(days, reverse=True)
    assert documents[-1].title.startswith("2457/UBND-NC")  # the oldest, of 2018


@pytest.mark.postgres
def test_the_same_groups_on_postgresql(pg_ctx, demo_ctx):
    from desktop.demo.office import _populate
    from desktop.followup.recurring import roll_over

    with pg_ctx.write_session() as session, session.begin():
        _populate(session, 160)  # as build_demo_database builds demo_ctx's
    roll_over(pg_ctx, date.today(), "demo")
    for grouping in ("unit", "document"):
        on_pg = {title: (n, late) for title, (n, late, _) in everything(TaskBrowser(pg_ctx), grouping).items()}
        on_sqlite = {title: (n, late) for title, (n, late, _) in everything(TaskBrowser(demo_ctx), grouping).items()}
        assert on_pg == on_sqlite and on_pg
