"""`--self-test`: one line per step, exit 0 when all pass; a failing step is named and stops the run."""
from __future__ import annotations

import os
from pathlib import Path

from desktop.cli import main


def test_every_step_passes_on_a_fresh_data_folder(capsys):
    assert main(["--self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines[:5]] == [
        "OK  Cơ sở dữ liệu", "OK  Văn bản PDF", "OK  Ảnh trang", "OK  Nhận dạng chữ (OCR)", "OK  Báo cáo Excel"]
    assert "27/BTĐKT" in lines[3] and lines[-1] == "Tự kiểm tra: mọi bước đều đạt."
    log = Path(os.environ["TDKT_DATA_DIR"]) / "logs" / "self-test.log"
    assert log.read_text(encoding="utf-8").splitlines()[:5] == lines[:5]
    assert (Path(os.environ["TDKT_DATA_DIR"]) / "self-test.sqlite3").exists()


def test_a_failing_step_is_named_and_stops_the_run(capsys, monkeypatch):
    from desktop.selftest import steps

    def broken(work):
        raise RuntimeError("không tìm thấy dữ liệu nhận dạng chữ")

    monkeypatch.setattr(steps, "STEPS", [steps.STEPS[0], ("Nhận dạng chữ (OCR)", broken), steps.STEPS[4]])
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("OK  Cơ sở dữ liệu")
    assert out[1] == "LỖI Nhận dạng chữ (OCR): RuntimeError: không tìm thấy dữ liệu nhận dạng chữ"
    assert len(out) == 2  # the Excel step did not run
