"""California's two holiday lists: the judicial holidays (CCP 135, observed per CRC 1.11) and the state's
legal holidays (Gov. Code 6700 and 6701, which CCP 10 counts for the Discovery Act and FRCP 6(a)(6)(C) for a
federal period in a California district). The second is one table for both uses."""

from __future__ import annotations

import datetime as dt

import pytest

from filelint.packs.california.calendar import california_calendar, ccp10_calendar
from filelint.packs.california.state_holidays import california_legal_holidays

D = dt.date
COURTS, CCP10, STATE = california_calendar(), ccp10_calendar(), california_legal_holidays()


def test_the_state_holidays_and_the_ccp_10_holidays_are_one_list() -> None:
    for year in range(2000, 2036):
        assert STATE.holidays(year) == CCP10.holidays(year), year


@pytest.mark.parametrize("day", [D(2016, 9, 23), D(2019, 9, 27), D(2021, 9, 24)])
def test_native_american_day_2015_to_2021_is_a_state_holiday_and_a_court_day(day: dt.date) -> None:
    """Gov. Code 6700 from 2015 (AB 1973); CCP 135 excepted it until AB 855 (effective 2022)."""
    assert not CCP10.is_court_day(day) and "Native American Day" in (CCP10.holiday_name(day) or "")
    assert COURTS.is_court_day(day)


def test_native_american_day_is_a_judicial_holiday_from_2022() -> None:
    assert not COURTS.is_court_day(D(2022, 9, 23)) and not CCP10.is_court_day(D(2022, 9, 23))


def test_native_american_day_2015_is_counted_as_a_court_day_with_a_warning() -> None:
    """CCP 135 did not yet except it in 2015: the courts may have closed. Counted open, reported uncertain."""
    assert COURTS.is_court_day(D(2015, 9, 25))
    assert "Native American Day 2015" in (COURTS.uncertain_name(D(2015, 9, 25)) or "")
    assert not CCP10.is_court_day(D(2015, 9, 25))
    assert COURTS.is_court_day(D(2014, 9, 26)) and CCP10.is_court_day(D(2014, 9, 26))  # before AB 1973


def test_admission_day_moves_only_from_a_sunday() -> None:
    """Gov. Code 6701: September 9 on a Sunday makes the Monday after a holiday; only November 11 moves
    from a Saturday."""
    assert not STATE.is_court_day(D(2029, 9, 10))  # Sept. 9, 2029 is a Sunday
    assert STATE.is_court_day(D(2023, 9, 8))  # Sept. 9, 2023 is a Saturday: the Friday is no holiday
    assert COURTS.is_court_day(D(2029, 9, 10))  # not a judicial holiday at all


def test_genocide_remembrance_day_does_not_move_from_a_weekend() -> None:
    assert STATE.is_court_day(D(2027, 4, 23)) and STATE.is_court_day(D(2033, 4, 25))
    assert not STATE.is_court_day(D(2025, 4, 24))


def test_a_judicial_holiday_on_a_saturday_is_observed_the_friday_before_in_both_lists() -> None:
    """Veterans Day 2023 (a Saturday): CRC 1.11 for the courts, and Gov. Code 6701 names it too."""
    for calendar in (COURTS, STATE):
        assert not calendar.is_court_day(D(2023, 11, 10))
