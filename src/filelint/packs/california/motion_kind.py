"""Does the motion fit the state of the responses? (CAL301)

Three mismatches, each from a statute: a full statement of compliance is enforced by a motion to
compel compliance (CCP 2031.320), not further responses; no response at all calls for a motion to
compel initial responses (CCP 2030.290, 2031.300); a timely, verified (or objection-only) response
calls for a motion to compel further responses, not initial ones. A late objection-only paper does
not count as a response (Henry v. Young, S.F. Super. Ct. No. CGC24612458, Dept. 302, July 17, 2025).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from filelint import (
    DEVICE_LABEL,
    FURTHER_KINDS,
    KIND_DEVICE,
    Authority,
    Case,
    Context,
    Discovery,
    Problem,
    Req,
    Response,
    format_requests,
    rule,
)
from filelint.courtdays import CourtCalendar, fmt_date
from filelint.packs.california.deadline_calc import ccp10_for_case, extend_agreed_date, unlawful_detainer
from filelint.packs.california.scope import CALIFORNIA, is_california
from filelint.packs.california.timecalc import deadline_after_service, extend_discovery_limit
from filelint.packs.california.triggers import ResponseIndex

SINAIKO = Authority(
    "Sinaiko Healthcare Consulting, Inc. v. Pacific Healthcare Consultants (2007) 148 Cal.App.4th 390, 403-404"
)
INITIAL_STATUTE = {"srog": "CCP 2030.290", "frog": "CCP 2030.290", "rfp": "CCP 2031.300", "rfa": "CCP 2033.280"}
FURTHER_STATUTE = {"srog": "CCP 2030.300", "frog": "CCP 2030.300", "rfp": "CCP 2031.310", "rfa": "CCP 2033.290"}
RESPONSE_DAYS = 30  # CCP 2030.260(a), 2031.260(a), 2033.250(a)
#: In an unlawful detainer action: five days from service (CCP 2030.260(b), 2031.260(b), 2033.250(b)).
UD_RESPONSE_DAYS = 5


def response_days(case: Case) -> tuple[int, str]:
    """The days to respond to written discovery and the statutes setting them."""
    if unlawful_detainer(case):
        return UD_RESPONSE_DAYS, "CCP 2030.260(b), 2031.260(b), 2033.250(b) (unlawful detainer)"
    return RESPONSE_DAYS, "CCP 2030.260, 2031.260, 2033.250"


KIND_WORDS = {
    "objections-only": "an objection-only",
    "substantive": "a verified substantive",
    "hybrid": "a verified",
    "inability": "a verified",
    "compliance-full": "a verified",
    "compliance-partial": "a verified",
}


def _further_kinds(case: Case) -> tuple[str, ...]:
    return tuple(k for k in (case.motion.kind, *case.motion.also_kinds) if k in FURTHER_KINDS)


def _cutoff(case: Case) -> dt.date | None:
    """Responses served after the motion was made cannot make it the wrong motion."""
    return case.motion.filed or (case.motion.served.date if case.motion.served else None)


def _before(case: Case, responses: list[Response]) -> list[Response]:
    cutoff = _cutoff(case)
    return [r for r in responses if cutoff is None or r.served is None or r.served <= cutoff]


@rule(
    "CAL301",
    "wrong-motion",
    "error",
    systems=CALIFORNIA,
    summary="The kind of motion does not fit the responses: a full statement of compliance, no "
    "response at all, or a timely response to a motion to compel initial responses.",
    why="Each situation has its own statute and its own requirements. A party that served a "
    "full statement of compliance but did not produce is compelled to comply (CCP "
    "2031.320), not to respond further; where nothing was served, the motion is to compel "
    "responses (CCP 2030.290, 2031.300), which needs no meet and confer (Sinaiko); a timely "
    "response must be attacked by a motion to compel further responses within 45 days. The "
    "wrong motion is denied or must be re-noticed.",
    authority=[
        Authority("CCP § 2031.320"),
        Authority("CCP §§ 2030.290, 2031.300"),
        Authority("CCP §§ 2030.300, 2031.310, 2033.290"),
        SINAIKO,
    ],
    fix="Bring the motion the responses call for, or correct the response kinds in the manifest.",
    fail_example="motion: {kind: compel-further-rfp}\nresponses:\n"
    "  - {device: rfp, set: 1, kind: compliance-full, served: 2025-04-07}",
    pass_example="motion: {kind: compel-compliance-rfp}\nresponses:\n"
    "  - {device: rfp, set: 1, kind: compliance-full, served: 2025-04-07}",
    reads=(
        "motion.kind",
        "motion.also_kinds",
        "motion.device",
        "motion.requests_at_issue",
        "motion.filed",
        "responses[]",
        "discovery[]",
        "case.type",
    ),
    notes="Responses served after the motion was filed are ignored. For a motion to compel "
    "initial responses, a response counts only if it was served on or before the response "
    "deadline (discovery.served + 30 days + the service extension, 5 days in an unlawful "
    "detainer action (case.type; CCP 2030.260(b), 2031.260(b), 2033.250(b)), or "
    "response_due_extended_to) and was verified or objection-only: late objections are "
    "waived and 'did not amount to any response' (Henry v. Young, S.F. Super. Ct. No. "
    "CGC24612458, Dept. 302, July 17, 2025), and unverified substantive "
    "responses are treated as none [S: CCP 2030.250, 2031.250 as cited in tentatives]. "
    "Where an e-served period ends on a non-court day, the legal last day rolls to the next "
    "court day before the 2 court days are added (Henry v. Young, S.F. Super. Ct. No. "
    "CGC24612458, Dept. 302, July 11, 2025 [S]); a response served after the earlier date "
    "but by the legal one is likely timely, so a motion to compel initial responses resting on "
    "the earlier date gets a warning. E-service on a non-court day counts from the next court "
    "day (CCP 1010.6). A last day to respond that is a CCP 10 holiday on which courts are open "
    "(Columbus Day, Admission Day, Lunar New Year, Genocide Remembrance Day, a day the President "
    "appoints) is extended to the next court day (CCP 2016.060): a response served on that day "
    "is likely timely, and the motion gets a warning too (e.g. RFAs mailed Mon 2025-09-08 are due "
    "Mon 2025-10-13, Columbus Day, extended to Tue 10-14). In an unlawful detainer action "
    "(case.type: unlawful-detainer) the time to respond is 5 days from service (CCP 2030.260(b), "
    "2031.260(b), 2033.250(b)), plus the service extension.",
)
def wrong_motion(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case):
        return
    for kind in _further_kinds(case):
        yield from _further_problems(case, kind)
    if case.motion.is_initial:
        yield from _initial_problems(case, ctx.calendar())


def _further_problems(case: Case, kind: str) -> Iterator[Problem]:
    device = KIND_DEVICE[kind]
    stated = _before(case, [r for r in case.responses if r.device == device])
    if stated and all(r.kind == "none" for r in stated):
        yield Problem(
            f"the manifest records no response to the {DEVICE_LABEL[device]} requests "
            f"(kind: none), so {kind} is the wrong motion: move to compel initial "
            f"responses ({INITIAL_STATUTE.get(device, 'CCP 2030.290, 2031.300')})",
            at=stated[0].at,
            key=f"no-response:{device}",
        )
        return
    if device == "rfp":
        yield from _compliance_full(case, stated)


def _compliance_full(case: Case, stated: list[Response]) -> Iterator[Problem]:
    reqs = [r for r in case.motion.requests if r.device == "rfp"]
    if reqs:
        index = ResponseIndex(stated)
        full = [q for q in reqs if _latest_kind(index, q) == "compliance-full"]
        if full:
            yield Problem(
                f"the response to {format_requests(full)} was a full statement of "
                "compliance; enforce it with a motion to compel compliance (CCP "
                "2031.320), not further responses",
                at=("motion", "requests_at_issue"),
                requests=tuple(q.number for q in full),
                key="compliance-full",
            )
        return
    if stated and all(r.kind == "compliance-full" and not r.items for r in stated):
        yield Problem(
            "every response to the requests was a full statement of compliance; enforce "
            "it with a motion to compel compliance (CCP 2031.320), not further responses",
            at=stated[0].at,
            key="compliance-full",
        )


def _latest_kind(index: ResponseIndex, req: Req) -> str | None:
    covering = [r for _, r in index.covering(req.device, req)]
    covering.sort(key=lambda r: r.served or dt.date.min)
    return covering[-1].kind_for(req) if covering else None


def _initial_problems(case: Case, cal: CourtCalendar | None) -> Iterator[Problem]:
    device = case.motion.device
    if device is None or cal is None:
        return
    for resp in _before(case, [r for r in case.responses if r.device == device]):
        if not counts_as_response(resp) or resp.served is None:
            continue
        due = response_due(case, resp, cal)
        if due is None or resp.served > due[1]:
            continue
        what = (
            f"{KIND_WORDS.get(resp.kind or '', 'a')} response to {DEVICE_LABEL[device]} set "
            f"{resp.set or '?'} was served {resp.served}"
        )
        further = (
            f"a timely response is attacked by a motion to compel further responses "
            f"({FURTHER_STATUTE.get(device, 'CCP 2030.300, 2031.310')}), not initial ones"
        )
        if resp.served <= due[0]:
            yield Problem(
                f"{what}, on time (due {fmt_date(due[0])}: {due[2]}); {further}",
                at=resp.at,
                key=f"timely:{device}:{resp.set}",
            )
            continue
        # Late only under the earlier reading (the e-service order of steps, or the judicial holidays
        # in place of CCP 10's): the motion rests on it.
        yield Problem(
            f"{what}: {_gap_reason(due, resp.served)}; the response is likely timely and {further}: {due.how}",
            at=resp.at,
            key=f"timely:{device}:{resp.set}",
            confidence="U",
        )


def _gap_reason(due: ResponseDue, served: dt.date) -> str:
    """Why a response served after ``due.safe`` but by ``due.legal`` is likely on time."""
    if served <= due.henry:
        return (
            f"after {fmt_date(due.safe)} (court days added from the non-court last day) "
            f"but on or before {fmt_date(due.henry)}, the legal last day when the period rolls to "
            f"a court day before the 2 court days are added (Henry v. Young, S.F. Super. Ct. "
            f"No. CGC24612458, Dept. 302, July 11, 2025, denied a motion resting on the earlier "
            f"date)"
        )
    return (
        f"after {fmt_date(due.henry)}, the last day read without CCP 2016.060, but on or before "
        f"{fmt_date(due.legal)}, the legal last day: {fmt_date(due.henry)} is {due.reason}, and "
        f"CCP 2016.060 extends a Discovery Act time limit ending on such a day to the next court day"
    )


def counts_as_response(resp: Response) -> bool:
    """Objections alone need no verification; anything substantive must be verified."""
    if resp.kind == "objections-only":
        return True
    return resp.kind not in (None, "none") and resp.verified is True


def discovery_for(case: Case, resp: Response) -> Discovery | None:
    return next(
        (
            d
            for d in case.discovery
            if d.device == resp.device and (d.set is None or resp.set is None or d.set == resp.set)
        ),
        None,
    )


class ResponseDue(NamedTuple):
    """The last day to respond to a set of discovery, on each reading.

    ``safe``: the earliest reading (court days added from a non-court 30th day; judicial holidays only).
    ``henry``: the last day with the roll-first order of steps (Henry v. Young), judicial holidays only.
    ``legal``: ``henry`` extended by CCP 2016.060 past a CCP 10 holiday on which courts are open
    (Columbus Day, Admission Day, Lunar New Year, Genocide Remembrance Day, days the President
    appoints), or an agreed response date on a non-court day extended; ``reason`` says why.
    """

    safe: dt.date
    legal: dt.date
    how: str
    henry: dt.date
    reason: str = ""


def response_deadline(case: Case, disc: Discovery, cal: CourtCalendar) -> ResponseDue | None:
    """The last day to respond to ``disc``: the written extension, else 30 days from service plus the
    service extension (CCP 2030.260, 2031.260, 2033.250; CCP 1013, 1010.6), a non-court last day
    rolled (CCP 12a) and a CCP 10 holiday passed over (CCP 2016.060)."""
    ccp10 = ccp10_for_case(case)
    if disc.response_due_extended_to is not None:
        ext = disc.response_due_extended_to
        later = extend_agreed_date(ext, cal, ccp10)  # CCP 2016.060
        return ResponseDue(
            ext, later, "response date as extended", ext, _reason(ext, cal, ccp10) if later > ext else ""
        )
    if disc.method is None:
        return None
    days, statute = response_days(case)
    base = deadline_after_service(disc.served, days, disc.method, cal, "service of the discovery", authority=statute)
    comp = extend_discovery_limit(base, cal, ccp10)
    how = "; ".join(line.strip() for line in comp.explain())
    reason = _reason(base.latest, cal, ccp10) if comp.latest > base.latest else ""
    return ResponseDue(
        comp.result,
        comp.latest,
        f"{days} days from {disc.method} service on {disc.served}: {how}",
        base.latest,
        reason,
    )


def _reason(day: dt.date, cal: CourtCalendar, ccp10: CourtCalendar) -> str:
    """Why CCP 2016.060 extends a limit ending on ``day``."""
    if not cal.is_court_day(day):
        return f"{cal.holiday_name(day) or f'a {day:%A}'}, not a court day"
    return f"{ccp10.holiday_name(day)}, a holiday under CCP 10 though courts are open (CCP 135)"


def response_due(case: Case, resp: Response, cal: CourtCalendar) -> ResponseDue | None:
    """(safe date, legal last day, how, ...) for the response; the two differ where an e-served
    period ends on a non-court day (roll first, then add: Henry v. Young) or where the last day is
    a CCP 10 holiday on which courts are open (CCP 2016.060)."""
    disc = discovery_for(case, resp)
    if disc is None:
        return None
    return response_deadline(case, disc, cal)


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts CAL301 needs and the manifest leaves out (reported by CAL490)."""
    if not is_california(case):
        return
    for kind in _further_kinds(case):
        device = KIND_DEVICE[kind]
        if not any(r.device == device for r in case.responses):
            yield Problem(
                f"no response to the {DEVICE_LABEL[device]} requests is recorded, so "
                f"CAL301 cannot tell whether {kind} fits (list the responses, or one "
                "with kind: none)",
                at=("motion", "kind"),
                key=f"CAL301:responses:{device}",
            )
    if case.motion.is_initial and case.motion.device is None:
        yield Problem(
            "motion.device is missing, so CAL301 cannot tell which responses the "
            "motion to compel initial responses concerns",
            at=("motion", "kind"),
            key="CAL301:device",
        )
    elif case.motion.is_initial:
        yield from _initial_missing(case)


def _initial_missing(case: Case) -> Iterator[Problem]:
    for resp in case.responses:
        if resp.device != case.motion.device or not counts_as_response(resp):
            continue
        disc = discovery_for(case, resp)
        if disc is None or (disc.method is None and disc.response_due_extended_to is None):
            yield Problem(
                f"a response to {DEVICE_LABEL[resp.device]} was served, but the service "
                "of the discovery (discovery[].served and method) is not recorded, so "
                "CAL301 cannot tell whether it was timely",
                at=resp.at,
                key=f"CAL301:discovery:{resp.device}:{resp.set}",
            )


RULES = (wrong_motion,)
