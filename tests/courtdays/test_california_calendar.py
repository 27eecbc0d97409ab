"""California judicial holidays (CCP 135, Gov. Code 6700, CRC 1.11) against published calendars."""

from __future__ import annotations

import datetime as dt

import pytest

from filelint.courtdays import EXECUTIVE_ORDER_CLOSURES, CourtCalendar
from filelint.packs.california.calendar import california_calendar, ccp10_calendar, gov_code_only_holiday

from .holiday_table import every_day, published_dates

D = dt.date


@pytest.fixture(scope="module")
def cal() -> CourtCalendar:
    return california_calendar()


def test_every_day_2023_2026_matches_published_ca_calendar(cal: CourtCalendar) -> None:
    published = published_dates("CA-superior")
    assert len(published) == 56  # 14 a year
    for d in every_day():
        weekday_holiday = d.weekday() < 5 and not cal.is_court_day(d)
        assert weekday_holiday == (d in published), (d, cal.holiday_name(d), published.get(d))


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_holidays_by_year_match_published(cal: CourtCalendar, year: int) -> None:
    published = {d for d in published_dates("CA-superior") if d.year == year}
    assert set(cal.holidays(year)) == published


def test_holiday_names_follow_the_table(cal: CourtCalendar) -> None:
    published = published_dates("CA-superior")
    for d, name in published.items():
        ours = cal.holiday_name(d)
        assert ours is not None
        # Same holiday; the CSV's wording of observed days matches ours too.
        assert ours.split(" (")[0] == name.split(" (")[0], (d, ours, name)
    assert cal.holiday_name(D(2023, 11, 10)) == ("Veterans Day (observed; Nov 11 falls on a Saturday)")


# 2027 by hand from the rules (Jan 1 2027 is a Friday):
#   New Year's Day      Fri Jan 1
#   MLK (3rd Mon Jan)   Mondays Jan 4, 11, 18            -> Jan 18
#   Lincoln Day Feb 12  Friday                           -> Feb 12
#   Presidents' Day     Mondays Feb 1, 8, 15             -> Feb 15
#   Cesar Chavez Mar 31 Wednesday                        -> Mar 31
#   Memorial Day        May 1 is Sat; last Monday        -> May 31
#   Juneteenth Jun 19   Saturday -> Friday before        -> Jun 18
#   Independence Jul 4  Sunday -> Monday after           -> Jul 5
#   Labor Day           Sep 1 is Wed; 1st Monday         -> Sep 6
#   Native American Day Fridays Sep 3, 10, 17, 24        -> Sep 24
#   Veterans Day Nov 11 Thursday                         -> Nov 11
#   Thanksgiving        Thursdays Nov 4, 11, 18, 25      -> Nov 25, day after Nov 26
#   Christmas Dec 25    Saturday -> Friday before        -> Dec 24
#   New Year's Day 2028 Saturday -> Friday before        -> Dec 31, 2027 (CRC 1.11)
CA_2027 = [
    D(2027, 1, 1),
    D(2027, 1, 18),
    D(2027, 2, 12),
    D(2027, 2, 15),
    D(2027, 3, 31),
    D(2027, 5, 31),
    D(2027, 6, 18),
    D(2027, 7, 5),
    D(2027, 9, 6),
    D(2027, 9, 24),
    D(2027, 11, 11),
    D(2027, 11, 25),
    D(2027, 11, 26),
    D(2027, 12, 24),
    D(2027, 12, 31),
]


def test_2027_from_the_rules(cal: CourtCalendar) -> None:
    assert list(cal.holidays(2027)) == CA_2027
    assert cal.holiday_name(D(2027, 12, 31)) == ("New Year's Day (observed; Jan 1 falls on a Saturday)")
    # Jan 1 2028 itself is a Saturday, and 2028's list does not repeat the observed day.
    assert cal.holiday_name(D(2028, 1, 1)) == "Saturday"
    assert D(2027, 12, 31) not in cal.holidays(2028)
    assert not cal.is_court_day(D(2027, 12, 31))


def test_columbus_day_until_2021_only(cal: CourtCalendar) -> None:
    assert cal.holiday_name(D(2021, 10, 11)) == "Columbus Day"
    assert cal.is_court_day(D(2022, 10, 10))
    assert cal.is_court_day(D(2025, 10, 13))


def test_native_american_day_from_2022(cal: CourtCalendar) -> None:
    assert cal.is_court_day(D(2021, 9, 24))
    assert cal.holiday_name(D(2022, 9, 23)) == "Native American Day"


def test_juneteenth_from_2023(cal: CourtCalendar) -> None:
    # June 19 2022 was a Sunday; Monday 2022-06-20 was a federal but not a state court holiday.
    assert cal.is_court_day(D(2022, 6, 20))
    assert cal.holiday_name(D(2023, 6, 19)) == "Juneteenth"
    assert cal.holiday_name(D(2027, 6, 18)) == "Juneteenth (observed; Jun 19 falls on a Saturday)"


