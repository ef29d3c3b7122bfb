"""The letter layout as one value: `LetterSettings` (frozen) has one field per option of the settings
registry's section "letter_layout" (desktop/core/settings/options.py: name, type, default, label and the
range Decree 30/2020 Phụ lục I allows), so every number of the printed page is declared once, there.

An office changes them through Tệp ▸ Thể thức văn bản… (the `settings` row "letter_layout", a JSON object
of field -> value), never in code.
"""
from __future__ import annotations

from dataclasses import field, make_dataclass
from typing import Any

from desktop.core.settings import check_section, options

SETTINGS_KEY = "letter_layout"  # the registry section, and the key of its `settings` row


class _LayoutRules:
    """What follows from the values (LetterSettings is built below from the registry's fields)."""

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def header_right_mm(self) -> float:
        return self.text_width_mm - self.header_left_mm

    def leading(self, size: float) -> float:
        return size * self.line_spacing

    def stamp_size_mm(self, urgency: str) -> tuple[float, float]:
        key = urgency.casefold()
        if "thượng" in key:
            return self.stamp_thuong_khan_mm
        if "hỏa" in key or "hoả" in key:
            return self.stamp_hoa_toc_mm
        return self.stamp_khan_mm

    def secrecy_stamp_mm(self, secrecy: str) -> tuple[float, float]:
        key = secrecy.casefold()
        if "tuyệt" in key:
            return self.stamp_tuyet_mat_mm
        if "tối" in key:
            return self.stamp_toi_mat_mm
        return self.stamp_mat_mm

    @classmethod
    def from_overrides(cls, overrides: dict[str, Any] | None):
        """Defaults with `overrides` applied; ValueError (Vietnamese) for an unknown field or a value
        outside the decree's range."""
        result = cls(**check_section(SETTINGS_KEY, overrides or {}))
        if not 40 <= result.header_left_mm <= result.text_width_mm - 60:
            raise ValueError("letter_layout.header_left_mm: cột trái của phần đầu không hợp lý")
        return result


LetterSettings = make_dataclass(
    "LetterSettings",
    [(o.name, o.type, field(default=o.default)) for o in options(SETTINGS_KEY)],
    bases=(_LayoutRules,), frozen=True, namespace={"__module__": __name__},
)
LetterSettings.__doc__ = "Every value of the letter layout (the registry's section \"letter_layout\")."


def load_letter_settings(session) -> LetterSettings:
    """The office's layout: defaults plus what the office stored (ValueError for a broken row)."""
    from desktop.core.settings.office_store import office_overrides

    return LetterSettings.from_overrides(office_overrides(session, SETTINGS_KEY))
