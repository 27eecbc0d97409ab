"""A separate statement that leaves out the meet-and-confer history (CAL205)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from filelint import Authority, Case, Context, Problem, rule
from filelint.packs.california.scope import CALIFORNIA, is_california, needs_meet_and_confer
from filelint.packs.california.separate_statement import CRC_3_1345_A, merits_offers, statement_kinds
from filelint.papers import date_patterns, iter_docs

HISTORY = re.compile(r"meet[\s-]+and[\s-]+confer|met\s+and\s+conferred", re.IGNORECASE)


def _mentions_history(case: Case, text: str) -> bool:
    if HISTORY.search(text):
        return True
    return any(date_patterns(c.date).search(text) for c in case.before_filing())


@rule(
    "CAL205",
    "separate-statement-omits-meet-and-confer",
    "warning",
    systems=CALIFORNIA,
    summary="The separate statement says nothing of the meet and confer: no mention of it and no "
    "date of any communication.",
    why="A separate statement is to give the court the facts relevant to the motion without its "
    "having to search other papers; a statement that leaves out the meet-and-confer history "
    "left one court to learn of the other side's proposal from the opposition, and the motion "
    "was denied with sanctions (SF Dept 302, CGC22603294, 2025).",
    authority=[
        CRC_3_1345_A,
        Authority("Cal. Rules of Court, rule 3.1345(c)", "S", "items beyond the request, response and reasons"),
    ],
    fix="Under each request (or once, before them), set out the meet-and-confer history on it: the "
    "dates, what each side proposed and where it ended.",
    fail_example="# separate-statement.pdf: requests, responses and reasons only",
    pass_example="# separate-statement.pdf: '... The parties met and conferred by letter of June 27, "
    "2025 and a call on July 14, 2025 ...'",
    reads=("papers[].role", "meet_and_confer[].date", "motion.kind"),
    notes="A warning: CRC 3.1345(c) requires the request, the response and the reasons; what else "
    "the statement must hold is a judgment. The history counts as mentioned when the text "
    "says 'meet and confer' (or 'met and conferred') or gives the date of a communication "
    "made before filing. Checked for motions that need a separate statement and a meet and "
    "confer, where the other side made no offer on the merits before filing (where it did, "
    "CAL204 checks that the statement sets the offer out, which is the sharper finding).",
)
def statement_omits_history(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case) or not statement_kinds(case) or not needs_meet_and_confer(case):
        return
    if not case.before_filing() or merits_offers(case):
        return  # where the other side made offers, CAL204 checks the statement for them
    papers = case.papers_with_role("separate-statement")
    for path, doc in iter_docs(ctx, [p.path for p in papers]):
        text = " ".join(" ".join(doc.pages).split())
        if not _mentions_history(case, text):
            paper = next(p for p in papers if p.path == path)
            yield Problem(
                f"{path} says nothing of the meet and confer (no mention of it, no date of any "
                "communication); set out the history on each request, including the other "
                "side's proposals",
                at=paper.at,
                key=path,
            )


RULES = (statement_omits_history,)
