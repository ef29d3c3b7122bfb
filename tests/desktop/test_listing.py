"""Lazy lists: SQL filters (accent-insensitive) and sorts; rows come a page at a time."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import insert

from db.models import OutgoingDocument, Unit
from db.text import fold, vi_sort_key
from desktop.core import listing
from desktop.core.browse import Browser
from desktop.documents.lists import OUTGOING
from desktop.recipients.lists import UNITS


def test_fold_removes_accents_including_d_bar():
    assert fold("Đắk Nông – ĐỒNG") == "dak nong – dong"
    assert fold("Sở Kế hoạch và Đầu tư") == "so ke hoach va dau tu"


def test_vietnamese_sort_order():
    words = ["Đà Nẵng", "Ân Thi", "Bắc Giang", "An Giang", "Dak", "Ăn", "Cà Mau", "Ô Môn", "Ơ", "O", "Ư", "U"]
    assert sorted(words, key=vi_sort_key) == [
        "An Giang", "Ăn", "Ân Thi", "Bắc Giang", "Cà Mau", "Dak", "Đà Nẵng", "O", "Ô Môn", "Ơ", "U", "Ư",
    ]
    # tones are a second level: a < à < ả < ã < á < ạ, only when the letters tie
    assert sorted(["má", "mà", "ma", "mạ", "mả", "mã"], key=vi_sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(["ban", "bàn", "bản", "ba"], key=vi_sort_key) == ["ba", "ban", "bàn", "bản"]


def test_units_filter_without_accents_and_sort_in_vietnamese_order(demo_ctx):
    browser = Browser(demo_ctx, UNITS)
    found = browser.rows(browser.ids("so ke hoach"))
    assert [r[0] for r in found.values()] == ["Sở Kế hoạch và Đầu tư"]
    assert browser.ids("SỞ KH&ĐT") == browser.ids("so kh&dt") != []  # aliases too
    names = [browser.rows([i])[i][0] for i in browser.ids()]
    assert names == sorted(names, key=vi_sort_key)
    assert names.index("Đài Phát thanh và Truyền hình tỉnh") > names.index("Cục Thuế tỉnh")


def test_outgoing_sort_by_number_and_named_filters(demo_ctx):
    browser = Browser(demo_ctx, OUTGOING)
    ids = browser.ids(sort_key="number", descending=True)
    numbers = [browser.rows([i])[i][0] for i in ids[:5]]
    assert numbers == sorted(numbers, key=int, reverse=True)
    drafts = browser.ids(filter_key="draft")
    assert len(drafts) == 1 and browser.rows(drafts)[drafts[0]][-1] == "Dự thảo"
    assert "Đã ban hành" in browser.rows(browser.ids(filter_key="issued")[:1]).popitem()[1]


def test_search_words_are_anded_and_like_wildcards_are_literal(demo_ctx):
    browser = Browser(demo_ctx, OUTGOING)
    both = browser.ids("phong trao trong tam")
    assert len(both) == 1
    assert browser.ids("100%") == [] and browser.ids("_") == []


def test_a_hundred_thousand_documents_list_by_ids_and_pages(ctx):
    rows = [
        {"issuer_name": "UBND", "subject": f"công văn số {i}", "search_folded": f"cong van so {i}",
         "date": date(2020, 1, 1) + timedelta(days=i % 2000), "status": "issued", "doc_type": "Công văn",
         "body": "", "copies": 0, "version": 1}
        for i in range(100_000)
    ]
    with ctx.session() as s, s.begin():
        s.execute(insert(OutgoingDocument), rows)
    browser = Browser(ctx, OUTGOING)
    ids = browser.ids()
    assert len(ids) == 100_000
    page = browser.rows(ids[:100])
    assert len(page) == 100
    assert all(isinstance(v, tuple) for v in page.values())
    assert len(browser.ids("so 99999")) == 1


def test_number_text_pads_below_ten(ctx):
    with ctx.session() as s, s.begin():
        s.add(OutgoingDocument(issuer_name="UBND", subject="a", number=5, year=2026, symbol="UBND-NC"))
        s.add(Unit(name="x", kind="other"))
    browser = Browser(ctx, OUTGOING)
    assert browser.rows(browser.ids()).popitem()[1][0] == "05"


def test_the_task_list_judges_overdue_by_the_local_date(demo_ctx, monkeypatch):
    """The category uses Python's local date at query time, not the database's UTC date."""
    import datetime as dt

    from desktop.followup.lists import TASKS

    browser = Browser(demo_ctx, TASKS)

    class Frozen(dt.date):
        @classmethod
        def today(cls):
            return dt.date(2018, 10, 1)

    monkeypatch.setattr("desktop.followup.lists.date", Frozen)
    monkeypatch.setattr("desktop.followup.lists._today.callable", Frozen.today, raising=False)
    rows = browser.rows(browser.ids())
    by_label = {r[1]: r for r in rows.values()}
    category = [c.key for c in TASKS.columns].index("category")
    assert by_label["5.2"][category] == "Chưa hoàn thành, quá hạn"  # due 30/09/2018
    assert by_label["5.1"][category] == "Chưa hoàn thành, trong hạn"  # due 31/12/2018


def test_a_new_undated_draft_comes_first_in_the_newest_first_list(demo_ctx):
    browser = Browser(demo_ctx, OUTGOING)
    first = browser.rows(browser.ids()[:1]).popitem()[1]
    assert first[-1] == "Dự thảo" and first[2] == ""  # the demo's draft, not yet dated


def _plan(ctx, source, **kwargs) -> str:
    """SQLite's plan for the ids query `listing.ids` sends."""
    from sqlalchemy import event

    sent = []
    event.listen(ctx.engine, "before_cursor_execute", lambda *a: sent.append((a[2], a[3])))
    with ctx.session() as session:
        listing.ids(session, source, **kwargs)
        statement, params = sent[-1]
        rows = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
    return " | ".join(row[-1] for row in rows)


