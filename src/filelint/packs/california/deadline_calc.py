"""Every California deadline a motion folder's facts give, computed step by step.

Shared by the CAL10x rules and ``filelint deadlines``. Pure: a :class:`~filelint.model.Case`, a
court calendar and today's date in, :class:`Deadline` objects and :class:`Missing` facts out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from filelint import Case, Req, RequestListError, Service, format_requests, parse_request_list
from filelint.courtdays import Computation, CourtCalendar, Step, fmt_date
from filelint.deadlines import At, Deadline, DeadlineReport, Missing, status_of
from filelint.packs.california.calendar import ccp10_calendar
from filelint.packs.california.deposition_facts import facts as deposition_fact_map
from filelint.packs.california.deposition_facts import objections_method, objections_served, record_completion
from filelint.packs.california.deposition_facts import statute as deposition_statute
from filelint.packs.california.idc_forms import form_deadlines
from filelint.packs.california.timecalc import (
    add_calendar_days_then_roll,
    check_notice,
    deadline_after_service,
    discovery_cutoff,
    extend_discovery_limit,
    last_day_before_hearing,
    service_date,
)
from filelint.packs.california.triggers import Trigger, further_devices, governing

STATUTE_45 = {"rfp": "CCP 2031.310(c)", "srog": "CCP 2030.300(c)", "frog": "CCP 2030.300(c)", "rfa": "CCP 2033.290(c)"}
NOTICE_COURT_DAYS = 16
CUTOFF_DAYS = 15
#: Motions concerning discovery about a designated expert: heard by the 10th day (CCP 2024.030).
EXPERT_CUTOFF_DAYS = 10
#: Kinds that are not discovery motions under CCP 2024.020 as far as filelint can tell.
NOT_DISCOVERY = frozenset({"other"})


def _closures(case: Case) -> list[dt.date]:
    return [dt.date.fromisoformat(d) for d in case.court.get("closures", []) if isinstance(d, str)]


def _ccp10(case: Case) -> CourtCalendar:
    """CCP 10's holidays (every Gov. Code holiday), for Discovery Act limits (CCP 2016.060)."""
    return ccp10_calendar(closures=_closures(case))


ccp10_for_case = _ccp10
"""The CCP 10 calendar of a case (with its court's closures), for other modules' Discovery Act limits."""


def calendar_for(case: Case, cal: CourtCalendar) -> CourtCalendar:
    """The court's calendar with the manifest's own closures (CCP 12b)."""
    closures = _closures(case)
    return cal.with_closures(closures) if closures else cal


#: The papers that make up the motion; it is not "made" until every one is served.
MOVING_PAPERS = frozenset({"notice", "memorandum", "declaration", "separate-statement", "concise-outline"})


def motion_made(case: Case, cal: CourtCalendar | None = None) -> tuple[dt.date | None, str, At]:
    """When the motion was made: service of ALL the moving papers, else filing.

    A bare notice does not make the motion: the supporting papers must be served by the deadline
    too (Weinstein v. Blumberg (2018) 25 Cal.App.5th 316). So the latest service date among the
    moving papers, when the manifest states them, governs over ``motion.served``. With ``cal``,
    e-service on a non-court day counts as made on the next court day (CCP 1010.6).
    """
    act, label, at = _made(case)
    service = _service_at(case, at)
    if cal is None or act is None or service is None or service.method is None:
        return act, label, at
    deemed = service_date(service.date, service.method, cal)
    if deemed == act:
        return act, label, at
    return deemed, f"{label}, deemed served {deemed} (e-service on a non-court day, CCP 1010.6)", at


def _service_at(case: Case, at: At) -> Service | None:
    if at == ("motion", "served"):
        return case.motion.served
    return next((p.served for p in case.papers if p.served is not None and p.served.at == at), None)


