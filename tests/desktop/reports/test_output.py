"""Writing like a desktop program: temporary name then rename, nothing left by a cancelled or failed
export, one clear message (and a second name) for a locked or unwritable destination. Tests run as
root, which ignores permissions, so the operating system's errors are injected."""
from __future__ import annotations

import errno
import glob
import tempfile
from datetime import date
from pathlib import Path

import pytest

from desktop.core.jobs import CancelToken, Cancelled
from desktop.reports import output
from desktop.reports.output import ExportError, free_name
from desktop.reports.period import Period
from desktop.reports.registers import export_register

EVERYTHING = Period.between(date(2018, 1, 1), date(2026, 12, 31))


@pytest.fixture
def out(tmp_path) -> Path:
    """An empty folder for the exports (the test's database lives in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _openpyxl_temporaries() -> set[str]:
    return set(glob.glob(str(Path(tempfile.gettempdir()) / "openpyxl.*")))


def test_cancelled_half_way_leaves_nothing_behind(scaled_ctx, tmp_path):
    target = tmp_path / "out" / "so-di.xlsx"
    target.parent.mkdir()
    before = _openpyxl_temporaries()
    token, seen = CancelToken(), []

    def progress(fraction: float, message: str = "") -> None:
        seen.append(fraction)
        if fraction >= 0.5:
            token.cancel()

    with pytest.raises(Cancelled):
        export_register(scaled_ctx, target, "out", EVERYTHING, progress=progress, cancel=token)
    assert 0.5 <= max(seen) < 0.9  # it stopped half way, not at the end
    assert list(target.parent.iterdir()) == []  # neither the file nor its temporary
    assert _openpyxl_temporaries() <= before  # openpyxl's own sheet files are gone too


def test_a_failure_while_writing_leaves_the_old_file_untouched(demo_ctx, out, monkeypatch):
    target = out / "so-di.xlsx"
    target.write_bytes(b"the report of last week")

    def broken(*_args, **_kwargs):
        raise RuntimeError("ổ đĩa mạng mất kết nối")

    monkeypatch.setattr("desktop.reports.registers.register_lines", broken)
    with pytest.raises(RuntimeError):
        export_register(demo_ctx, target, "out", EVERYTHING)
    assert target.read_bytes() == b"the report of last week"
    assert [p.name for p in out.iterdir()] == ["so-di.xlsx"]


def test_a_file_open_in_excel_is_named_with_a_second_name_offered(demo_ctx, out, monkeypatch):
    target = out / "Sổ đi.xlsx"
    target.write_bytes(b"open in Excel")
    (out / "Sổ đi (2).xlsx").write_bytes(b"taken")

    def locked(_path):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(output, "_probe", locked)
    with pytest.raises(ExportError) as caught:
        export_register(demo_ctx, target, "out", EVERYTHING)
    message = str(caught.value)
    assert "«Sổ đi.xlsx»" in message and "đang mở trong Excel" in message and "Traceback" not in message
    assert caught.value.alternative == out / "Sổ đi (3).xlsx"
    assert target.read_bytes() == b"open in Excel"
    assert sorted(p.name for p in out.iterdir()) == ["Sổ đi (2).xlsx", "Sổ đi.xlsx"]


def test_a_file_locked_when_renamed_keeps_the_old_file_and_no_temporary(demo_ctx, out, monkeypatch):
    target = out / "so.xlsx"
    target.write_bytes(b"old")

    def refuse(_src, _dst):
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(output, "_replace", refuse)
    with pytest.raises(ExportError, match="đang mở") as caught:
        export_register(demo_ctx, target, "out", EVERYTHING)
    assert caught.value.alternative == out / "so (2).xlsx"
    assert target.read_bytes() == b"old" and [p.name for p in out.iterdir()] == ["so.xlsx"]


def test_unwritable_or_missing_folder_is_one_sentence(demo_ctx, out, monkeypatch):
    with pytest.raises(ExportError, match="không tồn tại") as caught:
        export_register(demo_ctx, out / "nowhere" / "so.xlsx", "out", EVERYTHING)
    assert caught.value.alternative is None

    def read_only(**_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", read_only)
    with pytest.raises(ExportError, match="không có quyền ghi"):
        export_register(demo_ctx, out / "so.xlsx", "out", EVERYTHING)
    assert list(out.iterdir()) == []


def test_a_full_disk_is_said_as_such(demo_ctx, out, monkeypatch):
    def full(_src, _dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "_replace", full)
    with pytest.raises(ExportError, match="ổ đĩa đã đầy"):
        export_register(demo_ctx, out / "so.xlsx", "out", EVERYTHING)
    assert list(out.iterdir()) == []


def test_a_directory_is_not_a_file_name(demo_ctx, out):
    with pytest.raises(ExportError, match="là một thư mục"):
        export_register(demo_ctx, out, "out", EVERYTHING)


def test_success_replaces_the_old_file_whole(demo_ctx, out):
    target = out / "so.xlsx"
    target.write_bytes(b"old")
    assert export_register(demo_ctx, target, "out", EVERYTHING) == target
    assert target.read_bytes()[:2] == b"PK" and [p.name for p in out.iterdir()] == ["so.xlsx"]


def test_free_name_counts_up():
    assert free_name(Path("/x/Báo cáo.xlsx")) == Path("/x/Báo cáo (2).xlsx")
