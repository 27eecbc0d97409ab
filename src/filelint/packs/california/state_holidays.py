"""California's legal holidays, for other packs (``filelint_state_holidays``): the federal pack counts them
under FRCP 6(a)(6)(C) for a period measured after an event in a California district ("any other day
declared a holiday by the state where the district court is located").

Which table, and why. The state has two lists. CCP 135's judicial holidays are the days its *courts* close:
they leave out Admission Day, Columbus Day (from 2022), Lunar New Year, Genocide Remembrance Day and any day
the President alone appoints. Rule 6(a)(6)(C) asks for the days the *state* declares holidays, which is the
wider list: Gov. Code 6700(a), the legal holidays CCP 10 also counts ("such other days as are specified or
provided for as holidays in the Government Code"), including "every day appointed by the President or
Governor for a public fast, thanksgiving, or holiday". So this table is Gov. Code 6700, not CCP 135, with
one addition: the day after Thanksgiving, which a state statute (CCP 135) declares a holiday though Gov.
Code 6700 does not [S: E.D. Cal. refers to both lists for Rule 6(a)]. Good Friday (noon to 3 p.m. only) is
not a full-day holiday. A holiday on a Sunday is observed the Monday after (Gov. Code 6700(b)); one on a
Saturday the Friday before, as the courts do (CRC 1.11) [U for the Gov. Code days].

The President-appointed days (:data:`filelint.courtdays.EXECUTIVE_ORDER_CLOSURES`) are in the table; a
federal calendar already has them as legal holidays under FRCP 6(a)(6)(B) (or as uncertain closures).
"""

from __future__ import annotations

import datetime as dt

from filelint.courtdays import (
    EXECUTIVE_ORDER_CLOSURES,
    CourtCalendar,
    HolidayDef,
    fixed_date,
    last_weekday_date,
    nth_weekday,
    nth_weekday_date,
    rule_from_definitions,
)
from filelint.packs.california.calendar import GC_2022_ADDITIONS_FIRST_YEAR, LUNAR_NEW_YEAR

MON, THU, FRI = 0, 3, 4
_GC = "Gov. Code 6700"


def _day_after_thanksgiving(year: int) -> dt.date:
    return nth_weekday(year, 11, THU, 4) + dt.timedelta(days=1)


CALIFORNIA_LEGAL_HOLIDAYS: tuple[HolidayDef, ...] = (
    HolidayDef("New Year's Day", fixed_date(1, 1), _GC),
    HolidayDef("Martin Luther King Jr. Day", nth_weekday_date(1, MON, 3), _GC),
    HolidayDef("Lincoln Day", fixed_date(2, 12), _GC),
    HolidayDef("Presidents' Day", nth_weekday_date(2, MON, 3), _GC),
    HolidayDef("Cesar Chavez Day", fixed_date(3, 31), _GC, first_year=2001),
    HolidayDef(
        "Genocide Remembrance Day", fixed_date(4, 24), f"{_GC} (AB 1801)", first_year=GC_2022_ADDITIONS_FIRST_YEAR
    ),
    HolidayDef("Memorial Day", last_weekday_date(5, MON), _GC),
    HolidayDef("Juneteenth", fixed_date(6, 19), _GC, first_year=2023),
    HolidayDef("Independence Day", fixed_date(7, 4), _GC),
    HolidayDef("Labor Day", nth_weekday_date(9, MON, 1), _GC),
    HolidayDef("Admission Day", fixed_date(9, 9), _GC),
    HolidayDef("Native American Day", nth_weekday_date(9, FRI, 4), _GC, first_year=2015),
    HolidayDef("Columbus Day", nth_weekday_date(10, MON, 2), _GC),
    HolidayDef("Veterans Day", fixed_date(11, 11), _GC),
    HolidayDef("Thanksgiving Day", nth_weekday_date(11, THU, 4), _GC),
    HolidayDef("Day after Thanksgiving", _day_after_thanksgiving, "CCP 135"),
    HolidayDef("Christmas Day", fixed_date(12, 25), _GC),
)
"""Every day California law declares a holiday, with the statute (the table above explains the choice)."""

_listed = rule_from_definitions(CALIFORNIA_LEGAL_HOLIDAYS)


def _legal_holidays(year: int) -> dict[dt.date, str]:
    days = dict(_listed(year))
    if year >= GC_2022_ADDITIONS_FIRST_YEAR and year in LUNAR_NEW_YEAR:
        days.setdefault(LUNAR_NEW_YEAR[year], f"Lunar New Year ({_GC}, AB 2596)")
    for day, name in EXECUTIVE_ORDER_CLOSURES.items():
        if day.year == year:
            days.setdefault(day, f"{name} (appointed by the President: {_GC}(a))")
    return days


def california_legal_holidays() -> CourtCalendar:
    """California's legal holidays (Gov. Code 6700 and the day after Thanksgiving), for FRCP 6(a)(6)(C)."""
    return CourtCalendar(name="California state holidays", holiday_rule=_legal_holidays)
