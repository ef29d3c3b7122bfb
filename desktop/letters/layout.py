"""Every number of the letter layout in one place (Decree 30/2020, Phụ lục I).

The decree gives ranges (margins 20–25 / 20–25 / 30–35 / 15–20 mm, sizes 12–13 or 13–14, indent
1 or 1.27 cm, at least 6 pt between paragraphs, line spacing single to 1.5 lines). The values
below are the office's choice inside those ranges; an office changes them through the `settings`
table (key "letter_layout", a JSON object of field -> value), never in code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from typing import Any

SETTINGS_KEY = "letter_layout"

# Ranges the decree allows for the values an office may override: field -> (low, high).
DECREE_RANGES: dict[str, tuple[float, float]] = {
    "margin_top_mm": (20, 25),
    "margin_bottom_mm": (20, 25),
    "margin_left_mm": (30, 35),
    "margin_right_mm": (15, 20),
    "quoc_hieu_size": (12, 13),
    "tieu_ngu_size": (13, 14),
    "parent_size": (12, 13),
    "issuer_size": (12, 13),
    "number_size": (13, 13),
    "date_size": (13, 14),
    "subject_size": (12, 13),
    "doc_type_size": (13, 14),
    "title_size": (13, 14),
    "recipients_size": (13, 14),
    "body_size": (13, 14),
    "signer_size": (13, 14),
    "page_number_size": (13, 14),
    "urgency_size": (13, 14),
    "first_line_indent_cm": (1.0, 1.27),
    "paragraph_space_pt": (6, 12),
    # leading = line_spacing x font size; Word's "single" for Times is 1.15 em, "1.5 lines" 1.725 em
    "line_spacing": (1.15, 1.725),
    "issuer_rule_fraction": (1 / 3, 1 / 2),
    "title_rule_fraction": (1 / 3, 1 / 2),
}


@dataclass(frozen=True)
class LetterSettings:
    # Page (A4 portrait) and margins, millimetres
    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 30.0
    margin_right_mm: float = 15.0
    # Header: width of the left column (issuer, Số, V/v); the right column takes the rest
    header_left_mm: float = 68.0
    header_gap_pt: float = 9.0  # from the header rules to the Số / date line
    rule_thickness_pt: float = 0.6
    issuer_rule_fraction: float = 0.4  # of the issuer's longest line (1/3 – 1/2)
    title_rule_fraction: float = 0.4  # named types: under the title (1/3 – 1/2)
    # Font sizes, points
    quoc_hieu_size: float = 12.0
    tieu_ngu_size: float = 13.0
    parent_size: float = 12.0
    issuer_size: float = 12.0
    number_size: float = 13.0
    date_size: float = 13.0
    subject_size: float = 12.0  # "V/v ..."
    subject_space_pt: float = 6.0  # between Số and V/v
    doc_type_size: float = 14.0  # named types: "KẾ HOẠCH"
    title_size: float = 14.0  # named types: the title under the type name
    recipients_size: float = 14.0
    body_size: float = 14.0
    signer_size: float = 14.0
    distribution_heading_size: float = 12.0
    distribution_size: float = 11.0
    page_number_size: float = 13.0
    urgency_size: float = 13.0
    # Body
    first_line_indent_cm: float = 1.27
    paragraph_space_pt: float = 6.0
    line_spacing: float = 1.2
    recipients_space_pt: float = 12.0  # above "Kính gửi" and above the body
    # Signature block and Nơi nhận
    distribution_width_mm: float = 85.0  # left column; the signature takes the rest
    signature_space_pt: float = 12.0  # between the last body line and the block
    signature_room_mm: float = 26.0  # for the handwritten signature and seal
    # Urgency stamp boxes (width, height in mm) from PL I, ô 10b
    stamp_khan_mm: tuple[float, float] = (20.0, 8.0)
    stamp_thuong_khan_mm: tuple[float, float] = (40.0, 8.0)
    stamp_hoa_toc_mm: tuple[float, float] = (30.0, 8.0)
    stamp_color: str = "#000000"  # the printed box; offices that print it in red set "#d00000"
    # Fonts: prefer the system's Times New Roman, else the bundled Liberation Serif
    prefer_system_font: bool = True

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

    @classmethod
    def from_overrides(cls, overrides: dict[str, Any] | None) -> LetterSettings:
        """Defaults with `overrides` applied; ValueError (Vietnamese) for an unknown field or a value
        outside the decree's range."""
        base = cls()
        if not overrides:
            return base
        known = {f.name: f for f in fields(cls)}
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if key not in known:
                raise ValueError(f"letter_layout: không có thông số {key!r}")
            current = getattr(base, key)
            if isinstance(current, bool):
                if not isinstance(value, bool):
                    raise ValueError(f"letter_layout.{key}: phải là true/false")
            elif isinstance(current, tuple):
                if (not isinstance(value, (list, tuple)) or len(value) != 2
                        or not all(isinstance(v, (int, float)) for v in value)):
                    raise ValueError(f"letter_layout.{key}: phải là [rộng, cao] (mm)")
                value = (float(value[0]), float(value[1]))
            elif isinstance(current, str):
                if not isinstance(value, str):
                    raise ValueError(f"letter_layout.{key}: phải là chuỗi")
            else:
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise ValueError(f"letter_layout.{key}: phải là số")
                value = float(value)
                low_high = DECREE_RANGES.get(key)
                if low_high and not (low_high[0] - 1e-9 <= value <= low_high[1] + 1e-9):
                    raise ValueError(
                        f"letter_layout.{key}: {value:g} nằm ngoài khoảng Nghị định 30 cho phép "
                        f"({low_high[0]:g}–{low_high[1]:g})"
                    )
            changes[key] = value
        result = replace(base, **changes)
        if not 40 <= result.header_left_mm <= result.text_width_mm - 60:
            raise ValueError("letter_layout.header_left_mm: cột trái của phần đầu không hợp lý")
        return result


def load_letter_settings(session) -> LetterSettings:
    """The office's layout: defaults plus the JSON object stored under settings["letter_layout"]."""
    from db.models import Setting

    row = session.get(Setting, SETTINGS_KEY)
    if row is None or not (row.value or "").strip():
        return LetterSettings()
    try:
        overrides = json.loads(row.value)
    except json.JSONDecodeError as exc:
        raise ValueError(f"letter_layout: giá trị JSON không hợp lệ ({exc.msg})") from exc
    if not isinstance(overrides, dict):
        raise ValueError("letter_layout: phải là một đối tượng JSON {...}")
    return LetterSettings.from_overrides(overrides)
