"""Search everywhere on both backends: what only a body or a Nơi nhận line holds, đ/Đ and tones,
the exact number/symbol first, every write path keeping the index in step."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, update

from db.models import DocumentRecipient, IncomingDocument, OutgoingDocument, Task, Unit, UnitAlias
from desktop.documents.inputs import DraftInput, RecipientInput
from desktop.documents.service import create_draft, load_draft, update_draft
from desktop.followup.tasks import TaskInput, add_task
from desktop.search.context import match_context
from desktop.search.query import search


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request):
    """An empty migrated office on SQLite, then on PostgreSQL (when TDKT_TEST_PG_URL is set)."""
    return request.getfixturevalue("ctx" if request.param == "sqlite" else "pg_ctx")


def kinds_ids(hits) -> list[tuple[str, int]]:
    return [(h.kind, h.id) for h in hits]


def issued(session, number: int, symbol: str, subject: str, body: str = "", on=date(2026, 3, 2)) -> OutgoingDocument:
    doc = OutgoingDocument(issuer_name="ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", subject=subject, body=body, status="issued",
                           number=number, symbol=symbol, year=on.year, date=on)
    session.add(doc)
    session.flush()
    return doc


def draft(office, **fields) -> int:
    document_id, _ = create_draft(office, DraftInput(**fields), "văn thư")
    return document_id


def test_a_word_only_in_the_body_and_a_unit_only_in_noi_nhan(office):
    # GIVEN a draft whose body alone says "quyết toán" and whose Nơi nhận alone names Sở Tư pháp
    document_id = draft(office, subject="tổng kết công tác khen thưởng năm 2026",
                        body="Đề nghị các đơn vị gửi hồ sơ quyết toán kinh phí khen thưởng trước ngày 15/12/2026.",
                        recipients=[RecipientInput(text="Sở Nội vụ")],
                        distribution=[RecipientInput(text="Sở Tư pháp", purpose="(để biết)")])
    # THEN both find it, typed without accents or in capitals, and say where
    assert ("outgoing", document_id) in kinds_ids(search(office, "quyet toan"))
    assert ("outgoing", document_id) in kinds_ids(search(office, "SỞ TƯ PHÁP"))
    assert match_context(office, "outgoing", document_id, "quyet toan kinh") == (
        "Nội dung: Đề nghị các đơn vị gửi hồ sơ quyết toán kinh phí khen thưởng trước ngày 15/12/2026.")
    assert match_context(office, "outgoing", document_id, "so tu phap") == "Nơi nhận: Sở Tư pháp (để biết)"
    assert match_context(office, "outgoing", document_id, "tong ket") == ""  # the subject shows it already
    assert ("outgoing", document_id) in kinds_ids(search(office, "so noi vu"))  # Kính gửi too
    # every word must match: one word that is nowhere gives nothing
    assert search(office, "quyết toán ngân hàng") == []
    # WHEN the clerk rewrites the body and drops Sở Tư pháp
    loaded = load_draft(office, document_id)
    data = loaded.data
    data.body = "Đề nghị các đơn vị gửi báo cáo tổng kết."
    data.distribution = []
    update_draft(office, document_id, data, loaded.version, "văn thư")
    # THEN the index follows
    assert search(office, "quyet toan") == []
    assert search(office, "tu phap") == []
    assert ("outgoing", document_id) in kinds_ids(search(office, "bao cao tong ket"))


def test_accents_tones_and_d_bar_in_either_case(office):
    with office.write_session() as s, s.begin():
        doc = issued(s, 12, "UBND-TĐKT", "khen thưởng Đoàn thanh niên tỉnh Đắk Lắk")
        lookalike = issued(s, 13, "UBND-NC", "khen thưởng Doãn thanh niên tỉnh Dak Lak")
    for query in ("đắk lắk", "ĐẮK LẮK", "dak lak", "Đăk Lăk", "DOAN THANH", "tđkt", "TDKT"):
        assert ("outgoing", doc.id) in kinds_ids(search(office, query)), query
    assert ("outgoing", lookalike.id) in kinds_ids(search(office, "đắk lắk"))  # accents never matter
    assert search(office, "dac lak") == []  # but letters do: đ is d, never c


def test_the_exact_number_and_symbol_comes_first(office):
    with office.write_session() as s, s.begin():
        # mentions of 1607/UBND-NC, more of them and newer than the letter itself
        for n in range(3):
            issued(s, 1700 + n, "UBND-VX", f"thực hiện Công văn số 1607/UBND-NC (lần {n + 1})",
                   body="Thực hiện Công văn số 1607/UBND-NC, 1607/UBND-NC của UBND tỉnh.", on=date(2026, 5, 1))
        target = issued(s, 1607, "UBND-NC", "triển khai Thông báo số 63/TB-VPCP", on=date(2026, 4, 1))
        issued(s, 16070, "UBND-NC", "một văn bản khác", on=date(2026, 4, 2))
    for query in ("1607/UBND", "1607/ubnd-nc", "1607", "1607 UBND NC"):
        hits = search(office, query)
        assert kinds_ids(hits)[0] == ("outgoing", target.id), query
        assert len(hits) >= 4
    assert hits[0].title == "1607/UBND-NC — triển khai Thông báo số 63/TB-VPCP"
    assert len(search(office, "1607", limit=2)) == 2


def test_tasks_units_and_incoming_documents_are_found_and_go_when_deleted(office):
    with office.write_session() as s, s.begin():
        unit = Unit(name="Sở Kế hoạch và Đầu tư", kind="department")
        unit.aliases = [UnitAlias(alias="Sở KH&ĐT")]
        s.add(unit)
        incoming = IncomingDocument(issuer_name="Văn phòng Chính phủ", number="63", symbol="TB-VPCP",
                                    subject="kết luận của Thủ tướng", body="Giao Bộ Nội vụ chủ trì rà soát.",
                                    arrival_number=5, arrival_date=date(2026, 3, 1))
        s.add(incoming)
        s.flush()
        s.add(DocumentRecipient(incoming_id=incoming.id, role="distribution", text="Ban Thi đua - Khen thưởng tỉnh"))
    task_id, _ = add_task(office, TaskInput(title="Rà soát danh sách đề nghị tặng Cờ thi đua", unit_id=unit.id,
                                            assignee_text="Sở Kế hoạch và Đầu tư", deadline=date(2026, 6, 30)),
                          "văn thư")
    assert ("unit", unit.id) in kinds_ids(search(office, "kh&đt"))
    assert ("incoming", incoming.id) in kinds_ids(search(office, "63/TB"))
    assert ("incoming", incoming.id) in kinds_ids(search(office, "ban thi dua khen thuong"))  # its Nơi nhận
    hits = search(office, "tang co thi dua")
    assert kinds_ids(hits) == [("task", task_id)]
    assert hits[0].title == "Sở Kế hoạch và Đầu tư — Rà soát danh sách đề nghị tặng Cờ thi đua"
    # WHEN a bulk statement deletes the task and the ORM deletes the incoming document
    with office.write_session() as s, s.begin():
        s.execute(delete(Task).where(Task.id == task_id))
        s.delete(s.get(IncomingDocument, incoming.id))
    # THEN their entries went with them (ON DELETE CASCADE), the unit's stays
    assert search(office, "tang co thi dua") == [] and search(office, "63/TB") == []
    assert kinds_ids(search(office, "ke hoach dau tu")) == [("unit", unit.id)]


def test_a_bulk_update_of_lines_reindexes_their_document(office):
    document_id = draft(office, subject="mời họp", distribution=[RecipientInput(text="Sở Y tế")])
    with office.write_session() as s, s.begin():  # an UPDATE statement, no object loaded
        s.execute(update(DocumentRecipient).where(DocumentRecipient.text == "Sở Y tế").values(text="Sở Giáo dục"))
    assert ("outgoing", document_id) in kinds_ids(search(office, "so giao duc"))
    assert search(office, "so y te") == []


def test_nothing_to_look_for_finds_nothing(office):
    draft(office, subject="mời họp")
    assert search(office, "") == [] and search(office, " /-– ") == []


@pytest.mark.postgres
def test_the_demo_office_answers_alike_on_both_backends(pg_ctx, demo_ctx):
    """The same hits (the ranks differ a little: bm25 and ts_rank), the exact number first on both."""
    from desktop.demo.office import _populate

    with pg_ctx.write_session() as session, session.begin():
        _populate(session, 160)  # as build_demo_database (the demo_ctx) does
    for query in ("1607/UBND", "2457", "so noi vu", "phong trào thi đua", "Đắk Nông", "báo cáo kết quả"):
        on_pg = [(h.kind, h.title) for h in search(pg_ctx, query, limit=500)]
        on_sqlite = [(h.kind, h.title) for h in search(demo_ctx, query, limit=500)]
        assert sorted(on_pg) == sorted(on_sqlite) and on_pg, query
    for query in ("1607/UBND", "2457/ubnd-nc"):
        assert search(pg_ctx, query)[0].title == search(demo_ctx, query)[0].title


def test_words_only_in_an_appendix_or_the_address_footer(office):
    from desktop.documents.inputs import AppendixInput

    # GIVEN a draft whose appendix alone lists "khảo sát độc lập" and whose footer alone gives a phone number
    document_id = draft(office, subject="tổng kết công tác khen thưởng năm 2026", body="Đề nghị các đơn vị thực hiện.",
                        recipients=[RecipientInput(text="Sở Nội vụ")],
                        appendices=[AppendixInput(subtitle="DANH MỤC TIÊU CHÍ",
                                                  body="1. Kết quả khảo sát độc lập của người dân.")],
                        contact=["Địa chỉ: số 1 đường Lê Duẩn", "ĐT: 0261 3544 999"])
    # THEN the search finds it by either, and says where
    assert ("outgoing", document_id) in kinds_ids(search(office, "khao sat doc lap"))
    assert match_context(office, "outgoing", document_id, "khao sat") == (
        "Phụ lục: 1. Kết quả khảo sát độc lập của người dân.")
    assert ("outgoing", document_id) in kinds_ids(search(office, "le duan"))
    assert match_context(office, "outgoing", document_id, "le duan") == "Địa chỉ: Địa chỉ: số 1 đường Lê Duẩn"
    assert search(office, "subtitle") == []  # how appendices are stored is not searched
