"""Federal court calendar: the legal public holidays of 5 U.S.C. 6103(a).

FRCP 6(a)(6)(A) counts these as legal holidays. 5 U.S.C. 6103(b) and Executive Order 11582 move
a holiday falling on Saturday to the Friday before (so when January 1 is a Saturday the observed
day is Friday, December 31 of the prior year) and one falling on Sunday to the Monday after.

Not included, because they are not fixed by statute: days declared by the President or Congress
(FRCP 6(a)(6)(B)), state holidays that count for periods measured after an event (FRCP 6(a)(6)(C)),
and Inauguration Day (a holiday only for the Washington, D.C. area). Pass them as ``closures`` or
``uncertain`` where a court needs them.
"""

from __future__ import annotations

from filelint.courtdays import (
    EXECUTIVE_ORDER_CLOSURES,
    CourtCalendar,
    DateSource,
    HolidayDef,
    as_date_names,
    fixed_date,
    last_weekday_date,
    nth_weekday_date,
    rule_from_definitions,
)

MON, THU = 0, 3

#: Juneteenth National Independence Day Act, Pub. L. 117-17 (2021-06-17); first observed 2021-06-18.
JUNETEENTH_FIRST_YEAR = 2021

_USC = "5 U.S.C. 6103(a); FRCP 6(a)(6)(A)"

FEDERAL_HOLIDAYS: tuple[HolidayDef, ...] = (
    HolidayDef("New Year's Day", fixed_date(1, 1), f"January 1: {_USC}"),
    HolidayDef(
        "Birthday of Martin Luther King, Jr.",
        nth_weekday_date(1, MON, 3),
        f"third Monday in January: {_USC}",
    ),
    HolidayDef("Washington's Birthday", nth_weekday_date(2, MON, 3), f"third Monday in February: {_USC}"),
    HolidayDef("Memorial Day", last_weekday_date(5, MON), f"last Monday in May: {_USC}"),
    HolidayDef(
        "Juneteenth National Independence Day",
        fixed_date(6, 19),
        f"June 19 (Pub. L. 117-17, from 2021): {_USC}",
        first_year=JUNETEENTH_FIRST_YEAR,
    ),
    HolidayDef("Independence Day", fixed_date(7, 4), f"July 4: {_USC}"),
    HolidayDef("Labor Day", nth_weekday_date(9, MON, 1), f"first Monday in September: {_USC}"),
    HolidayDef("Columbus Day", nth_weekday_date(10, MON, 2), f"second Monday in October: {_USC}"),
    HolidayDef("Veterans Day", fixed_date(11, 11), f"November 11: {_USC}"),
    HolidayDef("Thanksgiving Day", nth_weekday_date(11, THU, 4), f"fourth Thursday in November: {_USC}"),
    HolidayDef("Christmas Day", fixed_date(12, 25), f"December 25: {_USC}"),
)
"""Every legal public holiday of 5 U.S.C. 6103(a), with its date rule."""

federal_holidays = rule_from_definitions(FEDERAL_HOLIDAYS)
"""Observed federal holidays belonging to a year (Sat -> Fri before, Sun -> Mon after)."""


def federal_calendar(
    closures: DateSource = (),
    uncertain: DateSource = EXECUTIVE_ORDER_CLOSURES,
    name: str = "federal",
) -> CourtCalendar:
    """A federal court calendar (5 U.S.C. 6103; FRCP 6(a)(3), (a)(6)).

    ``closures``: days the clerk's office was inaccessible or a district's own closures.
    ``uncertain``: days counted as court days that rules should warn about; by default the
    2024-2025 executive-order closures (arguably "declared a holiday by the President",
    FRCP 6(a)(6)(B); the published holiday tables leave them out).
    """
    return CourtCalendar(
        name=name,
        holiday_rule=federal_holidays,
        closures=as_date_names(closures, "court closure"),
        uncertain=as_date_names(uncertain, "uncertain closure"),
    )
