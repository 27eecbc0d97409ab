"""California superior-court calendar: CCP 135, Gov. Code 6700 and CRC 1.11.

CCP 135 makes judicial holidays of every full-day holiday of Gov. Code 6700(a), except Admission Day
(Sept. 9), since AB 855 (Stats. 2021, ch. 283, effective 2022-01-01) Columbus Day, "and any other day
appointed by the President, but not by the Governor": a day the President alone appoints (the
2024-2025 executive-order closures) is NOT a judicial holiday; a day the Governor appoints is. It adds
the day after Thanksgiving (and every Saturday). CRC 1.11 moves a judicial holiday falling on a
Saturday to the Friday before and one falling on a Sunday to the Monday after.

The Civil Discovery Act counts with CCP 10's holidays instead (CCP 2016.060: "holiday as specified in
Section 10", i.e. every Gov. Code holiday): :func:`ccp10_calendar` adds the Gov. Code days CCP 135
leaves out, so the pack can show where the two lists differ. FRCP 6(a)(6)(C) counts the same state
holidays for federal periods measured after an event in a California district.

Deliberately NOT judicial holidays: Good Friday (noon-3 p.m. only, not a "full day"), Admission
Day, Columbus Day from 2022, Lunar New Year (AB 2596) and Genocide Remembrance Day (AB 1801).

The table is accurate for 2022 onward (checked day by day against published court calendars for
2023-2026). Earlier years follow the statute's history as far as it matters for 2000-2021:
Columbus Day counted and Native American Day did not; Cesar Chavez Day exists from 2001. Native American
Day became a Gov. Code 6700 holiday on 2015-01-01 (AB 1973, Stats. 2014) without CCP 135 excepting it, so
2015-09-25 may have been a judicial holiday: the calendar counts it as a court day and warns (uncertain).
From 2015 to 2021 it is a CCP 10 holiday (:func:`ccp10_calendar`).

Weekend observance: a judicial holiday moves as CRC 1.11 says (Saturday to the Friday before, Sunday to
the Monday after). A Gov. Code day CCP 135 leaves out moves only as Gov. Code 6701 says: September 9 on a
Sunday to the Monday after (6701 moves a Saturday holiday only for November 11); April 24, Lunar New Year,
Columbus Day and Native American Day do not move.
"""

from __future__ import annotations

import datetime as dt

from filelint.courtdays import (
    EXECUTIVE_ORDER_CLOSURES,
    CourtCalendar,
    DateSource,
    HolidayDef,
    as_date_names,
    fixed_date,
    last_weekday_date,
    nth_weekday,
    nth_weekday_date,
    rule_from_definitions,
)

MON, THU, FRI = 0, 3, 4

#: Last year Columbus Day was a judicial holiday: AB 855 (Stats. 2021, ch. 283) removed it.
COLUMBUS_DAY_LAST_YEAR = 2021
#: First year of Native American Day as a judicial holiday (AB 855, effective 2022-01-01).
NATIVE_AMERICAN_DAY_FIRST_YEAR = 2022
#: First year of Native American Day as a Gov. Code 6700 holiday (AB 1973, Stats. 2014, effective 2015-01-01).
NATIVE_AMERICAN_DAY_GOV_CODE_FIRST_YEAR = 2015
#: Days counted as court days that may not have been: a warning, not a holiday.
UNCERTAIN_JUDICIAL_DAYS = {
    dt.date(2015, 9, 25): (
        "Native American Day 2015: a Gov. Code 6700 holiday from 2015 (AB 1973) that CCP 135 did not yet "
        "except, so possibly a judicial holiday; whether the courts closed is unconfirmed"
    ),
}
#: First year of Juneteenth as a judicial holiday (AB 1655, Stats. 2022, ch. 753; first 2023-06-19).
JUNETEENTH_FIRST_YEAR = 2023
#: Cesar Chavez Day was added to Gov. Code 6700 in 2000 and first observed 2001-03-31 [U: year].
CESAR_CHAVEZ_FIRST_YEAR = 2001