def _made(case: Case) -> tuple[dt.date | None, str, At]:
    m = case.motion
    late = max(
        (p for p in case.papers if p.role in MOVING_PAPERS and p.served is not None),
        key=lambda p: p.served.date if p.served else dt.date.min,
        default=None,
    )
    if late is not None and late.served is not None and (m.served is None or late.served.date > m.served.date):
        label = (
            f"{late.role} {late.path} served {late.served.date} (a motion is made only "
            "when all its papers are served: Weinstein v. Blumberg (2018) 25 Cal.App.5th 316)"
        )
        return late.served.date, label, (*late.at, "served")
    if m.served is not None:
        how = f" ({m.served.method})" if m.served.method else ""
        return m.served.date, f"served {m.served.date}{how}", ("motion", "served")
    if m.filed is not None:
        return m.filed, f"filed {m.filed} (no service date stated)", ("motion", "filed")
    return None, "not yet served or filed", ("motion",)


def compute_all(case: Case, cal: CourtCalendar, today: dt.date) -> DeadlineReport:
    """Every deadline that applies to the case's motion."""
    cal = calendar_for(case, cal)
    report = DeadlineReport()
    if further_devices(case):
        _forty_five(case, cal, today, report)
    if "compel-deposition" in (case.motion.kind, *case.motion.also_kinds):
        _sixty(case, cal, today, report)
    _notice(case, cal, report)
    if case.motion.kind not in NOT_DISCOVERY and not unlawful_detainer(case):  # CCP 2024.040(b)(1)
        _cutoff(case, cal, report)
    elif unlawful_detainer(case):
        from filelint.packs.california import ud_cutoff  # it imports this module

        report.deadlines.extend(ud_cutoff.deadlines(case, cal))
    report.deadlines.extend(form_deadlines(case, cal, today))
    return report


# --------------------------------------------------------------------------- 45 days


def _forty_five(case: Case, cal: CourtCalendar, today: dt.date, report: DeadlineReport) -> None:
    groups: dict[tuple[Trigger, tuple[dt.date, int] | None], list[Req]] = {}
    uncovered: dict[str, list[Req]] = {}
    targets: list[tuple[str, Req | None]] = (
        [(r.device, r) for r in case.motion.requests]
        if case.motion.requests
        else [(d, None) for d in further_devices(case)]
    )
    for device, req in targets:
        found = governing(case, device, req)
        if found is None:
            uncovered.setdefault(device, []).extend([req] if req else [])
        elif isinstance(found, Trigger):
            # A written extension limited to some requests extends only those: group by it too.
            ext = _written_extension(case, (req,) if req else (), device)
            groups.setdefault((found, ext), []).extend([req] if req else [])
        else:
            for m in found:
                report.add_missing(m)
    report.uncovered.extend((d, tuple(rs)) for d, rs in uncovered.items())
    for (trig, ext), reqs in groups.items():
        report.deadlines.append(_deadline_45(case, cal, today, trig, tuple(reqs), ext))
    pending = [d for d in report.deadlines if d.kind == "45-day" and d.status == "pending"]
    if pending:
        first = min(d.deadline for d in pending)
        report.add_missing(
            Missing(
                "motion.served",
                ("motion",),
                "the date and method the complete moving papers were served; "
                f"the 45 days to move run out on {fmt_date(first)}",
            )
        )


