"""The unlawful-detainer discovery cutoff (CAL113): discovery completed by the 5th day before trial.

CCP 2024.040(b)(1) takes unlawful detainer actions out of the CCP 2024.020 cutoff (CAL107) and sets
their own: "discovery in these proceedings shall be completed on or before the fifth day before the
date set for trial", except as CCP 2024.050 (an order) and 2024.060 (a written agreement) provide.
Discovery "is considered completed on the day a response is due or on the day a deposition begins"
(CCP 2024.010). The response due dates and the limit come from the pack's existing arithmetic
(:func:`motion_kind.response_deadline`, :func:`timecalc.discovery_cutoff`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from filelint import Authority, Case, Context, Problem, manifest_date, rule
from filelint.courtdays import Computation, CourtCalendar, fmt_date
from filelint.deadlines import At, Deadline
from filelint.packs.california import cutoff_order
from filelint.packs.california.deadline_calc import calendar_for, ccp10_for_case, unlawful_detainer
from filelint.packs.california.motion_kind import response_deadline
from filelint.packs.california.one_motion import DEVICES, devices
from filelint.packs.california.scope import CALIFORNIA, is_california
from filelint.packs.california.timecalc import discovery_cutoff

#: CCP 2024.040(b)(1): completed "on or before the fifth day before the date set for trial".
UD_CUTOFF_DAYS = 5
STATUTE = "CCP 2024.040(b)(1)"
WRITTEN = ("srog", "frog", "rfp", "rfa", "rog")
GILL = Authority(
    "Gill v. Obienu (L.A. Super. Ct. No. 24IWUD00940, Dept. 8, tentative ruling for the Aug. 12, 2024 hearing)",
    "S",
    "requests for admission served two days before the trial date; trial continued with no order reopening "
    "discovery; motion to deem them admitted denied",
)


@dataclass(frozen=True)
class Completion:
    """When one piece of the discovery at issue is completed (CCP 2024.010), on each reading."""

    what: str
    safe: dt.date  # the earliest reading of the due date
    legal: dt.date  # the last day on the latest reading (CCP 2016.060, roll-first)
    how: str
    at: At
    key: str


def trial_dates(case: Case) -> tuple[dt.date, ...]:
    """The stated trial dates, initial first; one date when both fields agree or one is stated."""
    raw = case.raw.get("case", {}) or {}
    found = [manifest_date(raw.get("initial_trial_date")), manifest_date(raw.get("trial_date"))]
    return tuple(dict.fromkeys(d for d in found if d is not None))


def applies(case: Case) -> bool:
    return is_california(case) and unlawful_detainer(case) and bool(trial_dates(case)) and bool(devices(case))


def _written(case: Case) -> list[int]:
    """Indexes of the discovery sets the motion is about: its devices, and the sets its requests name."""
    wanted = set(devices(case)) & set(WRITTEN)
    named: dict[str, set[int]] = {}
    for req in case.motion.requests:
        if req.set is not None:
            named.setdefault(req.device, set()).add(req.set)
    return [
        i
        for i, d in enumerate(case.discovery)
        if d.device in wanted and (d.set is None or d.device not in named or d.set in named[d.device])
    ]


def completions(case: Case, cal: CourtCalendar) -> list[Completion]:
    out: list[Completion] = []
    for i in _written(case):
        disc = case.discovery[i]
        due = response_deadline(case, disc, cal)
        if due is None:
            continue  # no service method: CAL490 names it
        label = DEVICES.get(disc.device, (disc.device,))[0]
        out.append(
            Completion(
                f"{label} set {disc.set or '?'} (discovery[{i}], served {disc.served})",
                due.safe,
                due.legal,
                due.how,
                disc.at,
                f"{disc.device}:{disc.set}:{i}",
            )
        )
    deposition = case.motion.raw.get("deposition") or {}
    begins = manifest_date(deposition.get("date")) if "deposition" in devices(case) else None
    if begins is not None:
        how = f"a deposition is completed on the day it begins (CCP 2024.010): {begins}"
        out.append(Completion("the deposition", begins, begins, how, ("motion", "deposition", "date"), "deposition"))
    return out


def limit(case: Case, trial: dt.date, label: str, cal: CourtCalendar) -> Computation:
    """The last day to complete discovery: 5 days before the trial date, extended by CCP 2016.060."""
    return discovery_cutoff(
        trial, UD_CUTOFF_DAYS, cal, authority=STATUTE, ccp10=ccp10_for_case(case), trigger_event=label
    )


def steps(comp: Computation) -> str:
    return "; ".join(line.strip().rstrip(".") for line in comp.explain())


def _due(c: Completion) -> str:
    if c.key == "deposition":
        return f"{c.what} began {fmt_date(c.safe)}"
    if c.legal != c.safe:
        return f"responses to {c.what} were due {fmt_date(c.safe)} (legal last day {fmt_date(c.legal)})"
    return f"responses to {c.what} were due {fmt_date(c.safe)}"


#: The deadline report's kind for these limits (not "cutoff": that is CCP 2024.020's, which CAL107 reads).
KIND = "ud-cutoff"


def deadlines(case: Case, cal: CourtCalendar) -> list[Deadline]:
    """CAL113's limits for the deadline report (``filelint deadlines``): each piece of the discovery at
    issue against the 5th day before each stated trial date. The status is CAL113's verdict: "late" when
    the earliest due date is after the latest limit, "gap" when only some reading makes it late."""
    if not applies(case):
        return []
    cal = calendar_for(case, cal)
    dates = trial_dates(case)
    labels = ("date set for trial",) if len(dates) == 1 else ("initial trial date", "current trial date")
    notes = _report_notes(case)
    out: list[Deadline] = []
    for c in completions(case, cal):
        for day, label in zip(dates, labels, strict=True):
            comp = limit(case, day, label, cal)
            out.append(
                Deadline(
                    kind=KIND,
                    title=f"{c.what} completed by the 5th day before the {label} {fmt_date(day)} "
                    f"({STATUTE}, CCP 2024.010, CCP 2016.060)",
                    computation=comp,
                    deadline=comp.result,
                    latest=comp.latest,
                    act=c.legal,
                    act_label=_due(c),
                    status="late" if c.safe > comp.latest else "gap" if c.legal > comp.result else "met",
                    at=c.at,
                    key=f"{KIND}:{c.key}:{label}",
                    notes=(f"due: {c.how}", *notes),
                )
            )
    return out


def _report_notes(case: Case) -> tuple[str, ...]:
    """What the report says of a continued trial date and of a recorded order or agreement."""
    notes: list[str] = []
    if len(trial_dates(case)) > 1:
        notes.append(
            f"the trial date was continued: {STATUTE} measures from 'the date set for trial'; a continuance "
            "does not reopen discovery without a CCP 2024.050 order or 2024.060 agreement (Gill v. Obienu, "
            "L.A. Super. Ct. No. 24IWUD00940, Dept. 8, Aug. 12, 2024)"
        )
    order = cutoff_order.read(case)
    beyond = cutoff_order.outside(order, case)
    if order.devices and not beyond:
        notes.append(
            f"case.discovery_cutoff_order covers {cutoff_order.names(order.devices)} "
            "(CCP 2024.050, 2024.060): this limit does not bind the motion"
        )
    elif order.stated:
        notes.append(_order_note(order, beyond).removeprefix("; "))  # the rule's words, as a note of their own
    return tuple(notes)


@rule(
    "CAL113",
    "ud-discovery-cutoff",
    "error",
    systems=CALIFORNIA,
    summary="In an unlawful detainer action, the discovery a motion is about was not completed (its "
    "responses due, or the deposition begun) by the 5th day before the date set for trial, or the "
    "motion is heard after the trial date.",
    why="CCP 2024.040(b)(1) takes unlawful detainer actions out of the 30- and 15-day cutoffs of CCP "
    "2024.020 and sets their own: 'discovery in these proceedings shall be completed on or before the "
    "fifth day before the date set for trial', except by a CCP 2024.050 order or a 2024.060 written "
    "agreement. Discovery is completed 'on the day a response is due or on the day a deposition "
    "begins' (CCP 2024.010), so discovery whose responses fall due later cannot be compelled. In "
    "Gill v. Obienu (L.A. Super. Ct. No. 24IWUD00940, Dept. 8, Aug. 12, 2024) requests for admission "
    "served two days before the June 25, 2024 trial date could not be deemed admitted: the trial was "
    "continued, but no order reopened discovery.",
    authority=[
        Authority("CCP § 2024.040(b)(1)"),
        Authority("CCP § 2024.010"),
        Authority("CCP § 2016.060"),
        Authority("CCP §§ 10, 12, 12a, 135"),
        Authority("CCP § 2031.260(b)", "C", "unlawful detainer: at least five days from service to respond"),
        Authority("CCP §§ 2030.260(b), 2033.250(b)", "S", "unlawful detainer: five days to respond"),
        Authority("CCP §§ 2024.050, 2024.060"),
        GILL,
    ],
    fix="Serve discovery so that the responses fall due by the 5th day before trial, or obtain an order "
    "reopening discovery (CCP 2024.050) or a written agreement extending the time (CCP 2024.060) and "
    "record it as case.discovery_cutoff_order (with case.discovery_cutoff_order_devices for the devices "
    "it covers).",
    fail_example="case: {number: X, type: unlawful-detainer, trial_date: 2024-06-25}\n"
    "motion: {kind: compel-initial-responses, device: rfa}\n"
    "discovery:\n  - {device: rfa, set: 1, served: 2024-06-23, method: personal}   # due Fri 06-28",
    pass_example="case: {number: X, type: unlawful-detainer, trial_date: 2024-06-25}\n"
    "motion: {kind: compel-initial-responses, device: rfa}\n"
    "discovery:\n  - {device: rfa, set: 1, served: 2024-06-10, method: personal}   # due Mon 06-17",
    reads=(
        "case.type",
        "case.initial_trial_date",
        "case.trial_date",
        "case.discovery_cutoff_order",
        "case.discovery_cutoff_order_devices",
        "motion.kind",
        "motion.device",
        "motion.also_kinds",
        "motion.hearing",
        "motion.deposition.date",
        "discovery[]",
    ),
    notes="Only with case.type: unlawful-detainer and a trial date (CAL107 handles every other case). "
    "The discovery at issue is each discovery[] set of the motion's devices (its kind, also_kinds or "
    "device; only the sets motion.requests_at_issue names, where it names sets); its responses are due 5 days "
    "after service plus the service extension (CCP 2030.260(b), "
    "2031.260(b), 2033.250(b); CCP 1013, 1010.6), or on discovery[].response_due_extended_to; a "
    "deposition (motion.deposition.date) is completed the day it begins. The limit is counted back 5 "
    "calendar days from the trial date; a Saturday, Sunday or holiday is extended to the next court day "
    "closer to the trial date (CCP 2016.060): trial Thu 2025-07-10, the 5th day before is Sat 07-05 and "
    "the limit Mon 07-07. An error only when the earliest due date is after the latest limit; where the "
    "readings of the due date or of the holiday list (CCP 10 or 135) part, a warning. The statute says "
    "'the date set for trial', not 'initially set' as CCP 2024.020 does: where case.initial_trial_date "
    "and case.trial_date differ, the finding names both and their limits and is never above warning "
    "(Gill v. Obienu measured from the initial date after a continuance). A hearing after every stated "
    "trial date is an error. A recorded order or agreement (case.discovery_cutoff_order) that lists the "
    "motion's devices silences the rule; one stated only in words makes the findings warnings; one "
    "listing other devices leaves the rule as it is. Not checked: the CCP 1170.8 five-day notice "
    "(CAL112).",
)
def ud_discovery_cutoff(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    cal = ctx.calendar()
    if cal is None or not applies(case):
        return
    order = cutoff_order.read(case)
    beyond = cutoff_order.outside(order, case)
    if order.devices and not beyond:
        return  # CCP 2024.050 / 2024.060: the order or agreement reaches this discovery
    cal = calendar_for(case, cal)
    dates = trial_dates(case)
    unsure = len(dates) > 1 or (order.stated and not order.devices)
    note = _order_note(order, beyond)
    for c in completions(case, cal):
        found = _completion_problem(case, c, dates, cal, note)
        if found is not None:
            text, certain = found
            yield Problem(text, at=c.at, key=c.key, confidence="C" if certain and not unsure else "U")
    hearing = case.motion.hearing
    if hearing is not None and hearing > max(dates):
        yield Problem(
            f"hearing {hearing} is after the date set for trial ({_dates(dates)}): in an unlawful detainer "
            f"action discovery must be completed by the 5th day before trial ({STATUTE}), so a discovery motion "
            f"heard after trial comes too late{note}",
            at=("motion", "hearing"),
            key="after-trial",
            confidence="U" if order.stated and not order.devices else "C",
        )


def _dates(dates: tuple[dt.date, ...]) -> str:
    if len(dates) == 1:
        return fmt_date(dates[0])
    return f"initial trial date {fmt_date(dates[0])}, current trial date {fmt_date(dates[1])}"


def _order_note(order: cutoff_order.CutoffOrder, beyond: tuple[str, ...]) -> str:
    if beyond:
        return (
            f"; the order extends discovery only for {cutoff_order.names(order.devices)} "
            f"(case.discovery_cutoff_order_devices), not for the {cutoff_order.names(beyond)} this motion concerns"
        )
    if order.stated:
        said = f" says {order.text!r}" if order.text else " is recorded"
        return (
            f"; case.discovery_cutoff_order{said}, but filelint cannot tell whether it reopens this discovery "
            f"(CCP 2024.050) or extends the time for it (CCP 2024.060): state the devices it covers "
            f"(case.discovery_cutoff_order_devices)"
        )
    return ""


def _completion_problem(
    case: Case, c: Completion, dates: tuple[dt.date, ...], cal: CourtCalendar, note: str
) -> tuple[str, bool] | None:
    """The message for discovery completed after the limit, and whether it is late on every reading."""
    if len(dates) == 1:
        comp = limit(case, dates[0], "date set for trial", cal)
        if c.legal <= comp.result:
            return None
        certain = c.safe > comp.latest
        risk = (
            ""
            if certain
            else f"; but not after {fmt_date(comp.latest)}, the limit on the later reading (CCP 10's holidays, "
            f"CCP 2016.060), or the due date is later only on one reading of it: courts may find it in time"
        )
        text = (
            f"{_due(c)}, after {fmt_date(comp.latest if certain else comp.result)}, the last day to complete "
            f"discovery in an unlawful detainer action (the 5th day before the trial date {fmt_date(dates[0])}; "
            f"{STATUTE}, CCP 2024.010){risk}{note}: {steps(comp)}; due: {c.how}"
        )
        return text, certain
    initial = limit(case, dates[0], "initial trial date", cal)
    current = limit(case, dates[1], "current trial date", cal)
    late = [(name, comp) for name, comp in (("initial", initial), ("current", current)) if c.legal > comp.result]
    if not late:
        return None
    verdict = (
        "late measured from either date"
        if len(late) == 2
        else f"late measured from the {late[0][0]} trial date, in time measured from the other"
    )
    text = (
        f"{_due(c)}; CCP 2024.040(b)(1) measures from 'the date set for trial', and the trial date was "
        f"continued: the limit is {fmt_date(initial.latest)} counted from the initial trial date "
        f"{fmt_date(dates[0])}, {fmt_date(current.latest)} counted from the current trial date "
        f"{fmt_date(dates[1])}; {verdict} (a continuance does not reopen discovery without a CCP 2024.050 "
        f"order or 2024.060 agreement: Gill v. Obienu, L.A. Super. Ct. No. 24IWUD00940, Dept. 8, "
        f"Aug. 12, 2024){note}: {steps(initial)}; {steps(current)}; due: {c.how}"
    )
    return text, False


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts CAL113 needs and the manifest leaves out (reported by CAL490)."""
    if not applies(case):
        return
    listed = {case.discovery[i].device for i in _written(case)}
    for device in devices(case):
        if device in WRITTEN and device not in listed:
            yield Problem(
                f"no discovery[] set of {DEVICES[device][0]} is recorded, so CAL113 cannot tell whether "
                f"it was completed by the 5th day before trial in this unlawful detainer action ({STATUTE})",
                at=("motion", "kind"),
                key=f"CAL113:discovery:{device}",
            )
    for i in _written(case):
        disc = case.discovery[i]
        if disc.method is None and disc.response_due_extended_to is None:
            yield Problem(
                f"discovery[{i}] has no service method, so CAL113 cannot tell when its responses were due "
                f"(5 days plus the service extension) against the unlawful-detainer cutoff ({STATUTE})",
                at=disc.at,
                key=f"CAL113:method:{i}",
            )


RULES = (ud_discovery_cutoff,)
