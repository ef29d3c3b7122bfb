"""Vietnamese text rules used across the core: NFC, accent-insensitive search, sort order,
and dates written the way Decree 30 writes them."""
from __future__ import annotations

from datetime import date

from db.text import fold, nfc, vi_sort_key

__all__ = ["nfc", "fold", "vi_sort_key", "decree_date", "short_date", "pad2", "vi_number"]


def pad2(n: int) -> str:
    """Numbers below 10 take a leading zero (ND30: "Số: 05/...", day 06)."""
    return f"{n:02d}" if 0 <= n < 10 else str(n)


def decree_date(d: date) -> str:
    """"ngày 06 tháng 01 năm 2021": day < 10 and months 1-2 zero-padded, other months not."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {pad2(d.day)} tháng {month} năm {d.year}"


def short_date(d: date | None) -> str:
    """dd/mm/yyyy, the form clerks type and tables show."""
    return d.strftime("%d/%m/%Y") if d else ""


def vi_number(value: float, decimals: int = 0) -> str:
    """A number as Vietnamese writes it: "." between thousands, "," before decimals (1.234,5)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
