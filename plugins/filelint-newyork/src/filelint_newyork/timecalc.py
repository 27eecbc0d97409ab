"""New York motion-notice arithmetic: CPLR 2214(b), CPLR 2103(b) service additions, GCL § 25-a.

* CPLR 2214(b): a notice of motion and supporting papers are served at least 8 days before the return
  date; at least 16 days when the notice demands answering papers 7 days before it. "At least N days
  before" counts back from the return date in calendar days, the day of service excluded: papers mailed
  Nov 10 for a Nov 23 return date gave the 13 days (8 + 5) that mail needs (Matter of Brillon, 142 Misc. 2d
  124 (Sur. Ct. Bronx County 1988)).
* CPLR 2103(b)(2): service by mail adds 5 days (6 when mailed from outside the state); 2103(b)(6):
  overnight delivery adds one *business* day. Personal delivery, fax and NYSCEF e-filing service add
  nothing (22 NYCRR 202.5-b(f)(2)(ii): the NYSCEF notification is the service).
* GCL § 25-a(1): a period "within which or after which or before which" an act is to be done that ends on
  a Saturday, Sunday or public holiday runs to the next business day. Whether that moves the last day to
  serve a motion, a period counted *back* from the return date, no source seen decides; the computation
  keeps the strict date as its result and the rolled date as the ``alternative``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from filelint.courtdays import Computation, CourtCalendar, Step, fmt_date

CPLR_2214B = "CPLR 2214(b)"
GCL_25A = "GCL § 25-a(1)"
NOTICE_DAYS = 8
DEMAND_NOTICE_DAYS = 16
#: Service method (the core's names) -> (days added, what the rule calls it, the rule). Overnight adds one
#: business day, handled apart; ``None`` days means no addition.
ADDITIONS: Mapping[str, tuple[int | None, str, str]] = {
    "mail": (5, "5 days more for service by mail within the state", "CPLR 2103(b)(2)"),
    "mail-out-of-state": (6, "6 days more for service by mail from outside the state", "CPLR 2103(b)(2)"),
    "overnight": (1, "1 business day more for service by overnight delivery", "CPLR 2103(b)(6)"),
    "electronic": (None, "no days added for NYSCEF (e-filing) service", "22 NYCRR 202.5-b(f)(2)(ii)"),
    "personal": (None, "no days added for personal delivery", "CPLR 2103(b)(1)"),
    "fax": (None, "no days added for fax service", "CPLR 2103(b)(5)"),
}
UNSETTLED_ROLL = (
    f"{GCL_25A} moves a period that ends on a Saturday, Sunday or public holiday to the next "
    "business day; whether it moves a period counted back from the return date is unsettled"
)


#: How messages name each service method.
METHOD_WORDS: Mapping[str, str] = {
    "mail": "mail",
    "mail-out-of-state": "mail from outside the state",
    "overnight": "overnight delivery",
    "electronic": "NYSCEF (electronic) service",
    "personal": "personal delivery",
    "fax": "fax",
    "mail-international": "mail from outside the United States",
}


class UnsupportedService(ValueError):
    """A service method CPLR 2103(b) does not provide for (mail from outside the United States)."""


def _back_business_day(d: dt.date, cal: CourtCalendar) -> dt.date:
    """One business day earlier than ``d``: the last day before it that is not a weekend or holiday."""
    return cal.previous_court_day(d - dt.timedelta(days=1))


def _days_between(a: dt.date, b: dt.date) -> list[dt.date]:
    """The days strictly between ``a`` and ``b``."""
    return [a + dt.timedelta(days=i) for i in range(1, (b - a).days)]


def _service_step(base: dt.date, method: str, cal: CourtCalendar) -> Step:
    if method not in ADDITIONS:
        raise UnsupportedService(f"CPLR 2103(b) provides no service by {method}")
    days, text, authority = ADDITIONS[method]
    if days is None:
        return Step(base, text, authority)
    if method == "overnight":
        day = _back_business_day(base, cal)
        skipped = [
            f"{fmt_date(d)} is {cal.holiday_name(d)}"
            for d in _days_between(day, base)
            if cal.holiday_name(d) not in (None, "Saturday", "Sunday")
        ]
        return Step(day, text + (f" ({'; '.join(skipped)}, not a business day)" if skipped else ""), authority)
    return Step(base - dt.timedelta(days=days), text, authority)


def notice_days(demand: bool) -> int:
    """8 days, or 16 when the notice demands answering papers 7 days before the return date."""
    return DEMAND_NOTICE_DAYS if demand else NOTICE_DAYS


def last_day_to_serve(return_date: dt.date, days: int, method: str, cal: CourtCalendar) -> Computation:
    """The last day to serve motion papers ``days`` days before ``return_date`` by ``method``.

    ``result`` is the strict date; ``alternative`` is the next business day when that date is a Saturday,
    Sunday or holiday and GCL § 25-a is read to reach periods counted back from the return date.
    """
    base = return_date - dt.timedelta(days=days)
    steps = [
        Step(base, f"{days} days before the return date, the day of service excluded", CPLR_2214B),
        _service_step(base, method, cal),
    ]
    result = steps[-1].date
    if cal.is_court_day(result):
        return Computation(trigger=return_date, trigger_event="return date", steps=tuple(steps), result=result)
    rolled = cal.next_court_day(result)
    why = cal.holiday_name(result) or f"{result:%A}"
    roll = Step(rolled, f"{fmt_date(result)} is {why}: the next business day", GCL_25A)
    return Computation(
        trigger=return_date,
        trigger_event="return date",
        steps=tuple(steps),
        result=result,
        alternative=rolled,
        alternative_note=UNSETTLED_ROLL,
        alternative_steps=(roll,),
    )


def days_before(return_date: dt.date, days: int, event: str) -> Computation:
    """A plain count back from the return date (answering papers, replies): no service days are added."""
    day = return_date - dt.timedelta(days=days)
    return Computation(
        trigger=return_date,
        trigger_event="return date",
        steps=(Step(day, f"{event}: {days} day{'s' if days != 1 else ''} before the return date", CPLR_2214B),),
        result=day,
    )


def summary(comp: Computation) -> str:
    """One line for a message: ``Fri 2024-03-01: return date 2024-03-14; 8 days before ... [CPLR 2214(b)]; ...``."""
    parts = [f"{s.text} [{s.authority}]" for s in comp.steps]
    text = f"{fmt_date(comp.result)}: {comp.trigger_event} {comp.trigger}; " + "; ".join(parts)
    if comp.alternative is not None:
        text += f"; read with {GCL_25A}, {fmt_date(comp.alternative)}"
    return text
