"""Good cause for a motion to compel further production (CAL203, CCP 2031.310(b)(1))."""

from __future__ import annotations

import re
from collections.abc import Iterator

from filelint import Authority, Case, Context, Problem, Req, RequestListError, format_requests, parse_request_list, rule
from filelint.packs.california.deposition_facts import NON_APPEARANCE, is_document_item
from filelint.packs.california.deposition_facts import statute as deposition_statute
from filelint.packs.california.scope import CALIFORNIA, is_california

RFP_KIND = "compel-further-rfp"


def _documents_at_deposition(case: Case) -> bool:
    """A CCP 2025.450 motion that asks for documents described in the deposition notice (not
    one about PMQ topics only: CCP 2025.450(b)(1)'s good cause is for "production")."""
    return (
        case.motion.kind == "compel-deposition"
        and deposition_statute(case) == NON_APPEARANCE
        and any(is_document_item(r) for r in case.motion.requests)
    )


def applies(case: Case) -> bool:
    kinds = (case.motion.kind, *case.motion.also_kinds)
    return is_california(case) and (RFP_KIND in kinds or _documents_at_deposition(case))


def _device(case: Case) -> str:
    kinds = (case.motion.kind, *case.motion.also_kinds)
    return "rfp" if RFP_KIND in kinds else "deposition"


def _entries(case: Case) -> list[tuple[int, tuple[Req, ...] | None, str]]:
    """(index, requests, reason) per good_cause entry; requests None means `all`."""
    out = []
    for i, entry in enumerate(case.motion.extra.get("good_cause") or []):
        try:
            reqs = parse_request_list(entry["requests"], _device(case))
        except RequestListError:
            reqs = []  # an unreadable list covers nothing: its requests show as uncovered
        out.append((i, None if reqs is None else tuple(reqs), str(entry["reason"])))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


@rule(
    "CAL203",
    "good-cause-missing",
    "warning",
    systems=CALIFORNIA,
    summary="A motion to compel further production states no specific good cause for a request "
    "at issue, or gives the same boilerplate reason for every request.",
    why="CCP 2031.310(b)(1) requires the motion to 'set forth specific facts showing good cause "
    "justifying the discovery sought by the demand'. In Viveros v. Ford Motor Co. (S.F. Super. Ct. "
    "No. CGC24616959, Dept. 301, Apr. 16, 2025) the court noted the motion did not explain why the other side's "
    "offer was insufficient and so showed no good cause.",
    authority=[Authority("CCP § 2031.310(b)(1)"), Authority("CCP § 2025.450(b)(1)")],
    fix="For each request, state the facts that make the documents relevant and needed, under "
    "motion.good_cause (and in the separate statement).",
    fail_example='motion:\n  kind: compel-further-rfp\n  requests_at_issue: "13-16"\n  good_cause:\n'
    '    - {requests: "13-14", reason: "relevant to the claims"}\n'
    '    - {requests: "15-16", reason: "relevant to the claims"}',
    pass_example='motion:\n  kind: compel-further-rfp\n  requests_at_issue: "13-16"\n  good_cause:\n'
    '    - {requests: "13-16", reason: "repair orders show the defect recurred '
    'after each of four repairs"}',
    reads=("motion.kind", "motion.also_kinds", "motion.requests_at_issue", "motion.good_cause"),
    notes="A warning: whether facts are 'specific' is a judgment. Boilerplate means two or more "
    "good_cause entries with the same text (ignoring case and punctuation). Kirkland v. "
    "Superior Court (2002) 95 Cal.App.4th 92 is often cited for the burden of good cause, "
    "but its support for that point is unconfirmed [U] and it is not cited here. A CCP "
    '2025.450 motion (motion.deposition.statute: "2025.450") for documents described in '
    "the deposition notice (requests_at_issue naming them) must show good cause for them too "
    "(CCP 2025.450(b)(1)); the same check runs on its good_cause entries. "
    "Without requests_at_issue the per-request "
    "check cannot run, and when motion.good_cause is absent altogether the manifest does not "
    "record the fact: CAL490 (info) says so in both cases.",
)
def good_cause_missing(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not applies(case):
        return
    entries = _entries(case)
    if not entries:
        return  # the manifest does not record it: a missing fact, reported by CAL490
    yield from _uncovered(case, entries)
    yield from _boilerplate(entries)


def _uncovered(case: Case, entries: list[tuple[int, tuple[Req, ...] | None, str]]) -> Iterator[Problem]:
    if any(reqs is None for _, reqs, _ in entries):
        return
    covered = [r for _, reqs, _ in entries for r in reqs or ()]
    rfps = [
        r
        for r in case.motion.requests
        if r.device == _device(case) and (r.device != "deposition" or is_document_item(r))
    ]
    missing = [r for r in rfps if not any(c.matches(r) for c in covered)]
    if missing:
        yield Problem(
            f"no good cause is stated for {format_requests(missing)} (motion.good_cause covers the other requests)",
            at=("motion", "good_cause"),
            requests=tuple(r.ref for r in missing),
            key="uncovered",
        )


def _boilerplate(entries: list[tuple[int, tuple[Req, ...] | None, str]]) -> Iterator[Problem]:
    reasons = {_norm(reason) for _, _, reason in entries}
    if len(entries) >= 2 and len(reasons) == 1:
        yield Problem(
            f"every good_cause entry ({len(entries)}) gives the same reason "
            f'("{entries[0][2]}"); courts want specific facts for each request, not '
            "boilerplate",
            at=("motion", "good_cause"),
            key="boilerplate",
        )


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts CAL203 needs and the manifest leaves out (reported by CAL490)."""
    if applies(case) and not case.motion.extra.get("good_cause"):
        yield Problem(
            "motion.good_cause is missing, so CAL203 cannot check that the motion sets "
            "forth specific facts showing good cause for each request (CCP "
            "2031.310(b)(1)); record the reasons per request",
            at=("motion",),
            key="CAL203:good-cause",
        )
    elif applies(case) and not case.motion.requests:
        yield Problem(
            "motion.requests_at_issue is missing, so CAL203 cannot check that good cause is stated for each request",
            at=("motion",),
            key="CAL203:requests",
        )


RULES = (good_cause_missing,)
