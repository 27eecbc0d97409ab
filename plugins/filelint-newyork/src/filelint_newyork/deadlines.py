"""The deadlines ``filelint deadlines`` shows for a ny-supreme motion: the CPLR 2214(b) notice, step by step."""

from __future__ import annotations

import datetime as dt

from filelint import Case
from filelint.courtdays import Computation, CourtCalendar, fmt_date
from filelint.deadlines import Deadline, DeadlineReport, Missing, status_of

from filelint_newyork import timecalc
from filelint_newyork.facts import extra


def _answering_notes(hearing: dt.date, demand_binds: bool) -> tuple[str, ...]:
    """When answering papers and replies fall due (CPLR 2214(b)); shown, not checked."""
    if demand_binds:
        answer = timecalc.days_before(hearing, 7, "answering papers and any cross-motion").result
        reply = timecalc.days_before(hearing, 1, "reply papers").result
        return (
            (
                f"Answering papers and any cross-motion due {fmt_date(answer)} (7 days before the return date, "
                "as the notice demands) [CPLR 2214(b)]"
            ),
            f"Reply papers due {fmt_date(reply)} (1 day before the return date) [CPLR 2214(b)]",
        )
    answer = timecalc.days_before(hearing, 2, "answering papers").result
    return (f"Answering papers due {fmt_date(answer)} (2 days before the return date) [CPLR 2214(b)]",)


def _deadline(
    comp: Computation, kind: str, title: str, act: dt.date, label: str, today: dt.date, notes: tuple[str, ...]
) -> Deadline:
    return Deadline(
        kind=kind,
        title=title,
        computation=comp,
        deadline=comp.result,
        latest=comp.latest,
        act=act,
        act_label=label,
        status=status_of(act, comp.result, comp.latest, today),
        at=("motion", "served"),
        key=kind,
        unsettled=False,
        notes=notes,
    )


def _missing(case: Case) -> list[Missing]:
    motion = case.motion
    out = []
    if motion.hearing is None:
        out.append(Missing("motion.hearing", ("motion",), "the return date: CPLR 2214(b) counts back from it"))
    if motion.served is None or motion.served.method is None:
        out.append(Missing("motion.served", ("motion",), "when and how the papers were served (CPLR 2103(b))"))
    elif motion.served.method not in timecalc.ADDITIONS:
        out.append(
            Missing(
                "motion.served.method",
                ("motion", "served", "method"),
                f"service by {motion.served.method} is not a method CPLR 2103(b) provides",
            )
        )
    return out


def compute(case: Case, cal: CourtCalendar, today: dt.date) -> DeadlineReport:
    """The notice deadline (8 days, and 16 when answering papers are demanded) with its computation."""
    report = DeadlineReport(source="newyork")
    report.missing.extend(_missing(case))
    motion = case.motion
    if report.missing or motion.hearing is None or motion.served is None or motion.served.method is None:
        return report
    hearing, served, method = motion.hearing, motion.served.date, motion.served.method
    label = f"served {served} by {timecalc.METHOD_WORDS.get(method, method)}"
    eight = timecalc.last_day_to_serve(hearing, timecalc.NOTICE_DAYS, method, cal)
    demand = extra(motion, "answering_papers_demanded") is True
    sixteen = timecalc.last_day_to_serve(hearing, timecalc.DEMAND_NOTICE_DAYS, method, cal) if demand else None
    binds = sixteen is not None and served <= sixteen.result
    report.deadlines.append(
        _deadline(
            eight,
            "notice",
            "Notice of motion: 8 days before the return date (CPLR 2214(b), 2103(b))",
            served,
            label,
            today,
            () if demand else _answering_notes(hearing, False),
        )
    )
    if sixteen is not None:
        report.deadlines.append(
            _deadline(
                sixteen,
                "notice-demand",
                "Notice demanding answering papers 7 days ahead: "
                "16 days before the return date (CPLR 2214(b), 2103(b))",
                served,
                label,
                today,
                _answering_notes(hearing, binds),
            )
        )
    return report
