"""The papers every motion files: a memorandum (CAL503, CRC 3.1113(a)) and a proof of service filed in
time (CAL504, CRC 3.1300(c))."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from filelint import Authority, Case, Context, Problem, manifest_date, rule
from filelint.courtdays import fmt_date
from filelint.packs.california.scope import CALIFORNIA, is_california
from filelint.packs.california.timecalc import last_day_before_hearing
from filelint.papers import iter_docs

#: A paper of another role whose title shows it holds the memorandum (notice and memorandum combined).
MEMO_TITLE = re.compile(r"memorandum|points\s+and\s+authorities", re.IGNORECASE)
POS_COURT_DAYS = 5


def _stated(case: Case) -> bool:
    """The manifest itself shows a memorandum: a paper of that role, or a title naming one."""
    titles = [p.title for p in case.papers] + [case.motion.extra.get("title")]
    return bool(case.papers_with_role("memorandum")) or any(isinstance(t, str) and MEMO_TITLE.search(t) for t in titles)


def memorandum_state(ctx: Context) -> str:
    """``present``; ``absent`` (every paper that could hold it was read and none does); or
    ``unknown`` (a paper that could hold it, e.g. a combined notice, could not be read)."""
    case = ctx.case
    if _stated(case):
        return "present"
    if not case.papers_with_role("notice"):
        return "unknown"  # a list without the notice is not the whole motion
    hosts = [p.path for p in case.papers if p.role in ("notice", "declaration", "other")]
    read = dict(iter_docs(ctx, hosts))
    if any(MEMO_TITLE.search(" ".join(doc.pages)) for doc in read.values()):
        return "present"
    return "absent" if len(read) == len(set(hosts)) else "unknown"


@rule(
    "CAL503",
    "memorandum-missing",
    "error",
    systems=CALIFORNIA,
    summary="The motion's papers include no memorandum of points and authorities.",
    why="CRC 3.1113(a): a party filing a motion, except one listed in rule 3.1114 (none of them "
    "discovery motions), 'must serve and file a supporting memorandum'; the court 'may construe "
    "the absence of a memorandum as an admission that the motion ... is not meritorious and "
    "cause for its denial'.",
    authority=[
        Authority("Cal. Rules of Court, rule 3.1113(a)"),
        Authority("Cal. Rules of Court, rule 3.1114(a)"),
        Authority("Cal. Rules of Court, rule 3.1112(a)"),
    ],
    fix="File a memorandum (it may be combined with the notice if separately captioned) and list it "
    "under papers with role: memorandum, or give the combined paper a title naming it.",
    fail_example="papers:\n  - {role: notice, path: notice.pdf}\n  - {role: declaration, path: decl.pdf}",
    pass_example='papers:\n  - {role: notice, path: notice.pdf, title: "Notice of motion and motion; '
    'memorandum of points and authorities"}\n  - {role: declaration, path: decl.pdf}',
    reads=("papers[].role", "papers[].title"),
    notes="Checked only when the manifest lists the papers, the notice among them. A "
    "memorandum is usually combined with the notice, so it counts when a paper has role: "
    "memorandum, when a paper's title or motion.title names 'memorandum' or 'points and "
    "authorities', or when the text of a notice, declaration or other paper does. Where "
    "such a paper cannot be read, filelint cannot tell: FL010/FL111 report the paper and "
    "CAL503 does not err. Whether the memorandum says enough (CRC 3.1113(b)) is not "
    "checked.",
)
def memorandum_missing(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case) or not case.papers or memorandum_state(ctx) != "absent":
        return
    yield Problem(
        "the papers list no memorandum of points and authorities; CRC 3.1113(a) requires one "
        "with every discovery motion, and the court may treat its absence as an admission "
        "that the motion lacks merit",
        at=("papers",),
        key="memorandum",
    )


@rule(
    "CAL504",
    "proof-of-service-late",
    "warning",
    systems=CALIFORNIA,
    summary="The proof of service of the moving papers was filed fewer than 5 court days before the hearing.",
    why="CRC 3.1300(c) is said to require proof of service of the moving papers to be filed at "
    "least five court days before the hearing; without it on file the court may not hear the "
    "motion. The rule's text is unconfirmed in filelint's sources, so this is a warning.",
    authority=[Authority("Cal. Rules of Court, rule 3.1300(c)", "U", "text not confirmed"), Authority("CCP § 12c")],
    fix="File the proof of service with the moving papers, or at least 5 court days before the hearing.",
    fail_example="motion: {hearing: 2025-08-11}\npapers:\n  - {role: proof-of-service, path: pos.pdf, "
    "filed: 2025-08-06}",
    pass_example="motion: {hearing: 2025-08-11}\npapers:\n  - {role: proof-of-service, path: pos.pdf, "
    "filed: 2025-06-23}",
    reads=("papers[].role", "papers[].filed", "motion.hearing", "court.closures"),
    notes="[U]: a warning only. Counted backward from the hearing (CCP 12c), excluding the hearing "
    "day. A listed proof of service without a filed date is reported by CAL490.",
)
def proof_of_service_late(ctx: Context) -> Iterator[Problem]:
    case, cal = ctx.case, ctx.calendar()
    hearing = case.motion.hearing
    if not is_california(case) or hearing is None or cal is None:
        return
    last = last_day_before_hearing(hearing, POS_COURT_DAYS, "personal", cal).result
    for paper in case.papers_with_role("proof-of-service"):
        filed = _filed(case, paper.at)
        if filed is not None and filed > last:
            yield Problem(
                f"the proof of service {paper.path} was filed {filed}, after "
                f"{fmt_date(last)}, the 5th court day before the hearing on {hearing} "
                "(CRC 3.1300(c) [U])",
                at=(*paper.at, "filed"),
                key=paper.path,
            )


def _filed(case: Case, at: tuple[str | int, ...]) -> dt.date | None:
    raw = case.raw.get("papers") or []
    index = at[1] if isinstance(at[1], int) else -1
    entry = raw[index] if 0 <= index < len(raw) else {}
    return manifest_date(entry.get("filed")) if isinstance(entry, dict) else None


#: CRC 3.1110(a): the opening paragraph states the order sought and its grounds. How much of the
#: notice's text is read as its opening (filelint's measure, not the rule's).
OPENING_CHARS = 1500
ORDER_WORDS = re.compile(r"\border\b", re.IGNORECASE)
GROUND_WORDS = re.compile(
    r"\bground|\bbecause\b|pursuant\s+to|\bunder\s+(?:code|section|ccp)|"
    r"code\s+of\s+civil\s+procedure|\bsection\s+20\d\d|\bCCP\s*§*\s*\d",
    re.IGNORECASE,
)


def _opening(text: str) -> str:
    """The notice from 'PLEASE TAKE NOTICE' (or its start) on, as far as OPENING_CHARS."""
    flat = " ".join(text.split())
    start = flat.upper().find("PLEASE TAKE NOTICE")
    return flat[max(start, 0) : max(start, 0) + OPENING_CHARS]


@rule(
    "CAL505",
    "notice-opening-paragraph",
    "warning",
    systems=CALIFORNIA,
    summary="The notice of motion's opening does not state the order sought and the grounds for it.",
    why="CRC 3.1110(a): 'A notice of motion must state in the opening paragraph the nature of the "
    "order being sought and the grounds for issuance of the order.' A notice that does not "
    "tells neither the court nor the other side what is asked and why.",
    authority=[Authority("Cal. Rules of Court, rule 3.1110(a)"), Authority("Cal. Rules of Court, rule 3.1112")],
    fix="Open the notice with the order sought (e.g. 'an order compelling further responses to RFP "
    "Nos. 13-16') and its grounds (the statute and the reason).",
    fail_example="# notice.pdf: 'PLEASE TAKE NOTICE that on August 11, 2025 plaintiff will move the court.'",
    pass_example="# notice.pdf: 'PLEASE TAKE NOTICE that plaintiff will move for an order compelling "
    "further responses ... on the grounds that the responses are evasive (CCP 2031.310).'",
    reads=("papers[].role",),
    notes="A warning: read from the text, which cannot settle what a paragraph says. The opening is "
    "the notice from 'PLEASE TAKE NOTICE' (or its first words) for 1,500 characters; it "
    "passes when it uses the word 'order' and names grounds ('ground', 'because', 'pursuant "
    "to', a Code of Civil Procedure section). Whether the motion names the moving and "
    "responding parties (CRC 3.1112(d)) is not checked.",
)
def notice_opening(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case):
        return
    papers = case.papers_with_role("notice")
    for path, doc in iter_docs(ctx, [p.path for p in papers]):
        opening = _opening(" ".join(doc.pages))
        missing = [
            what
            for what, words in (("the order sought", ORDER_WORDS), ("its grounds", GROUND_WORDS))
            if not words.search(opening)
        ]
        if missing:
            paper = next(p for p in papers if p.path == path)
            yield Problem(
                f"the opening of {path} does not state {' or '.join(missing)} (CRC 3.1110(a))", at=paper.at, key=path
            )


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts CAL503 and CAL504 need (reported by CAL490)."""
    if not is_california(case):
        return
    if not case.papers:
        yield Problem(
            "no papers are listed, so CAL503 cannot check for the memorandum (CRC 3.1113(a)) "
            "nor CAL001/CAL201 for the declaration and separate statement",
            at=("motion",),
            key="papers:none",
        )
        return
    for paper in case.papers_with_role("proof-of-service"):
        if case.motion.hearing is not None and _filed(case, paper.at) is None:
            yield Problem(
                f"papers: {paper.path} has no filed date, so CAL504 cannot check that it was "
                "filed 5 court days before the hearing",
                at=paper.at,
                key=f"pos:{paper.path}",
            )


RULES = (memorandum_missing, proof_of_service_late, notice_opening)
