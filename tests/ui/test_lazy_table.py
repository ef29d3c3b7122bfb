"""The lazy table model over 100,000 documents holds ids and only the pages painted."""
from __future__ import annotations

from desktop.bench.lists import make_large_database
from desktop.core.browse import Browser
from desktop.documents.lists import OUTGOING
from ui.common.lazy_table import PAGE, LazyTableModel


def test_a_hundred_thousand_rows_fetch_only_what_is_painted(qtbot, tmp_path):
    ctx = make_large_database(tmp_path / "large.sqlite3")
    fetched: list[int] = []
    browser = Browser(ctx, OUTGOING)
    original_rows = browser.rows
    browser.rows = lambda ids: fetched.append(len(ids)) or original_rows(ids)  # type: ignore[method-assign]
    model = LazyTableModel(browser)
    model.reload()
    assert model.rowCount() == 100_000
    assert fetched == []  # nothing fetched until painted
    assert model.data(model.index(0, 4)).startswith("đôn đốc thực hiện nhiệm vụ")
    assert model.data(model.index(PAGE - 1, 0))  # same page: no new query
    assert fetched == [PAGE]
    model.data(model.index(50_000, 0))
    assert fetched == [PAGE, PAGE]
    assert len(model._rows) <= 2 * PAGE
    ctx.close()


def test_the_first_page_comes_before_the_rest(qtbot, tmp_path):
    ctx = make_large_database(tmp_path / "large.sqlite3", 1000)
    browser = Browser(ctx, OUTGOING)
    asked: list[int | None] = []
    original_ids = browser.ids
    browser.ids = lambda *a, limit=None: asked.append(limit) or original_ids(*a, limit=limit)  # type: ignore
    model = LazyTableModel(browser)
    counts: list[int] = []
    model.loaded.connect(counts.append)
    model.reload()
    assert asked == [PAGE, None]  # a page first, then all the ids
    assert model.rowCount() == 1000 and counts == [1000]  # the count once, when known
    model.reload("nhiem vu so 99")  # fewer than a page: one query
    found = len(original_ids("nhiem vu so 99"))
    assert asked[2:] == [PAGE] and model.rowCount() == found == counts[-1] and 0 < found < PAGE
    ctx.close()
