"""The settings registry: each setting is one `Option`, declared once (in `options.py`) with its section,
name, type and default; office settings also carry their Vietnamese label, unit and the range they must
stay in. Every read and write looks its key up here, so a key nobody declared fails loudly.

Types: bool, int, float, str, bytes (window state) and `tuple` (a pair of numbers, e.g. a box's width and
height in mm; stored as a JSON list). Values are checked and normalised by `Option.check`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

OFFICE = "office"  # lives in the database, the same for every clerk of the office
USER = "user"  # lives in QSettings (INI file in the user-data folder), one per Windows user

_TOLERANCE = 1e-9


class UnknownSetting(LookupError):
    """A key (or store) that no declaration names: a programming error, never the clerk's."""


@dataclass(frozen=True)
class Option:
    section: str
    name: str
    type: type
    default: Any
    store: str = OFFICE
    label: str = ""  # Vietnamese, as the office sees it (office settings)
    unit: str = ""  # "mm", "pt", "cm", "ngày" …
    low: float | None = None
    high: float | None = None
    authority: str = ""  # who fixes the range, said in the error ("Nghị định 30")

    @property
    def key(self) -> str:
        return f"{self.section}/{self.name}"

    @property
    def range(self) -> tuple[float, float] | None:
        return None if self.low is None or self.high is None else (self.low, self.high)

    def check(self, value: Any) -> Any:
        """`value` normalised to the option's type (int -> float, list -> tuple), or ValueError with one
        Vietnamese message naming "section.name"."""
        where = f"{self.section}.{self.name}"
        if self.type is bool:
            if not isinstance(value, bool):
                raise ValueError(f"{where}: phải là true/false")
            return value
        if self.type is tuple:
            if (not isinstance(value, (list, tuple)) or len(value) != 2
                    or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
                raise ValueError(f"{where}: phải là [rộng, cao] ({self.unit or 'mm'})")
            return (float(value[0]), float(value[1]))
        if self.type is str:
            if not isinstance(value, str):
                raise ValueError(f"{where}: phải là chuỗi")
            return value
        if self.type is bytes:
            if not isinstance(value, (bytes, bytearray)):
                raise ValueError(f"{where}: phải là dữ liệu nhị phân")
            return bytes(value)
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{where}: phải là số nguyên")
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{where}: phải là số")
        value = self.type(value)
        if self.range and not (self.low - _TOLERANCE <= value <= self.high + _TOLERANCE):
            by = f"{self.authority} " if self.authority else ""
            raise ValueError(f"{where}: {value:g} nằm ngoài khoảng {by}cho phép ({self.low:g}–{self.high:g})")
        return value


_OPTIONS: dict[str, Option] = {}


def declare(section: str, name: str, type_: type, default: Any, *, store: str = OFFICE, label: str = "",
            unit: str = "", low: float | None = None, high: float | None = None, authority: str = "") -> Option:
    """Add one option; a second declaration of the same key, an office option without a label or a default
    that fails its own check is an error at import time."""
    opt = Option(section, name, type_, default, store, label, unit, low, high, authority)
    if opt.key in _OPTIONS:
        raise ValueError(f"setting {opt.key!r} is declared twice")
    if store not in (OFFICE, USER):
        raise ValueError(f"setting {opt.key!r}: unknown store {store!r}")
    if store == OFFICE and not label:
        raise ValueError(f"setting {opt.key!r}: an office setting needs its Vietnamese label")
    try:
        normalised = opt.check(default)
    except ValueError:
        normalised = None
    if repr(normalised) != repr(default):  # exactly its type: 7.0 is not an int, (20, 8) not floats
        raise ValueError(f"setting {opt.key!r}: default {default!r} is not of its type")
    _OPTIONS[opt.key] = opt
    return opt


def option(key: str, store: str | None = None) -> Option:
    """The declaration of "section/name"; UnknownSetting when none (or when it lives in another store)."""
    opt = _OPTIONS.get(key)
    if opt is None:
        raise UnknownSetting(f"no setting {key!r} is declared (desktop/core/settings/options.py)")
    if store is not None and opt.store != store:
        raise UnknownSetting(f"setting {key!r} lives in the {opt.store} store, not in the {store} store")
    return opt


def options(section: str | None = None, store: str | None = None) -> list[Option]:
    """The declared options in declaration order, optionally of one section and/or store."""
    return [o for o in _OPTIONS.values()
            if (section is None or o.section == section) and (store is None or o.store == store)]


def sections(store: str | None = None) -> list[str]:
    return list(dict.fromkeys(o.section for o in options(store=store)))


def default(key: str) -> Any:
    return option(key).default


def check_section(section: str, values: dict[str, Any]) -> dict[str, Any]:
    """`values` (name -> value) of one section, each checked; ValueError for a name the section lacks."""
    known = {o.name: o for o in options(section)}
    if not known:
        raise UnknownSetting(f"no setting section {section!r} is declared")
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            raise ValueError(f"{section}: không có thông số {name!r}")
        out[name] = known[name].check(value)
    return out