def _day_after_thanksgiving(year: int) -> dt.date:
    """Friday after the fourth Thursday of November (CCP 135 names it a judicial holiday)."""
    return nth_weekday(year, 11, THU, 4) + dt.timedelta(days=1)


_GC = "Gov. Code 6700(a); CCP 135; CRC 1.11"

CALIFORNIA_JUDICIAL_HOLIDAYS: tuple[HolidayDef, ...] = (
    HolidayDef("New Year's Day", fixed_date(1, 1), f"January 1st: {_GC}"),
    HolidayDef(
        "Martin Luther King Jr. Day",
        nth_weekday_date(1, MON, 3),
        f"third Monday in January: {_GC}",
    ),
    HolidayDef("Lincoln Day", fixed_date(2, 12), f"February 12th: Gov. Code 6700(a)(4); {_GC}"),
    HolidayDef("Presidents' Day", nth_weekday_date(2, MON, 3), f"third Monday in February: {_GC}"),
    HolidayDef(
        "Cesar Chavez Day",
        fixed_date(3, 31),
        f"March 31st: {_GC}",
        first_year=CESAR_CHAVEZ_FIRST_YEAR,
    ),
    HolidayDef("Memorial Day", last_weekday_date(5, MON), f"last Monday in May: {_GC}"),
    HolidayDef(
        "Juneteenth",
        fixed_date(6, 19),
        f"June 19th: Gov. Code 6700(a) as amended by AB 1655 (Stats. 2022, ch. 753); {_GC}",
        first_year=JUNETEENTH_FIRST_YEAR,
    ),
    HolidayDef("Independence Day", fixed_date(7, 4), f"July 4th: {_GC}"),
    HolidayDef("Labor Day", nth_weekday_date(9, MON, 1), f"first Monday in September: {_GC}"),
    HolidayDef(
        "Native American Day",
        nth_weekday_date(9, FRI, 4),
        "fourth Friday in September: Gov. Code 6700(a); judicial holiday under CCP 135 as amended "
        "by AB 855 (Stats. 2021, ch. 283) from 2022; CRC 1.11",
        first_year=NATIVE_AMERICAN_DAY_FIRST_YEAR,
    ),
    HolidayDef(
        "Columbus Day",
        nth_weekday_date(10, MON, 2),
        "second Monday in October: Gov. Code 6700(a); excluded from judicial holidays by CCP 135 "
        "as amended by AB 855 (Stats. 2021, ch. 283) from 2022",
        last_year=COLUMBUS_DAY_LAST_YEAR,
    ),
    HolidayDef("Veterans Day", fixed_date(11, 11), f"November 11th: {_GC}"),
    HolidayDef(
        "Thanksgiving Day",
        nth_weekday_date(11, THU, 4),
        f"day appointed by the President for thanksgiving (fourth Thursday in November): {_GC}",
    ),
    HolidayDef(
        "Day after Thanksgiving",
        _day_after_thanksgiving,
        "CCP 135 (named as a judicial holiday; always a Friday)",
    ),
    HolidayDef("Christmas Day", fixed_date(12, 25), f"December 25th: {_GC}"),
)
"""Every California judicial holiday, with the statute that makes it one."""

california_holidays = rule_from_definitions(CALIFORNIA_JUDICIAL_HOLIDAYS)
"""Observed California judicial holidays belonging to a year (CRC 1.11 weekend observance)."""


