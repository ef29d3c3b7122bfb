"""The template library: list, create, edit, duplicate, archive; and a template -> a draft.

A template stores subject and body with placeholders, default Kính gửi / Nơi nhận lines,
signer and drafting unit; `placeholders` is a JSON list of {name, label, type, default}.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from db.models import Template, Unit, UnitGroup
from desktop.core.access import DRAFT, require
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.limits import Limits
from desktop.documents.errors import NotFound, ValidationFailed
from desktop.documents.inputs import DraftInput, RecipientInput
from desktop.documents.numbering import register_for
from desktop.templates.engine import (
    FillResult,
    Placeholder,
    TemplateProblem,
    check_values,
    fill,
    placeholder_problems,
    placeholders_in,
)
from desktop.core.search import matches_words
from desktop.core.text import char_names, fold, nfc, unstorable

ENTITY = "template"


@dataclass
class TemplateData:
    name: str
    doc_type: str = "Công văn"
    subject: str = ""
    body: str = ""
    recipients: list[RecipientInput] = field(default_factory=list)
    distribution: list[RecipientInput] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)
    signer_id: int | None = None
    drafting_unit_id: int | None = None


@dataclass
class TemplateRecord:
    id: int
    data: TemplateData
    archived: bool
    updated_at: datetime | None = None


@dataclass
class TemplateSummary:
    id: int
    name: str
    doc_type: str
    subject: str
    archived: bool
    placeholder_count: int


@dataclass
class FilledTemplate:
    """A template filled with the form's values: the draft plus what is still to do."""

    draft: DraftInput
    missing: list[str]  # labels without a value (the text shows [[Chưa điền: ...]])
    unknown: list[str]  # placeholders used in the text but not declared
    errors: dict[str, str]  # per-field value problems (a date that is not a date ...)

    @property
    def complete(self) -> bool:
        return not (self.missing or self.unknown or self.errors)


def _lines_json(lines: list[RecipientInput]) -> str:
    return json.dumps([asdict(line) for line in lines], ensure_ascii=False)


def _lines(raw: str | list | None) -> list[RecipientInput]:
    items = json.loads(raw) if isinstance(raw, str) else (raw or [])
    fields = RecipientInput.__dataclass_fields__
    return [RecipientInput(**{k: v for k, v in dict(item).items() if k in fields}) for item in items]


def _to_data(row: Template) -> TemplateData:
    return TemplateData(
        name=row.name, doc_type=row.doc_type, subject=row.subject, body=row.body,
        recipients=_lines(row.recipients), distribution=_lines(row.distribution),
        placeholders=[Placeholder.from_dict(p) for p in json.loads(row.placeholders or "[]")],
        signer_id=row.signer_id, drafting_unit_id=row.drafting_unit_id,
    )


def _write(row: Template, data: TemplateData) -> None:
    row.name = nfc(data.name.strip())
    row.doc_type = nfc((data.doc_type or "Công văn").strip())
    row.subject = nfc(data.subject.strip())
    row.body = nfc(data.body.strip())
    row.recipients = _lines_json(data.recipients)
    row.distribution = _lines_json(data.distribution)
    row.placeholders = json.dumps([p.to_dict() for p in data.placeholders], ensure_ascii=False, default=str)
    row.signer_id = data.signer_id
    row.drafting_unit_id = data.drafting_unit_id


def check_template(data: TemplateData) -> dict[str, str]:
    """Field -> message: name, syntax of subject and body, placeholders used but not declared."""
    errors: dict[str, str] = {}
    if not (data.name or "").strip():
        errors["name"] = "Chưa đặt tên mẫu."
    if not (data.subject or "").strip():
        errors["subject"] = "Mẫu cần có trích yếu."
    for key, label in (("name", "Tên mẫu"), ("subject", "Trích yếu"), ("body", "Nội dung")):
        bad = unstorable(getattr(data, key))
        if bad:
            errors[key] = f"«{label}» có ký tự điều khiển không lưu được ({char_names(bad)}): hãy xoá ký tự đó."
    used: set[str] = set()
    for key in ("subject", "body"):
        try:
            used |= placeholders_in(getattr(data, key) or "")
        except TemplateProblem as exc:
            errors[key] = str(exc)
    problems = placeholder_problems(data.placeholders)
    unknown = sorted(used - {p.name for p in data.placeholders})
    if unknown:
        problems.append("Chỗ điền chưa khai báo: " + ", ".join(unknown) + ".")
    if problems:
        errors["placeholders"] = " ".join(problems)
    return errors


def list_templates(ctx: AppContext, *, include_archived: bool = False, search: str | None = None) -> list[TemplateSummary]:
    with ctx.session() as session:
        query = select(Template).order_by(Template.name)
        if not include_archived:
            query = query.where(Template.archived.is_(False))
        matching = matches_words(Template.search_folded, search)
        if matching is not None:
            query = query.where(matching)
        return [
            TemplateSummary(r.id, r.name, r.doc_type, r.subject, r.archived, len(json.loads(r.placeholders or "[]")))
            for r in session.scalars(query)
        ]


def _get(session, template_id: int) -> Template:
    row = session.get(Template, template_id)
    if row is None:
        raise NotFound(f"Không có mẫu văn bản số định danh {template_id}.")
    return row


def get_template(ctx: AppContext, template_id: int) -> TemplateRecord:
    with ctx.session() as session:
        row = _get(session, template_id)
        return TemplateRecord(row.id, _to_data(row), row.archived, row.updated_at)


