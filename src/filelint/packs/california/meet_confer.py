"""Meet-and-confer rules: the declaration, every request raised, every offer answered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from filelint import Authority, Case, Communication, Context, Problem, Req, Response, format_requests, rule
from filelint.packs.california.deposition_facts import is_deposition, total_non_appearance
from filelint.packs.california.effort_patterns import eve_of_deadline
from filelint.packs.california.raised import RaisedIndex
from filelint.packs.california.raised import sources as raised_sources
from filelint.packs.california.scope import CALIFORNIA, needs_declaration, needs_meet_and_confer
from filelint.packs.california.triggers import ResponseIndex

CCP_2016_040 = Authority("CCP § 2016.040")
CLEMENT = Authority("Clement v. Alegre (2009) 177 Cal.App.4th 1277, 1293-1294")
OFFER_WORDS = {
    "supplement": "to supplement its responses",
    "protective-order": "a protective order",
    "search-terms": "search terms",
    "narrowing": "to narrow the requests",
    "extension": "an extension",
    "verification": "verifications",
    "amend-responses": "amended responses",
    "production": "to produce documents",
    "conference": "a conference",
    "idc": "an informal discovery conference",
    "other": "terms",
}
#: A message names at most this many communications and counts the rest ("and 9 more").
MAX_LISTED = 3


def brief_list(items: Sequence[str], limit: int = MAX_LISTED) -> str:
    """'m1, m2, m3 and 9 more': a manifest may hold thousands of communications, and a message
    that lists them all is unreadable."""
    shown = ", ".join(items[:limit])
    rest = len(items) - limit
    return f"{shown} and {rest} more" if rest > 0 else shown


@rule(
    "CAL001",
    "mc-declaration-missing",
    "error",
    systems=CALIFORNIA,
    summary="A motion to compel further responses or deposition answers, or for a protective "
    "order, has no meet-and-confer declaration among its papers.",
    why="The statutes say such a motion 'shall be accompanied by a meet and confer declaration "
    "under Section 2016.040'. Without one the court can deny it without reaching the merits.",
    authority=[
        CCP_2016_040,
        Authority("CCP § 2030.300(b)(1)"),
        Authority("CCP § 2031.310(b)(2)"),
        Authority("CCP § 2033.290(b)(1)"),
        Authority("CCP § 2025.450(b)(2)"),
        Authority("CCP § 2025.480(b)"),
        Authority(
            "CCP §§ 2025.420(a), 2030.090(a), 2031.060(a), 2033.080(a)",
            "S",
            "protective orders; text as quoted in trial-court rulings",
        ),
    ],
    fix="Add a declaration stating the facts of each meet-and-confer attempt, and list it "
    "under papers with role: declaration.",
    fail_example="motion: {kind: compel-further-rfp, ...}\npapers:\n  - {role: notice, path: notice.pdf}",
    pass_example="motion: {kind: compel-further-rfp, ...}\npapers:\n  - {role: notice, path: notice.pdf}\n"
    "  - {role: declaration, path: yashar-decl.pdf}",
    reads=("motion.kind", "papers[].role"),
    notes="Motions to compel initial responses need no meet and confer (Sinaiko (2007) 148 "
    "Cal.App.4th 390) and are not flagged, unless the manifest marks the motion as one that "
    "attacks served responses (motion.attacks_responses: true): that is a further-response "
    "motion under another title. Protective-order motions need the declaration by statute "
    "(LASC Dept C, 23NWCV00934, Apr. 18, 2024: denied for want of one). After a total "
    "deposition non-appearance (CCP 2025.450) the declaration may state the inquiry about "
    "the non-appearance instead; CAL005 checks that the inquiry was made.",
)
def mc_declaration(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not needs_declaration(case) or case.papers_with_role("declaration"):
        return
    inquiry = (
        " (or, after a total non-appearance, a declaration of the inquiry about it: CCP 2025.450(b)(2))"
        if total_non_appearance(case)
        else ""
    )
    yield Problem(
        f"a {case.motion.kind} motion must be accompanied by a meet-and-confer "
        f"declaration (CCP 2016.040){inquiry}, and the papers list none",
        at=("papers",) if case.papers else ("motion", "kind"),
        key="declaration",
    )


@rule(
    "CAL002",
    "request-not-conferred",
    "error",
    systems=CALIFORNIA,
    summary="A request at issue was never raised by the moving side in meet and confer before the motion was filed.",
    why="The declaration must show a good-faith attempt to resolve 'each issue presented by the "
    "motion'. In Palominos Cervantes v. General Motors (LASC 23STCV03596, Dec. 5, 2023) the "
    "motion was denied because the only letter never mentioned RFP Nos. 34 and 35.",
    authority=[Authority("CCP § 2016.040 ('each issue presented by the motion')"), CLEMENT],
    fix="Meet and confer on the request (a letter naming it, then a conversation), record the "
    "communication under meet_and_confer with `raises:`, or drop it from the motion.",
    fail_example='motion:\n  requests_at_issue: "13-16, 34, 35"\nmeet_and_confer:\n'
    '  - {id: m1, date: 2023-08-17, from: moving, channel: letter, raises: "2, 3, 8, 13-16"}',
    pass_example='motion:\n  requests_at_issue: "13-16, 34, 35"\nmeet_and_confer:\n'
    '  - {id: m1, date: 2023-08-17, from: moving, channel: letter, raises: "13-16, 34, 35"}',
    reads=(
        "motion.requests_at_issue",
        "motion.filed",
        "meet_and_confer[].raises",
        "meet_and_confer[].from",
        "meet_and_confer[].date",
    ),
    notes="A live conversation (phone, video, in person, IDC) counts whoever started it; a "
    "letter or email counts only when the moving side sent it. Coverage is measured against "
    "the responses in force when the motion is filed: where the latest response to a request "
    "(an amended or supplemental one) was served after every communication that raised it, "
    "the request was never conferred on as answered, and that is reported too. Deposition "
    "items (PMQ topics, categories, document requests, questions) count by kind and number, "
    "or by the same name once case, spacing and punctuation are set aside; a similar label is "
    "no pass and no error here: CAL006 warns.",
)
def request_not_conferred(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not needs_meet_and_confer(case):
        return
    sources = raised_sources(case)
    unstated = [c.id for c in sources if not c.raises_stated]
    raised = RaisedIndex(sources)
    summary = _raised_summary(sources)
    index = ResponseIndex(case.responses)
    for req in case.motion.requests:
        raising = raised.raising(req)
        if not raising:
            if raised.near_misses(req):
                continue  # a similar label, not the same: CAL006 warns, and it is no pass either
            yield Problem(
                _uncovered_message(case, req, sources, unstated, summary),
                at=("motion", "requests_at_issue"),
                requests=(req.ref,),
                key=f"{req.device}:{req.ref}" if req.item else f"{req.device}:{req.number}",
            )
            continue
        stale = _stale_conferral(case, index, req, raising)
        if stale is not None:
            yield stale


def _in_force(case: Case, index: ResponseIndex, req: Req) -> Response | None:
    """The latest response to ``req`` served by filing: the one the motion attacks."""
    filed = case.motion.filed
    found = [
        r for _, r in index.covering(req.device, req) if r.served is not None and (filed is None or r.served <= filed)
    ]
    return max(found, key=lambda r: r.served or dt.date.min, default=None)


def _stale_conferral(case: Case, index: ResponseIndex, req: Req, raising: list[Communication]) -> Problem | None:
    """Every communication raising ``req`` predates the response in force (an amended or
    supplemental response served later): the parties never conferred on the request as answered."""
    current = _in_force(case, index, req)
    last = max(raising, key=lambda c: c.date)
    if current is None or current.served is None or current.served <= last.date:
        return None
    what = "supplemental response" if current.supplemental else "response"
    return Problem(
        f"{format_requests([req])} is at issue, but its {what} in force was served "
        f"{current.served}, after the last meet-and-confer communication that raised it "
        f"({last.id}, {last.date}); the parties never conferred on the request as now "
        "answered (CCP 2016.040: 'each issue presented by the motion')",
        at=("motion", "requests_at_issue"),
        requests=(req.ref,),
        key=f"stale:{req.device}:{req.ref}" if req.item else f"stale:{req.device}:{req.number}",
        fix="Meet and confer on the response in force (the amended or supplemental one) "
        "before filing, and record it under meet_and_confer.",
    )


def _raised_summary(sources: list[Communication]) -> str:
    """``RFP Nos. 2, 3 and 13-16 (m1 2023-08-17)``: what the moving side raised, or ``""``."""
    raised = [r for c in sources if c.raises for r in c.raises]
    if not raised:
        return ""
    return f"{format_requests(raised)} ({brief_list([f'{c.id} {c.date}' for c in sources if c.raises])})"


def _uncovered_message(case: Case, req: Req, sources: list[Communication], unstated: list[str], summary: str) -> str:
    filed = f" (filed {case.motion.filed})" if case.motion.filed else ""
    text = (
        f"{format_requests([req])} is at issue, but no meet-and-confer communication by the "
        f"moving side before filing{filed} raised it"
    )
    if summary:
        text += f"; they raised only {summary}"
    elif not sources:
        text += "; the manifest records no such communication"
    if unstated:
        verb = "does" if len(unstated) == 1 else "do"
        text += f"; {brief_list(unstated)} {verb} not say which requests it raised (add `raises:`)"
    return text + _number_hint(req, sources)


def _number_hint(req: Req, sources: list[Communication]) -> str:
    """A deposition item named in the motion, and items of its kind raised by number only: one of
    them may be this one, and only the manifest can say which."""
    if not (req.item and req.name and not req.number):
        return ""
    if not any(r.item == req.item and r.number and not r.name for c in sources for r in c.raises or ()):
        return ""
    return (
        f"; if one of the numbered items raised is this one, give it its number too "
        f"({{{req.item}: <number>, name: {req.name}}})"
    )


@rule(
    "CAL003",
    "offer-unanswered",
    "error",
    systems=CALIFORNIA,
    summary="The responding side offered or asked something in meet and confer and the moving "
    "side filed without answering it.",
    why="Filing while the other side's offer is pending is not a reasonable, good-faith attempt "
    "at informal resolution. In Palominos Cervantes v. General Motors (LASC 23STCV03596) "
    "GM's Aug. 30, 2023 offer to supplement Nos. 13-16 went unanswered and the motion was "
    "denied.",
    authority=[CCP_2016_040, CLEMENT],
    fix="Answer the offer in writing (accept, counter, or explain why it is not enough) before "
    "filing, and record the answer with `answers: <id>`.",
    fail_example="meet_and_confer:\n  - {id: m2, date: 2023-08-30, from: responding, channel: letter,\n"
    '     raises: "13-16", offers: [supplement], asks: [protective-order], answers: m1}',
    pass_example="meet_and_confer:\n  - {id: m2, date: 2023-08-30, from: responding, ..., offers: [supplement]}\n"
    '  - {id: m3, date: 2023-09-06, from: moving, channel: letter, raises: "13-16", answers: m2}',
    reads=(
        "meet_and_confer[].offers",
        "meet_and_confer[].asks",
        "meet_and_confer[].answers",
        "meet_and_confer[].substantive",
        "motion.filed",
    ),
    notes="Only an answer that engages counts: a moving-side message marked `substantive: false` "
    "(e.g. one that only returns a signed form) does not answer an offer. An offer made within "
    "7 days of the 45-day deadline, naming no date of its own (promised_by) and with no "
    "written extension since, does not oblige the mover to let the deadline pass: it is not "
    "an error here, and CAL004 warns instead.",
)
def offer_unanswered(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not needs_meet_and_confer(case):
        return
    before = case.before_filing()
    for offer in before:
        if offer.side != "responding" or not (offer.offers or offer.asks):
            continue
        if eve_of_deadline(ctx, offer) is not None:
            continue  # an undated offer on the eve of the deadline does not oblige the mover (CAL004)
        replies = [c for c in before if c.side == "moving" and c.answers == offer.id and c.substantive]
        if replies:
            continue
        yield Problem(
            _offer_message(case, offer, before),
            at=offer.at,
            communication=offer.id,
            key=offer.id,
            requests=tuple(r.ref for r in offer.raises or ()),
        )


def _offer_message(case: Case, offer: Communication, before: tuple[Communication, ...]) -> str:
    what = [OFFER_WORDS.get(o, o) for o in offer.offers]
    asked = [OFFER_WORDS.get(a, a) for a in offer.asks]
    parts = []
    if what:
        parts.append("offered " + " and ".join(what))
    if asked:
        parts.append("asked for " + " and ".join(asked))
    about = f" on {format_requests(offer.raises)}" if offer.raises else ""
    filed = f" (filed {case.motion.filed})" if case.motion.filed else ""
    text = (
        f"the responding side's {offer.channel} of {offer.date} ({offer.id}) "
        f"{', and '.join(parts)}{about}; the moving side never answered it before filing{filed}"
    )
    later = [c.id for c in before if c.side == "moving" and c.date >= offer.date and c.answers != offer.id]
    if later:
        text += f"; if {brief_list(later)} answered it, add `answers: {offer.id}` to that entry"
    return text


def missing_facts(case: Case) -> Iterator[Problem]:
    """The requests CAL002 needs (reported by CAL490): absent, or `all` with no numbers served."""
    if not needs_meet_and_confer(case) or case.motion.requests or total_non_appearance(case):
        return  # after a total non-appearance the issue is the attendance, not numbered requests
    if any(c.raises is None for c in case.before_filing() if c.side == "moving" or c.live):
        return  # a communication that raised every request covers them, whatever they are
    if case.motion.all_requests:
        yield Problem(
            "motion.requests_at_issue is `all`, but the numbers served are not listed "
            "(discovery[].requests), so CAL002 cannot check that the meet and confer raised "
            "each of them",
            at=("motion", "requests_at_issue"),
            key="CAL002:all",
        )
        return
    if is_deposition(case):
        yield Problem(
            "motion.requests_at_issue is missing, so CAL002 cannot check that the meet and confer "
            "raised each deposition item at issue (list them by number or by name, e.g. "
            '"topics 1-4, 7", "categories 2, 5", "topic: vehicle maintenance records")',
            at=("motion",),
            key="CAL002:requests",
        )
        return
    yield Problem(
        "motion.requests_at_issue is missing, so CAL002 cannot check that the meet and confer "
        "raised each request at issue (list them, or write `all` for every request of the set)",
        at=("motion",),
        key="CAL002:requests",
    )


RULES = (mc_declaration, request_not_conferred, offer_unanswered)
