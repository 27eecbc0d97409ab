"""New York court holidays 2023-2027, one by one, and the weekend/holiday roll the rules rely on."""

from __future__ import annotations

import datetime as dt

import pytest

from filelint_newyork.calendar import SOURCES, new_york_calendar

D = dt.date
CAL = new_york_calendar()

#: Each observed court holiday, written out by hand (2024 matches the UCS's own list; 2026 a published list of
#: state-court closings; the others follow GCL § 24 and the observance practice).
EXPECTED: dict[int, list[dt.date]] = {
    2023: [
        D(2023, 1, 2),
        D(2023, 1, 16),
        D(2023, 2, 13),
        D(2023, 2, 20),
        D(2023, 5, 29),
        D(2023, 6, 19),
        D(2023, 7, 4),
        D(2023, 9, 4),
        D(2023, 10, 9),
        D(2023, 11, 7),
        D(2023, 11, 10),
        D(2023, 11, 23),
        D(2023, 12, 25),
    ],
    2024: [
        D(2024, 1, 1),
        D(2024, 1, 15),
        D(2024, 2, 12),
        D(2024, 2, 19),
        D(2024, 5, 27),
        D(2024, 6, 19),
        D(2024, 7, 4),
        D(2024, 9, 2),
        D(2024, 10, 14),
        D(2024, 11, 5),
        D(2024, 11, 11),
        D(2024, 11, 28),
        D(2024, 12, 25),
    ],
    2025: [
        D(2025, 1, 1),
        D(2025, 1, 20),
        D(2025, 2, 12),
        D(2025, 2, 17),
        D(2025, 5, 26),
        D(2025, 6, 19),
        D(2025, 7, 4),
        D(2025, 9, 1),
        D(2025, 10, 13),
        D(2025, 11, 4),
        D(2025, 11, 11),
        D(2025, 11, 27),
        D(2025, 12, 25),
    ],
    2026: [
        D(2026, 1, 1),
        D(2026, 1, 19),
        D(2026, 2, 12),
        D(2026, 2, 16),
        D(2026, 5, 25),
        D(2026, 6, 19),
        D(2026, 7, 3),
        D(2026, 9, 7),
        D(2026, 10, 12),
        D(2026, 11, 3),
        D(2026, 11, 11),
        D(2026, 11, 26),
        D(2026, 12, 25),
    ],
    # New Year's Day 2028 is a Saturday: kept Friday 2027-12-31.
    2027: [
        D(2027, 1, 1),
        D(2027, 1, 18),
        D(2027, 2, 12),
        D(2027, 2, 15),
        D(2027, 5, 31),
        D(2027, 6, 18),
        D(2027, 7, 5),
        D(2027, 9, 6),
        D(2027, 10, 11),
        D(2027, 11, 2),
        D(2027, 11, 11),
        D(2027, 11, 25),
        D(2027, 12, 24),
        D(2027, 12, 31),
    ],
}


@pytest.mark.parametrize("day", [d for days in EXPECTED.values() for d in days], ids=str)
def test_each_holiday_is_not_a_court_day(day: dt.date) -> None:
    assert not CAL.is_court_day(day)
    assert CAL.holiday_name(day) not in (None, "Saturday", "Sunday")


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_no_other_holidays(year: int) -> None:
    assert list(CAL.holidays(year)) == EXPECTED[year]
    assert year in SOURCES


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2024, 2, 12), "Lincoln's Birthday"),  # a New York court holiday; federal courts are open
        (D(2024, 11, 5), "Election Day"),  # every year in New York, not only federal election years
        (D(2023, 11, 7), "Election Day"),
        (D(2023, 11, 10), "Veterans Day (observed; Nov 11 falls on a Saturday)"),
        (D(2026, 7, 3), "Independence Day (observed; Jul 4 falls on a Saturday)"),
        (D(2023, 2, 13), "Lincoln's Birthday (observed; Feb 12 falls on a Sunday)"),
    ],
)
def test_names(day: dt.date, name: str) -> None:
    assert CAL.holiday_name(day) == name


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2024, 3, 16), D(2024, 3, 18)),  # Saturday -> Monday
        (D(2024, 3, 17), D(2024, 3, 18)),  # Sunday -> Monday
        (D(2024, 2, 10), D(2024, 2, 13)),  # Sat, Sun, then Lincoln's Birthday Mon -> Tue
        (D(2024, 2, 17), D(2024, 2, 20)),  # Sat, Sun, Washington's Birthday Mon -> Tue
        (D(2027, 12, 24), D(2027, 12, 27)),  # Christmas observed Fri -> Mon
        (D(2027, 12, 31), D(2028, 1, 3)),  # New Year's observed Fri 2027-12-31 -> Mon 2028-01-03
        (D(2024, 11, 5), D(2024, 11, 6)),  # Election Day Tue -> Wed
        (D(2024, 3, 15), D(2024, 3, 15)),  # a business day stays
    ],
)
def test_gcl_25a_roll_to_next_business_day(day: dt.date, expected: dt.date) -> None:
    assert CAL.next_court_day(day) == expected


def test_ordinary_weekdays_are_court_days() -> None:
    assert CAL.is_court_day(D(2025, 11, 28))  # day after Thanksgiving: federal courts close, state courts do not
    assert CAL.is_court_day(D(2025, 12, 24))  # Christmas Eve
