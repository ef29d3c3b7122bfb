"""What the letter of an unsaved draft will look like, and the lists the editor's pickers show.

`dispatch_from_input` builds the `Dispatch` the letter layout prints from the editor's form,
with the same defaults the drafting service stores (office issuer and place, the symbol from
the office and drafting-unit abbreviations, the signer's title lines, "Như trên" and the
"Lưu: VT, ..." line), so the live preview is the page that will be issued.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from db.models import DraftingUnit, Register, Signer, Unit, UnitGroup, UnitGroupMember
from desktop.context import AppContext
from desktop.dispatch import Dispatch, Issuer, SignerBlock
from desktop.documents.body import paragraphs_from_text
from desktop.documents.convert import URGENCY_LABELS
from desktop.documents.inputs import DraftInput, RecipientInput
from desktop.documents.profile import effective_symbol, office_profile
from desktop.documents.store import distribution_lines, line_text
from desktop.text import fold, nfc


def _printed(text: str, purpose: str | None) -> str:
    purpose = nfc((purpose or "").strip())
    return f"{text} {purpose}" if purpose else text


def dispatch_from_input(ctx: AppContext, data: DraftInput, *, number: int | None = None) -> Dispatch:
    """The letter for the form `data` as it would be stored now (number None = "Số: /..")."""
    with ctx.session() as session:
        office = office_profile(session)
        signer = session.get(Signer, data.signer_id) if data.signer_id is not None else None
        recipients = [
            _printed(line_text(session, line), line.purpose)
            for line in data.recipients if line_text(session, line)
        ]
        distribution = [
            _printed(text, line.purpose) for line, text, _note in distribution_lines(session, data) if text
        ]
        symbol = effective_symbol(session, data)
    issuer_name = nfc((data.issuer_name or "").strip()) or (office.name if office else "")
    issuer_parent = (nfc((data.issuer_parent or "").strip()) or None) if (data.issuer_name or "").strip() \
        else (office.parent_name if office else None)
    body = "\n".join(line.rstrip() for line in nfc(data.body or "").strip().splitlines())
    return Dispatch(
        doc_type=nfc((data.doc_type or "Công văn").strip()),
        issuer=Issuer(name=issuer_name, parent=issuer_parent),
        number=number,
        symbol=symbol,
        place=nfc((data.place or "").strip()) or (office.place if office else None),
        date=data.date,
        subject=nfc((data.subject or "").strip()),
        urgency=URGENCY_LABELS.get(data.urgency or ""),
        recipients=recipients,
        body=paragraphs_from_text(body),
        distribution=distribution,
        signer=SignerBlock(
            title_lines=[ln for ln in (signer.title_lines if signer else "").splitlines() if ln.strip()],
            name=signer.name if signer else None,
        ),
    )


@dataclass
class Choice:
    id: int
    label: str
    detail: str = ""  # abbreviation, member count, title ...


@dataclass
class EditorChoices:
    """Everything the editor's combo boxes and the recipient picker offer."""

    registers: list[Choice] = field(default_factory=list)  # outgoing registers
    drafting_units: list[Choice] = field(default_factory=list)
    signers: list[Choice] = field(default_factory=list)
    units: list[Choice] = field(default_factory=list)
    groups: list[Choice] = field(default_factory=list)
    office_abbr: str = ""
    office_place: str = ""


def editor_choices(ctx: AppContext) -> EditorChoices:
    """Active registers (outgoing), drafting units, signers, units and groups, in display order."""
    out = EditorChoices()
    with ctx.session() as session:
        office = office_profile(session)
        if office is not None:
            out.office_abbr, out.office_place = office.abbreviation, office.place
        for r in session.scalars(select(Register).where(Register.active.is_(True)).order_by(Register.id)):
            if r.direction != "in":
                out.registers.append(Choice(r.id, r.name, r.code))
        for d in session.scalars(select(DraftingUnit).where(DraftingUnit.active.is_(True)).order_by(DraftingUnit.id)):
            out.drafting_units.append(Choice(d.id, d.name, d.abbreviation))
        for s in session.scalars(select(Signer).where(Signer.active.is_(True)).order_by(Signer.position, Signer.id)):
            last = next((ln for ln in reversed(s.title_lines.splitlines()) if ln.strip()), "")
            out.signers.append(Choice(s.id, s.name, last))
        for u in session.scalars(select(Unit).where(Unit.active.is_(True)).order_by(Unit.sort_key)):
            out.units.append(Choice(u.id, u.name, u.short_name or ""))
        counts = dict(session.execute(
            select(UnitGroupMember.group_id, func.count()).group_by(UnitGroupMember.group_id)
        ).all())
        for g in session.scalars(select(UnitGroup).order_by(UnitGroup.sort_key, UnitGroup.id)):
            out.groups.append(Choice(g.id, g.name, f"{counts.get(g.id, 0)} đơn vị"))
    return out


def filter_choices(choices: list[Choice], text: str) -> list[Choice]:
    """Accent-insensitive "contains" over label and detail ("so noi vu" finds "Sở Nội vụ")."""
    key = fold(text or "").strip()
    if not key:
        return list(choices)
    return [c for c in choices if key in fold(c.label) or key in fold(c.detail)]


def recipient_from_choice(choice: Choice, kind: str) -> RecipientInput:
    """A Kính gửi / Nơi nhận line bound to a directory unit ("unit") or group ("group")."""
    if kind == "group":
        return RecipientInput(text=choice.label, group_id=choice.id)
    return RecipientInput(text=choice.label, unit_id=choice.id)


def letter_settings(ctx: AppContext):
    """The office's letter layout settings (what the preview renders with)."""
    from desktop.letters.layout import load_letter_settings

    with ctx.session() as session:
        return load_letter_settings(session)


def upcoming_number(ctx: AppContext, register_id: int, year: int) -> tuple[int, list[int]]:
    """(the number the next issue would get, the reserved numbers waiting) of a register's year;
    a preview only: another clerk may take the number first."""
    from db.models import RegisterEntry
    from desktop.documents.numbering import next_number

    with ctx.session() as session:
        reserved = list(session.scalars(
            select(RegisterEntry.number).where(
                RegisterEntry.register_id == register_id, RegisterEntry.year == year,
                RegisterEntry.status == "reserved",
            ).order_by(RegisterEntry.number)
        ))
        return next_number(session, register_id, year), reserved
