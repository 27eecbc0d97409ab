"""FL109: the separate statement quotes each request and response as served (CRC 3.1345(c)),
compared with the response papers the manifest lists."""

from __future__ import annotations

import re
from collections.abc import Iterator

from filelint import Authority, Context, Problem, Req, Response, format_requests, rule
from filelint.packs.core.papers.systems import CALIFORNIA
from filelint.papers import Section, iter_docs, parse_sections

#: Below this share of the served text's words, in order, the statement does not quote it.
MATCH_FLOOR = 0.8
#: Texts are compared on at most this many words (a response longer than that is rare, and
#: the comparison is quadratic).
MAX_WORDS = 2000
#: Fewer words than this is too little to compare ("Objection.", a placeholder).
MIN_WORDS = 4
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())[:MAX_WORDS]


def quoted_share(served: list[str], statement: list[str]) -> float:
    """How much of the served text appears, in order, in the statement's text (0 to 1)."""
    if not served:
        return 1.0
    from difflib import SequenceMatcher  # lazy: only when a statement is compared

    matcher = SequenceMatcher(None, served, statement, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(served)


@rule(
    "FL109",
    "separate-statement-text-differs",
    "warning",
    systems=CALIFORNIA,
    summary="The separate statement's text of a request or response differs from the response "
    "paper the manifest lists.",
    why="The separate statement must set out the text of each request and each response in "
    "full, so that no one needs another document; a paraphrase, or a response left out "
    "when a further one was served, gives the court a different record from the one served.",
    authority=[Authority("CRC 3.1345(c)")],
    fix="Copy the request and each response (original and further) word for word from the "
    "served papers into the statement.",
    fail_example="# responses.pdf: 'RESPONSE TO REQUEST FOR PRODUCTION NO. 34: Defendant agrees to "
    "comply in part ...'\n# separate-statement.pdf: 'RESPONSE TO REQUEST FOR "
    "PRODUCTION NO. 34: Defendant objected.'",
    pass_example="# separate-statement.pdf repeats the response from responses.pdf word for word",
    reads=("responses[].file", "responses[].device", "motion.requests_at_issue", "papers[].role"),
    notes="A warning: the words are compared, not their layout, and a statement may add "
    "bracketed notes. Both papers are split into request sections as FL107 describes "
    "(California responses repeat each request before answering it). For each request at "
    "issue that has a section in both, the request's text and the response's text in the "
    "response paper must appear, in order, in the statement: at least 80% of their words "
    "(case, punctuation and line breaks ignored; texts under 4 words are not compared). "
    "Each response paper of the motion's device is compared, so a supplemental response "
    "the statement leaves out is reported too. Response papers without request headings "
    "are not compared.",
)
def statement_text(ctx: Context) -> Iterator[Problem]:
    statements = [p.path for p in ctx.case.papers_with_role("separate-statement")]
    served = [r for r in ctx.case.responses if r.file and r.device == ctx.case.motion.main_device]
    if not statements or not served:
        return
    served_sections = {path: parse_sections(doc) for path, doc in iter_docs(ctx, [r.file for r in served])}
    for path, doc in iter_docs(ctx, statements):
        mine = parse_sections(doc)
        for response in served:
            theirs = served_sections.get(response.file or "")
            if theirs:
                yield from _compare(ctx, path, mine, response, theirs)


def _compare(
    ctx: Context, path: str, mine: dict[str, Section], response: Response, theirs: dict[str, Section]
) -> Iterator[Problem]:
    for req in ctx.case.motion.requests:
        own, served = mine.get(req.number), theirs.get(req.number)
        if own is None or served is None:
            continue
        for element in ("request", "response"):
            share = _share(own, served, element)
            if share is not None and share < MATCH_FLOOR:
                yield _problem(path, req, response, (own, served), element, share)


def _share(own: Section, served: Section, element: str) -> float | None:
    served_words = words(served.body(element))
    if len(served_words) < MIN_WORDS:
        return None
    return quoted_share(served_words, words(own.body(element)))


def _problem(
    path: str, req: Req, response: Response, sections: tuple[Section, Section], element: str, share: float
) -> Problem:
    own, served = sections
    what = "text of" if element == "request" else "response to"
    return Problem(
        f"{path} does not quote the {what} {format_requests([req])} as served in "
        f"{response.file} (page {served.pages[0]}): {share:.0%} of its words appear in "
        "the statement, in order; set it out word for word",
        document=path,
        page=own.pages[0],
        requests=(req.number,),
        key=f"{path}:{response.file}:{req.number}:{element}",
    )


RULES = (statement_text,)
