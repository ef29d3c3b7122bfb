"""Working days: weekends, Vietnamese public holidays (lunar ones too), Tết breaks, overrides."""
from __future__ import annotations

from datetime import date as D

import pytest

from desktop.followup.calendar import OFFICE_OFF_NAME, WorkingCalendar, load_calendar


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.mark.parametrize(
    "day, name",
    [
        (D(2024, 2, 10), "Tết Nguyên đán"),  # mùng 1 Tết Giáp Thìn
        (D(2025, 1, 29), "Tết Nguyên đán"),  # mùng 1 Tết Ất Tỵ
        (D(2020, 1, 25), "Tết Nguyên đán"),
        (D(2021, 2, 12), "Tết Nguyên đán"),
        (D(2022, 2, 1), "Tết Nguyên đán"),
        (D(2023, 1, 22), "Tết Nguyên đán"),
        (D(2026, 2, 17), "Tết Nguyên đán"),
        (D(2027, 2, 6), "Tết Nguyên đán"),
        (D(2024, 4, 18), "Ngày Giỗ Tổ Hùng Vương"),  # 10/3 âm lịch
        (D(2025, 4, 7), "Ngày Giỗ Tổ Hùng Vương"),
        (D(2019, 4, 14), "Ngày Giỗ Tổ Hùng Vương"),
        (D(2023, 4, 29), "Ngày Giỗ Tổ Hùng Vương"),
        (D(2024, 4, 30), "Ngày Chiến thắng"),
        (D(2024, 5, 1), "Ngày Quốc tế Lao động"),
        (D(2024, 9, 2), "Quốc khánh"),
        (D(2024, 1, 1), "Tết Dương lịch"),
    ],
)
def test_holidays_have_vietnamese_names_and_right_lunar_dates(cal, day, name):
    assert dict(cal.holidays_in(day.year))[day] == name
    assert not cal.is_working_day(day)


@pytest.mark.parametrize("year", range(2019, 2028))
def test_every_year_has_tet_giỗ_tổ_and_national_day(cal, year):
    names = [name for _, name in cal.holidays_in(year)]
    assert "Tết Nguyên đán" in names and "Ngày Giỗ Tổ Hùng Vương" in names and "Quốc khánh" in names
    assert all(day.year == year for day, _ in cal.holidays_in(year))
    assert cal.holidays_in(year) == sorted(cal.holidays_in(year))


@pytest.mark.parametrize(
    "day, working",
    [
        (D(2024, 3, 4), True),  # Monday
        (D(2024, 3, 9), False),  # Saturday
        (D(2024, 3, 10), False),  # Sunday
        (D(2025, 1, 25), False),  # Saturday opening the Tết Ất Tỵ break
        (D(2025, 1, 27), False),  # 29 Tết, a Monday
        (D(2025, 2, 3), True),  # back to work
        (D(2024, 2, 8), False),  # 29 Tết Giáp Thìn
        (D(2024, 2, 15), True),
        (D(2019, 5, 4), True),  # make-up Saturday for the day off of 29/4/2019
        (D(2025, 4, 26), True),  # make-up Saturday for 02/5/2025
        (D(2025, 5, 2), False),
    ],
)
def test_is_working_day(cal, day, working):
    assert cal.is_working_day(day) is working


@pytest.mark.parametrize(
    "start, n, expected",
    [
        (D(2024, 3, 8), 1, D(2024, 3, 11)),  # Friday + 1 -> Monday
        (D(2024, 3, 4), 0, D(2024, 3, 4)),
        (D(2024, 3, 4), 5, D(2024, 3, 11)),
        (D(2025, 1, 24), 1, D(2025, 2, 3)),  # over the whole Tết break
        (D(2025, 1, 24), 5, D(2025, 2, 7)),
        (D(2024, 2, 7), 2, D(2024, 2, 16)),  # Tết Giáp Thìn 08-14/02
        (D(2024, 4, 17), 1, D(2024, 4, 19)),  # Giỗ Tổ Thursday 18/4
        (D(2024, 4, 26), 1, D(2024, 5, 2)),  # 29/4 (swap), 30/4, 1/5 off
        (D(2024, 3, 11), -1, D(2024, 3, 8)),  # backwards
    ],
)
def test_add_working_days(cal, start, n, expected):
    assert cal.add_working_days(start, n) == expected


def test_working_days_between(cal):
    assert cal.working_days_between(D(2025, 1, 24), D(2025, 2, 7)) == 5
    assert cal.working_days_between(D(2025, 2, 7), D(2025, 1, 24)) == 0


def test_overrides_win_over_defaults_and_package():
    cal = WorkingCalendar(
        {D(2024, 3, 9): "work", D(2024, 3, 11): "off", D(2024, 4, 18): "work"},
        names={D(2024, 3, 11): "Nghỉ bù do tỉnh quyết định"},
    )
    assert cal.is_working_day(D(2024, 3, 9)) and not cal.is_working_day(D(2024, 3, 11))
    assert cal.is_working_day(D(2024, 4, 18))
    assert cal.add_working_days(D(2024, 3, 8), 1) == D(2024, 3, 9)
    listed = dict(cal.holidays_in(2024))
    assert listed[D(2024, 3, 11)] == "Nghỉ bù do tỉnh quyết định"
    assert D(2024, 4, 18) not in listed


def test_override_without_name_gets_a_generic_name():
    cal = WorkingCalendar({D(2024, 3, 11): "off"})
    assert dict(cal.holidays_in(2024))[D(2024, 3, 11)] == OFFICE_OFF_NAME


def test_bad_override_kind_is_refused():
    with pytest.raises(ValueError, match="Loại ngày"):
        WorkingCalendar({D(2024, 3, 11): "holiday"})


def test_a_calendar_without_working_days_raises_instead_of_looping():
    class Closed(WorkingCalendar):
        def is_working_day(self, d):
            return False

    with pytest.raises(ValueError):
        Closed().add_working_days(D(2024, 1, 1), 1)


def test_load_calendar_reads_calendar_days(ctx):
    from db.models import CalendarDay

    with ctx.write_session() as session, session.begin():
        session.add(CalendarDay(day=D(2026, 2, 23), kind="off", name="Nghỉ thêm Tết Bính Ngọ"))
        session.add(CalendarDay(day=D(2026, 2, 28), kind="work", name="Làm bù"))
    with ctx.session() as session:
        cal = load_calendar(session)
    assert not cal.is_working_day(D(2026, 2, 23))
    assert cal.is_working_day(D(2026, 2, 28))
    assert dict(cal.holidays_in(2026))[D(2026, 2, 23)] == "Nghỉ thêm Tết Bính Ngọ"
