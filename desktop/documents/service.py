"""Drafting service: create, edit and load outgoing documents (văn bản đi) for the editor.

Every function owns its session and returns plain values plus a `Changes`. The flow
(Trình ký, Ký, Ban hành) is in `desktop.documents.flow`, copies (Nhân bản, đính chính) in
`desktop.documents.clone`; they are re-exported here so the editor imports one module.
"""
from __future__ import annotations

from dataclasses import asdict
from datetime import date

from sqlalchemy.orm.exc import StaleDataError

from db.models import OutgoingDocument, UnitGroup
from desktop.core.access import DRAFT, require
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.documents.autosave import discard_autosave
from desktop.documents.clone import clone, make_correction  # re-exported for the editor
from desktop.documents.errors import NotFound, ReadOnlyDocument, StaleVersion, ValidationFailed
from desktop.documents.flow import cancel, issue, return_to_draft, sign, submit  # re-exported
from desktop.documents.inputs import DraftInput, LoadedDraft, RecipientInput
from desktop.documents.numbering import register_for
from desktop.documents.profile import drafting_unit_abbr, office_profile
from desktop.documents.store import (
    apply_input,
    get_document,
    hard_errors,
    raise_if,
    read_loaded,
    read_only_message,
    write_lines,
)
from desktop.documents.symbols import build_symbol
from desktop.documents.validation import check, validate
from desktop.recipients.groups import group_members_on

ENTITY = "outgoing_document"
EDITABLE = ("draft", "submitted")


def create_draft(ctx: AppContext, data: DraftInput, user: str) -> tuple[int, Changes]:
    """Store a new draft (Dự thảo). Incomplete drafts are fine; only values that cannot be
    stored (negative copies, an unknown register ...) raise ValidationFailed."""
    require(ctx, DRAFT, user)
    with ctx.write_session() as session:
        raise_if(hard_errors(session, data))
        doc = OutgoingDocument(status="draft", issuer_name="", subject="", body="")
        session.add(doc)
        apply_input(session, doc, data)
        session.flush()
        write_lines(session, doc, data)
        record(session, user, "create", ENTITY, doc.id, status="draft", template_id=data.template_id)
        session.commit()
        return doc.id, Changes(outgoing=True)


def update_draft(
    ctx: AppContext, document_id: int, data: DraftInput, expected_version: int, user: str
) -> tuple[int, Changes]:
    """Save the editor's form over the stored draft; returns the new version.

    Raises StaleVersion when the document changed since `expected_version` was loaded,
    ReadOnlyDocument once it is signed or issued, ValidationFailed when a submitted document
    would become invalid. The document's autosave is discarded with the save.
    """
    require(ctx, DRAFT, user)
    try:
        with ctx.write_session() as session:
            doc = get_document(session, document_id)
            if doc.version != expected_version:
                raise StaleVersion()
            if doc.status not in EDITABLE:
                raise ReadOnlyDocument(read_only_message(doc))
            errors = check(session, data) if doc.status == "submitted" else hard_errors(session, data)
            raise_if(errors)
            before = asdict(read_loaded(session, doc).data)
            apply_input(session, doc, data)
            session.flush()
            write_lines(session, doc, data)
            after = asdict(read_loaded(session, doc).data)
            changed = sorted(k for k in after if after[k] != before.get(k))
            record(session, user, "update", ENTITY, doc.id, fields=changed)
            session.commit()
            version = doc.version
    except StaleDataError:
        raise StaleVersion() from None
    discard_autosave(ctx, document_id)
    return version, Changes(outgoing=True)


def load_draft(ctx: AppContext, document_id: int) -> LoadedDraft:
    with ctx.session() as session:
        return read_loaded(session, get_document(session, document_id))


def expand_group(ctx: AppContext, group_id: int) -> list[str]:
    """The names of a group's member units today, in the group's order (for "expand into lines")."""
    return [line.text for line in expand_group_lines(ctx, group_id)]


def expand_group_lines(ctx: AppContext, group_id: int) -> list[RecipientInput]:
    """The group's members today as recipient lines, each bound to its unit."""
    with ctx.session() as session:
        if session.get(UnitGroup, group_id) is None:
            raise NotFound(f"Không có nhóm đơn vị số định danh {group_id}.")
        members = group_members_on(session, group_id, date.today())
    return [RecipientInput(text=m.name, unit_id=m.unit_id) for m in members]


def suggest_symbol(ctx: AppContext, drafting_unit_id: int | None, doc_type: str = "Công văn") -> str:
    """The symbol the office profile gives ("UBND-NC", "KH-UBND"); "" without a profile."""
    with ctx.session() as session:
        office = office_profile(session)
        if office is None:
            return ""
        return build_symbol(office.abbreviation, drafting_unit_abbr(session, drafting_unit_id), doc_type)


def new_draft_input(ctx: AppContext) -> DraftInput:
    """An empty form with the office defaults filled in (place, issuer, the công văn register)."""
    with ctx.session() as session:
        office = office_profile(session)
        register = register_for(session, "out", "Công văn")
    data = DraftInput(register_id=register.id if register else None)
    if office is not None:
        data.place = office.place
        data.issuer_name = office.name
        data.issuer_parent = office.parent_name
    return data


__all__ = [
    "DraftInput", "RecipientInput", "LoadedDraft", "ValidationFailed", "create_draft", "update_draft",
    "load_draft", "validate", "expand_group", "expand_group_lines", "suggest_symbol", "new_draft_input",
    "submit", "sign", "issue", "return_to_draft", "cancel", "clone", "make_correction",
]
