"""`python -m desktop search` (a contract): the JSON shape, the text lines, --limit, no hit."""
from __future__ import annotations

import json
from datetime import date

from db.models import OutgoingDocument, Task, Unit
from desktop.cli import main


def fill(ctx) -> dict[str, int]:
    with ctx.write_session() as s, s.begin():
        unit = Unit(name="Sở Nội vụ", kind="department")
        letter = OutgoingDocument(issuer_name="UBND TỈNH", subject="triển khai Thông báo số 63/TB-VPCP",
                                  status="issued", number=1607, symbol="UBND-NC", year=2021, date=date(2021, 4, 2))
        s.add_all([unit, letter])
        s.flush()
        s.add(Task(title="Báo cáo kết quả thực hiện Công văn 1607/UBND-NC", outgoing_id=letter.id,
                   assignee_unit_id=unit.id, assignee_text="Sở Nội vụ"))
    return {"unit": unit.id, "outgoing": letter.id}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_kind_id_and_title_exact_number_first(ctx, capsys):
    ids = fill(ctx)
    db = str(ctx.db_path)
    code, out, err = run(capsys, "search", "--db", db, "1607/UBND", "--json")
    assert code == 0 and err == ""
    hits = json.loads(out)
    assert all(set(hit) == {"kind", "id", "title"} for hit in hits)
    assert hits[0] == {"kind": "outgoing", "id": ids["outgoing"],
                       "title": "1607/UBND-NC — triển khai Thông báo số 63/TB-VPCP"}
    assert [h["kind"] for h in hits] == ["outgoing", "task"]
    assert isinstance(hits[1]["id"], int) and hits[1]["title"].startswith("Sở Nội vụ — Báo cáo kết quả")


def test_text_lines_limit_and_options_after_the_words(ctx, capsys):
    fill(ctx)
    code, out, _ = run(capsys, "search", "--db", str(ctx.db_path), "noi vu", "--limit", "1")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    kind, item_id, title = lines[0].split("\t")
    assert kind in ("unit", "task") and item_id.isdigit() and "Sở Nội vụ" in title


def test_no_hit_is_an_empty_list_and_exit_0(ctx, capsys):
    fill(ctx)
    assert run(capsys, "search", "--db", str(ctx.db_path), "không có ở đâu", "--json") == (0, "[]\n", "")
    assert run(capsys, "search", "--db", str(ctx.db_path), "không có ở đâu") == (0, "", "")


def test_a_wrong_limit_is_refused(ctx, capsys):
    try:
        code = main(["search", "--db", str(ctx.db_path), "x", "--limit", "0"])
    except SystemExit as exc:  # argparse's own exit
        code = exc.code
    assert code == 2
    assert "--limit" in capsys.readouterr().err
