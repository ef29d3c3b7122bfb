"""The four official task categories and the "due soon" flag: one rule, in Python and in SQL."""
from __future__ import annotations

from datetime import date as D
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import Date, bindparam, select

from db.models import Task
from desktop.core.context import open_context
from desktop.followup.categories import (
    CATEGORY_LABELS,
    CATEGORY_ORDER,
    category_label,
    category_label_sql,
    category_of,
    category_sql,
    category_where,
    due_soon,
    task_category,
)

DUE = D(2024, 3, 15)


@pytest.mark.parametrize(
    "deadline, status, completed_on, as_of, category",
    [
        (DUE, "done", D(2024, 3, 14), D(2024, 4, 1), "done_on_time"),
        (DUE, "done", DUE, D(2024, 4, 1), "done_on_time"),  # the deadline day itself is in time
        (DUE, "done", D(2024, 3, 16), D(2024, 4, 1), "done_late"),
        (DUE, "done", None, D(2024, 3, 10), "done_on_time"),  # no completion date recorded: as_of
        (DUE, "done", None, D(2024, 3, 20), "done_late"),
        (None, "done", D(2030, 1, 1), D(2030, 1, 1), "done_on_time"),  # no deadline: never late
        (DUE, "open", None, D(2024, 3, 1), "open_in_time"),
        (DUE, "open", None, DUE, "open_in_time"),
        (DUE, "open", None, D(2024, 3, 16), "open_overdue"),  # overdue from the next day
        (None, "open", None, D(2030, 1, 1), "open_in_time"),
        (DUE, "cancelled", None, D(2024, 3, 16), None),
        (None, "cancelled", D(2024, 3, 1), D(2024, 3, 16), None),
    ],
)
def test_task_category(deadline, status, completed_on, as_of, category):
    assert task_category(deadline, status, completed_on, as_of) == category


def test_labels_are_the_official_vietnamese_categories():
    assert CATEGORY_LABELS == {
        "done_on_time": "Hoàn thành đúng hạn",
        "done_late": "Hoàn thành quá hạn",
        "open_in_time": "Chưa hoàn thành, trong hạn",
        "open_overdue": "Chưa hoàn thành, quá hạn",
    }


@pytest.mark.parametrize(
    "deadline, status, as_of, days, soon",
    [
        (DUE, "open", D(2024, 3, 8), 7, True),  # exactly 7 days ahead
        (DUE, "open", D(2024, 3, 7), 7, False),  # 8 days ahead
        (DUE, "open", DUE, 7, True),  # due today
        (DUE, "open", D(2024, 3, 16), 7, False),  # already overdue: not "soon"
        (DUE, "done", D(2024, 3, 10), 7, False),
        (DUE, "cancelled", D(2024, 3, 10), 7, False),
        (None, "open", D(2024, 3, 10), 7, False),
        (DUE, "open", D(2024, 3, 1), 14, True),
        (DUE, "open", D(2024, 3, 14), 0, False),
        (DUE, "open", DUE, 0, True),
    ],
)
def test_due_soon(deadline, status, as_of, days, soon):
    assert due_soon(deadline, status, as_of, days) is soon


@pytest.mark.parametrize("call", [
    lambda: task_category(DUE, "finished", None, DUE),
    lambda: due_soon(DUE, "late", DUE),
])
def test_unknown_status_is_refused_in_vietnamese(call):
    with pytest.raises(ValueError, match="Trạng thái nhiệm vụ không hợp lệ"):
        call()


# ---- one rule, in Python and in SQL ---------------------------------------------------------
DAY = timedelta(days=1)

BOUNDARIES = [  # (deadline, status, completed_on, as_of, category), spelt out
    (DUE, "open", None, DUE - DAY, "open_in_time"),
    (DUE, "open", None, DUE, "open_in_time"),  # deadline == as_of: still within
    (DUE, "open", None, DUE + DAY, "open_overdue"),  # overdue from the next day
    (None, "open", None, DUE + 1000 * DAY, "open_in_time"),  # no deadline: within until done...
    (None, "done", DUE, DUE + DAY, "done_on_time"),  # ...then on time
    (DUE, "done", DUE - DAY, DUE - DAY, "done_on_time"),
    (DUE, "done", DUE, DUE, "done_on_time"),  # done on the deadline day
    (DUE, "done", DUE, DUE + DAY, "done_on_time"),
    (DUE, "done", DUE + DAY, DUE + DAY, "done_late"),  # done the day after
    (DUE, "done", DUE + DAY, DUE + 30 * DAY, "done_late"),
    (DUE, "cancelled", None, DUE + DAY, None),  # in none of the four
    (DUE, "cancelled", DUE, DUE, None),
]


@pytest.mark.parametrize("deadline, status, completed_on, as_of, category", BOUNDARIES)
def test_category_of_on_the_boundary_days(deadline, status, completed_on, as_of, category):
    task = SimpleNamespace(deadline=deadline, status=status, completed_on=completed_on)
    assert category_of(task, as_of) == category
    assert category_label(category) == (CATEGORY_LABELS[category] if category else "Đã hủy")


def _stored_cases():
    """Every storable combination around the deadline day (a done task has a completion date)."""
    finishes = [("open", None), ("done", DUE - DAY), ("done", DUE), ("done", DUE + DAY),
                ("cancelled", None), ("cancelled", DUE)]
    cases = [(deadline, status, done_on) for deadline in (None, DUE - DAY, DUE, DUE + DAY)
             for status, done_on in finishes]
    cases += [(deadline, status, done_on) for deadline, status, done_on, _as_of, _c in BOUNDARIES]
    return cases


def test_python_and_sql_agree_on_every_case(backend_url):
    """category_of, category_sql (with a date and with a bind parameter, as the lazy list runs it),
    category_label_sql and category_where give the same answer for every task and as-of day."""
    ctx = open_context(backend_url)
    try:
        with ctx.session() as s, s.begin():
            s.add_all(Task(title=f"Nhiệm vụ {i}", deadline=deadline, status=status, completed_on=done_on)
                      for i, (deadline, status, done_on) in enumerate(_stored_cases()))
        as_of_param = bindparam("as_of", type_=Date)
        seen = set()
        with ctx.session() as s:
            tasks = {t.id: t for t in s.scalars(select(Task))}
            for as_of in sorted({DUE - DAY, DUE, DUE + DAY} | {b[3] for b in BOUNDARIES}):
                expected = {i: category_of(t, as_of) for i, t in tasks.items()}
                seen |= set(expected.values())
                rows = s.execute(select(Task.id, category_sql(as_of), category_label_sql(as_of))).all()
                assert {i: code for i, code, _label in rows} == expected, as_of
                assert {i: label for i, _code, label in rows} == {i: category_label(c) for i, c in expected.items()}
                by_param = s.execute(select(Task.id, category_sql(as_of_param)), {"as_of": as_of}).all()
                assert dict(by_param) == expected, as_of
                for category in CATEGORY_ORDER:
                    chosen = set(s.scalars(select(Task.id).where(category_where(category, as_of))))
                    assert chosen == {i for i, c in expected.items() if c == category}, (category, as_of)
        assert seen == {*CATEGORY_ORDER, None}  # the cases reach all four categories and "none"
        for deadline, status, done_on, as_of, category in BOUNDARIES:
            assert category_of(SimpleNamespace(deadline=deadline, status=status, completed_on=done_on), as_of) == category
    finally:
        ctx.close()


def test_an_unknown_category_is_refused_in_vietnamese():
    with pytest.raises(ValueError, match="Tình trạng không hợp lệ"):
        category_where("late", DUE)
