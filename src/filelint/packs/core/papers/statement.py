"""FL107/FL108: each request's section of the separate statement sets out the request, the
response and the reasons (CRC 3.1345(c)); FL104 checks only that each request is named."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Context, Problem, Req, format_requests, rule
from filelint.packs.core.papers.systems import CALIFORNIA
from filelint.papers import ELEMENTS, Section, incorporates, iter_docs, parse_sections, request_pages

CRC_3_1345_C = Authority("CRC 3.1345(c)")
#: How each element is named in a message, and the heading that would show it.
ELEMENT_NAMES = {
    "request": ("the text of the request", "REQUEST FOR PRODUCTION NO. n:"),
    "response": ("the response", "RESPONSE TO REQUEST FOR PRODUCTION NO. n:"),
    "reasons": ("the reasons to compel", "REASONS WHY A FURTHER RESPONSE SHOULD BE COMPELLED:"),
}


def _statements(ctx: Context) -> list[str]:
    return [p.path for p in ctx.case.papers_with_role("separate-statement")]


@rule(
    "FL107",
    "separate-statement-elements",
    "error",
    systems=CALIFORNIA,
    summary="A request's section of the separate statement leaves out the request's text, the "
    "response, or the reasons, or points to another document for them.",
    why="The separate statement must be 'full and complete so that no person is required to "
    "review any other document' and must set out, for each request, its text, each "
    "response and objection, and the factual and legal reasons to compel. Courts deny "
    "motions whose statement does not (Mai v. Ho, S.F. Super. Ct. No. CGC25627532, "
    "Dept. 302, Apr. 24, 2026: no document setting "
    "out 'each full request, each full response and the reasons').",
    authority=[CRC_3_1345_C],
    fix="Under each request's heading, set out the request verbatim, the response (and any "
    "further response) verbatim, and the reasons to compel that request; quote rather than "
    "cite an exhibit.",
    fail_example="REQUEST FOR PRODUCTION NO. 35:\nAll warranty claims for the vehicle.\n"
    "RESPONSE TO REQUEST FOR PRODUCTION NO. 35:\nSee Exhibit 2.\n"
    "# no reasons, and the response points to an exhibit",
    pass_example="REQUEST FOR PRODUCTION NO. 35:\nAll warranty claims for the vehicle.\n"
    "RESPONSE TO REQUEST FOR PRODUCTION NO. 35:\nObjection: overbroad ...\n"
    "REASONS WHY A FURTHER RESPONSE SHOULD BE COMPELLED:\nThe claims show ...",
    reads=("motion.requests_at_issue", "papers[].role"),
    notes="The statement is split into sections at headings: a line that starts with a "
    "request name and number ('REQUEST FOR PRODUCTION NO. 13', 'SPECIAL INTERROGATORY NO. "
    "5', 'REQUESTS NOS. 13-16', 'CATEGORY NO. 2'), a response heading ('RESPONSE TO ...', "
    "'FURTHER RESPONSE', 'OBJECTIONS', 'Defendant's Response') or a reasons heading "
    "('REASONS ...', 'FACTUAL AND LEGAL REASONS', 'GOOD CAUSE', 'MOVING PARTY'S "
    "POSITION'), ending in a colon or written in capitals. An element counts when its "
    "heading has text under it; text of 300 characters or less that says 'see Exhibit' "
    "or 'incorporated by reference' counts as pointing elsewhere. Not checked: that the "
    "quoted text matches the served request and response word for word, and the other "
    "items of 3.1345(c) (definitions, other responses, summaries), whose wording is "
    "known only from a secondary source [S]. A Word (.docx) statement laid out as a table "
    "is read by its cells: a header row naming the request, response and reasons columns, "
    "or rows labelled 'Request No. n:', 'Response:', 'Reasons:'. A PDF statement with no such "
    "headings (a table, say) is reported by FL108 instead. A request the statement never names is FL104's "
    "finding. Sections are keyed by request number alone: a statement that covers two "
    "sets or devices numbered alike has their sections merged.",
)
def statement_elements(ctx: Context) -> Iterator[Problem]:
    device = ctx.case.motion.main_device
    for path, doc in iter_docs(ctx, _statements(ctx)):
        sections = parse_sections(doc)
        if not sections:
            continue
        mentioned = request_pages(doc, device)
        for req in (r for r in ctx.case.motion.requests if r.numbered):
            section = sections.get(req.number)
            if section is not None:
                yield from _section_problems(path, req, section)
            elif req.number in mentioned:
                yield Problem(
                    f"{path} names {format_requests([req])} but has no section headed "
                    "for it, so its request, response and reasons are not set out as "
                    "the other requests' are",
                    document=path,
                    page=mentioned[req.number][0],
                    requests=(req.number,),
                    key=f"{path}:{req.number}:section",
                )


def _section_problems(path: str, req: Req, section: Section) -> Iterator[Problem]:
    gaps = [gap for element in ELEMENTS if (gap := _gap(section, element))]
    if gaps:
        yield Problem(
            f"{path}, {format_requests([req])}: " + "; ".join(gaps),
            document=path,
            page=section.pages[0],
            requests=(req.number,),
            key=f"{path}:{req.number}",
        )


def _gap(section: Section, element: str) -> str:
    """What is wrong with one element of a section ('' when nothing is)."""
    name, heading = ELEMENT_NAMES[element]
    if not section.has(element):
        return f"{name} is not set out (no heading such as '{heading}')"
    body = section.body(element)
    if not any(c.isalnum() for c in body):
        return f"{name} has a heading but no text under it"
    if incorporates(body):
        return f"{name} points to another document ({_quote(body)}) instead of setting it out"
    return ""


def _quote(body: str, limit: int = 60) -> str:
    text = " ".join(body.split())
    return f"'{text[:limit]}...'" if len(text) > limit else f"'{text}'"


@rule(
    "FL108",
    "separate-statement-unparsed",
    "info",
    systems=CALIFORNIA,
    summary="filelint found no request headings in the separate statement, so it could not "
    "check each request's request, response and reasons (FL107).",
    why="A check that cannot run must say so: a statement laid out as a table, or with "
    "headings filelint does not know, would otherwise look complete.",
    authority=[CRC_3_1345_C],
    fix="Head each request's section 'REQUEST FOR PRODUCTION NO. n:', 'RESPONSE TO REQUEST "
    "FOR PRODUCTION NO. n:' and 'REASONS WHY A FURTHER RESPONSE SHOULD BE COMPELLED:' (or "
    "the interrogatory or admission equivalents), or check the statement by hand.",
    fail_example="# separate-statement.pdf is a three-column table: request | response | reasons",
    pass_example="# separate-statement.pdf:\nREQUEST FOR PRODUCTION NO. 13:\n...\n"
    "RESPONSE TO REQUEST FOR PRODUCTION NO. 13:\n...\nREASONS WHY A FURTHER "
    "RESPONSE SHOULD BE COMPELLED:\n...",
    reads=("papers[].role",),
    notes="Info: the statement may well be complete. Headings (and Word tables) are described "
    "under FL107. "
    "Pages without a text layer are not read (FL110/FL112 report them).",
)
def statement_unparsed(ctx: Context) -> Iterator[Problem]:
    if not ctx.case.motion.requests:
        return
    for path, doc in iter_docs(ctx, _statements(ctx)):
        if not parse_sections(doc):
            yield Problem(
                f"{path} has no request headings filelint recognises (such as "
                "'REQUEST FOR PRODUCTION NO. 13:'), so FL107 could not check that each "
                "request's text, response and reasons are set out",
                document=path,
                key=path,
            )


RULES = (statement_elements, statement_unparsed)
