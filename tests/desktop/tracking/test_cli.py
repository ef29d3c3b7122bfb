"""`python -m desktop recipients --db PATH --id N [--pending] [--json]`: the contract."""
from __future__ import annotations

import json
from datetime import datetime

from desktop.cli import main
from desktop.tracking.actions import bulk_mark
from desktop.tracking.query import dispatch_tracking
from tests.desktop.tracking.test_replies import HEALTH, import_letter
from tests.desktop.tracking.conftest import reply_letter

KEYS = ["unit", "unit_id", "line", "sent_at", "channel", "acknowledged_at", "replied_at", "reply", "late"]


def run_json(ctx, capsys, *extra) -> list[dict]:
    assert main(["recipients", "--db", str(ctx.db_path), "--id", str(extra[0]), "--json", *extra[1:]]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_rows_in_printed_order_with_the_contract_fields(ctx, issued, tmp_path, capsys):
    rows = dispatch_tracking(ctx, issued.outgoing_id).rows
    bulk_mark(ctx, [rows[0].id], "sent_email", "văn thư", now=datetime(2025, 12, 1, 16, 5, 7))
    bulk_mark(ctx, [rows[0].id], "acknowledged", "văn thư", now=datetime(2025, 12, 2, 8, 0))
    cited = f"Công văn số {issued.number:02d}/{issued.symbol} ngày 01/12/2025"
    letter = import_letter(ctx, tmp_path, reply_letter(HEALTH, "415", "SYT-TCCB", cited))
    data = run_json(ctx, capsys, issued.outgoing_id)
    assert all(list(item) == KEYS for item in data)
    assert [d["unit"] for d in data] == ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Y tế",
                                         "Ban Thi đua - Khen thưởng Trung ương", "Ủy ban nhân dân xã Quảng Sơn"]
    first = data[0]
    assert first["unit_id"] == issued.setup.units["Sở Nội vụ"]
    assert first["line"] == "Các Sở, Ban, ngành, đoàn thể cấp tỉnh"
    assert (first["sent_at"], first["channel"], first["acknowledged_at"]) == (
        "2025-12-01T16:05:07", "email", "2025-12-02T08:00:00")
    assert first["replied_at"] is None and first["reply"] is None
    health = data[2]
    assert health["reply"] == {"id": letter.document_id, "number": "415", "symbol": "SYT-TCCB", "date": "2025-12-10"}
    datetime.fromisoformat(health["replied_at"])  # when it was recorded, local time
    assert data[4]["unit_id"] is None and data[4]["line"] == "Ban Thi đua - Khen thưởng Trung ương (b/c)"
    # the deadline (15/12/2025) has passed today: the units still waiting are late, the answer was on time
    assert [d["late"] for d in data] == [True, True, False, False, False, False]
    pending = run_json(ctx, capsys, issued.outgoing_id, "--pending")
    assert [d["unit"] for d in pending] == ["Sở Nội vụ", "Sở Tài chính",
                                            "Ban Thi đua - Khen thưởng Trung ương", "Ủy ban nhân dân xã Quảng Sơn"]


def test_table_for_a_person_and_an_unknown_id(ctx, issued, capsys):
    assert main(["recipients", "--db", str(ctx.db_path), "--id", str(issued.outgoing_id)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Công văn số 01/UBND-NC ngày 01/12/2025")
    assert out[1].split()[:2] == ["Đơn", "vị"] and "Sở Tài chính" in out[3]
    assert out[-1].startswith("3 đơn vị chờ trả lời: 0 đã trả lời, 3 chưa trả lời")
    assert main(["recipients", "--db", str(ctx.db_path), "--id", "4242"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.strip().splitlines() == ["Lỗi: không có văn bản đi số định danh 4242"]