def _deadline_45(
    case: Case,
    cal: CourtCalendar,
    today: dt.date,
    trig: Trigger,
    reqs: tuple[Req, ...],
    written: tuple[dt.date, int] | None,
) -> Deadline:
    device = case.responses[trig.response].device
    statute = STATUTE_45.get(device, "CCP 2031.310(c)")
    comp = extend_discovery_limit(
        deadline_after_service(trig.date, 45, trig.method, cal, trig.event, authority=statute), cal, _ccp10(case)
    )
    deadline, latest, notes = comp.result, comp.latest, list(_ignored_extensions(case))
    if written is not None and written[0] > comp.result:
        extended = extend_agreed_date(written[0], cal, _ccp10(case))
        deadline, latest = written[0], max(extended, comp.latest)
        notes.insert(
            0, f"A later date agreed in writing governs: {fmt_date(written[0])} (extensions[{written[1]}]) [{statute}]"
        )
        if extended > written[0]:
            notes.insert(
                1,
                f"{fmt_date(written[0])} is {_why_not(written[0], cal, _ccp10(case))}: CCP 2016.060 extends the last "
                f"day of an act under the Discovery Act to the next court day, {fmt_date(extended)}, the legal last "
                f"day; the agreed date itself is the safe date",
            )
    act, label, at = motion_made(case, cal)
    what = format_requests(reqs) if reqs else f"the {device.upper()} responses"
    return Deadline(
        kind="45-day",
        title=f"45 days to move to compel further responses, {what} ({statute})",
        computation=comp,
        deadline=deadline,
        latest=latest,
        act=act,
        act_label=label,
        status=status_of(act, deadline, latest, today),
        at=at,
        key=f"45:{device}:{trig.response}" + (f":ext{written[1]}" if written else ""),
        requests=reqs,
        unsettled=trig.unsettled,
        notes=tuple(notes),
    )


def extend_agreed_date(day: dt.date, cal: CourtCalendar, ccp10: CourtCalendar) -> dt.date:
    """An agreed last day on a Saturday, Sunday or CCP 10 holiday runs to the next court day (CCP 2016.060),
    once: a day courts are open is a court day even if CCP 10 lists it."""
    if not cal.is_court_day(day):
        return cal.next_court_day(day)
    if not ccp10.is_court_day(day):
        return cal.next_court_day(day + dt.timedelta(days=1))
    return day


def _why_not(day: dt.date, cal: CourtCalendar, ccp10: CourtCalendar) -> str:
    name = cal.holiday_name(day) or ccp10.holiday_name(day)
    return f"{name}, not a court day" if name else f"a {day:%A}"


def _written_extension(case: Case, reqs: tuple[Req, ...], device: str) -> tuple[dt.date, int] | None:
    """The latest specific date agreed in writing that applies to these requests."""
    best: tuple[dt.date, int] | None = None
    for i, ext in enumerate(case.extensions):
        if not ext.in_writing or ext.new_deadline is None or not _applies(case, i, reqs, device):
            continue
        if best is None or ext.new_deadline > best[0]:
            best = (ext.new_deadline, i)
    return best


def _applies(case: Case, i: int, reqs: tuple[Req, ...], device: str) -> bool:
    value = case.raw.get("extensions", [{}])[i].get("applies_to")
    if value is None:
        return True
    try:
        listed = parse_request_list(value, device)
    except RequestListError:
        return True  # the schema stage reports unreadable lists; do not drop the extension
    if listed is None:
        return True
    if not reqs:  # the whole set is at issue: an extension for another device does not reach it
        return any(a.device == device for a in listed)
    return any(a.matches(r) for a in listed for r in reqs)


def _ignored_extensions(case: Case) -> list[str]:
    """Extensions that do not count: oral, or with no specific later date (S.F. Super. Ct. No.
    CGC17558782, Dept. 302, Nov. 27, 2019)."""
    out = []
    for i, ext in enumerate(case.extensions):
        if ext.in_writing and ext.new_deadline is not None:
            continue
        why = "is not in writing" if not ext.in_writing else "names no specific later date"
        if not ext.in_writing and ext.new_deadline is None:
            why = "is not in writing and names no specific later date"
        out.append(
            f"extensions[{i}] {why}, so it does not extend the deadline "
            "(CCP 2030.300(c), 2031.310(c), 2033.290(c): a specific later date agreed in writing)"
        )
    return out


# --------------------------------------------------------------------------- 60 days (deposition)


