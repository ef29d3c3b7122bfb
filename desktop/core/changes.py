"""What a write changed, so each view redraws only what it shows (Anki's OpChanges)."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


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

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})


def split(result: Any) -> tuple[Any, Changes]:
    """(value, Changes) of a service's result: a Changes alone, a (value, Changes) pair, or a
    value that carries its own `.changes` (an import's SaveOutcome); anything else changed nothing."""
    if isinstance(result, Changes):
        return result, result
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Changes):
        return result
    carried = getattr(result, "changes", None)
    return result, carried if isinstance(carried, Changes) else Changes()
