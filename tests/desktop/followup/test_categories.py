"""The four official task categories and the "due soon" flag."""
from __future__ import annotations

from datetime import date as D

import pytest

from desktop.followup.status import CATEGORY_LABELS, due_soon, task_category

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
