"""Motions to compel initial responses: served too early (CAL304), brought after responses were
served anyway (CAL302), and deemed-admission motions defeated by responses (CAL305).

A motion to compel initial responses lies when a party "fails to serve a timely response" (CCP
2030.290, 2031.300; for admissions 2033.280). Late responses are still responses: late service
waives objections (CCP 2030.290(a), 2031.300(a), 2033.280(a)) but does not make them a nullity, so
a motion brought after them is at risk (courts treat it as moot, or as a further-response motion
with that motion's prerequisites). Only CAL301 errs, where a response was on time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from filelint import DEVICE_LABEL, Authority, Case, Context, Discovery, Problem, Response, rule
from filelint.courtdays import CourtCalendar, fmt_date
from filelint.packs.california.deposition import premature as deposition_premature
from filelint.packs.california.motion_kind import (
    FURTHER_STATUTE,
    RESPONSE_DAYS,
    ResponseDue,
    counts_as_response,
    response_days,
    response_deadline,
    response_due,
)
from filelint.packs.california.scope import CALIFORNIA, attacks_content, is_california

WAIVER = {"srog": "CCP 2030.290(a)", "frog": "CCP 2030.290(a)", "rfp": "CCP 2031.300(a)", "rfa": "CCP 2033.280(a)"}
HENRY = (
    "SF Super. Ct. Dept 302, Henry v. Young, CGC24612458, July 17, 2025, granted a motion to "
    "compel after late objections alone"
)
SUBSTANTIVE = frozenset({"substantive", "hybrid", "compliance-full", "compliance-partial", "inability"})


def _applies(case: Case) -> bool:
    return is_california(case) and case.motion.is_initial and case.motion.device is not None


def _made(case: Case) -> dt.date | None:
    return case.motion.filed or (case.motion.served.date if case.motion.served else None)


def _served_before_motion(case: Case) -> list[Response]:
    made = _made(case)
    return [
        r
        for r in case.responses
        if r.device == case.motion.device
        and r.kind not in (None, "none")
        and r.served is not None
        and (made is None or r.served <= made)
    ]


def _on_time(case: Case, resp: Response, cal: CourtCalendar | None) -> bool:
    """CAL301's case: a response that counts, served by its due date."""
    if cal is None or not counts_as_response(resp) or resp.served is None:
        return False
    due = response_due(case, resp, cal)
    return due is not None and resp.served <= due[1]  # the legal last day, as CAL301 reads it


