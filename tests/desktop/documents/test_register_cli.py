"""`python -m desktop register ...` end to end on a test database."""
from __future__ import annotations

from desktop.cli import main
from tests.desktop.documents.conftest import make_setup


def test_register_commands(ctx, capsys):
    make_setup(ctx)
    db = ["--db", str(ctx.db_path)]
    assert main([*db, "register", "reserve", "--code", "CV-DI", "--year", "2025", "--reason", "giữ cho tờ trình"]) == 0
    assert main([*db, "register", "void", "--code", "CV-DI", "--year", "2025", "--number", "2", "--reason", "in hỏng"]) == 0
    assert main([*db, "register", "next", "--code", "CV-DI", "--year", "2025"]) == 0
    assert main([*db, "register", "list", "--code", "CV-DI", "--year", "2025"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["Đã giữ số 01/2025.", "Đã hủy số 02/2025.", "3"]
    assert out[3].split("\t")[:2] == ["01", "Giữ số"] and out[4].endswith("in hỏng")
    # a duplicate / wrong-year manual number: one line, exit 2
    assert main([*db, "register", "check", "--code", "CV-DI", "--number", "2", "--date", "03/03/2025"]) == 2
    assert "đã bị hủy" in capsys.readouterr().out
    assert main([*db, "register", "list", "--code", "KHONG-CO"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi:") and "KHONG-CO" in err and "Traceback" not in err
