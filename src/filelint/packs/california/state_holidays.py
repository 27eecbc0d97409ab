"""California's legal holidays, for other packs (``filelint_state_holidays``): the federal pack counts them
under FRCP 6(a)(6)(C) for a period measured after an event in a California district ("any other day
declared a holiday by the state where the district court is located").

Which list, and why. The state has two lists. CCP 135's judicial holidays are the days its *courts* close:
they leave out Admission Day, Columbus Day (from 2022), Native American Day (2015-2021), Lunar New Year,
Genocide Remembrance Day and any day the President alone appoints. Rule 6(a)(6)(C) asks for the days the
*state* declares holidays, which is the wider list: Gov. Code 6700(a), the legal holidays CCP 10 also counts
("such other days as are specified or provided for as holidays in the Government Code"), including "every
day appointed by the President or Governor for a public fast, thanksgiving, or holiday", plus the day after
Thanksgiving, which a state statute (CCP 135) declares a holiday though Gov. Code 6700 does not [S: E.D. Cal.
refers to both lists for Rule 6(a)]. Good Friday (noon to 3 p.m. only) is not a full-day holiday.

That wider list is the one the Discovery Act counts with (CCP 2016.060), so this is the same table:
`filelint.packs.california.calendar.ccp10_holidays`, one list for both uses. A judicial holiday on a weekend
is observed as the courts observe it (CRC 1.11); a Gov. Code day the courts do not close for moves only as
Gov. Code 6701 moves it (September 9 on a Sunday to the Monday after; nothing for a Saturday but November 11).
The President-appointed days (:data:`filelint.courtdays.EXECUTIVE_ORDER_CLOSURES`) are in the table; a federal
calendar already has them as legal holidays under FRCP 6(a)(6)(B).
"""

from __future__ import annotations

from filelint.courtdays import CourtCalendar
from filelint.packs.california.calendar import ccp10_holidays


def california_legal_holidays() -> CourtCalendar:
    """California's legal holidays (Gov. Code 6700, 6701 and CCP 135's day after Thanksgiving), for
    FRCP 6(a)(6)(C)."""
    return CourtCalendar(name="California state holidays", holiday_rule=ccp10_holidays)
