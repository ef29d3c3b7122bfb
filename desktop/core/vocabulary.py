"""Vietnamese display labels for stored codes."""
from __future__ import annotations

from datetime import date
from typing import Any

STATUS_LABELS = {
    "draft": "Dự thảo",
    "submitted": "Trình ký",
    "signed": "Đã ký",
    "issued": "Đã ban hành",
    "cancelled": "Đã hủy",
}
URGENCY_LABELS = {"khan": "Khẩn", "thuong_khan": "Thượng khẩn", "hoa_toc": "Hỏa tốc"}
TASK_STATUS_LABELS = {"open": "Đang thực hiện", "done": "Hoàn thành", "cancelled": "Đã hủy"}
ENTRY_STATUS_LABELS = {"issued": "Đã cấp", "reserved": "Giữ trước", "voided": "Hủy số"}
UNIT_KIND_LABELS = {
    "central": "Cơ quan Trung ương",
    "province": "Cấp tỉnh",
    "department": "Sở, ban, ngành",
    "organisation": "Đoàn thể, hội",
    "district": "Cấp huyện (trước 7/2025)",
    "commune": "Cấp xã",
    "enterprise": "Doanh nghiệp",
    "media": "Báo, đài",
    "internal": "Nội bộ",
    "other": "Khác",
}
ROLE_LABELS = {"head": "Cụm trưởng", "deputy": "Cụm phó", "member": "Thành viên"}


def dmy(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else ""


def label(mapping: dict[str, str]):
    return lambda value: mapping.get(value or "", value or "")


def number2(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:02d}" if isinstance(value, int) else str(value)
