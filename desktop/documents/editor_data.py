"""What the editor's pickers and dialogs show: registers, drafting units, signers, units and
groups in one read (`editor_choices`), the accent-insensitive filter of the recipient picker,
the letter settings, and the number an issue would take next."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from db.models import Unit, UnitGroup
from desktop.core.context import AppContext
from desktop.documents import choices as pick
from desktop.documents.inputs import RecipientInput
from desktop.core.settings.office_store import office_section
from desktop.documents.profile import office_profile
from desktop.core.text import fold
from desktop.recipients.groups import member_counts_on


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
    office_contact: list[str] = field(default_factory=list)  # ô 13 from the office profile, to offer


def editor_choices(ctx: AppContext) -> EditorChoices:
    """Active registers (outgoing), drafting units, signers, units and groups, in display order."""
    out = EditorChoices(
        registers=[Choice(c.id, c.label, c.code or "") for c in pick.registers(ctx)],
        drafting_units=[Choice(c.id, c.label, c.code or "") for c in pick.drafting_units(ctx)],
        signers=[Choice(s.id, s.name, s.title_lines[-1] if s.title_lines else "") for s in pick.signers(ctx)],
    )
    with ctx.session() as session:
        office = office_profile(session)
        if office is not None:
            out.office_abbr, out.office_place = office.abbreviation, office.place
        out.office_contact = office_contact_lines(office_section(session, "office"))
        for u in session.scalars(select(Unit).where(Unit.active.is_(True)).order_by(Unit.sort_key)):
            out.units.append(Choice(u.id, u.name, u.short_name or ""))
        counts = member_counts_on(session)
        for g in session.scalars(select(UnitGroup).order_by(UnitGroup.sort_key, UnitGroup.id)):
            out.groups.append(Choice(g.id, g.name, f"{counts.get(g.id, 0)} đơn vị"))
    return out


def office_contact_lines(office: dict) -> list[str]:
    """ô 13 as the office's settings give it: "Địa chỉ: …", then phone, e-mail and website on one line."""
    address = [ln.strip() for ln in (office.get("address_lines") or "").splitlines() if ln.strip()]
    lines = [f"Địa chỉ: {line}" if i == 0 else line for i, line in enumerate(address)]
    reach = [f"{label}: {office[key]}" for label, key in (("Điện thoại", "phone"), ("Email", "email"),
                                                          ("Website", "website")) if office.get(key)]
    return lines + (["; ".join(reach)] if reach else [])


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
