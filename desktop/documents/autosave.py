"""Autosaves of the editor: the last typed state, so closing, a crash or a database that cannot be
written never loses text.

Each autosave is a small JSON file of its own in the user-data folder, not in the database: when the
database is read-only, locked, full or gone, the draft is still kept. Files live in
`autosave/<database key>/` (one folder per database): `doc-<id>.json` for a stored document,
`new-<n>.json` for a new, never-saved draft — the editor keeps the id `save_autosave` returns and
passes it back (`autosave_id`), so two new drafts typed at once never overwrite each other. Each
write goes to a temporary file that is flushed and renamed over the old one, so whatever was saved
survives the process being killed right after, and a kill mid-write leaves the previous autosave.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from db.models import OutgoingDocument
from desktop.core.context import AppContext
from desktop.core.files import write_atomically
from desktop.core.paths import data_dir


@dataclass
class AutosaveInfo:
    id: int
    outgoing_id: int | None  # None = a new draft never saved
    saved_by: str | None
    saved_at: datetime
    subject: str  # for the "restore?" prompt
    payload: dict[str, Any]


def folder(ctx: AppContext) -> Path:
    """The autosaves of `ctx`'s database (a SQLite file, or a server database: password left out)."""
    where = str(ctx.db_path.resolve()) if ctx.db_path is not None else \
        make_url(ctx.url).render_as_string(hide_password=True)
    key = hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]
    path = data_dir() / "autosave" / key
    path.mkdir(parents=True, exist_ok=True)
    return path


def _doc_file(ctx: AppContext, outgoing_id: int) -> Path:
    return folder(ctx) / f"doc-{int(outgoing_id)}.json"


def _new_file(ctx: AppContext, slot: int) -> Path:
    return folder(ctx) / f"new-{int(slot)}.json"


def _claim_slot(ctx: AppContext) -> int:
    """A number no other new draft's autosave has (claimed by creating its file exclusively)."""
    taken = [int(p.stem[4:]) for p in folder(ctx).glob("new-*.json") if p.stem[4:].isdigit()]
    slot = max(taken, default=0) + 1
    while True:
        try:
            os.close(os.open(_new_file(ctx, slot), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            return slot
        except FileExistsError:
            slot += 1


def _read(path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a slot just claimed (empty) or unreadable: nothing to restore
    return record if isinstance(record, dict) and isinstance(record.get("payload"), dict) else None


def save_autosave(ctx: AppContext, outgoing_id: int | None, payload: dict[str, Any], user: str,
                  *, autosave_id: int | None = None) -> int:
    """Store `payload` (any JSON-safe dict, e.g. `inputs.draft_to_payload(form)`) as the autosave of
    `outgoing_id` (or of the editor's own slot `autosave_id`), replacing the previous one; returns the
    autosave's id. A new draft without a slot gets a new one."""
    if outgoing_id is not None:
        ident, path = int(outgoing_id), _doc_file(ctx, outgoing_id)
    else:
        ident = autosave_id if autosave_id is not None else _claim_slot(ctx)
        path = _new_file(ctx, ident)
    record = {"id": ident, "outgoing_id": outgoing_id, "saved_by": user,
              "saved_at": datetime.now().isoformat(timespec="microseconds"), "payload": payload}
    write_atomically(path, json.dumps(record, ensure_ascii=False, default=str).encode("utf-8"))
    return ident


def _files(ctx: AppContext, outgoing_id: int | None, user: str | None, autosave_id: int | None) -> list[Path]:
    if autosave_id is not None:
        return [_new_file(ctx, autosave_id)]
    if outgoing_id is not None:
        return [_doc_file(ctx, outgoing_id)]
    found = []
    for path in folder(ctx).glob("new-*.json"):
        record = _read(path)
        if record is not None and (user is None or record.get("saved_by") == user):
            found.append(path)
    return sorted(found, key=lambda p: (_read(p) or {}).get("saved_at", ""), reverse=True)


def load_autosave(ctx: AppContext, outgoing_id: int | None, user: str | None = None,
                  *, autosave_id: int | None = None) -> dict[str, Any] | None:
    """The autosaved payload of slot `autosave_id`, or of `outgoing_id` (for a new draft: the
    latest, of `user` if given)."""
    for path in _files(ctx, outgoing_id, user, autosave_id):
        record = _read(path)
        if record is not None:
            return record["payload"]
    return None


def discard_autosave(ctx: AppContext, outgoing_id: int | None, user: str | None = None,
                     *, autosave_id: int | None = None) -> None:
    """Forget the autosave (after a real save, or when the clerk declines to restore it):
    slot `autosave_id` only when given; every new draft's (of `user`) when `outgoing_id` is None."""
    for path in _files(ctx, outgoing_id, user, autosave_id):
        path.unlink(missing_ok=True)


def pending_autosaves(ctx: AppContext, user: str | None = None) -> list[AutosaveInfo]:
    """Autosaves waiting to be restored, newest first (of `user` only when given).

    An autosave of a document that has since been issued, signed or cancelled is not offered; when
    the database cannot be read, every autosave is offered.
    """
    found = []
    for path in folder(ctx).glob("*.json"):
        record = _read(path)
        if record is None or (user is not None and record.get("saved_by") != user):
            continue
        found.append(AutosaveInfo(
            id=int(record["id"]), outgoing_id=record.get("outgoing_id"), saved_by=record.get("saved_by"),
            saved_at=datetime.fromisoformat(record["saved_at"]),
            subject=str(record["payload"].get("subject") or ""), payload=record["payload"],
        ))
    stored = [a.outgoing_id for a in found if a.outgoing_id is not None]
    if stored:
        try:
            with ctx.session() as session:
                status = dict(session.execute(select(OutgoingDocument.id, OutgoingDocument.status)
                                              .where(OutgoingDocument.id.in_(stored))).all())
        except Exception:  # noqa: BLE001 - an unreadable database must not hide the autosaves
            status = {i: "draft" for i in stored}
        found = [a for a in found if a.outgoing_id is None or status.get(a.outgoing_id) in ("draft", "submitted")]
    return sorted(found, key=lambda a: (a.saved_at, a.id), reverse=True)