def _sixty(case: Case, cal: CourtCalendar, today: dt.date, report: DeadlineReport) -> None:
    """CCP 2025.480(b): 60 days from completion of the record; none for a 2025.450 motion."""
    if deposition_statute(case) == "2025.450":
        return
    found = record_completion(case)
    if found is None:
        report.add_missing(
            Missing(
                "motion.deposition.record_completed",
                ("motion",),
                "a motion to compel answers or production at a deposition (CCP 2025.480) must be made "
                "within 60 days of completion of the record (state record_completed, or the objections "
                "or non-appearance that completed it); a motion after a party's non-appearance "
                "(CCP 2025.450, deposition.statute) has no such limit",
            )
        )
        return
    completed, event, unconfirmed = found
    comp = extend_discovery_limit(
        add_calendar_days_then_roll(completed, 60, cal, "CCP 2025.480(b)", trigger_event=event), cal, _ccp10(case)
    )
    comp = _with_objections_extension(case, comp, completed, event, cal)
    act, label, at = motion_made(case, cal)
    report.deadlines.append(
        Deadline(
            kind="60-day",
            title="60 days to move to compel deposition answers or production (CCP 2025.480(b))",
            computation=comp,
            deadline=comp.result,
            latest=comp.latest,
            act=act,
            act_label=label,
            status=status_of(act, comp.result, comp.latest, today),
            at=at,
            key="60",
            unsettled=unconfirmed,
        )
    )


def _with_objections_extension(
    case: Case, comp: Computation, completed: dt.date, event: str, cal: CourtCalendar
) -> Computation:
    """Where served objections completed the record, the 60 days run from service of a paper, and
    CCP 1013 / 1010.6 (applied to the Discovery Act by CCP 2016.050) extend a period running after
    service: that later date is kept as a reading [U], so a motion between the two is a warning."""
    if "record_completed" in deposition_fact_map(case) or comp.trigger != completed:
        return comp
    method = objections_method(case, completed)
    if method is None and completed != objections_served(case):
        return comp  # the record was not completed by served objections: no service to extend
    unknown = method is None
    method = method or "mail"  # not stated: the later reading is a mailing (CCP 1013(a)), never an error before it
    if method == "personal":
        return comp
    alt = extend_discovery_limit(
        deadline_after_service(completed, 60, method, cal, event, authority="CCP 2025.480(b)"), cal, _ccp10(case)
    )
    if alt.latest <= comp.latest:
        return comp
    steps = alt.alternative_steps if alt.alternative is not None else alt.steps
    how = "by a method the manifest does not state (if by mail)" if unknown else f"by {method}"
    note = (
        f"the objections that completed the record were served {how}; counting the 60 days as a "
        f"period after service, CCP 1013 / 1010.6 (CCP 2016.050) extend it to {fmt_date(alt.latest)}: "
        f"whether they apply to the 60 days of CCP 2025.480(b) is unconfirmed [U]"
    )
    marked = tuple(replace(s, confidence="U") if "1013" in s.authority or "1010.6" in s.authority else s for s in steps)
    return replace(
        comp,
        alternative=alt.latest,
        alternative_note=note,
        alternative_steps=marked,
        alternative_is_legal=False,
        uncertain=tuple(cal.uncertain_between(completed, alt.latest)),
    )


# --------------------------------------------------------------------------- notice


def unlawful_detainer(case: Case) -> bool:
    return bool(case.raw.get("case", {}).get("type") == "unlawful-detainer")


