from datetime import date

from desktop.incoming.forms import lines_from_text, references_from_text, references_to_text


def test_references_round_trip_through_the_text_field():
    refs = references_from_text("Công văn số 812/UBND-NC ngày 02/3/2026\n\nKế hoạch số 25/KH-PGDĐT")
    assert [(r.type, r.number, r.symbol, r.date) for r in refs] == [
        ("Công văn", "812", "UBND-NC", date(2026, 3, 2)), ("Kế hoạch", "25", "KH-PGDĐT", None)]
    assert references_to_text(refs) == "Công văn số 812/UBND-NC ngày 02/03/2026\nKế hoạch số 25/KH-PGDĐT"
    assert references_from_text(references_to_text(refs)) == refs


def test_lines_lose_their_list_marks():
    assert lines_from_text("- Như trên;\n- Ban TĐKT tỉnh (b/c);\n\n- Lưu: VT, TCCB.") == [
        "Như trên", "Ban TĐKT tỉnh (b/c)", "Lưu: VT, TCCB"]
