"""The separate statement of CRC 3.1345 (CAL201), papers offered in its place (CAL202), and
what it must disclose of the meet and confer (CAL204)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from filelint import KIND_DEVICE, Authority, Case, Communication, Context, Paper, Problem, format_requests, rule
from filelint.packs.california.deposition_facts import NON_APPEARANCE, is_document_item, statute, total_non_appearance
from filelint.packs.california.meet_confer import OFFER_WORDS
from filelint.packs.california.scope import CALIFORNIA, attacks_content, is_california
from filelint.papers import date_patterns, iter_docs

CRC_3_1345_A = Authority("Cal. Rules of Court, rule 3.1345(a)")
CRC_3_1345_B = Authority("Cal. Rules of Court, rule 3.1345(b)")
OUTLINE = Authority("CCP §§ 2030.300(b)(2), 2031.310(b)(3), 2033.290(b)(2) (concise outline)")
MILLS = Authority("Mills v. U.S. Bank (2008) 166 Cal.App.4th 871, 893", "S")
#: CRC 3.1345(a)(1)-(5): further responses (RFA, interrogatories, inspection) and deposition
#: answers or production. A motion to compel compliance (CCP 2031.320) is not on the list.
NEEDS_STATEMENT = frozenset(
    {"compel-further-rfp", "compel-further-srog", "compel-further-frog", "compel-further-rfa", "compel-deposition"}
)
#: How a manifest says a paper stands in for a separate statement: its title says so.
SUBSTITUTE_TITLE = re.compile(r"separate\s+statement", re.IGNORECASE)


def statement_kinds(case: Case) -> tuple[str, ...]:
    """The kinds of this motion (principal and stacked) that need a separate statement: those of
    CRC 3.1345(a), and any motion the manifest marks as attacking the content of responses ("any
    motion involving the content of ... the responses")."""
    kinds = (case.motion.kind, *case.motion.also_kinds)
    needed = [k for k in kinds if k in NEEDS_STATEMENT]
    if attacks_content(case) and case.motion.kind != "protective-order":
        needed.insert(0, case.motion.kind)
    return tuple(dict.fromkeys(needed))


def _no_response_at_all(case: Case, kinds: tuple[str, ...]) -> bool:
    """CRC 3.1345(b)(1): every device at issue has a response recorded as `kind: none`."""
    devices = {KIND_DEVICE.get(k, case.motion.main_device) for k in kinds}
    stated = [r for r in case.responses if r.device in devices]
    return bool(stated) and all(r.kind == "none" for r in stated)


def _outline_counts(case: Case) -> bool:
    return bool(case.motion.extra.get("concise_outline_allowed")) and bool(case.papers_with_role("concise-outline"))


def _substitutes(case: Case) -> tuple[Paper, ...]:
    return tuple(
        p for p in case.papers if p.role != "separate-statement" and p.title and SUBSTITUTE_TITLE.search(p.title)
    )


def attendance_only(case: Case) -> bool | None:
    """A CCP 2025.450 motion that, by the items at issue, seeks only attendance and testimony
    (PMQ topics, no documents): True; one that seeks production too: False; None when the
    manifest does not say (no deposition items at issue) or the motion is not under 2025.450.

    CRC 3.1345(a) lists motions "to compel answers at a deposition" (a)(4) and "to compel or to
    quash the production of documents or tangible things at a deposition" (a)(5); a motion to
    compel a deponent to attend is not on the list."""
    if case.motion.kind != "compel-deposition" or statute(case) != NON_APPEARANCE:
        return None
    items = [r for r in case.motion.requests if r.device == "deposition"]
    if not items:
        return None
    return not any(is_document_item(r) for r in items)


def _missing(case: Case) -> tuple[str, ...]:
    """The kinds that lack a separate statement (empty when none is required or one is there)."""
    if not is_california(case) or case.papers_with_role("separate-statement"):
        return ()
    kinds = statement_kinds(case)
    if not kinds or _no_response_at_all(case, kinds) or _outline_counts(case):
        return ()
    # CRC 3.1345(b)(1): after a total non-appearance nothing was served to set out; and a motion to
    # compel attendance alone is not among the motions CRC 3.1345(a) lists.
    if total_non_appearance(case) or (attendance_only(case) and not attacks_content(case)):
        kinds = tuple(k for k in kinds if k != "compel-deposition")
    return kinds


@rule(
    "CAL201",
    "separate-statement-missing",
    "error",
    systems=CALIFORNIA,
    summary="A motion to compel further responses or deposition answers lists no separate "
    "statement, and no exception applies.",
    why="CRC 3.1345(a) requires a separate statement with such a motion, setting out each "
    "request, the response and the reasons to compel. Courts deny motions without one "
    "(Mai v. Ho, S.F. Super. Ct. No. CGC25627532, Dept. 302, Apr. 24, 2026: 'a separate and "
    "sufficient ground'; Amato-Salvatierra v. Friedland, S.F. Super. Ct. No. CGC14537327, "
    "Dept. 302, July 7, 2014: 'fatal for any request to compel further responses').",
    authority=[CRC_3_1345_A, CRC_3_1345_B, OUTLINE, MILLS],
    fix="File a stand-alone separate statement and list it under papers with role: "
    "separate-statement; or, where the court ordered that a concise outline suffices, set "
    "motion.concise_outline_allowed: true and list the outline (role: concise-outline).",
    fail_example="motion: {kind: compel-further-rfp}\npapers:\n  - {role: notice, path: notice.pdf}\n"
    "  - {role: declaration, path: decl.pdf}",
    pass_example="motion: {kind: compel-further-rfp}\npapers:\n  - {role: notice, path: notice.pdf}\n"
    "  - {role: separate-statement, path: separate-statement.pdf}",
    reads=(
        "motion.kind",
        "motion.also_kinds",
        "motion.concise_outline_allowed",
        "papers[].role",
        "papers[].title",
        "responses[].kind",
    ),
    notes="Exceptions (CRC 3.1345(b)): no response was provided (every response to the devices "
    "at issue is recorded as `kind: none`; a motion that rests on no response is the wrong "
    "motion, CAL301), or the court allowed a concise outline (motion.concise_outline_"
    "allowed: true) and one is listed (role: concise-outline). A paper whose title says it "
    "serves as the separate statement is reported by CAL202 as a warning instead (Brosnan "
    "v. Lam). A motion to compel initial responses needs none, but a stacked request for "
    "further responses (also_kinds) does (Amato-Salvatierra v. Friedland), and so does any "
    "motion the manifest marks with motion.attacks_responses: true (a motion to compel "
    "compliance or initial responses that in fact disputes the content of served responses: "
    "CRC 3.1345(a), 'any motion involving the content of ... the responses'). A deposition "
    "motion after a total non-appearance (CCP 2025.450; motion.deposition.appeared: false, "
    "nothing served) needs none: no response was provided (CRC 3.1345(b)(1)). Nor does a "
    "CCP 2025.450 motion whose items at issue are only PMQ topics: a motion to compel attendance "
    "is not among CRC 3.1345(a)'s motions, while one for the documents a notice demanded is "
    "((a)(5)); where the manifest lists no items, the finding is a warning. Mills is [S]. "
    "What the statement "
    "sets out is checked from its text: each request named (FL104), its request, "
    "response and reasons (FL107), the other side's offers (CAL204).",
)
def separate_statement_missing(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    kinds = _missing(case)
    if not kinds or _substitutes(case):
        return
    # A 2025.450 motion whose items at issue are not stated may seek attendance alone, which CRC
    # 3.1345(a) does not list, or production too, which it does: the two readings differ, so warn.
    unsure = kinds == ("compel-deposition",) and attendance_only(case) is None and statute(case) == NON_APPEARANCE
    message = _message(case, kinds)
    if unsure:
        message = (
            "no separate statement is listed; CRC 3.1345(a)(5) requires one if this CCP 2025.450 motion also "
            "seeks the documents the deposition notice demanded (a motion to compel attendance alone is not on "
            'its list): list the items at issue (motion.requests_at_issue, e.g. "categories 1-3" or "topics 1-4")'
        )
    yield Problem(
        message,
        at=("papers",) if case.papers else ("motion", "kind"),
        key="separate-statement",
        confidence="U" if unsure else "C",
    )


def _message(case: Case, kinds: tuple[str, ...]) -> str:
    if case.motion.kind in kinds:
        text = f"no separate statement is listed; CRC 3.1345(a) requires one for {' / '.join(kinds)}"
    else:
        text = (
            f"no separate statement is listed, and the motion also seeks further responses "
            f"({', '.join(kinds)}); CRC 3.1345(a) requires one for that part"
        )
    if case.motion.extra.get("concise_outline_allowed"):
        text += "; the court allowed a concise outline, but none is listed (role: concise-outline)"
    elif case.papers_with_role("concise-outline"):
        text += (
            "; a concise outline is listed, but it replaces the separate statement only "
            "when the court allowed it (set motion.concise_outline_allowed: true if it did)"
        )
    return text


@rule(
    "CAL202",
    "separate-statement-substitute",
    "warning",
    systems=CALIFORNIA,
    summary="No stand-alone separate statement is listed; another paper is offered as serving its function.",
    why="In Brosnan v. Lam (S.F. Super. Ct. No. CGC24616878, Dept. 302, May 7, 2025) "
    "Exhibit D to a declaration served as "
    "the separate statement and the motions were granted, but the court warned that 'the "
    'court should not have to search through papers to find a "functional equivalent"\' '
    "and that a future failure 'will result in the motion being denied'.",
    authority=[CRC_3_1345_A],
    fix="File the content as a stand-alone separate statement (role: separate-statement).",
    fail_example="papers:\n  - {role: exhibit, exhibit: D, path: ex-d.pdf,\n"
    '     title: "Separate statement (Exhibit D to the Hayward Declaration)"}',
    pass_example="papers:\n  - {role: separate-statement, path: separate-statement.pdf}",
    reads=("motion.kind", "motion.also_kinds", "papers[].role", "papers[].title"),
    notes="How a manifest says it: a paper of another role (exhibit, declaration, other) whose "
    "`title` contains the words 'separate statement'. Reported only where CAL201 would "
    "otherwise report a missing statement; a warning because a court may accept the "
    "substitute, as in Brosnan v. Lam.",
)
def separate_statement_substitute(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    kinds = _missing(case)
    if not kinds:
        return
    for paper in _substitutes(case):
        label = f"exhibit {paper.exhibit}" if paper.exhibit else paper.path
        yield Problem(
            f'no stand-alone separate statement is listed; {label} ("{paper.title}") '
            "is offered in its place; a court may accept it once (Brosnan v. Lam, "
            "S.F. Super. Ct. No. CGC24616878, May 7, 2025) but can "
            "deny the motion for want of a separate statement (CRC 3.1345(a))",
            at=paper.at,
            key=paper.path,
        )


#: Words that show the statement discusses an offer of each kind. Offers about procedure
#: (extension, conference, IDC, verification) are left out: they do not bear on whether to compel.
OFFER_TEXT = {
    "protective-order": r"protective\s+order",
    "search-terms": r"search\s+terms?",
    "supplement": r"supplement",
    "narrowing": r"narrow",
    "production": r"(?:offer|agree|willing|propos)\w*\s+(?:\w+\s+){0,3}?produc",
    "amend-responses": r"\bamend",
    "other": r"\boffer|\bpropos",
}
#: The letters each of those can start with: told first, they let the search skip every other position.
OFFER_FIRSTS = {
    "protective-order": "p",
    "search-terms": "s",
    "supplement": "s",
    "narrowing": "n",
    "production": "oawp",
    "amend-responses": "a",
    "other": "op",
}


def merits_offers(case: Case) -> list[Communication]:
    """The other side's offers on requests at issue, made before filing, that bear on the merits."""
    at_issue = {r.ref for r in case.motion.requests}
    out = []
    for comm in case.before_filing():
        if comm.side != "responding" or not any(o in OFFER_TEXT for o in comm.offers):
            continue
        if comm.raises is None or not at_issue or {r.ref for r in comm.raises} & at_issue:
            out.append(comm)
    return out


def _offer_phrase(kind: str) -> str:
    """'to supplement its responses' -> 'to supplement ...'; 'a protective order' -> 'of a ...'."""
    words = OFFER_WORDS.get(kind, kind)
    return words if words.startswith("to ") else f"of {words}"


def _discussed(text: str, offer: Communication) -> bool:
    kinds = [o for o in offer.offers if o in OFFER_TEXT]
    if not kinds:
        return True  # nothing to look for (`merits_offers` keeps only offers with a text)
    firsts = "".join(sorted({c for o in kinds for c in OFFER_FIRSTS[o]}))
    pattern = re.compile(f"(?=[{firsts}])(?:{'|'.join(OFFER_TEXT[o] for o in kinds)})", re.IGNORECASE)
    return bool(pattern.search(text) or date_patterns(offer.date).search(text))


@rule(
    "CAL204",
    "separate-statement-omits-offer",
    "warning",
    systems=CALIFORNIA,
    summary="The separate statement does not mention an offer the other side made in meet and "
    "confer on the requests at issue.",
    why="In Richard R. v. Doe 1 (S.F. Super. Ct. No. CGC22603294, Dept. 302, Sept. 8, 2025) "
    "the court said a separate statement is "
    "to give it 'a concise outline of all the facts relevant to the discovery motion'. The "
    "responding party had proposed a protective order; the statement left the proposal and "
    "the mover's answer out, the court learned of it only from the opposition, held the "
    "statement not 'consistent with the Civil Discovery Act' and found the mover had 'misled "
    "the court'. The motion was denied with sanctions.",
    authority=[CRC_3_1345_A, Authority("Cal. Rules of Court, rule 3.1345(c)")],
    fix="Set out the other side's offer (what it offered, when, on which requests) and your "
    "answer to it under each request it concerns.",
    fail_example="meet_and_confer:\n  - {id: m2, date: 2025-07-09, from: responding, channel: letter,\n"
    '     raises: "2, 14", offers: [protective-order], answers: m1}\n'
    "# separate-statement.pdf never mentions the protective order",
    pass_example="# separate-statement.pdf, reasons for Request No. 2: 'On July 9, 2025 Doe 3 "
    "proposed a protective order; plaintiff answered on ...'",
    reads=(
        "meet_and_confer[].from",
        "meet_and_confer[].offers",
        "meet_and_confer[].raises",
        "meet_and_confer[].date",
        "motion.filed",
        "papers[].role",
    ),
    notes="A warning: what a statement must disclose beyond the request, the response and the "
    "reasons is a judgment, and the items of CRC 3.1345(c) beyond those three are known "
    "only from a secondary source [S]. Counts offers from the responding side "
    "made before filing on a request at issue (or with no `raises:`), of the kinds that "
    "bear on the merits: supplement, protective-order, search-terms, narrowing, "
    "production, amend-responses, other. The offer counts as discussed when the statement "
    "uses a word for its kind (for example 'protective order', 'search terms', "
    "'supplement', 'narrow') or states the offer's date. Whether the mover answered the "
    "offer at all is CAL003's finding.",
)
def separate_statement_omits_offer(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case) or not statement_kinds(case):
        return
    offers = merits_offers(case)
    if not offers:
        return
    papers = case.papers_with_role("separate-statement")
    for path, doc in iter_docs(ctx, [p.path for p in papers]):
        text = " ".join(" ".join(doc.pages).split())
        for offer in offers:
            if _discussed(text, offer):
                continue
            what = " and ".join(_offer_phrase(o) for o in offer.offers if o in OFFER_TEXT)
            on = f" on {format_requests(offer.raises)}" if offer.raises else ""
            yield Problem(
                f"{path} does not mention the responding side's offer {what}{on} "
                f"({offer.id}, {offer.channel} of {offer.date}); set out the offer and "
                "your answer to it (Richard R. v. Doe 1, S.F. Super. Ct. "
                "No. CGC22603294, Dept. 302, Sept. 8, 2025: leaving it out 'misled the court')",
                at=(*offer.at, "offers"),
                communication=offer.id,
                requests=tuple(r.ref for r in offer.raises or ()),
                key=f"{path}:{offer.id}",
            )


RULES = (separate_statement_missing, separate_statement_substitute, separate_statement_omits_offer)
