"""Autosaves survive the process being killed; reopening offers them."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core.context import open_context
from desktop.documents import autosave, service
from desktop.documents.inputs import draft_from_payload, draft_to_payload
from tests.desktop.documents.conftest import good_draft

REPO = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent("""
    import os, sys, time
    from desktop.core.context import open_context
    from desktop.documents.autosave import save_autosave
    ctx = open_context(sys.argv[1], migrate=False)
    outgoing = None if sys.argv[2] == "new" else int(sys.argv[2])
    save_autosave(ctx, outgoing, {"subject": sys.argv[3], "body": "dòng đang gõ dở"}, "chuyên viên")
    print("saved", flush=True)
    time.sleep(60)  # "still editing" when the kill arrives
""")


def _crash_after_autosave(ctx, outgoing: str, subject: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, ctx.url, outgoing, subject],
        cwd=REPO, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert proc.stdout.readline().strip() == "saved"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode != 0


def test_killed_editor_leaves_the_typed_text(ctx, setup):
    doc_id, _ = service.create_draft(ctx, good_draft(setup), "chuyên viên")
    _crash_after_autosave(ctx, str(doc_id), "trích yếu gõ trước khi mất điện")
    _crash_after_autosave(ctx, "new", "văn bản mới chưa lưu")
    fresh = open_context(ctx.url)
    try:
        restored = autosave.load_autosave(fresh, doc_id)
        assert restored == {"subject": "trích yếu gõ trước khi mất điện", "body": "dòng đang gõ dở"}
        assert autosave.load_autosave(fresh, None)["subject"] == "văn bản mới chưa lưu"
        pending = autosave.pending_autosaves(fresh)
        assert {(p.outgoing_id, p.subject) for p in pending} == {
            (doc_id, "trích yếu gõ trước khi mất điện"), (None, "văn bản mới chưa lưu"),
        }
        assert all(p.saved_by == "chuyên viên" for p in pending)
    finally:
        fresh.close()


def test_save_replaces_and_discard_forgets(ctx, setup):
    doc_id, _ = service.create_draft(ctx, good_draft(setup), "cv")
    first = autosave.save_autosave(ctx, doc_id, {"subject": "một"}, "cv")
    second = autosave.save_autosave(ctx, doc_id, {"subject": "hai"}, "cv")
    assert first == second and autosave.load_autosave(ctx, doc_id) == {"subject": "hai"}
    autosave.discard_autosave(ctx, doc_id)
    assert autosave.load_autosave(ctx, doc_id) is None and autosave.pending_autosaves(ctx) == []


def test_a_real_save_discards_the_autosave_and_payload_round_trips(ctx, setup):
    data = good_draft(setup)
    doc_id, _ = service.create_draft(ctx, data, "cv")
    autosave.save_autosave(ctx, doc_id, draft_to_payload(data), "cv")
    restored = draft_from_payload(autosave.load_autosave(ctx, doc_id))
    assert restored == data
    loaded = service.load_draft(ctx, doc_id)
    service.update_draft(ctx, doc_id, restored, loaded.version, "cv")
    assert autosave.load_autosave(ctx, doc_id) is None


def test_autosave_of_an_issued_document_is_not_offered(ctx, setup):
    from datetime import date

    doc_id, _ = service.create_draft(ctx, good_draft(setup), "cv")
    autosave.save_autosave(ctx, doc_id, {"subject": "x"}, "cv")
    service.submit(ctx, doc_id, "cv")
    service.sign(ctx, doc_id, "ld")
    service.issue(ctx, doc_id, "vt", on=date(2025, 1, 3))
    assert autosave.pending_autosaves(ctx) == []


def test_new_drafts_have_one_slot_each_and_a_slot_is_updated_in_place(ctx):
    from desktop.documents import autosave

    first = autosave.save_autosave(ctx, None, {"subject": "một"}, "cv")
    second = autosave.save_autosave(ctx, None, {"subject": "hai"}, "cv")  # another editor
    assert first != second
    assert autosave.save_autosave(ctx, None, {"subject": "một (sửa)"}, "cv", autosave_id=first) == first
    assert sorted(p.subject for p in autosave.pending_autosaves(ctx)) == ["hai", "một (sửa)"]
    assert autosave.load_autosave(ctx, None, autosave_id=second) == {"subject": "hai"}
    autosave.discard_autosave(ctx, None, autosave_id=first)
    assert [p.subject for p in autosave.pending_autosaves(ctx)] == ["hai"]


def test_autosaves_are_small_files_in_the_user_data_folder_not_in_the_database(ctx):
    from desktop.core.paths import data_dir

    slot = autosave.save_autosave(ctx, None, {"subject": "một"}, "cv")
    files = list((data_dir() / "autosave").rglob("*.json"))
    assert [f.name for f in files] == [f"new-{slot}.json"]
    with ctx.session() as s:
        from sqlalchemy import text

        assert s.execute(text("SELECT COUNT(*) FROM draft_autosaves")).scalar_one() == 0


def test_an_autosave_survives_a_database_that_cannot_be_written(ctx, setup):
    from tests.desktop.storage.conftest import fail_writes, sqlite_error

    doc_id, _ = service.create_draft(ctx, good_draft(setup), "cv")
    fail_writes(ctx.engine, sqlite_error("attempt to write a readonly database", 8))
    autosave.save_autosave(ctx, doc_id, {"subject": "gõ khi không ghi được"}, "cv")
    assert autosave.load_autosave(ctx, doc_id) == {"subject": "gõ khi không ghi được"}
    assert [p.subject for p in autosave.pending_autosaves(ctx)] == ["gõ khi không ghi được"]


def test_a_failed_write_leaves_the_previous_autosave_whole(ctx, monkeypatch):
    import errno

    slot = autosave.save_autosave(ctx, None, {"subject": "bản trước"}, "cv")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr("os.replace", full)
        with pytest.raises(OSError):
            autosave.save_autosave(ctx, None, {"subject": "bản sau"}, "cv", autosave_id=slot)
    assert autosave.load_autosave(ctx, None, autosave_id=slot) == {"subject": "bản trước"}
    folder = autosave.folder(ctx)
    assert sorted(p.name for p in folder.iterdir()) == [f"new-{slot}.json"]  # no part file left


def test_autosaves_are_offered_when_the_database_cannot_be_read(ctx, setup):
    doc_id, _ = service.create_draft(ctx, good_draft(setup), "cv")
    autosave.save_autosave(ctx, doc_id, {"subject": "vẫn còn"}, "cv")
    ctx.engine.dispose()
    ctx.db_path.rename(ctx.db_path.with_name("moved.sqlite3"))
    assert [p.subject for p in autosave.pending_autosaves(ctx)] == ["vẫn còn"]
