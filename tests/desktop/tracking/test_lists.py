"""The office-wide list of dispatches waiting for answers agrees with the Phản hồi of each one."""
from __future__ import annotations

from desktop.core.browse import Browser
from desktop.tracking.lists import WAITING
from desktop.tracking.query import dispatch_tracking
from tests.conftest import guidance


def test_waiting_dispatches_and_their_counts_match_the_per_dispatch_view(fixed_demo_ctx):
    from datetime import timedelta

    from desktop.core.vocabulary import short_date
    from tests.conftest import DEMO_TODAY

    demo_ctx = fixed_demo_ctx  # the demo as of DEMO_TODAY
    browser = Browser(demo_ctx, WAITING)
    pending = browser.ids(filter_key="pending")
    waiting = browser.ids(filter_key="waiting")  # those with a reply deadline
    assert waiting and set(waiting) < set(pending) <= set(browser.ids())
    columns = [c.key for c in browser.columns]
    checked = waiting + pending[:10]
    rows = browser.rows(checked)
    for doc_id in checked:
        tracking = dispatch_tracking(demo_ctx, doc_id)
        shown = dict(zip(columns, rows[doc_id]))
        assert [shown[k] for k in ("units", "replied", "pending", "late")] == [
            str(tracking.count(k)) for k in ("units", "replied", "pending", "late")], doc_id
        assert tracking.count("pending") > 0
    # the registration guidance: three units answered (one late), the rest of its two groups still owe it
    doc_812, number, _on = guidance(demo_ctx)
    assert browser.rows([doc_812])[doc_812][:2] == (str(number), "UBND-NC") and doc_812 in waiting
    shown = dict(zip(columns, browser.rows([doc_812])[doc_812]))
    assert shown["replied"] == "3" and shown["deadline"] == short_date(DEMO_TODAY - timedelta(days=30))
    late = set(browser.ids(filter_key="late"))
    assert doc_812 in late and late <= set(waiting)
    assert browser.ids("dang ky thi dua", filter_key="waiting") == [doc_812]