def _name_taken(session, name: str, except_id: int | None = None) -> bool:
    query = select(Template.id).where(Template.name == nfc(name.strip()))
    if except_id is not None:
        query = query.where(Template.id != except_id)
    return session.scalar(query) is not None


def create_template(ctx: AppContext, data: TemplateData, user: str) -> tuple[int, Changes]:
    require(ctx, DRAFT, user)
    errors = check_template(data)
    with ctx.write_session() as session:
        if "name" not in errors and _name_taken(session, data.name):
            errors["name"] = f"Đã có mẫu tên «{data.name.strip()}»."
        if errors:
            raise ValidationFailed(errors)
        row = Template()
        _write(row, data)
        session.add(row)
        session.flush()
        record(session, user, "create", ENTITY, row.id, name=row.name)
        session.commit()
        return row.id, Changes(templates=True)


def update_template(ctx: AppContext, template_id: int, data: TemplateData, user: str) -> Changes:
    require(ctx, DRAFT, user)
    errors = check_template(data)
    with ctx.write_session() as session:
        row = _get(session, template_id)
        if "name" not in errors and _name_taken(session, data.name, template_id):
            errors["name"] = f"Đã có mẫu tên «{data.name.strip()}»."
        if errors:
            raise ValidationFailed(errors)
        _write(row, data)
        record(session, user, "update", ENTITY, row.id, name=row.name)
        session.commit()
    return Changes(templates=True)


def duplicate_template(ctx: AppContext, template_id: int, user: str, name: str | None = None) -> tuple[int, Changes]:
    """A copy under `name` (default "<name> (bản sao)", numbered if taken)."""
    require(ctx, DRAFT, user)
    with ctx.write_session() as session:
        source = _get(session, template_id)
        data = _to_data(source)
        base = (name or f"{source.name} (bản sao)").strip()
        candidate, n = base, 2
        while _name_taken(session, candidate):
            if name:
                raise ValidationFailed({"name": f"Đã có mẫu tên «{name.strip()}»."})
            candidate, n = f"{base} {n}", n + 1
        data.name = candidate
        row = Template()
        _write(row, data)
        session.add(row)
        session.flush()
        record(session, user, "duplicate", ENTITY, row.id, source_id=template_id)
        session.commit()
        return row.id, Changes(templates=True)


def archive_template(ctx: AppContext, template_id: int, user: str, archived: bool = True) -> Changes:
    """Hide a template from the picker (or bring it back); drafts made from it keep their text."""
    require(ctx, DRAFT, user)
    with ctx.write_session() as session:
        row = _get(session, template_id)
        row.archived = archived
        record(session, user, "archive" if archived else "unarchive", ENTITY, row.id)
        session.commit()
    return Changes(templates=True)


def _resolve(session, line: RecipientInput) -> RecipientInput:
    """Bind a free-text line to the directory group or unit of that name, when there is one."""
    if line.unit_id is not None or line.group_id is not None or not line.text:
        return line
    key = fold(line.text)
    for group_id, name in session.execute(select(UnitGroup.id, UnitGroup.name)):
        if fold(name) == key:
            return RecipientInput(text=name, group_id=group_id, purpose=line.purpose)
    for unit_id, name in session.execute(select(Unit.id, Unit.name).where(Unit.search_folded.startswith(key))):
        if fold(name) == key:
            return RecipientInput(text=name, unit_id=unit_id, purpose=line.purpose)
    return line


def _list_recipients(placeholders: list[Placeholder], values: dict[str, Any]) -> list[RecipientInput]:
    out = []
    for ph in placeholders:
        if not ph.to_recipients:
            continue
        unit_field = next((f.get("name") for f in ph.fields if f.get("type") == "unit"), None)
        for item in values.get(ph.name) or []:
            text = item.get(unit_field) if isinstance(item, dict) and unit_field else item
            if isinstance(text, str) and text.strip():
                out.append(RecipientInput(text=nfc(text.strip())))
    return out


def fill_template(ctx: AppContext, template_id: int, values: dict[str, Any]) -> FilledTemplate:
    """The template filled with `values` as a new draft, with what is missing or wrong.

    Raises TemplateProblem for a template that cannot be filled (syntax, forbidden operation).
    """
    with ctx.session() as session:
        row = _get(session, template_id)
        data = _to_data(row)
        limits = Limits.of(session)  # the office's caps on what a fill may build, loop and take
        subject: FillResult = fill(data.subject, values, data.placeholders, limits=limits)
        body: FillResult = fill(data.body, values, data.placeholders, limits=limits)
        recipients = [_resolve(session, line) for line in data.recipients + _list_recipients(data.placeholders, values)]
        distribution = [_resolve(session, line) for line in data.distribution]
        register = register_for(session, "out", data.doc_type)
        register_id = register.id if register else None
    missing = list(dict.fromkeys(subject.missing + body.missing))
    unknown = sorted(set(subject.unknown) | set(body.unknown))
    draft = DraftInput(
        doc_type=data.doc_type, drafting_unit_id=data.drafting_unit_id, register_id=register_id,
        subject=" ".join(subject.text.split()), body=body.text,
        recipients=recipients, distribution=distribution,
        signer_id=data.signer_id, template_id=template_id,
    )
    return FilledTemplate(draft, missing, unknown, check_values(data.placeholders, values))


def instantiate(ctx: AppContext, template_id: int, values: dict[str, Any]) -> DraftInput:
    """A new draft's form from template `template_id` and the placeholder `values`."""
    return fill_template(ctx, template_id, values).draft
