"""C.D. Cal. L.R. 37-1 (the pre-filing letter and conference) and 37-2 (the joint stipulation)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from filelint import Authority, Context, Problem, rule
from filelint.courtdays import Computation

from filelint_federal import facts, timecalc
from filelint_federal.facts import FEDERAL

LR_37_1 = Authority(
    "C.D. Cal. L.R. 37-1", "C", "2010 text; the current wording (e.g. video conferences) is unconfirmed"
)
LR_37_2 = Authority("C.D. Cal. L.R. 37-2, 37-2.1")
FRCP_6 = Authority("FRCP 6(a)(1), 6(d)")
LETTER = "cdca_letter"
LETTER_PARTS = {
    "names_each_issue": "identify each issue and/or request in dispute",
    "states_positions": "state the moving party's position on each issue, with its authority",
    "order_terms": "specify the terms of the discovery order sought",
}


def applies(ctx: Context) -> bool:
    return facts.is_federal(ctx) and facts.district(ctx) == "cdcal" and facts.is_discovery_motion(ctx)


def _letter(ctx: Context) -> dict[str, Any] | None:
    return facts.sub(ctx, LETTER)


@rule(
    "FED201",
    "cdca-letter-deficient",
    "error",
    systems=FEDERAL,
    summary="C.D. Cal.: no L.R. 37-1 letter requesting a conference before the discovery motion, or the "
    "letter does not identify each issue, state the movant's position, or specify the order sought.",
    why="L.R. 37-1 makes moving counsel arrange the pre-filing conference by a letter that identifies each "
    "issue and/or request in dispute, states the moving party's position on each with its authority, and "
    "specifies the terms of the order sought. Magistrate judges deny or strike motions that skip it.",
    authority=[LR_37_1],
    fix="Serve a letter naming every request in dispute with your position and the order you want, record it "
    "as federal: {cdca_letter: {date: ..., served: {date: ..., method: ...}, names_each_issue: true, "
    "states_positions: true, order_terms: true}}.",
    fail_example="court: {system: federal, federal_district: C.D. Cal.}\nfederal:\n"
    "  cdca_letter: {date: 2024-03-01, names_each_issue: false}",
    pass_example="court: {system: federal, federal_district: C.D. Cal.}\nfederal:\n"
    "  cdca_letter: {date: 2024-03-01, served: {date: 2024-03-01, method: electronic},\n"
    "                names_each_issue: true, states_positions: true, order_terms: true}",
    reads=("court.federal_district", "motion.kind", "motion.filed", "federal.cdca_letter"),
    notes="Checks the letter's existence, date and the three contents the 2010 text of L.R. 37-1 requires, as "
    "the manifest states them (true/false). The rule's current wording is unconfirmed; the parts checked "
    "here are in the 2010 text. Many C.D. Cal. magistrate judges replace the procedure by a telephonic "
    "conference under their own procedures: waive the finding with that reason.",
)
def cdca_letter(ctx: Context) -> Iterator[Problem]:
    if not applies(ctx):
        return
    letter = _letter(ctx)
    if letter is None:
        yield Problem(
            f"{facts.motion_label(ctx)} is a C.D. Cal. discovery motion, but the manifest records no "
            "L.R. 37-1 letter requesting a pre-filing conference (federal.cdca_letter)",
            at=("motion", "kind"),
            key="letter",
        )
        return
    sent, filed = facts.date_of(letter.get("date")), ctx.case.motion.filed
    if sent and filed and sent > filed:
        yield Problem(
            f"the L.R. 37-1 letter of {sent} came after the motion was filed ({filed})",
            at=(facts.SECTION, LETTER, "date"),
            key="letter-late",
        )
    for field, duty in LETTER_PARTS.items():
        if letter.get(field) is False:
            yield Problem(
                f"the L.R. 37-1 letter of {sent or 'unknown date'} does not {duty}",
                at=(facts.SECTION, LETTER, field),
                key=field,
            )


def _letter_service(letter: dict[str, Any]) -> tuple[Any, str | None]:
    served = letter.get("served")
    if not isinstance(served, dict):
        served = {}
    return facts.date_of(served.get("date")) or facts.date_of(letter.get("date")), served.get("method")


@rule(
    "FED202",
    "cdca-conference-not-within-10-days",
    "error",
    systems=FEDERAL,
    summary="C.D. Cal.: no conference was held within 10 days after the L.R. 37-1 letter was served, and no "
    "refusal to confer is recorded.",
    why="Under L.R. 37-1 opposing counsel must confer within 10 days after the moving party serves the letter. "
    "A motion filed without that conference (or a record that the other side failed to confer) does not "
    "comply. The 10 days are counted under FRCP 6(a)(1), plus 3 days under FRCP 6(d) when the letter was "
    "mailed; electronic service adds nothing.",
    authority=[LR_37_1, FRCP_6],
    fix="Hold the conference (phone, video or in person) within the 10 days and record it under meet_and_confer; "
    "if the other side would not confer, record federal: {cdca_opponent_failed_to_confer: true} and "
    "document the refusal in a declaration.",
    fail_example="federal:\n  cdca_letter: {date: 2024-03-01, served: {date: 2024-03-01, method: mail}}\n"
    "meet_and_confer:\n  - {id: m2, date: 2024-03-25, from: moving, channel: phone}",
    pass_example="federal:\n  cdca_letter: {date: 2024-03-01, served: {date: 2024-03-01, method: mail}}\n"
    "meet_and_confer:\n  - {id: m2, date: 2024-03-12, from: moving, channel: phone}",
    reads=(
        "federal.cdca_letter.served",
        "meet_and_confer[].date",
        "meet_and_confer[].channel",
        "motion.filed",
        "federal.cdca_opponent_failed_to_confer",
    ),
    notes="Counts phone, video and in-person entries as a conference (letters and emails are not). With the "
    "letter's service method not stated, the 10 days are counted both without and with the 3 days of FRCP 6(d): "
    "a conference between the two last days is a warning asking for the method, one after both an error. "
    "Whether the "
    "current rule still requires in-person conferences where both counsel are in one county is unconfirmed "
    "and not checked. Overnight service is treated as 'other means consented to' (3 days added); fax is "
    "an electronic means and adds nothing since the 2016 amendment of FRCP 6(d). California's state "
    "holidays (Cesar Chavez Day, Lincoln Day ...) end no period (FRCP 6(a)(6)(C)).",
)
def cdca_conference_window(ctx: Context) -> Iterator[Problem]:
    if not applies(ctx) or facts.section(ctx).get("cdca_opponent_failed_to_confer") is True:
        return
    letter = _letter(ctx)
    if letter is None:
        return  # FED201 reports the missing letter
    served, method = _letter_service(letter)
    if served is None:
        return  # FED001 asks for the date
    comp = timecalc.days_after(
        served,
        10,
        ctx.calendar(),
        trigger_event="L.R. 37-1 letter served",
        served_by=method or "electronic",
        state=facts.state_calendar(ctx),
    )
    live = [c for c in facts.live_before_filing(ctx) if c.date >= served]
    if any(c.date <= comp.result for c in live):
        return
    later = mailed_reading(ctx, served) if method is None else None
    timely = [c for c in live if later is not None and c.date <= later.result]
    if later is not None and timely:
        first = timely[0]
        yield Problem(
            f"L.R. 37-1 requires the conference within 10 days after the letter served {served}; the service "
            f"method is not stated (federal.cdca_letter.served.method). The first conference after it ({first.id}, "
            f"{first.channel}, {first.date}) is late if the letter was served electronically or by hand (last day "
            f"{timecalc.summary(comp)}) but on time if it was mailed, left with the clerk or sent by other consented "
            f"means, which add 3 days under FRCP 6(d) (last day {timecalc.summary(later)})",
            at=first.at,
            key="conference-window",
            data={"computation": comp.explain()},
            confidence="U",
        )
        return
    if live:
        first = live[0]
        what = f"the first conference after it ({first.id}, {first.channel}, {first.date}) came too late"
        at: tuple[str | int, ...] = first.at
    else:
        what = "no conference (phone, video or in person) is recorded after it before filing"
        at = (facts.SECTION, LETTER)
    yield Problem(
        f"L.R. 37-1 requires the conference within 10 days after the letter served {served} by "
        f"{_method_words(method)}; {what}. Last day "
        f"{timecalc.summary(comp)}",
        at=at,
        key="conference-window",
        data={"computation": comp.explain()},
    )


def mailed_reading(ctx: Context, served: dt.date) -> Computation:
    """The 10 days counted as if the letter was mailed (FRCP 6(d): 3 days added): the latest any
    service method gives, for a letter whose method is not stated."""
    return timecalc.days_after(
        served,
        10,
        ctx.calendar(),
        trigger_event="L.R. 37-1 letter served",
        served_by="mail",
        state=facts.state_calendar(ctx),
    )


def _method_words(method: str | None) -> str:
    if method is None:
        return "an unstated method (counted as electronic service, which adds no days)"
    return {"electronic": "electronic service", "personal": "personal service"}.get(method, method)


@rule(
    "FED203",
    "cdca-joint-stipulation-missing",
    "error",
    systems=FEDERAL,
    summary="C.D. Cal.: the discovery motion is not presented as a joint stipulation signed by both counsel.",
    why="If the conference does not resolve the dispute, L.R. 37-2 and 37-2.1 require the parties to set out "
    "the dispute in one written stipulation, signed by both counsel and filed and served with the notice "
    "of motion, holding every issue with each side's contentions and authorities.",
    authority=[LR_37_2],
    fix="Prepare the joint stipulation, list it under papers with role: joint-stipulation, and record "
    "federal: {joint_stipulation: {signed_by_both: true}}; if the judge's procedures replace it, waive this "
    "finding naming the procedure, or record federal: {joint_stipulation: {excused_by: ...}}.",
    fail_example="court: {system: federal, federal_district: C.D. Cal.}\npapers:\n  - {role: notice, path: notice.pdf}",
    pass_example="court: {system: federal, federal_district: C.D. Cal.}\npapers:\n"
    "  - {role: notice, path: notice.pdf}\n  - {role: joint-stipulation, path: joint-stip.pdf}\n"
    "federal:\n  joint_stipulation: {signed_by_both: true}",
    reads=("papers[].role", "federal.joint_stipulation"),
    notes="Checks presence and the two signatures only. The exchange deadlines of L.R. 37-2.2 to 37-2.4 (days "
    "to return the opposing portion, the supplemental memorandum, the declaration when the other side "
    "does not cooperate) are unconfirmed and deliberately left out.",
)
def cdca_joint_stipulation(ctx: Context) -> Iterator[Problem]:
    if not applies(ctx):
        return
    stip = facts.sub(ctx, "joint_stipulation") or {}
    if stip.get("excused_by"):
        return
    if stip.get("present") is not True and not ctx.case.papers_with_role("joint-stipulation"):
        yield Problem(
            f"{facts.motion_label(ctx)} is a C.D. Cal. discovery motion, but no joint stipulation "
            "(L.R. 37-2) is among its papers",
            at=("papers",) if ctx.case.papers else ("motion", "kind"),
            key="joint-stipulation",
        )
    elif stip.get("signed_by_both") is False:
        yield Problem(
            "the joint stipulation is not signed by both counsel (L.R. 37-2.1: one document signed by both)",
            at=(facts.SECTION, "joint_stipulation", "signed_by_both"),
            key="signatures",
        )


def missing(ctx: Context) -> Iterator[Problem]:
    """Facts FED201/FED202 need and the manifest leaves out (reported by FED001)."""
    if not applies(ctx):
        return
    letter = _letter(ctx)
    if letter is None:
        return
    if "names_each_issue" not in letter:
        yield Problem(
            "FED201 (C.D. Cal. L.R. 37-1) cannot tell whether the letter identifies each issue in "
            "dispute: add federal.cdca_letter.names_each_issue",
            at=(facts.SECTION, LETTER),
            key="FED201:names_each_issue",
        )
    if _letter_service(letter)[0] is None:
        yield Problem(
            "FED202 (C.D. Cal. L.R. 37-1, 10 days) cannot count the days: the letter's date or "
            "service date is missing (federal.cdca_letter.served)",
            at=(facts.SECTION, LETTER),
            key="FED202:served",
        )
