"""Deadline arithmetic with a step-by-step trace (California Code of Civil Procedure).

Every function is pure: it takes dates, a service method and a :class:`CourtCalendar`, and returns
a :class:`Computation` whose steps say what was counted and under which statute. Where the statutes
leave the order of operations open, the earlier defensible date is the ``result`` and the later
one is kept as ``alternative`` with a note, so a rule can report an error past the later date and
a warning inside the gap (docs/deadlines.md).

Counting conventions:

* forward periods exclude the trigger day and include the last day (CCP 12); a last day that is
  not a court day moves to the next court day (CCP 12a, 12b);
* periods before a hearing count backward from the hearing, hearing day excluded, and service-method
  days are counted backward from that result (CCP 12c).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from filelint.courtdays import Computation, CourtCalendar, Step, fmt_date, ordinal
from filelint.courtdays import build_computation as _computation
from filelint.courtdays import plural_days as _plural
from filelint.courtdays import require_non_negative as _non_negative
from filelint.courtdays import roll_forward_step as _roll_forward
from filelint.courtdays import skipped_days as _skipped

Unit = Literal["calendar", "court"]
Purpose = Literal["after-service", "notice"]

SERVICE_METHODS: tuple[str, ...] = (
    "personal",
    "mail",
    "mail-out-of-state",
    "mail-international",
    "electronic",
    "overnight",
    "fax",
)
"""Canonical service-method names accepted by :func:`service_extension`."""

#: The manifest reads everyday words as canonical methods before validation (FL006); these few
#: spellings are accepted here too for callers that pass a method directly.
_METHOD_ALIASES = {
    "hand": "personal",
    "personal-delivery": "personal",
    "mail-ca": "mail",
    "mail-in-state": "mail",
    "us-mail": "mail",
    "mail-us": "mail-out-of-state",
    "mail-intl": "mail-international",
    "e-service": "electronic",
    "eservice": "electronic",
    "email": "electronic",
    "express-mail": "overnight",
    "overnight-delivery": "overnight",
    "facsimile": "fax",
}


@dataclass(frozen=True)
class ServiceExtension:
    """The extra time a service method adds (CCP 1005(b), 1010.6, 1013)."""

    method: str
    days: int
    unit: Unit
    authority: str
    description: str
    confidence: str = "C"  # CCP 1010.6 and 1013(c), (e): secondary sources only [S]


@dataclass(frozen=True)
class NoticeCheck:
    """Both ways of counting a notice period before a hearing, side by side.

    ``backward`` (CCP 12c, the rule) gives the last day to serve; ``forward`` (the count some
    courts use) gives the earliest hearing date. Where they disagree a rule should warn.
    """

    served: dt.date
    hearing: dt.date
    backward: Computation
    forward: Computation

    @property
    def backward_ok(self) -> bool:
        """Served on or before the last day counted backward from the hearing (CCP 12c)."""
        return self.served <= self.backward.result

    @property
    def latest_ok(self) -> bool:
        """Served on or before the legal last day (no unconfirmed step): past it, short on every reading."""
        return self.served <= self.backward.latest

    @property
    def forward_ok(self) -> bool:
        """Hearing on or after the earliest hearing date counted forward from service."""
        return self.hearing >= self.forward.result

    @property
    def disagree(self) -> bool:
        """The two counts reach different conclusions."""
        return self.backward_ok != self.forward_ok


# --------------------------------------------------------------------------- service methods


def normalize_method(method: str) -> str:
    """Canonical method name (case, spaces and underscores ignored; a few aliases accepted).

    Raises ValueError for an unknown method, naming the accepted ones.
    """
    key = method.strip().lower().replace("_", "-").replace(" ", "-")
    key = _METHOD_ALIASES.get(key, key)
    if key not in SERVICE_METHODS:
        raise ValueError(f"unknown service method {method!r}; expected one of: {', '.join(SERVICE_METHODS)}")
    return key


_MAIL_DAYS = {"mail": 5, "mail-out-of-state": 10, "mail-international": 20}
_MAIL_WHERE = {
    "mail": "mail within California",
    "mail-out-of-state": "mail with either end outside California but inside the United States",
    "mail-international": "mail with either end outside the United States",
}


def service_extension(method: str, purpose: Purpose = "after-service") -> ServiceExtension:
    """Extra time for a California service method.

    ``purpose="after-service"`` (a period to act or respond after service):
    mail +5 / +10 / +20 calendar days (CCP 1013(a)); electronic +2 court days (CCP 1010.6);
    overnight +2 court days (CCP 1013(c)); fax +2 court days (CCP 1013(e)); personal none.

    ``purpose="notice"`` (the notice period before a hearing, CCP 1005(b)): mail +5 / +10 / +20
    calendar days; overnight and fax +2 *calendar* days (CCP 1005(b)); electronic +2 court days
    (CCP 1010.6); personal none.

    Unknown methods raise ValueError.
    """
    m = normalize_method(method)
    if m == "personal":
        return ServiceExtension(m, 0, "calendar", "CCP 12", "personal service: no extension")
    if m in _MAIL_DAYS:
        law = "CCP 1005(b)" if purpose == "notice" else "CCP 1013(a)"
        return ServiceExtension(m, _MAIL_DAYS[m], "calendar", law, _MAIL_WHERE[m])
    if m == "electronic":
        return ServiceExtension(m, 2, "court", "CCP 1010.6", "electronic service", "S")
    what = "overnight delivery" if m == "overnight" else "fax"
    if purpose == "notice":
        return ServiceExtension(m, 2, "calendar", "CCP 1005(b)", what)
    law = "CCP 1013(c)" if m == "overnight" else "CCP 1013(e)"
    return ServiceExtension(m, 2, "court", law, what, "S")


# --------------------------------------------------------------------------- deemed service


def deemed_served(served: dt.date, method: str, cal: CourtCalendar) -> Step | None:
    """E-service on a non-court day is deemed served on the next court day (CCP 1010.6); a step
    saying so, or None (any other method, or a court day). Mail or overnight deposit on a Saturday
    is complete on deposit (CCP 1013), so only e-service moves."""
    if normalize_method(method) != "electronic" or cal.is_court_day(served):
        return None
    nxt = cal.next_court_day(served)
    return Step(
        nxt,
        f"e-served on a non-court day ({_skipped(served, nxt, cal)}): deemed served on the next court day",
        "CCP 1010.6 [S: subdivision renumbered in 2023]",
        "S",
    )


def service_date(served: dt.date, method: str | None, cal: CourtCalendar) -> dt.date:
    """The date service counts from: ``served``, or the next court day for e-service on a non-court day."""
    step = deemed_served(served, method, cal) if method else None
    return step.date if step is not None else served


# --------------------------------------------------------------------------- forward periods


def add_calendar_days_then_roll(
    trigger: dt.date,
    n: int,
    cal: CourtCalendar,
    authority: str = "CCP 12",
    *,
    trigger_event: str = "trigger",
    roll_authority: str = "CCP 12a",
) -> Computation:
    """``n`` calendar days after ``trigger`` (trigger excluded, CCP 12), then, if that is not a
    court day, the next court day (CCP 12a, 12b).

    ``authority`` names the statute setting the period.
    """
    _non_negative("n", n)
    day_n = trigger + dt.timedelta(days=n)
    steps = [Step(day_n, f"{n} calendar days after {trigger} (CCP 12: trigger day excluded)", authority)]
    roll = _roll_forward(day_n, cal, roll_authority)
    if roll is not None:
        steps.append(roll)
    return _computation(cal, trigger, trigger_event, steps)


def _court_day_extension(base: dt.date, ext: ServiceExtension, cal: CourtCalendar) -> Step:
    return Step(
        cal.add_court_days(base, ext.days),
        f"{_plural(ext.days, 'court')} after {base} for {ext.description}",
        ext.authority,
        ext.confidence,
    )


def deadline_after_service(
    trigger: dt.date,
    days: int,
    method: str,
    cal: CourtCalendar,
    trigger_event: str = "service",
    *,
    authority: str = "CCP 12",
) -> Computation:
    """A period of ``days`` calendar days running from service, extended for the service method.

    E.g. the 45 days to move to compel further responses (CCP 2030.300(c), 2031.310(c),
    2033.290(c)) or the 30 days to respond (CCP 2030.260). Steps: ``trigger + days`` (CCP 12), then

    * personal: roll to the next court day (CCP 12a);
    * mail: add 5/10/20 calendar days to that day, then roll (CCP 1013(a), 12a);
    * electronic/overnight/fax: add 2 court days (CCP 1010.6, 1013(c), (e)). When the
      ``days``-th day is not a court day, the legal last day rolls to the next court day first and
      adds the 2 court days from there (Henry v. Young, the one ruling on the order of steps); adding
      them from the non-court day gives an earlier date, kept as the safe date (``result``).

    E-service on a non-court day counts from the next court day (CCP 1010.6).
    """
    _non_negative("days", days)
    ext = service_extension(method)
    deemed = deemed_served(trigger, method, cal)
    start = deemed.date if deemed is not None else trigger
    base = start + dt.timedelta(days=days)
    first = Step(
        base,
        f"{days} calendar days after {start} (CCP 12: trigger day excluded)",
        authority,
    )
    lead = [deemed] if deemed is not None else []
    if ext.unit == "calendar":
        return _calendar_extension_then_roll(trigger, trigger_event, [*lead, first], ext, cal)
    added = _court_day_extension(base, ext, cal)
    if cal.is_court_day(base):
        return _computation(cal, trigger, trigger_event, [*lead, first, added])
    return _with_roll_first_alternative(trigger, trigger_event, [*lead, first], added, ext, days, cal)


def _calendar_extension_then_roll(
    trigger: dt.date,
    trigger_event: str,
    lead: list[Step],
    ext: ServiceExtension,
    cal: CourtCalendar,
) -> Computation:
    steps = list(lead)
    first = lead[-1]
    last = first.date
    if ext.days:
        last = first.date + dt.timedelta(days=ext.days)
        steps.append(
            Step(
                last,
                f"{_plural(ext.days, 'calendar')} added for {ext.description}",
                ext.authority,
            )
        )
    roll = _roll_forward(last, cal, "CCP 12a")
    if roll is not None:
        steps.append(roll)
    return _computation(cal, trigger, trigger_event, steps)


HENRY = "Henry v. Young (S.F. Super. Ct. No. CGC24612458, Dept. 302, tentative ruling for the July 11, 2025 hearing)"


def _with_roll_first_alternative(
    trigger: dt.date,
    trigger_event: str,
    lead: list[Step],
    added: Step,
    ext: ServiceExtension,
    days: int,
    cal: CourtCalendar,
) -> Computation:
    """Court-day extension from a non-court last day: roll first, then add (the legal last day,
    Henry v. Young); adding from the non-court day is the earlier, safe date."""
    first = lead[-1]
    roll = _roll_forward(first.date, cal, "CCP 12a; CCP 10")
    assert roll is not None  # caller checked that first.date is not a court day
    later = _court_day_extension(roll.date, ext, cal)
    later = Step(later.date, later.text + " (rolled to a court day first)", later.authority, "S")
    unsure = Step(
        added.date,
        added.text + " from the non-court day (the order of steps is not stated in the statutes)",
        added.authority,
        "U",
    )
    note = (
        f"the {ordinal(days)} day ({fmt_date(first.date)}) is not a court day; the "
        f"{_plural(ext.days, 'court')} ({ext.authority}) cannot run from a non-court day, so the "
        f"period rolls to the next court day (CCP 12a, 10) and adds them from there ({HENRY}: "
        f"RFAs e-served Fri 2025-05-09 were due Wed 2025-06-11, not Tue 06-10) [S: one department's "
        f"ruling]; adding them from the {ordinal(days)} day gives the earlier safe date {added.date}"
    )
    return _computation(
        cal,
        trigger,
        trigger_event,
        [*lead, unsure],
        alternative=later.date,
        alternative_note=note,
        alternative_steps=(*lead, roll, later),
        alternative_is_legal=True,
    )


# --------------------------------------------------------------------------- notice before hearing


def last_day_before_hearing(
    hearing: dt.date,
    court_days: int,
    method: str,
    cal: CourtCalendar,
    *,
    authority: str = "CCP 1005(b)",
) -> Computation:
    """The last day to serve moving papers ``court_days`` court days before ``hearing``.

    CCP 1005(b) with CCP 12c: count ``court_days`` court days backward from the hearing (hearing
    day excluded), then the service-method days backward from that result: mail 5/10/20 calendar
    days, overnight and fax 2 calendar days (CCP 1005(b)), electronic 2 court days (CCP 1010.6).
    If that lands on a non-court day, practice is to serve on the preceding court day; that step is
    not confirmed statutory text [U] (mail or overnight deposit on a Saturday is complete service,
    CCP 1013), so it gives only the safe date (``result``) and the day counted without it is the
    legal last day (``alternative``): past it the notice is short on every reading.
    """
    _non_negative("court_days", court_days)
    ext = service_extension(method, purpose="notice")
    counted = cal.add_court_days(hearing, -court_days)
    steps = [
        Step(
            counted,
            f"{_plural(court_days, 'court')} before the hearing on {hearing} (CCP 12c: hearing day excluded)",
            f"{authority}; CCP 12c(a)",
        )
    ]
    last = counted
    if ext.days:
        if ext.unit == "court":
            last = cal.add_court_days(counted, -ext.days)
        else:
            last = counted - dt.timedelta(days=ext.days)
        steps.append(
            Step(
                last,
                f"{_plural(ext.days, ext.unit)} earlier for {ext.description} "
                "(CCP 12c(b): service days counted backward)",
                f"{ext.authority}; CCP 12c(b)",
                ext.confidence,
            )
        )
    if cal.is_court_day(last):
        return _computation(cal, hearing, "hearing", steps)
    prev = cal.previous_court_day(last)
    moved = Step(
        prev,
        f"not a court day: {_skipped(last, prev, cal)}; serve by the preceding court day "
        "(practice, not confirmed text)",
        "CCP 12c [U]",
        "U",
    )
    note = (
        f"{fmt_date(last)} is not a court day; nothing in CCP 12c or 1005(b) moves the last day to "
        f"the preceding court day, and service by mail or overnight delivery is complete on deposit "
        f"(CCP 1013), so service on {last} is timely; serving by {prev} is the safe practice [U]"
    )
    return _computation(
        cal,
        hearing,
        "hearing",
        [*steps, moved],
        alternative=last,
        alternative_note=note,
        alternative_steps=tuple(steps),
        alternative_is_legal=True,
    )


def earliest_hearing_forward(
    served: dt.date,
    court_days: int,
    method: str,
    cal: CourtCalendar,
    *,
    authority: str = "CCP 1005(b)",
) -> Computation:
    """The forward count some courts use: ``court_days`` court days after service, then the
    service-method days forward; a hearing earlier than the result is short under this count.

    A result that is not a court day moves to the next court day, since no hearing can be set on
    it [U]. The backward count of :func:`last_day_before_hearing` is the rule (CCP 12c); use this
    only to warn where the two disagree.
    """
    _non_negative("court_days", court_days)
    ext = service_extension(method, purpose="notice")
    deemed = deemed_served(served, method, cal)
    start = deemed.date if deemed is not None else served
    counted = cal.add_court_days(start, court_days)
    steps = [deemed] if deemed is not None else []
    steps.append(
        Step(
            counted,
            f"{_plural(court_days, 'court')} after service on {start} (forward count; service day excluded)",
            authority,
            "S",
        )
    )
    last = counted
    if ext.days:
        if ext.unit == "court":
            last = cal.add_court_days(counted, ext.days)
        else:
            last = counted + dt.timedelta(days=ext.days)
        steps.append(
            Step(last, f"{_plural(ext.days, ext.unit)} added for {ext.description}", ext.authority, ext.confidence)
        )
    roll = _roll_forward(last, cal, "CCP 1005(b) [U: hearing set on a court day]")
    if roll is not None:
        steps.append(Step(roll.date, roll.text, roll.authority, "U"))
    return _computation(cal, served, "service of moving papers", steps)


def notice_forward_ok(
    served: dt.date,
    hearing: dt.date,
    court_days: int,
    method: str,
    cal: CourtCalendar,
) -> bool:
    """Whether the notice is long enough when counted forward from service (see
    :func:`earliest_hearing_forward`)."""
    return hearing >= earliest_hearing_forward(served, court_days, method, cal).result


def check_notice(
    served: dt.date,
    hearing: dt.date,
    court_days: int,
    method: str,
    cal: CourtCalendar,
) -> NoticeCheck:
    """Both counts of a notice period (CCP 1005(b), 12c) for one service and hearing date."""
    return NoticeCheck(
        served=service_date(served, method, cal),
        hearing=hearing,
        backward=last_day_before_hearing(hearing, court_days, method, cal),
        forward=earliest_hearing_forward(served, court_days, method, cal),
    )


# --------------------------------------------------------------------------- before trial


def discovery_cutoff(
    trial_date: dt.date,
    days_before: int,
    cal: CourtCalendar,
    *,
    authority: str = "CCP 2024.020(a)",
    ccp10: CourtCalendar | None = None,
    trigger_event: str = "initial trial date",
) -> Computation:
    """The last day of a before-trial discovery limit (CCP 2024.020(a), 2024.040(b)(1)).

    E.g. the last day to have a discovery motion heard (15 days before the initial trial date) or
    to complete discovery (30 days).

    Counted backward from the trial date, trial day excluded. If that day is a Saturday, Sunday or
    "holiday as specified in Section 10", CCP 2016.060 extends the limit "until the next court day
    closer to the trial date": the following court day (an extended limit never ends earlier).
    CCP 10's holidays are every Gov. Code holiday, more than CCP 135's judicial holidays; with
    ``ccp10`` (a calendar of them) a day that only CCP 10 makes a holiday extends the limit too.
    That legal date is kept as the ``alternative``, and the CCP 135 count as the safe ``result``.
    """
    _non_negative("days_before", days_before)
    counted = trial_date - dt.timedelta(days=days_before)
    steps = [
        Step(
            counted,
            f"{days_before} calendar days before the trial date {trial_date} (trial day excluded)",
            authority,
        )
    ]
    if not cal.is_court_day(counted):
        later = cal.next_court_day(counted)
        if later < trial_date:
            steps.append(
                Step(
                    later,
                    f"not a court day: {_skipped(counted, later, cal)}; extended to the "
                    "following court day, the next one closer to the trial date",
                    "CCP 2016.060",
                )
            )
        else:  # no court day is left before trial (only for limits of a few days)
            earlier = cal.previous_court_day(counted)
            steps.append(
                Step(
                    earlier,
                    f"not a court day, and no court day follows before trial: "
                    f"{_skipped(counted, earlier, cal)}; the preceding court day",
                    "CCP 2016.060 [U]",
                    "U",
                )
            )
    if ccp10 is None or ccp10.is_court_day(steps[-1].date):
        return _computation(cal, trial_date, trigger_event, steps)
    return extend_discovery_limit(_computation(cal, trial_date, trigger_event, steps), cal, ccp10)


def _rolled(comp: Computation) -> bool:
    """The last day was reached by moving a Saturday, Sunday or judicial holiday to the next court day:
    CCP 2016.060 extends a limit once, "until the next court day", and that day already is one."""
    steps = comp.alternative_steps if comp.alternative is not None else comp.steps
    return bool(steps) and steps[-1].text.startswith("not a court day")


def extend_discovery_limit(comp: Computation, cal: CourtCalendar, ccp10: CourtCalendar) -> Computation:
    """A Civil Discovery Act limit whose last day is a court day under CCP 135 but a holiday under
    CCP 10 (Columbus Day, Admission Day, Lunar New Year ...): CCP 2016.060 extends it to the next
    court day. That later date becomes the legal last day; ``comp.result`` stays the safe date.

    The extension runs once: a last day that was itself reached by moving a non-court day to the next
    court day is not moved again because CCP 10 also lists it (trial Mon 2026-03-02: the 15th day
    before, Sun 02-15, is extended to the next court day, Tue 02-17, Lunar New Year or not)."""
    day = comp.latest
    if ccp10.is_court_day(day) or _rolled(comp):
        return comp
    # "extended until the next court day": a day courts are open (CCP 135), even if CCP 10 also lists
    # it (Lunar New Year the day after Presidents' Day, the executive-order days of Dec. 24 and 26, 2025)
    later = cal.next_court_day(day + dt.timedelta(days=1))
    name = ccp10.holiday_name(day)
    ext = Step(
        later,
        f"{fmt_date(day)} is {name}: a holiday under CCP 10 though courts are open "
        "(CCP 135); a Discovery Act limit is extended to the next court day",
        "CCP 2016.060; CCP 10",
    )
    note = (
        f"{fmt_date(day)} is a court day under CCP 135 but a holiday under CCP 10 ({name}); CCP 2016.060 "
        f"counts CCP 10's holidays, which extends the limit to {fmt_date(later)}"
    )
    base = comp.alternative_steps if comp.alternative is not None else comp.steps
    if comp.alternative_note:
        note = f"{comp.alternative_note}; then {note}"
    return replace(
        comp,
        alternative=later,
        alternative_note=note,
        alternative_steps=(*base, ext),
        alternative_is_legal=True,
        uncertain=tuple(cal.uncertain_between(comp.trigger, later)),
    )