def california_calendar(
    closures: DateSource = (),
    uncertain: DateSource = (),
) -> CourtCalendar:
    """The California superior-court calendar (CCP 12a, 135; Gov. Code 6700; CRC 1.11).

    ``closures``: extra whole-day closures of a particular court, counted as holidays (CCP 12b).
    ``uncertain``: days counted as court days that rules should warn about. None by default: the
    2024-2025 federal executive-order closures were appointed by the President alone, which CCP 135
    excepts ("appointed by the President, but not by the Governor"), so they are court days.
    """
    return CourtCalendar(
        name="CA-superior",
        holiday_rule=california_holidays,
        closures=as_date_names(closures, "court closure (CCP 12b)"),
        uncertain={**UNCERTAIN_JUDICIAL_DAYS, **as_date_names(uncertain, "uncertain closure")},
    )


# --------------------------------------------------------------------------- CCP 10 (Gov. Code) holidays

#: Lunar New Year (AB 2596, Stats. 2022, ch. 792) and Genocide Remembrance Day (AB 1801, Stats. 2022) were added
#: to Gov. Code 6700 and excluded from judicial holidays (CCP 135) from 2023 [S: bill digests].
GC_2022_ADDITIONS_FIRST_YEAR = 2023
#: Lunar New Year dates (first day of the first lunar month); outside the table it is not counted.
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
SUNDAY = 6


def _gov_code_only(year: int) -> dict[dt.date, str]:
    """Gov. Code 6700 holidays that CCP 135 leaves out, as Gov. Code 6700(b) observes them (a Sept. 9
    on Sunday moves to Monday; the others do not move)."""
    days: dict[dt.date, str] = {}
    admission = dt.date(year, 9, 9)
    if admission.weekday() == SUNDAY:
        admission += dt.timedelta(days=1)
    days[admission] = "Admission Day (Gov. Code 6700; not a judicial holiday, CCP 135)"
    if NATIVE_AMERICAN_DAY_GOV_CODE_FIRST_YEAR <= year < NATIVE_AMERICAN_DAY_FIRST_YEAR:
        days[nth_weekday(year, 9, FRI, 4)] = (
            "Native American Day (Gov. Code 6700 from 2015, AB 1973; not a judicial holiday before 2022)"
        )
    if year > COLUMBUS_DAY_LAST_YEAR:
        days[nth_weekday(year, 10, MON, 2)] = "Columbus Day (Gov. Code 6700; not a judicial holiday since 2022)"
    if year >= GC_2022_ADDITIONS_FIRST_YEAR:
        days[dt.date(year, 4, 24)] = "Genocide Remembrance Day (Gov. Code 6700, AB 1801; not a judicial holiday)"
        if year in LUNAR_NEW_YEAR:
            days[LUNAR_NEW_YEAR[year]] = "Lunar New Year (Gov. Code 6700, AB 2596; not a judicial holiday)"
    for day, name in EXECUTIVE_ORDER_CLOSURES.items():
        if day.year == year:
            days[day] = f"{name} (appointed by the President: a Gov. Code 6700 holiday, not a judicial one)"
    return days


def gov_code_only_holiday(day: dt.date) -> str | None:
    """The name of a Gov. Code holiday that is a court day under CCP 135 (weekends excluded), or None."""
    if day.weekday() >= FRI + 1:
        return None
    return _gov_code_only(day.year).get(day)


def ccp10_holidays(year: int) -> dict[dt.date, str]:
    """CCP 10's holidays of a year: the judicial holidays (observed per CRC 1.11) plus every Gov. Code 6700
    day CCP 135 leaves out (observed per Gov. Code 6701). The state's one list of its legal holidays."""
    days = dict(california_holidays(year))
    for day, name in _gov_code_only(year).items():
        days.setdefault(day, name)
    return days


def ccp10_calendar(closures: DateSource = ()) -> CourtCalendar:
    """Court days counted with CCP 10's holidays (`ccp10_holidays`): CCP 2016.060 for Discovery Act
    limits; the same days are the state holidays of FRCP 6(a)(6)(C) (`state_holidays`)."""
    return CourtCalendar(
        name="CA-CCP-10", holiday_rule=ccp10_holidays, closures=as_date_names(closures, "court closure (CCP 12b)")
    )
