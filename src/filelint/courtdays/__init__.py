"""Court days and deadline computation.

* :class:`CourtCalendar`: generic court-day calendar (weekends, observed holidays, closures,
  uncertain days);
* :func:`california_calendar`: California superior courts (CCP 135, Gov. Code 6700, CRC 1.11);
* :func:`federal_calendar`: federal courts (5 U.S.C. 6103, FRCP 6(a));
* :mod:`.compute`: traced deadline arithmetic (CCP 12, 12a, 12c, 1005(b), 1010.6, 1013, 2016.060,
  2024.020).
"""

from .calendar import (
    EXECUTIVE_ORDER_CLOSURES,
    CourtCalendar,
    HolidayDef,
    HolidayRule,
    last_weekday,
    nth_weekday,
    observed_date,
    rule_from_definitions,
)
from .california import CALIFORNIA_JUDICIAL_HOLIDAYS, california_calendar, california_holidays
from .compute import (
    SERVICE_METHODS,
    Computation,
    NoticeCheck,
    ServiceExtension,
    Step,
    add_calendar_days_then_roll,
    check_notice,
    deadline_after_service,
    discovery_cutoff,
    earliest_hearing_forward,
    fmt_date,
    last_day_before_hearing,
    normalize_method,
    notice_forward_ok,
    service_extension,
)
from .federal import FEDERAL_HOLIDAYS, federal_calendar, federal_holidays

__all__ = [
    "CALIFORNIA_JUDICIAL_HOLIDAYS",
    "EXECUTIVE_ORDER_CLOSURES",
    "FEDERAL_HOLIDAYS",
    "SERVICE_METHODS",
    "Computation",
    "CourtCalendar",
    "HolidayDef",
    "HolidayRule",
    "NoticeCheck",
    "ServiceExtension",
    "Step",
    "add_calendar_days_then_roll",
    "california_calendar",
    "california_holidays",
    "check_notice",
    "deadline_after_service",
    "discovery_cutoff",
    "earliest_hearing_forward",
    "federal_calendar",
    "federal_holidays",
    "fmt_date",
    "last_day_before_hearing",
    "last_weekday",
    "normalize_method",
    "notice_forward_ok",
    "nth_weekday",
    "observed_date",
    "rule_from_definitions",
    "service_extension",
]
