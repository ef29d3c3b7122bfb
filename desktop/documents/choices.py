"""What the editor's pickers offer: registers, signers, drafting units, types, urgencies."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.models import DraftingUnit, Register, Signer
from desktop.core.context import AppContext
from desktop.core.vocabulary import DOC_TYPES, NO_URGENCY_LABEL, SECRECY_LABELS, URGENCY_LABELS

URGENCY_CHOICES: tuple[tuple[str | None, str], ...] = ((None, NO_URGENCY_LABEL), *URGENCY_LABELS.items())
SECRECY_CHOICES: tuple[tuple[str | None, str], ...] = ((None, "Không"), *SECRECY_LABELS.items())
__all__ = ["DOC_TYPES", "URGENCY_CHOICES", "SECRECY_CHOICES", "Choice", "SignerChoice", "registers", "signers", "drafting_units"]


@dataclass(frozen=True)
class Choice:
    id: int
    label: str
    code: str | None = None


@dataclass(frozen=True)
class SignerChoice:
    id: int
    name: str
    title_lines: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.name} – {self.title_lines[-1]}" if self.title_lines else self.name


def registers(ctx: AppContext, direction: str = "out") -> list[Choice]:
    with ctx.session() as session:
        rows = session.scalars(
            select(Register).where(Register.direction == direction, Register.active.is_(True)).order_by(Register.code)
        )
        return [Choice(r.id, r.name, r.code) for r in rows]


def signers(ctx: AppContext) -> list[SignerChoice]:
    with ctx.session() as session:
        rows = session.scalars(select(Signer).where(Signer.active.is_(True)).order_by(Signer.position, Signer.id))
        return [
            SignerChoice(r.id, r.name, tuple(t for t in r.title_lines.splitlines() if t.strip())) for r in rows
        ]


def drafting_units(ctx: AppContext) -> list[Choice]:
    with ctx.session() as session:
        rows = session.scalars(
            select(DraftingUnit).where(DraftingUnit.active.is_(True)).order_by(DraftingUnit.abbreviation)
        )
        return [Choice(r.id, r.name, r.abbreviation) for r in rows]