def test_the_document_lists_first_screen_is_read_along_an_index(ctx):
    from desktop.documents.lists import INCOMING

    plan = _plan(ctx, OUTGOING, limit=100)
    assert "ix_outgoing_documents_listed" in plan and "TEMP B-TREE" not in plan
    plan = _plan(ctx, INCOMING, limit=100)
    assert "ix_incoming_documents_listed" in plan and "TEMP B-TREE" not in plan


def test_a_first_page_is_the_start_of_the_whole_list(ctx):
    rows = [{"issuer_name": "UBND", "subject": f"văn bản {i}", "search_folded": "", "status": "issued",
             "doc_type": "Công văn", "body": "", "copies": 0, "version": 1, "year": 2020, "number": i + 1,
             "date": date(2020, 1, 1) + timedelta(days=i % 7)} for i in range(30)]
    rows += [{**rows[0], "number": None, "date": None, "status": "draft", "subject": "dự thảo"}]
    with ctx.session() as s, s.begin():
        s.execute(insert(OutgoingDocument), rows)
    browser = Browser(ctx, OUTGOING)
    everything = browser.ids()
    assert browser.ids(limit=10) == everything[:10]
    assert browser.rows(everything[:1]).popitem()[1][4] == "dự thảo"  # a draft (no date yet) leads
    assert browser.ids(descending=False, limit=5) == browser.ids(descending=False)[:5]


def _reference_fold(text: str) -> str:
    """fold() as first written: every combining mark dropped one character at a time (after what no store
    can hold is dropped: db.text.storable)."""
    import unicodedata

    from db.text import storable

    text = storable(text) or ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


def test_fold_agrees_with_the_character_by_character_rule():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    vietnamese = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    alphabet = st.sampled_from(vietnamese + vietnamese.upper() + " -–/“”.,0123456789\u0301\u0323\u034f\u05b0ñßİ")

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=40) | st.text(max_size=20))
    def agrees(text):
        assert fold(text) == _reference_fold(text)

    agrees()