def _notice(case: Case, cal: CourtCalendar, report: DeadlineReport) -> None:
    m = case.motion
    if unlawful_detainer(case) and m.hearing is not None and m.served is not None:
        _ud_notice(case, m.hearing, m.served, cal, report)
        return
    if m.hearing is None:
        report.add_missing(
            Missing(
                "motion.hearing",
                ("motion",),
                "the notice period (CCP 1005(b)) and the discovery-motion cutoff count from the hearing date",
            )
        )
        return
    if m.served is None:
        report.add_missing(
            Missing(
                "motion.served",
                ("motion",),
                "service date and method of the moving papers; for the hearing on "
                f"{m.hearing} serve by {_serve_by(m.hearing, cal)}",
            )
        )
    elif m.served.method is None:
        report.add_missing(
            Missing(
                "motion.served.method",
                ("motion", "served"),
                "the service method sets the days added to the 16 court days (CCP 1005(b), 1010.6)",
            )
        )
    else:
        report.deadlines.append(_notice_deadline(m.served, m.hearing, cal, None, "notice"))
    _paper_notices(case, m.hearing, cal, report)
    if m.filed is not None:
        comp = last_day_before_hearing(m.hearing, NOTICE_COURT_DAYS, "personal", cal)
        report.deadlines.append(
            Deadline(
                kind="filing",
                title="file the moving papers 16 court days before the hearing (CCP 1005(b), 12c)",
                computation=comp,
                deadline=comp.result,
                latest=comp.result,
                act=m.filed,
                act_label=f"filed {m.filed}",
                status="met" if m.filed <= comp.result else "late",
                at=("motion", "filed"),
                key="filing",
            )
        )


#: CCP 1170.8: in an unlawful detainer action a discovery motion is made on five days' notice;
#: service extensions follow CCP 1013 (CRC 3.1347), counted backward (CCP 12c(b)).
UD_NOTICE_DAYS = 5
UD_EXTENSION = {
    "mail": (5, False),
    "mail-out-of-state": (10, False),
    "mail-international": (20, False),
    "electronic": (2, True),
    "overnight": (2, True),
    "fax": (2, True),
    "personal": (0, False),
}


def _ud_notice(case: Case, hearing: dt.date, served: Service, cal: CourtCalendar, report: DeadlineReport) -> None:
    """The notice deadline of an unlawful-detainer discovery motion: 5 days before the hearing."""
    base = hearing - dt.timedelta(days=UD_NOTICE_DAYS)
    steps = [Step(base, f"{UD_NOTICE_DAYS} calendar days before the hearing (CCP 12c(a))", "CCP 1170.8")]
    days, court = UD_EXTENSION.get(served.method or "personal", (0, False))
    last = base
    if days:
        last = _back_court_days(base, days, cal) if court else base - dt.timedelta(days=days)
        unit = "court" if court else "calendar"
        steps.append(
            Step(last, f"{days} {unit} days earlier for {served.method} service (CCP 12c(b))", "CCP 1013, 1010.6")
        )
    comp = Computation(trigger=hearing, trigger_event="hearing", steps=tuple(steps), result=last)
    report.deadlines.append(
        Deadline(
            kind="notice-ud",
            title="serve an unlawful-detainer discovery motion 5 days before the hearing, "
            "plus the service extension (CCP 1170.8, 1013)",
            computation=comp,
            deadline=last,
            latest=last,
            act=served.date,
            act_label=f"served {served.date} ({served.method or 'method not stated'})",
            status="met" if served.date <= last else "late",
            at=("motion", "served"),
            key="notice-ud",
        )
    )


def _back_court_days(start: dt.date, n: int, cal: CourtCalendar) -> dt.date:
    d = start
    while n > 0:
        d -= dt.timedelta(days=1)
        n -= cal.is_court_day(d)
    return d


#: Every moving and supporting paper CCP 1005(b) times, exhibits included.
NOTICED_PAPERS = MOVING_PAPERS | {"exhibit"}