@pytest.mark.parametrize(
    "d",
    [
        D(2023, 4, 7),  # Good Friday: noon-3 p.m. only, not a full-day holiday
        D(2024, 3, 29),
        D(2025, 4, 18),
        D(2026, 4, 3),
        D(2025, 9, 9),  # Admission Day: excluded by CCP 135
        D(2025, 4, 24),  # Genocide Remembrance Day: excluded
        D(2025, 1, 29),  # Lunar New Year 2025: excluded
        D(2026, 2, 17),  # Lunar New Year 2026: excluded
    ],
)
def test_state_holidays_that_are_court_days(cal: CourtCalendar, d: dt.date) -> None:
    assert cal.is_court_day(d)
    assert cal.holiday_name(d) is None


def test_weekends_are_never_court_days(cal: CourtCalendar) -> None:
    assert cal.holiday_name(D(2025, 6, 14)) == "Saturday"
    assert cal.holiday_name(D(2025, 6, 15)) == "Sunday"
    # A holiday falling on a weekend keeps its weekend name; the observed day carries the holiday.
    assert cal.holiday_name(D(2023, 1, 1)) == "Sunday"
    assert cal.holiday_name(D(2023, 1, 2)) == "New Year's Day (observed; Jan 1 falls on a Sunday)"


def test_state_only_holidays() -> None:
    cal = california_calendar()
    assert cal.holiday_name(D(2025, 2, 12)) == "Lincoln Day"
    assert cal.holiday_name(D(2025, 3, 31)) == "Cesar Chavez Day"
    assert cal.holiday_name(D(2025, 11, 28)) == "Day after Thanksgiving"
    assert cal.holiday_name(D(2024, 4, 1)) == ("Cesar Chavez Day (observed; Mar 31 falls on a Sunday)")


@pytest.mark.parametrize("year", range(2000, 2101))
def test_every_year_2000_2100_is_sane(cal: CourtCalendar, year: int) -> None:
    hols = cal.holidays(year)
    assert all(d.year == year and d.weekday() < 5 for d in hols)
    expected = 14
    if year < 2001:
        expected -= 1  # no Cesar Chavez Day yet
    if year < 2023:
        expected -= 1  # no Juneteenth yet (Columbus <= 2021 and Native American >= 2022 swap)
    # New Year's Day moves out of the year (to Dec 31 before) when Jan 1 is a Saturday, and the
    # following New Year's Day moves in when next Jan 1 is a Saturday.
    if D(year, 1, 1).weekday() == 5:
        expected -= 1
    if D(year + 1, 1, 1).weekday() == 5:
        expected += 1
    assert len(hols) == expected, sorted(hols)


def test_executive_order_days_are_plain_court_days(cal: CourtCalendar) -> None:
    # CCP 135 excepts "any other day appointed by the President, but not by the Governor".
    for d in EXECUTIVE_ORDER_CLOSURES:
        assert cal.is_court_day(d)
        assert cal.uncertain_name(d) is None
    assert cal.uncertain_between(D(2024, 1, 1), D(2026, 1, 1)) == []


def test_executive_order_days_are_ccp10_holidays() -> None:
    # Gov. Code 6700 counts "every day appointed by the President or Governor", so CCP 10 does.
    ccp10 = ccp10_calendar()
    for d in EXECUTIVE_ORDER_CLOSURES:
        assert not ccp10.is_court_day(d)
        assert gov_code_only_holiday(d)


def test_ccp10_adds_the_gov_code_days_ccp135_leaves_out() -> None:
    ccp10 = ccp10_calendar()
    assert "Columbus" in (ccp10.holiday_name(D(2025, 10, 13)) or "")
    assert "Admission" in (ccp10.holiday_name(D(2025, 9, 9)) or "")
    assert "Admission" in (ccp10.holiday_name(D(2029, 9, 10)) or "")  # Sept. 9, 2029 is a Sunday
    assert "Genocide" in (ccp10.holiday_name(D(2025, 4, 24)) or "")
    assert "Lunar" in (ccp10.holiday_name(D(2026, 2, 17)) or "")
    assert gov_code_only_holiday(D(2025, 10, 13))
    assert gov_code_only_holiday(D(2025, 11, 27)) is None  # Thanksgiving: a judicial holiday too
    assert not ccp10.is_court_day(D(2025, 11, 28))  # judicial holidays stay holidays


def test_per_court_closures() -> None:
    fire = D(2025, 1, 10)
    cal = california_calendar(closures={fire: "courthouse closed: fire"})
    assert cal.holiday_name(fire) == "courthouse closed: fire"
    assert fire in cal.holidays(2025)
    plain = california_calendar(closures=[fire])
    assert not plain.is_court_day(fire)
    assert "12b" in (plain.holiday_name(fire) or "")
    later = california_calendar().with_closures([D(2025, 1, 13)])
    assert not later.is_court_day(D(2025, 1, 13))
    assert california_calendar().is_court_day(D(2025, 1, 13))
