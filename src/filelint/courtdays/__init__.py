"""Court-neutral court days and deadline arithmetic (public API for packs).

* :class:`CourtCalendar`: a court-day calendar (weekends, observed holidays, closures, uncertain
  days), built by a pack from :class:`HolidayDef` rules and registered through the
  ``filelint_court_calendars`` hook;
* :mod:`.compute`: traced arithmetic (:class:`Computation`, :class:`Step`) that packs use to build
  their jurisdiction's periods, so every date is explained the same way.

Jurisdictions live in packs: the California calendar and CCP arithmetic in
``filelint.packs.california``, the federal ones in ``filelint_federal``.
"""

from .calendar import (
    EXECUTIVE_ORDER_CLOSURES,
    CourtCalendar,
    DateSource,
    HolidayDef,
    HolidayRule,
    as_date_names,
    fixed_date,
    last_weekday,
    last_weekday_date,
    nth_weekday,
    nth_weekday_date,
    observed_date,
    rule_from_definitions,
)
from .compute import (
    Computation,
    Step,
    build_computation,
    fmt_date,
    ordinal,
    plural_days,
    require_non_negative,
    roll_forward_step,
    skipped_days,
    step_line,
    uncertain_in,
    weakest,
)

__all__ = [
    "EXECUTIVE_ORDER_CLOSURES",
    "Computation",
    "CourtCalendar",
    "DateSource",
    "HolidayDef",
    "HolidayRule",
    "Step",
    "as_date_names",
    "build_computation",
    "fixed_date",
    "fmt_date",
    "last_weekday",
    "last_weekday_date",
    "nth_weekday",
    "nth_weekday_date",
    "observed_date",
    "ordinal",
    "plural_days",
    "require_non_negative",
    "roll_forward_step",
    "rule_from_definitions",
    "skipped_days",
    "step_line",
    "uncertain_in",
    "weakest",
]
