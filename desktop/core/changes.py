"""What a write changed, so each view redraws only what it shows (Anki's OpChanges)."""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    outgoing: bool = False
    incoming: bool = False
    tasks: bool = False
    units: bool = False
    movements: bool = False
    templates: bool = False
    registers: bool = False
    office: bool = False
    users: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})