@rule(
    "CAL302",
    "initial-motion-after-responses",
    "warning",
    systems=CALIFORNIA,
    summary="A motion to compel initial responses comes after the other side served responses, "
    "even if late or unverified.",
    why="Late responses are responses: late service waives the objections (CCP 2030.290(a), "
    "2031.300(a), 2033.280(a)) but does not make the response a nullity. Courts then treat a "
    "motion to compel initial responses as moot, or as a motion to compel further responses, "
    "which needs a meet and confer, a separate statement and its 45 days. One court treated "
    "late objections alone as no response at all (SF Dept 302, CGC24612458, July 17, 2025); "
    "no confirmed authority says that of substantive responses.",
    authority=[
        Authority("CCP §§ 2030.290(a), 2031.300(a), 2033.280(a)"),
        Authority(
            "Sinaiko Healthcare Consulting, Inc. v. Pacific Healthcare Consultants "
            "(2007) 148 Cal.App.4th 390, 403-404, 411"
        ),
    ],
    fix="If the motion disputes what the responses say, bring it as a motion to compel further "
    "responses (mark motion.attacks_responses: true to check its prerequisites); if only the "
    "waived objections remain at issue, say so in the motion.",
    fail_example="motion: {kind: compel-initial-responses, device: srog, filed: 2025-06-20}\n"
    "discovery:\n  - {device: srog, set: 1, served: 2025-05-05, method: electronic}\n"
    "responses:\n  - {device: srog, set: 1, kind: substantive, verified: true, "
    "served: 2025-06-13}",
    pass_example="motion: {kind: compel-initial-responses, device: srog, filed: 2025-06-20}\n"
    "discovery:\n  - {device: srog, set: 1, served: 2025-05-05, method: electronic}\n"
    "responses: []",
    reads=("motion.kind", "motion.device", "motion.filed", "motion.attacks_responses", "responses[]", "discovery[]"),
    notes="A warning: courts differ on what such a motion may still do, and only a [C] authority "
    "could make a served response count as none. Not reported where CAL301 reports an error "
    "(a response that counts and was on time), nor where the manifest marks the motion "
    "motion.attacks_responses: true (then the further-response rules apply). Responses "
    "served after the motion was made are left out.",
)
def initial_after_responses(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not _applies(case) or attacks_content(case):
        return
    cal = ctx.calendar()
    for resp in _served_before_motion(case):
        if _on_time(case, resp, cal):
            continue
        yield Problem(
            _after_message(case, resp), at=(*resp.at, "served"), key=f"served:{resp.device}:{resp.set}:{resp.served}"
        )


def _after_message(case: Case, resp: Response) -> str:
    device = resp.device
    unverified = "unverified " if resp.kind in SUBSTANTIVE and resp.verified is not True else ""
    what = f"{unverified}{resp.kind} response"
    article = "an" if what[0] in "aeiou" else "a"
    text = (
        f"{article} {what} to {DEVICE_LABEL[device]} set {resp.set or '?'} was served "
        f"{resp.served}, before the motion to compel initial responses; late service waives its "
        f"objections ({WAIVER.get(device, 'CCP 2030.290(a), 2031.300(a)')}) but it is still a "
        "response, so the motion is at risk of being moot or treated as one to compel further "
        f"responses ({FURTHER_STATUTE.get(device, 'CCP 2030.300, 2031.310')}: meet and confer, "
        "separate statement, 45 days)"
    )
    if resp.kind == "objections-only":
        text += f" ({HENRY})"
    return text + "; if the motion attacks what the responses say, set motion.attacks_responses: true"


def _how(case: Case, disc: Discovery) -> str:
    if disc.response_due_extended_to is not None:
        return "the response date as extended"
    days, statute = response_days(case)
    where = (
        f" in an unlawful detainer action ({statute.removesuffix(' (unlawful detainer)')})"
        if days != RESPONSE_DAYS
        else ""
    )
    return f"{days} days from {disc.method} service on {disc.served}{where}, extended"


def _set_due(case: Case, disc: Discovery, cal: CourtCalendar) -> ResponseDue | None:
    """The last day to respond: the written extension, else 30 days plus the service extension,
    on each reading (``henry``: roll first where the order of steps is unsettled; ``legal``: past a
    CCP 10 holiday as well, CCP 2016.060)."""
    return response_deadline(case, disc, cal)


@rule(
    "CAL304",
    "initial-motion-premature",
    "error",
    systems=CALIFORNIA,
    summary="A motion to compel initial responses was made on or before the last day to respond, "
    "or a motion to compel a party deponent's attendance (CCP 2025.450) before the date set for "
    "the deposition.",
    why="Both motions lie only on a failure. A motion to compel initial responses lies when the "
    "party 'fails to serve a timely response' (CCP 2030.290, 2031.300; 2033.280 for admissions); "
    "a motion under CCP 2025.450(a) when the deponent, 'without having served a valid objection "
    "under Section 2025.410, fails to appear for examination, or to proceed with it, or to "
    "produce'. Before the time to respond has run, or before the deposition date, there is no "
    "failure, and the motion is premature.",
    authority=[
        Authority("CCP §§ 2030.290, 2031.300"),
        Authority("CCP § 2033.280", "S"),
        Authority("CCP §§ 2030.260, 2031.260, 2033.250", "S", "30 days to respond"),
        Authority("CCP § 2031.260(b)", "C", "unlawful detainer: at least five days from service to respond"),
        Authority("CCP §§ 2030.260(b), 2033.250(b)", "S", "unlawful detainer: five days to respond"),
        Authority("CCP § 2025.450(a)", "C", "a failure to appear, proceed or produce without a valid objection"),
        Authority("CCP § 2025.410(a)", "C", "objections at least three calendar days before the deposition"),
        Authority("CCP § 2025.410(b)", "C", "objections made three calendar days before: personal service"),
    ],
    fix="Wait until the day after the last day to respond (30 days from service, 5 in an unlawful "
    "detainer action, plus the service extension, or the date agreed in writing), or until the "
    "deposition date has passed, then move.",
    fail_example="motion: {kind: compel-initial-responses, device: frog, filed: 2025-06-05}\n"
    "discovery:\n  - {device: frog, set: 2, served: 2025-05-05, method: electronic}",
    pass_example="motion: {kind: compel-initial-responses, device: frog, filed: 2025-06-17}\n"
    "discovery:\n  - {device: frog, set: 2, served: 2025-05-05, method: electronic}",
    reads=(
        "motion.filed",
        "motion.served",
        "discovery[].served",
        "discovery[].method",
        "discovery[].response_due_extended_to",
        "case.type",
        "motion.deposition.statute",
        "motion.deposition.date",
        "motion.deposition.objections_served",
        "motion.deposition.objections_method",
    ),
    notes="Counted to the later reading where e-service meets a non-court day (roll, then add), the "
    "legal last day (Henry v. Young, S.F. Super. Ct. No. CGC24612458, Dept. 302, July 11, 2025). "
    "Where the last day to respond is a CCP 10 holiday on which courts are open (Columbus Day, "
    "Admission Day, Lunar New Year, Genocide Remembrance Day, a day the President appoints), CCP "
    "2016.060 extends it to the next court day; a motion made on that later day is premature only "
    "under CCP 10's list, so a warning (e.g. special interrogatories mailed Mon 2025-09-08: the last "
    "day counted with the judicial holidays is Mon 2025-10-13, Columbus Day; a motion made Tue "
    "10-14 is a warning, one made Wed 10-15 is not reported). A response date agreed in writing "
    "(discovery[].response_due_extended_to) that falls on a Saturday, Sunday or holiday runs to the next "
    "court day the same way. In an unlawful detainer action (case.type: unlawful-detainer) the "
    "time to respond is five days from service, not 30 (CCP 2030.260(b), 2031.260(b), 2033.250(b)); "
    "CAL301 counts the same way. Without the service of the discovery "
    "(discovery[] for the device, with served and method) the motion cannot be checked and "
    "CAL490 says so: an initial-response motion must show that the discovery was served. "
    "Deposition motions (motion.deposition.statute: 2025.450): made before "
    'motion.deposition.date is an error (e.g. `deposition: {statute: "2025.450", date: '
    "2023-04-19}` with `filed: 2023-03-16`); a motion on or after the date, when the deponent "
    "served written objections at least 3 calendar days before it (CCP 2025.410(a): "
    "motion.deposition.objections_served), is a warning: the motion then lies only if the "
    "objection was not valid, which the court decides (Arriaga v. American Honda Motor Co., L.A. "
    "Super. Ct. No. 22STCV00253, Dept. 55, Dec. 5, 2024: timely objections said the witness "
    "would not appear on the unilaterally noticed date; the motion was denied without prejudice). "
    "Objections served later than that do not bar the motion and are not reported, nor are objections "
    "made on the third calendar day before the deposition and served otherwise than personally "
    "(motion.deposition.objections_method): CCP 2025.410(b) requires personal service then (Ganis v. "
    "City of Los Angeles, L.A. Super. Ct. No. 23STCV14815, Dept. 27, Nov. 12, 2024: objections e-served "
    "three days before the deposition were untimely; the motion was granted).",
)
def initial_premature(ctx: Context) -> Iterator[Problem]:
    case, cal = ctx.case, ctx.calendar()
    made = _made(case)
    yield from deposition_premature(case, made)
    if not _applies(case) or cal is None or made is None:
        return
    for disc in case.discovery:
        if disc.device != case.motion.device:
            continue
        due = _set_due(case, disc, cal)
        if due is None or made > due.legal:
            continue
        what = f"the motion was made {made}, but the {DEVICE_LABEL[disc.device]} set {disc.set or '?'}"
        if made <= due.henry:
            yield Problem(
                f"{what} could still be answered until {fmt_date(due.henry)} "
                f"({_how(case, disc)}); a motion to compel initial responses lies only after the time "
                "to respond has run",
                at=(*disc.at, "served"),
                key=f"premature:{disc.set}",
            )
            continue
        # Premature only with CCP 2016.060's extension (a CCP 10 holiday, or an agreed date on a non-court
        # day); read without it the time had run: a warning.
        yield Problem(
            f"{what} could still be answered until {fmt_date(due.legal)}: {fmt_date(due.henry)} is "
            f"{due.reason}, and CCP 2016.060 extends a Discovery Act time limit ending on such a day to the "
            f"next court day ({_how(case, disc)}); a motion to compel initial responses lies only after the "
            "time to respond has run, so move after that day",
            at=(*disc.at, "served"),
            key=f"premature:{disc.set}",
            confidence="U",
        )


@rule(
    "CAL305",
    "deemed-admissions-defeated",
    "error",
    systems=CALIFORNIA,
    summary="A motion to deem requests for admission admitted, where verified responses were served "
    "before the hearing.",
    why="CCP 2033.280(c): the court 'shall' deem the matters admitted 'unless it finds that the "
    "party ... has served, before the hearing on the motion, a proposed response ... that is in "
    "substantial compliance with Section 2033.220'; sanctions against the late party remain "
    "mandatory. St. Mary v. Superior Court (2014) 223 Cal.App.4th 762: substantially "
    "compliant responses served before the hearing defeat the motion. SF Dept 302, Henry v. "
    "Young, CGC24612458 (July 17, 2025): RFA responses served June 18, 2025, before the July 17 "
    "hearing, defeated the motion; sanctions were awarded.",
    authority=[
        Authority("CCP § 2033.280(c)", "S", "text as quoted in St. Mary and trial-court rulings"),
        Authority("St. Mary v. Superior Court (2014) 223 Cal.App.4th 762, 776", "S"),
    ],
    fix="Ask for sanctions only (CCP 2033.280(c)), or, if the responses are not in substantial "
    "compliance with CCP 2033.220, say why in a reply.",
    fail_example="motion: {kind: compel-initial-responses, device: rfa, hearing: 2025-07-17}\n"
    "responses:\n  - {device: rfa, set: 1, kind: substantive, verified: true, "
    "served: 2025-06-18}",
    pass_example="motion: {kind: compel-initial-responses, device: rfa, hearing: 2025-07-17}\nresponses: []",
    reads=("motion.kind", "motion.device", "motion.hearing", "responses[]"),
    notes="Verified substantive or hybrid responses are taken to be in substantial compliance; "
    "objections alone, or unverified answers, are not counted (they are no proposed "
    "response under CCP 2033.220/2033.240), and CAL302 reports them instead. Responses served on "
    "the hearing day count only if served before the hearing, an hour the manifest does not hold: "
    "a warning.",
)
def deemed_admissions_defeated(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not _applies(case) or case.motion.device != "rfa":
        return
    hearing = case.motion.hearing
    for resp in case.responses:
        if resp.device != "rfa" or resp.kind not in ("substantive", "hybrid") or resp.verified is not True:
            continue
        if resp.served is None or (hearing is not None and resp.served > hearing):
            continue
        if hearing is not None and resp.served == hearing:
            # "before the hearing": on the hearing day it depends on the hour, which the manifest
            # does not hold, so the finding rests on an unknown fact (a warning, never an error).
            yield Problem(
                f"verified responses to the requests for admission (set {resp.set or '?'}) were served "
                f"{resp.served}, the day of the hearing; if they were served before the hearing began, the "
                "court may not deem the matters admitted unless they are not in substantial compliance "
                "(CCP 2033.280(c)), and only sanctions remain",
                at=(*resp.at, "served"),
                key=f"rfa:{resp.set}",
                confidence="U",
            )
            continue
        yield Problem(
            f"verified responses to the requests for admission (set {resp.set or '?'}) were "
            f"served {resp.served}, before the hearing"
            f"{f' on {hearing}' if hearing else ''}; unless they are not in substantial "
            "compliance, the court may not deem the matters admitted (CCP 2033.280(c)); "
            "only sanctions remain",
            at=(*resp.at, "served"),
            key=f"rfa:{resp.set}",
        )


def missing_facts(case: Case) -> Iterator[Problem]:
    """An initial-response motion must show the discovery was served (reported by CAL490)."""
    if not _applies(case) or case.motion.device is None:
        return
    if not any(d.device == case.motion.device for d in case.discovery):
        yield Problem(
            f"no {DEVICE_LABEL[case.motion.device]} discovery is recorded (discovery[] "
            "with served and method), so CAL304 cannot check that the time to respond had "
            "run; the motion must show the discovery was served",
            at=("motion", "device"),
            key="initial:discovery",
        )


RULES = (initial_after_responses, initial_premature, deemed_admissions_defeated)
