"""The forum state's holidays, which FRCP 6(a)(6)(C) makes legal holidays for a period measured after
an event ("any other day declared a holiday by the state where the district court is located").

California (the four California districts): every holiday of Gov. Code 6700 and the judicial holidays of
CCP 135. Federal courts stay open on the days that are not federal holidays (Lincoln Day, Cesar Chavez
Day, Native American Day, the day after Thanksgiving, Admission Day, Lunar New Year, Genocide
Remembrance Day), but a period after an event cannot end on one. A holiday on a Sunday is observed the
Monday after (Gov. Code 6700(b)); one on a Saturday the Friday before, as the courts do [U for state
offices]. Days the President alone appoints are left to the federal calendar (FRCP 6(a)(6)(B), warned
about there). Other states' holidays are not encoded: their districts count only federal holidays.
"""

from __future__ import annotations

import datetime as dt

from filelint.courtdays import (
    CourtCalendar,
    HolidayDef,
    fixed_date,
    last_weekday_date,
    nth_weekday,
    nth_weekday_date,
    rule_from_definitions,
)

MON, THU, FRI = 0, 3, 4
_GC = "Gov. Code 6700"
#: Lunar New Year (AB 2596, Stats. 2022, ch. 792) and Genocide Remembrance Day (AB 1801) from 2023 [S].
GC_2022_FIRST_YEAR = 2023
LUNAR_NEW_YEAR = {
    2023: dt.date(2023, 1, 22),
    2024: dt.date(2024, 2, 10),
    2025: dt.date(2025, 1, 29),
    2026: dt.date(2026, 2, 17),
    2027: dt.date(2027, 2, 6),
    2028: dt.date(2028, 1, 26),
    2029: dt.date(2029, 2, 13),
    2030: dt.date(2030, 2, 3),
}


def _day_after_thanksgiving(year: int) -> dt.date:
    return nth_weekday(year, 11, THU, 4) + dt.timedelta(days=1)


def _lunar_new_year(year: int) -> dt.date:
    # Outside the table the holiday is not counted: a year far from now yields a date it is never on.
    return LUNAR_NEW_YEAR.get(year, dt.date(year, 1, 1))


CALIFORNIA_HOLIDAYS: tuple[HolidayDef, ...] = (
    HolidayDef("New Year's Day", fixed_date(1, 1), _GC),
    HolidayDef("Martin Luther King Jr. Day", nth_weekday_date(1, MON, 3), _GC),
    HolidayDef("Lincoln Day", fixed_date(2, 12), _GC),
    HolidayDef("Presidents' Day", nth_weekday_date(2, MON, 3), _GC),
    HolidayDef("Cesar Chavez Day", fixed_date(3, 31), _GC, first_year=2001),
    HolidayDef("Genocide Remembrance Day", fixed_date(4, 24), f"{_GC} (AB 1801)", first_year=GC_2022_FIRST_YEAR),
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


def _with_lunar_new_year(year: int) -> dict[dt.date, str]:
    days = dict(rule_from_definitions(CALIFORNIA_HOLIDAYS)(year))
    if year >= GC_2022_FIRST_YEAR and year in LUNAR_NEW_YEAR:
        days.setdefault(_lunar_new_year(year), f"Lunar New Year ({_GC}, AB 2596)")
    return days


def california_state_calendar() -> CourtCalendar:
    """California's holidays, for FRCP 6(a)(6)(C) in a California district."""
    return CourtCalendar(name="California state holidays", holiday_rule=_with_lunar_new_year)


STATE_CALENDARS = {"CA": california_state_calendar}
