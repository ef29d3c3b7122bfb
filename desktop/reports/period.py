"""The period a report covers: a year, a month or a date range, and how its title says it."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from desktop.core.vocabulary import short_date


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    kind: str  # "year" | "month" | "range"

    @classmethod
    def year(cls, year: int) -> Period:
        _check_year(year)
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        _check_year(year)
        if not 1 <= month <= 12:
            raise ValueError(f"tháng {month} không hợp lệ (1-12)")
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        if end < start:
            raise ValueError(f"ngày cuối {short_date(end)} trước ngày đầu {short_date(start)}")
        return cls(start, end, "range")

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    @property
    def label(self) -> str:
        """"Năm 2026", "Tháng 5 năm 2026", "Từ ngày 01/03/2026 đến ngày 31/03/2026"."""
        if self.kind == "year":
            return f"Năm {self.start.year}"
        if self.kind == "month":
            return f"Tháng {self.start.month} năm {self.start.year}"
        return f"Từ ngày {short_date(self.start)} đến ngày {short_date(self.end)}"

    @property
    def slug(self) -> str:
        """For a file name: "2026", "2026-05", "2026-03-01_2026-03-31"."""
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        return f"{self.start:%Y-%m-%d}_{self.end:%Y-%m-%d}"


def _check_year(year: int) -> None:
    if not 1900 <= year <= 9999:
        raise ValueError(f"năm {year} không hợp lệ")


def parse_period(year: str | None = None, month: str | None = None, start: str | None = None,
                 end: str | None = None, *, today: date | None = None) -> Period:
    """The CLI's --year Y | --month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD (default: this year).

    ValueError with a Vietnamese message for a bad value or a bad combination."""
    given = [name for name, value in (("--year", year), ("--month", month), ("--from", start), ("--to", end))
             if value is not None]
    if (start is None) != (end is None):
        raise ValueError("--from và --to phải đi cùng nhau")
    if len([g for g in given if g not in ("--to",)]) > 1:
        raise ValueError(f"chỉ chọn một trong --year, --month, --from/--to (đã cho {', '.join(given)})")
    if year is not None:
        if not year.strip().isdigit():
            raise ValueError(f"năm không hợp lệ: {year!r}")
        return Period.year(int(year))
    if month is not None:
        parts = month.split("-")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"tháng không hợp lệ: {month!r} (dạng YYYY-MM)")
        return Period.month(int(parts[0]), int(parts[1]))
    if start is not None and end is not None:
        return Period.between(iso_date(start), iso_date(end))
    return Period.year((today or date.today()).year)


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"ngày không hợp lệ: {value!r} (dạng YYYY-MM-DD)") from None
