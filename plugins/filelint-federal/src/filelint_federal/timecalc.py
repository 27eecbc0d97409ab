"""Federal time computation: FRCP 6(a)(1) periods in days and the FRCP 6(d) three days.

* 6(a)(1): exclude the day of the event, count every day (weekends and legal holidays too),
  include the last day; a last day that is a Saturday, Sunday or legal holiday runs to the next
  day that is none of those.
* 6(d): when a party must act within a period *after being served* and service was by mail (or
  leaving with the clerk, or other means consented to), 3 days are added after the period would
  otherwise expire under 6(a). Electronic service adds nothing since the Dec. 1, 2016 amendment;
  some secondary calculators still add 3 days for it, and they are wrong.

Every function returns a traced :class:`filelint.courtdays.Computation`, so a finding can show
the count.
"""

from __future__ import annotations

import datetime as dt

from filelint.courtdays import Computation, CourtCalendar, Step, fmt_date

from filelint_federal.calendar import federal_calendar

FRCP_6A1 = "FRCP 6(a)(1)"
FRCP_6A1C = "FRCP 6(a)(1)(C)"
FRCP_6D = "FRCP 6(d)"
FRCP_6A5 = "FRCP 6(a)(5)"
FRCP_6A6C = "FRCP 6(a)(6)(C)"
#: Service methods after which 6(d) adds 3 days. An overnight courier is neither mail nor electronic
#: service; it counts only as "other means consented to" (Rule 5(b)(2)(F)), assumed here.
ADDS_THREE = {
    "mail": "mail",
    "mail-out-of-state": "mail",
    "mail-international": "mail",
    "overnight": "other means consented to",
}
#: Electronic means (Rule 5(b)(2)(E)): no days added since the 2016 amendment of 6(d).
ELECTRONIC = {"electronic": "electronic service", "fax": "fax, an electronic means (FRCP 5(b)(2)(E))"}


def calendar_or_default(cal: CourtCalendar | None) -> CourtCalendar:
    return cal if cal is not None else federal_calendar()


def _holiday(d: dt.date, cal: CourtCalendar, state: CourtCalendar | None) -> str | None:
    """Why ``d`` is not a day a period can end on (weekend, legal holiday, state holiday), or None."""
    if not cal.is_court_day(d):
        return cal.holiday_name(d) or f"{d:%A}"
    if state is not None and not state.is_court_day(d) and cal.uncertain_name(d) is None:
        return f"{state.holiday_name(d)}, a state holiday (FRCP 6(a)(6)(C))"
    return None


def _roll(d: dt.date, cal: CourtCalendar, state: CourtCalendar | None = None, back: bool = False) -> Step | None:
    """6(a)(1)(C): a last day that is a weekend day or legal holiday runs to the next day (6(a)(5):
    the day before, for a period measured before an event)."""
    why = _holiday(d, cal, state)
    if why is None:
        return None
    step = dt.timedelta(days=-1 if back else 1)
    nxt = d + step
    while _holiday(nxt, cal, state) is not None:
        nxt += step
    if back:
        return Step(
            nxt,
            f"{fmt_date(d)} is {why}: counting backward, the period ends on the day before that "
            "is not a Saturday, Sunday or legal holiday",
            f"{FRCP_6A1C}; {FRCP_6A5}",
        )
    law = f"{FRCP_6A1C}; {FRCP_6A6C}" if "6(a)(6)(C)" in why else FRCP_6A1C
    return Step(
        nxt,
        f"{fmt_date(d)} is {why}: the period runs to the next day that is not a Saturday, Sunday or legal holiday",
        law,
    )


def days_after(
    trigger: dt.date,
    days: int,
    cal: CourtCalendar | None = None,
    *,
    trigger_event: str = "trigger",
    authority: str = FRCP_6A1,
    served_by: str | None = None,
    state: CourtCalendar | None = None,
) -> Computation:
    """The last day of a period of ``days`` days after ``trigger``.

    ``served_by`` is the service method when the period runs *after service* (6(d) applies);
    leave it ``None`` for periods after other events (a cutoff, an order). ``state`` is the forum
    state's holiday calendar (6(a)(6)(C)); without it only federal legal holidays count.
    """
    if days < 0:
        raise ValueError(f"days must not be negative, got {days}")
    cal = calendar_or_default(cal)
    end = trigger + dt.timedelta(days=days)
    steps = [Step(end, f"{days} days after {trigger}, the event day excluded and every day counted", authority)]
    roll = _roll(end, cal, state)
    if roll is not None:
        steps.append(roll)
    if served_by is not None:
        steps.extend(_service_days(steps[-1].date, served_by, cal, state))
    result = steps[-1].date
    return Computation(
        trigger=trigger,
        trigger_event=trigger_event,
        steps=tuple(steps),
        result=result,
        uncertain=tuple(cal.uncertain_between(trigger, result)),
    )


def days_before(
    event: dt.date, days: int, cal: CourtCalendar | None = None, *, event_name: str = "event", authority: str = FRCP_6A1
) -> Computation:
    """The last day of a period of ``days`` days before ``event`` (e.g. a paper due 14 days before a
    hearing): counted backward, the event day excluded; a last day that is a weekend day or legal
    holiday moves to the day before (6(a)(5)). State holidays do not count here: 6(a)(6)(C) reaches
    only periods measured after an event."""
    if days < 0:
        raise ValueError(f"days must not be negative, got {days}")
    cal = calendar_or_default(cal)
    end = event - dt.timedelta(days=days)
    steps = [
        Step(
            end,
            f"{days} days before {event}, the event day excluded and every day counted backward",
            f"{authority}; {FRCP_6A5}",
        )
    ]
    roll = _roll(end, cal, back=True)
    if roll is not None:
        steps.append(roll)
    result = steps[-1].date
    return Computation(
        trigger=event,
        trigger_event=event_name,
        steps=tuple(steps),
        result=result,
        uncertain=tuple(cal.uncertain_between(result, event)),
    )


def _service_days(base: dt.date, method: str, cal: CourtCalendar, state: CourtCalendar | None) -> list[Step]:
    means = ADDS_THREE.get(method)
    if means is None:
        word = ELECTRONIC.get(method, f"{method} service")
        return [Step(base, f"no days added for {word}", FRCP_6D)]
    added = base + dt.timedelta(days=3)
    steps = [Step(added, f"+3 days after the period would otherwise expire (service by {means})", FRCP_6D)]
    roll = _roll(added, cal, state)
    if roll is not None:
        steps.append(roll)
    return steps


def summary(comp: Computation) -> str:
    """One line for a message: ``Mon 2024-03-11 = 7 days after 2024-03-01 [FRCP 6(a)(1)]; ...``."""
    parts = [f"{s.text} [{s.authority}]" for s in comp.steps]
    text = f"{fmt_date(comp.result)}: {comp.trigger_event} {comp.trigger}; " + "; ".join(parts)
    for day, name in comp.uncertain:
        text += f"; note: {day} ({name}) was counted although it may have been a holiday"
    return text
