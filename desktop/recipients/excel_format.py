"""The directory workbook's shape: sheet names, headers (a contract, in this order) and how
cells are written and read back (dates, unit kinds, cluster kinds and roles in Vietnamese).

Reading is lenient the way a hand-made file needs: dates as Excel dates or typed "dd/mm/yyyy",
codes typed as numbers, kinds and roles with or without accents, in any case.
"""
from __future__ import annotations

from datetime import date, datetime

from desktop.core.text import fold, nfc
from desktop.core import vocabulary
from desktop.core.vocabulary import UNIT_KIND_LABELS
from desktop.recipients.clusters import CLUSTER_KINDS, role_label

UNITS_SHEET, MEMBERS_SHEET, CLUSTERS_SHEET = "Đơn vị", "Thành viên nhóm", "Cụm, khối thi đua"
UNIT_HEADERS = ("Mã", "Tên đơn vị", "Tên viết tắt", "Tên gọi khác", "Loại", "Mã đơn vị cấp trên", "Địa chỉ",
                "Thư điện tử", "Điện thoại", "Người liên hệ", "Hoạt động từ", "Đến ngày")
MEMBER_HEADERS = ("Mã nhóm", "Tên nhóm", "Mã đơn vị", "Từ ngày", "Đến ngày")
CLUSTER_HEADERS = ("Năm", "Tên cụm/khối", "Loại", "Mã đơn vị", "Vai trò")
SHEETS = {UNITS_SHEET: UNIT_HEADERS, MEMBERS_SHEET: MEMBER_HEADERS, CLUSTERS_SHEET: CLUSTER_HEADERS}
ALIAS_SEPARATOR = ";"
DATE_FORMAT = "DD/MM/YYYY"

_KINDS = {fold(label): code for code, label in UNIT_KIND_LABELS.items()} | {code: code for code in UNIT_KIND_LABELS}
_CLUSTER_KINDS = {fold(label): code for code, label in CLUSTER_KINDS.items()} | {
    code: code for code in CLUSTER_KINDS} | {"cum": "cluster", "khoi": "block"}
_ROLES = {"": "member", "thanh vien": "member", "member": "member", "head": "head", "deputy": "deputy",
          "cum truong": "head", "khoi truong": "head", "truong cum": "head", "truong khoi": "head",
          "cum pho": "deputy", "khoi pho": "deputy", "pho cum": "deputy", "pho khoi": "deputy",
          "truong": "head", "pho": "deputy"}


class CellError(ValueError):
    """A cell that cannot be read; the message names the column."""


def text(value) -> str:
    """A cell as NFC text with single spaces ("" for empty); 12.0 -> "12"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return vocabulary.short_date(value)
    return " ".join(nfc(str(value)).split())


def read_date(value, column: str) -> date | None:
    """An Excel date or a typed one; "" is no date, anything else unreadable is an error."""
    raw = text(value)
    if not raw:
        return None
    day = vocabulary.read_date(value if isinstance(value, (date, datetime)) else raw)
    if day is None:
        raise CellError(f"{column} «{raw}» không phải ngày (dạng dd/mm/yyyy).")
    return day


def read_kind(value) -> str | None:
    raw = text(value)
    if not raw:
        return None
    kind = _KINDS.get(fold(raw))
    if kind is None:
        choices = ", ".join(UNIT_KIND_LABELS.values())
        raise CellError(f"Loại «{raw}» không có trong danh mục ({choices}).")
    return kind


def read_cluster_kind(value) -> str:
    raw = text(value)
    kind = _CLUSTER_KINDS.get(fold(raw)) if raw else "cluster"
    if kind is None:
        raise CellError(f"Loại «{raw}» không hợp lệ: Cụm thi đua hoặc Khối thi đua.")
    return kind


def read_role(value) -> str:
    raw = text(value)
    role = _ROLES.get(fold(raw))
    if role is None:
        raise CellError(f"Vai trò «{raw}» không hợp lệ: Cụm trưởng, Cụm phó hoặc Thành viên.")
    return role


def read_year(value) -> int:
    raw = text(value)
    if not raw.isdigit() or not 1945 <= int(raw) <= 2200:
        raise CellError(f"Năm «{raw}» không hợp lệ (cần bốn chữ số).")
    return int(raw)


def read_aliases(value) -> list[str]:
    return [a for a in (text(part) for part in text(value).split(ALIAS_SEPARATOR)) if a]


def kind_cell(kind: str) -> str:
    return UNIT_KIND_LABELS.get(kind, kind)


def cluster_kind_cell(kind: str) -> str:
    return CLUSTER_KINDS.get(kind, kind)


def role_cell(role: str, kind: str) -> str:
    return role_label(role, kind)


def aliases_cell(aliases: list[str]) -> str:
    return f"{ALIAS_SEPARATOR} ".join(aliases)
