"""Federal legal holidays (5 U.S.C. 6103, FRCP 6(a)(6)) against published calendars."""

from __future__ import annotations

import datetime as dt

import pytest
from filelint_federal.calendar import federal_calendar

from filelint.courtdays import CourtCalendar

from .holiday_table import every_day, published_dates

D = dt.date


@pytest.fixture(scope="module")
def cal() -> CourtCalendar:
    return federal_calendar()


def test_every_day_2023_2026_matches_published_federal_calendar(cal: CourtCalendar) -> None:
    published = published_dates("federal")
    assert len(published) == 44  # 11 a year
    for d in every_day():
        weekday_holiday = d.weekday() < 5 and not cal.is_court_day(d)
        assert weekday_holiday == (d in published), (d, cal.holiday_name(d), published.get(d))


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_holidays_by_year_match_published(cal: CourtCalendar, year: int) -> None:
    assert set(cal.holidays(year)) == {d for d in published_dates("federal") if d.year == year}


def test_new_year_on_saturday_observed_on_december_31(cal: CourtCalendar) -> None:
    # Jan 1 2022 and Jan 1 2028 are Saturdays: the federal holiday is the Friday before.
    assert cal.holiday_name(D(2021, 12, 31)) == ("New Year's Day (observed; Jan 1 falls on a Saturday)")
    assert not cal.is_court_day(D(2027, 12, 31))
    assert D(2021, 12, 31) in cal.holidays(2021)
    assert len(cal.holidays(2022)) == 10  # its own New Year's Day went to 2021


def test_juneteenth_from_2021(cal: CourtCalendar) -> None:
    assert cal.is_court_day(D(2020, 6, 19))
    assert not cal.is_court_day(D(2021, 6, 18))  # June 19 2021 was a Saturday
    assert not cal.is_court_day(D(2022, 6, 20))  # June 19 2022 was a Sunday


@pytest.mark.parametrize(
    "d",
    [
        D(2025, 2, 12),  # Lincoln Day: state courts only
        D(2025, 3, 31),  # Cesar Chavez Day: state courts only
        D(2025, 11, 28),  # day after Thanksgiving: state courts only
        D(2025, 9, 26),  # Native American Day: state courts only
        D(2025, 4, 18),  # Good Friday
    ],
)
def test_california_only_holidays_are_federal_court_days(cal: CourtCalendar, d: dt.date) -> None:
    assert cal.is_court_day(d)


def test_columbus_day_is_a_federal_holiday(cal: CourtCalendar) -> None:
    assert cal.holiday_name(D(2025, 10, 13)) == "Columbus Day"
    assert cal.holiday_name(D(2021, 10, 11)) == "Columbus Day"


@pytest.mark.parametrize("year", range(2000, 2101))
def test_every_year_has_eleven_holidays_give_or_take_new_year(cal: CourtCalendar, year: int) -> None:
    expected = 11 if year >= 2021 else 10
    expected -= D(year, 1, 1).weekday() == 5
    expected += D(year + 1, 1, 1).weekday() == 5
    hols = cal.holidays(year)
    assert len(hols) == expected
    assert all(d.weekday() < 5 for d in hols)


def test_executive_order_days_are_uncertain_not_closed(cal: CourtCalendar) -> None:
    assert cal.is_court_day(D(2025, 1, 9))
    assert cal.uncertain_name(D(2025, 1, 9))
    assert not cal.treat_uncertain_as_closed().is_court_day(D(2025, 1, 9))
