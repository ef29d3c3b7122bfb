"""The flow of an outgoing document: Dự thảo → Trình ký → Đã ký → Đã ban hành.

Each step is one transaction that checks the current status, optionally the version the
caller saw, and writes an audit entry (who, when, from → to). Issuing gives the number from
the register in the same transaction, so a failed issue leaves neither a number nor a status.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm.exc import StaleDataError

from desktop.core.access import DRAFT, REGISTER, SIGN
from desktop.core.access import check_right
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.vocabulary import DOCUMENT_STATUS_LABELS
from desktop.documents.errors import NO_REGISTER_SIGNED, DocumentError, StaleVersion, ValidationFailed
from desktop.documents.numbering import allocate_number
from desktop.documents.store import get_document, read_loaded, snapshot_signer
from desktop.documents.validation import check
from desktop.tracking.rows import reply_deadline_in_body, track_issued

ENTITY = "outgoing_document"


def _label(status: str) -> str:
    return DOCUMENT_STATUS_LABELS.get(status, status)


def _start(session, document_id: int, allowed: tuple[str, ...], action: str, expected_version: int | None):
    doc = get_document(session, document_id)
    if expected_version is not None and doc.version != expected_version:
        raise StaleVersion()
    if doc.status not in allowed:
        wanted = " hoặc ".join(f"«{_label(s)}»" for s in allowed)
        raise DocumentError(
            f"Không thể {action}: văn bản đang ở trạng thái «{_label(doc.status)}», cần {wanted}."
        )
    return doc


def _move(ctx: AppContext, document_id: int, user: str, allowed: tuple[str, ...], to: str, action: str,
          verb: str, expected_version: int | None, validate_first: bool = False, *, permission,
          **details) -> Changes:
    """One step of the flow; `permission` is the right it needs (desktop/core/access.py), or a
    function of the document's status giving it."""
    try:
        with ctx.write_session() as session:
            doc = get_document(session, document_id)
            check_right(session, ctx.actor, permission(doc.status) if callable(permission) else permission, user)
            doc = _start(session, document_id, allowed, verb, expected_version)
            if validate_first:
                errors = check(session, read_loaded(session, doc).data)
                if errors:
                    raise ValidationFailed(errors)
            before = doc.status
            doc.status = to
            record(session, user, action, ENTITY, doc.id, **{"from": before, "to": to}, **details)
            session.commit()
    except StaleDataError:
        raise StaleVersion() from None
    return Changes(outgoing=True)


def submit(ctx: AppContext, document_id: int, user: str, *, expected_version: int | None = None) -> Changes:
    """Dự thảo → Trình ký, after every field check passes (ValidationFailed otherwise, nothing changed)."""
    return _move(ctx, document_id, user, ("draft",), "submitted", "submit", "trình ký", expected_version,
                 validate_first=True, permission=DRAFT)


def sign(ctx: AppContext, document_id: int, user: str, *, expected_version: int | None = None) -> Changes:
    """Trình ký → Đã ký (the signer approved the text): lãnh đạo only, after the same checks as
    Trình ký: the signed document is locked, so what issuing needs (register, signer) must be there now."""
    return _move(ctx, document_id, user, ("submitted",), "signed", "sign", "ghi nhận đã ký", expected_version,
                 validate_first=True, permission=SIGN)


def return_to_draft(ctx: AppContext, document_id: int, user: str, reason: str | None = None, *,
                    expected_version: int | None = None) -> Changes:
    """Trình ký / Đã ký → Dự thảo (sent back for changes, by lãnh đạo)."""
    return _move(ctx, document_id, user, ("submitted", "signed"), "draft", "return_to_draft",
                 "trả về dự thảo", expected_version, reason=reason, permission=SIGN)


def cancel(ctx: AppContext, document_id: int, user: str, reason: str | None = None, *,
           expected_version: int | None = None) -> Changes:
    """Give up a document that was never issued (Đã hủy); it stays in the list, unnumbered. A signed
    one needs lãnh đạo (it undoes a signature)."""
    return _move(ctx, document_id, user, ("draft", "submitted", "signed"), "cancelled", "cancel",
                 "hủy văn bản", expected_version, reason=reason,
                 permission=lambda status: SIGN if status == "signed" else DRAFT)


def issue(ctx: AppContext, document_id: int, user: str, on: date | None = None, *,
          number: int | None = None, expected_version: int | None = None) -> tuple[int, Changes]:
    """Đã ký → Đã ban hành: take the next number of the document's register for the year of
    `on` (default today), set date, number and issue time, and make the tracking rows of its
    recipients (groups expanded into their members as of `on`), in one transaction.

    `number` uses a reserved number, or a free one for a back-dated entry (check it first
    with `numbering.check_manual_number`); a number already given raises DocumentError.
    """
    when = on or date.today()
    try:
        with ctx.write_session() as session:
            check_right(session, ctx.actor, REGISTER, user)
            doc = _start(session, document_id, ("signed",), "ban hành", expected_version)
            data = read_loaded(session, doc).data
            data.date = when
            errors = check(session, data, for_issue=True, on=when)
            if "register_id" in errors and doc.register_id is None:
                errors["register_id"] = NO_REGISTER_SIGNED
            if errors:
                raise ValidationFailed(errors)
            given = allocate_number(
                session, doc.register_id, when.year, outgoing_id=doc.id, user=user, number=number
            )
            snapshot_signer(session, doc, doc.signer_id)  # the signer as printed on the issued letter
            doc.year, doc.number, doc.date = when.year, given, when
            doc.issued_at = datetime.now()
            doc.status = "issued"
            doc.reply_deadline = doc.reply_deadline or reply_deadline_in_body(session, doc)
            track_issued(session, doc, on=when)  # one tracking row per unit the letter goes to
            record(session, user, "issue", ENTITY, doc.id, **{"from": "signed", "to": "issued"},
                   register_id=doc.register_id, year=when.year, number=given, date=when.isoformat())
            session.commit()
    except StaleDataError:
        raise StaleVersion() from None
    return given, Changes(outgoing=True, registers=True)
