"""The New York State Unified Court System's court holidays, as a ``filelint.courtdays.CourtCalendar``.

The list is General Construction Law § 24's public holidays as the courts observe them: New Year's Day,
Dr. Martin Luther King, Jr. Day, Lincoln's Birthday (Feb 12), Washington's Birthday, Memorial Day,
Juneteenth, Independence Day, Labor Day, Columbus Day, Election Day (the general election, every
November), Veterans Day, Thanksgiving Day and Christmas Day: thirteen days, as on the UCS's 2024 list
(nycourts.gov, "Court Terms & Holidays"). Flag Day is in § 24 but is a Sunday holiday, never a closure.

Observance: a holiday on Sunday is kept the Monday after (GCL § 24 says so); one on Saturday is kept by
the courts the Friday before (not in § 24; the published closing lists show it, e.g. Veterans Day on
Fri 2017-11-10 and Independence Day on Fri 2026-07-03). ``rule_from_definitions`` applies both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from filelint.courtdays import (
    CourtCalendar,
    HolidayDef,
    fixed_date,
    last_weekday_date,
    nth_weekday,
    nth_weekday_date,
    rule_from_definitions,
)

SYSTEM = "ny-supreme"
MON, THU = 0, 3
GCL_24 = "N.Y. General Construction Law § 24"
#: Juneteenth became a New York public holiday in 2020 (GCL § 24 as amended); the UCS lists it from then.
JUNETEENTH_FIRST_YEAR = 2020
#: Where each year's list was read, with the confidence tag (C: the UCS's own page; S: a practitioner's list of
#: state-court closings; U: computed from the statute and the observance practice, no published list seen).
SOURCES: Mapping[int, tuple[str, str]] = {
    2023: ("U", "computed from GCL § 24 and the UCS observance practice"),
    2024: ("C", "nycourts.gov, Court Terms & Holidays, 2024 Holidays"),
    2025: ("S", "computed; Thanksgiving and Christmas Day seen on a published list of 2025 state-court closings"),
    2026: ("S", "published list of 2026 New York state-court closings (eLaw blog), all thirteen days"),
    2027: ("U", "computed from GCL § 24 and the UCS observance practice"),
}


def _election_day(year: int) -> dt.date:
    """The Tuesday after the first Monday of November (the general election, held every year)."""
    return nth_weekday(year, 11, MON, 1) + dt.timedelta(days=1)


NEW_YORK_COURT_HOLIDAYS: tuple[HolidayDef, ...] = (
    HolidayDef("New Year's Day", fixed_date(1, 1), f"January 1: {GCL_24}"),
    HolidayDef("Dr. Martin Luther King, Jr. Day", nth_weekday_date(1, MON, 3), f"third Monday of January: {GCL_24}"),
    HolidayDef("Lincoln's Birthday", fixed_date(2, 12), f"February 12: {GCL_24}"),
    HolidayDef("Washington's Birthday", nth_weekday_date(2, MON, 3), f"third Monday of February: {GCL_24}"),
    HolidayDef("Memorial Day", last_weekday_date(5, MON), f"last Monday of May: {GCL_24}"),
    HolidayDef("Juneteenth", fixed_date(6, 19), f"June 19: {GCL_24}", first_year=JUNETEENTH_FIRST_YEAR),
    HolidayDef("Independence Day", fixed_date(7, 4), f"July 4: {GCL_24}"),
    HolidayDef("Labor Day", nth_weekday_date(9, MON, 1), f"first Monday of September: {GCL_24}"),
    HolidayDef("Columbus Day", nth_weekday_date(10, MON, 2), f"second Monday of October: {GCL_24}"),
    HolidayDef("Election Day", _election_day, f"general election day: {GCL_24}; Election Law § 8-100"),
    HolidayDef("Veterans Day", fixed_date(11, 11), f"November 11: {GCL_24}"),
    HolidayDef("Thanksgiving Day", nth_weekday_date(11, THU, 4), f"fourth Thursday of November: {GCL_24}"),
    HolidayDef("Christmas Day", fixed_date(12, 25), f"December 25: {GCL_24}"),
)
"""Every New York court holiday, with its date rule."""

new_york_holidays = rule_from_definitions(NEW_YORK_COURT_HOLIDAYS)
"""Observed court holidays belonging to a year (Saturday -> the Friday before, Sunday -> the Monday after)."""


def new_york_calendar(name: str = SYSTEM) -> CourtCalendar:
    """The New York State courts' calendar: weekends and the thirteen UCS court holidays."""
    return CourtCalendar(name=name, holiday_rule=new_york_holidays)