def _notice_deadline(served: Service, hearing: dt.date, cal: CourtCalendar, what: str | None, key: str) -> Deadline:
    """The 16-court-day notice for one service (CCP 1005(b), 12c), counted from the date service
    counts from (e-service on a non-court day: the next court day, CCP 1010.6)."""
    method = served.method or "personal"
    chk = check_notice(served.date, hearing, NOTICE_COURT_DAYS, method, cal)
    back = chk.backward
    deemed = f", deemed served {chk.served} (CCP 1010.6)" if chk.served != served.date else ""
    status = "met" if chk.backward_ok else "gap" if chk.latest_ok else "late"
    return Deadline(
        kind="notice",
        title=f"serve {what or 'the moving papers'} 16 court days before the hearing, plus "
        "the service extension (CCP 1005(b), 12c)",
        computation=back,
        deadline=back.result,
        latest=back.latest,
        act=chk.served,
        act_label=f"{what + ' ' if what else ''}served {served.date} ({method}{deemed})",
        status=status,
        at=served.at,
        key=key,
        forward=chk.forward,
    )


def _paper_notices(case: Case, hearing: dt.date, cal: CourtCalendar, report: Report) -> None:
    """CCP 1005(b) times "all moving and supporting papers": each paper served on its own date."""
    motion = case.motion.served
    for i, paper in enumerate(case.papers):
        served = paper.served
        if paper.role not in NOTICED_PAPERS or served is None:
            continue
        if served.method is None:
            report.add_missing(
                Missing(
                    f"papers[{i}].served.method",
                    served.at,
                    f"the service method of {paper.path} sets the days added to the "
                    "16 court days (CCP 1005(b), 1010.6)",
                )
            )
            continue
        if motion is not None and (served.date, served.method) == (motion.date, motion.method):
            continue  # served with the motion: the motion's notice deadline covers it
        report.deadlines.append(
            _notice_deadline(served, hearing, cal, f"{paper.role} {paper.path}", f"notice:papers[{i}]")
        )


def _serve_by(hearing: dt.date, cal: CourtCalendar) -> str:
    days = {
        how: last_day_before_hearing(hearing, NOTICE_COURT_DAYS, how, cal).result
        for how in ("personal", "electronic", "mail")
    }
    return ", ".join(f"{d} ({how})" for how, d in days.items())


# --------------------------------------------------------------------------- trial cutoff


def _cutoff(case: Case, cal: CourtCalendar, report: DeadlineReport) -> None:
    facts = case.raw.get("case", {})
    trial = facts.get("initial_trial_date")
    if not isinstance(trial, str):
        # No trial date at all usually means none is set yet: nothing to check. A current trial
        # date alone is not enough: the cutoff runs from the date *initially* set (CCP 2024.020).
        if facts.get("trial_date"):
            report.add_missing(
                Missing(
                    "case.initial_trial_date",
                    ("case", "trial_date"),
                    "discovery motions must be heard by the 15th day before the "
                    "trial date initially set, not a continued one (CCP 2024.020)",
                )
            )
        return
    hearing = case.motion.hearing
    if hearing is None:
        return  # reported once by _notice
    expert = case.motion.extra.get("expert_discovery") is True
    days, statute = (EXPERT_CUTOFF_DAYS, "CCP 2024.030") if expert else (CUTOFF_DAYS, "CCP 2024.020(a)")
    comp = discovery_cutoff(dt.date.fromisoformat(trial), days, cal, authority=statute, ccp10=_ccp10(case))
    order = case.raw.get("case", {}).get("discovery_cutoff_order")
    notes = (f"case.discovery_cutoff_order: {order}",) if order else ()
    what = "expert discovery motion" if expert else "discovery motion"
    report.deadlines.append(
        Deadline(
            kind="cutoff",
            title=f"{what} heard by the {days}th day before the initial trial date ({statute}, CCP 2016.060)",
            computation=comp,
            deadline=comp.result,
            latest=comp.latest,
            act=hearing,
            act_label=f"hearing {hearing}",
            status=status_of(hearing, comp.result, comp.latest, hearing),
            at=("motion", "hearing"),
            key="cutoff",
            notes=notes,
        )
    )


#: The name this module used before the report became court-neutral (filelint.deadlines).
Report = DeadlineReport
