"""CPLR 2214(b) notice of motion, with the CPLR 2103(b) service additions and the GCL § 25-a roll."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from filelint import Context, Problem, rule
from filelint.courtdays import Computation, CourtCalendar, fmt_date

from filelint_newyork import facts, timecalc
from filelint_newyork.authorities import (
    BRILLON,
    CPLR_2103B2,
    CPLR_2103B6,
    CPLR_2214B,
    GCL_25A,
    GCL_25A_BACKWARD,
    NYSCEF,
    ZISHOLTZ,
)
from filelint_newyork.calendar import new_york_calendar
from filelint_newyork.facts import NEW_YORK

NY_MOTION = 'court: {system: ny-supreme}\ncase: {number: "153412/2024"}\n'


def calendar(ctx: Context) -> CourtCalendar:
    """The court's calendar with the manifest's ``court.closures`` (as ``filelint deadlines`` uses it)."""
    cal = ctx.calendar() or new_york_calendar()
    closures = [dt.date.fromisoformat(d) for d in ctx.case.court.get("closures", []) if isinstance(d, str)]
    return cal.with_closures(closures) if closures else cal


def served(ctx: Context) -> tuple[dt.date, str] | None:
    """When and how the motion was served, if the manifest says both."""
    service = ctx.case.motion.served
    if service is None or service.method is None:
        return None
    return service.date, service.method


def computation(ctx: Context, days: int) -> Computation | None:
    """The last day to serve for ``days`` days' notice; ``None`` when a fact is missing or the method unknown.

    Computed once per folder (``ctx.derived``): NY201, NY202 and NY203 read the same count.
    """
    return ctx.derived(f"newyork:notice:{days}", lambda: _compute(ctx, days))


def _compute(ctx: Context, days: int) -> Computation | None:
    hearing, service = ctx.case.motion.hearing, served(ctx)
    if not facts.is_new_york(ctx) or hearing is None or service is None:
        return None
    try:
        return timecalc.last_day_to_serve(hearing, days, service[1], calendar(ctx))
    except timecalc.UnsupportedService:
        return None  # NY001 says the method is not one CPLR 2103(b) provides


def demanded(ctx: Context) -> bool:
    return facts.extra(ctx.case.motion, "answering_papers_demanded") is True


def _served_text(ctx: Context) -> str:
    service = served(ctx)
    assert service is not None  # computation() returned a result, so service is known
    return f"served {service[0]} by {timecalc.METHOD_WORDS.get(service[1], service[1])}"


@rule(
    "NY201",
    "motion-notice-too-short",
    "error",
    systems=NEW_YORK,
    summary="The New York motion papers were served fewer than 8 days (plus the CPLR 2103(b) days for the way "
    "they were served) before the return date.",
    why="CPLR 2214(b): a notice of motion and supporting affidavits shall be served at least eight days before "
    "the time at which the motion is noticed to be heard. CPLR 2103(b)(2) adds 5 days for service by mail "
    "(6 from outside the state) and 2103(b)(6) one business day for overnight delivery; NYSCEF e-filing "
    "service adds none. Papers mailed 13 days before the return date are timely (Matter of Brillon).",
    authority=[CPLR_2214B, CPLR_2103B2, CPLR_2103B6, NYSCEF, BRILLON, GCL_25A],
    fix="Serve earlier, or move the return date to one that gives the full notice (the message gives the last day "
    "to serve for this return date).",
    fail_example=NY_MOTION + "motion: {kind: compel-further-rfp, hearing: 2024-06-14,\n"
    "         served: {date: 2024-06-04, method: mail}}",
    pass_example=NY_MOTION + "motion: {kind: compel-further-rfp, hearing: 2024-06-14,\n"
    "         served: {date: 2024-05-31, method: mail}}",
    reads=("motion.hearing", "motion.served.date", "motion.served.method"),
    notes="Counts back from the return date (motion.hearing) in calendar days, the day of service excluded. When "
    "the last day to serve falls on a weekend or court holiday, GCL § 25-a may move it to the next business "
    "day; this rule fires only when the papers are late on that reading too (NY202 covers the gap). Applies "
    "to every motion in ny-supreme, not only discovery motions. Orders to show cause (CPLR 2214(d)) set their "
    "own service and are not checked.",
)
def notice_too_short(ctx: Context) -> Iterator[Problem]:
    comp, service = computation(ctx, timecalc.NOTICE_DAYS), served(ctx)
    if comp is None or service is None or service[0] <= comp.latest:
        return
    late = (service[0] - comp.latest).days
    reading = f" ({fmt_date(comp.latest)} on the {timecalc.GCL_25A} reading)" if comp.alternative is not None else ""
    yield Problem(
        f"the motion papers were {_served_text(ctx)}, {late} day{'s' if late != 1 else ''} after the last "
        f"day to serve for the {ctx.case.motion.hearing} return date{reading}: {timecalc.summary(comp)}",
        at=("motion", "served"),
        key="notice",
        data={"computation": comp.explain()},
    )


@rule(
    "NY202",
    "motion-notice-short-unless-rolled",
    "warning",
    systems=NEW_YORK,
    summary="The motion papers were served after the last day CPLR 2214(b) allows, and are timely only if "
    "GCL § 25-a moves that day (a weekend or holiday) to the next business day.",
    why="GCL § 25-a(1) moves a period 'within which or after which or before which' an act is to be done that "
    "ends on a Saturday, Sunday or public holiday to the next business day. Its words reach a period counted "
    "back from the return date, but no decision seen applies it to CPLR 2214(b) notice, and the roll shortens "
    "the other side's notice. Until that is settled, serve by the earlier day.",
    authority=[CPLR_2214B, GCL_25A, GCL_25A_BACKWARD],
    fix="Serve by the last court day on or before the strict date, or choose a later return date.",
    fail_example=NY_MOTION + "motion: {kind: compel-further-rfp, hearing: 2024-06-17,\n"
    "         served: {date: 2024-06-10, method: electronic}}",
    pass_example=NY_MOTION + "motion: {kind: compel-further-rfp, hearing: 2024-06-17,\n"
    "         served: {date: 2024-06-07, method: electronic}}",
    reads=("motion.hearing", "motion.served.date", "motion.served.method"),
    notes="Warning only: the point rests on an unconfirmed reading of GCL § 25-a [U].",
)
def notice_short_unless_rolled(ctx: Context) -> Iterator[Problem]:
    comp = computation(ctx, timecalc.NOTICE_DAYS)
    service = served(ctx)
    if comp is None or service is None or not comp.result < service[0] <= comp.latest:
        return
    yield Problem(
        f"the motion papers were {_served_text(ctx)}, after the strict last day to serve: "
        f"{timecalc.summary(comp)}; they are timely only if {timecalc.GCL_25A} reaches a period counted "
        "back from the return date",
        at=("motion", "served"),
        key="notice-roll",
        data={"computation": comp.explain()},
    )


@rule(
    "NY203",
    "answering-demand-ineffective",
    "warning",
    systems=NEW_YORK,
    summary="The notice of motion demands answering papers 7 days before the return date, but was served fewer "
    "than 16 days (plus the service days) before it, so the demand does not bind.",
    why="CPLR 2214(b): answering affidavits and any cross-motion are due 7 days before the return date only 'if a "
    "notice of motion served at least sixteen days before such time so demands'; otherwise they are due 2 "
    "days before. A mailed motion must be served 21 days ahead for the demand to work, and a cross-motion "
    "served 6 days before was then timely (Zisholtz & Zisholtz v. Mandel, 2d Dept 2018).",
    authority=[CPLR_2214B, CPLR_2103B2, ZISHOLTZ],
    fix="Serve at least 16 days (plus the service days) before the return date, or choose a later return date, "
    "or expect answering papers only 2 days before it.",
    fail_example=NY_MOTION + "motion: {kind: compel-further-rfp, hearing: 2024-06-21,\n"
    "         answering_papers_demanded: true, served: {date: 2024-06-04, method: mail}}",
    pass_example=NY_MOTION + "motion: {kind: compel-further-rfp, hearing: 2024-06-21,\n"
    "         answering_papers_demanded: true, served: {date: 2024-05-31, method: mail}}",
    reads=("motion.answering_papers_demanded", "motion.hearing", "motion.served.date", "motion.served.method"),
    notes="Warning: the motion itself may stand on 8 days' notice (NY201 checks that); what fails is the demand. "
    "When the 16-day last day falls on a weekend or holiday, the GCL § 25-a reading is noted.",
)
def answering_demand_ineffective(ctx: Context) -> Iterator[Problem]:
    if not demanded(ctx):
        return
    comp, service = computation(ctx, timecalc.DEMAND_NOTICE_DAYS), served(ctx)
    if comp is None or service is None or service[0] <= comp.result:
        return
    hearing = ctx.case.motion.hearing
    assert hearing is not None
    due = hearing - dt.timedelta(days=2)
    roll = (
        f" (timely only if {timecalc.GCL_25A} reaches a period counted back from the return date)"
        if service[0] <= comp.latest
        else ""
    )
    yield Problem(
        f"the notice demands answering papers 7 days before the {hearing} return date, but was "
        f"{_served_text(ctx)}, after the last day for that demand{roll}: {timecalc.summary(comp)}; answering "
        f"papers are then due 2 days before, {due}",
        at=("motion", "answering_papers_demanded"),
        key="demand",
        data={"computation": comp.explain()},
    )


def missing(ctx: Context) -> Iterator[Problem]:
    """Facts NY201-NY203 need and the manifest leaves out (reported by NY001)."""
    motion = ctx.case.motion
    if motion.hearing is None:
        yield Problem(
            "NY201 (CPLR 2214(b)) cannot check notice: motion.hearing (the return date) is missing",
            at=("motion",),
            key="NY201:hearing",
        )
    if motion.served is None:
        yield Problem(
            "NY201 (CPLR 2214(b)) cannot check notice: motion.served (date and method) is missing",
            at=("motion",),
            key="NY201:served",
        )
    elif motion.served.method is None:
        yield Problem(
            "NY201 (CPLR 2103(b)) cannot add the service days: motion.served.method is missing",
            at=("motion", "served"),
            key="NY201:method",
        )
    elif motion.served.method not in timecalc.ADDITIONS:
        yield Problem(
            f"NY201 (CPLR 2103(b)) cannot check notice: service by {motion.served.method} is not a method "
            "CPLR 2103(b) provides (mail must be deposited within the United States); state how the "
            "papers were served",
            at=("motion", "served", "method"),
            key="NY201:method",
        )
