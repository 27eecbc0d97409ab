"""FL104/FL105: the separate statement and the notice name the requests the manifest says
are at issue."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Context, Problem, Req, format_requests, rule
from filelint.packs.core.papers.systems import CALIFORNIA
from filelint.papers import (
    iter_docs,
    missing_requests,
    number_key,
    page_list,
    request_pages,
    searched_pages,
    unnamed_missing,
)


@rule(
    "FL104",
    "separate-statement-incomplete",
    "error",
    systems=CALIFORNIA,
    summary="The separate statement does not set out a request the motion puts at issue.",
    why="The separate statement must be complete in itself for each request in dispute: the "
    "request, the response and the reasons. A request it leaves out is not before the "
    "court on the motion.",
    authority=[Authority("CRC 3.1345(c)")],
    fix="Add the request, the response and the reasons to the separate statement, or drop the request from the motion.",
    fail_example='motion: {requests_at_issue: "13-16, 34, 35"}\n'
    "# separate-statement.pdf sets out Nos. 13-16 and 34 only",
    pass_example="# separate-statement.pdf has 'REQUEST FOR PRODUCTION NO. 35:' and the rest",
    reads=("motion.requests_at_issue", "papers[].role"),
    notes="Presence by number ('Request No. 35', 'RFP No. 35'); a deposition item known only by "
    "its name (docs/manifest.md, 'Deposition items') by its name in the text, case, spacing and "
    "punctuation aside. FL107 checks that each "
    "request's section sets out the request, the response and the reasons. Runs only "
    "when a paper has role separate-statement; whether one is required is a "
    "court-system rule (CAL201).",
)
def separate_statement(ctx: Context) -> Iterator[Problem]:
    motion = ctx.case.motion
    papers = ctx.case.papers_with_role("separate-statement")
    for path, doc in iter_docs(ctx, [p.path for p in papers]):
        mentioned = request_pages(doc, ctx.case.motion.main_device)
        for req in missing_requests(motion.requests, mentioned):
            yield Problem(
                f"{format_requests([req])} is at issue, but {path} does not set it out "
                f"(searched {searched_pages(doc)})",
                at=("motion", "requests_at_issue"),
                requests=(req.number,),
                key=f"{path}:{req.number}",
            )
        for req in unnamed_missing(doc, motion.requests):
            yield Problem(
                f"{format_requests([req])} is at issue, but {path} never gives its name "
                f"(searched {searched_pages(doc)}; case, spacing and punctuation aside)",
                at=("motion", "requests_at_issue"),
                requests=(req.ref,),
                key=f"{path}:{req.ref}",
            )


@rule(
    "FL105",
    "notice-requests-differ",
    "warning",
    systems=CALIFORNIA,
    summary="The notice of motion names different requests than the manifest's `requests_at_issue`.",
    why="The notice states the order sought; if it names other requests than the motion "
    "argues, the court and the other side cannot tell what is at issue, and every other "
    "check ran on the manifest's list.",
    authority=[Authority("CRC 3.1110(a)"), Authority("CRC 3.1345(d)", "S", "identify the discovery by set and number")],
    fix="Make the notice and `requests_at_issue` name the same requests.",
    fail_example='motion: {requests_at_issue: "13-16, 34, 35"}\n# the notice names Nos. 13-16 and 34',
    pass_example='motion: {requests_at_issue: "13-16, 34, 35"}\n'
    "# the notice: '... further responses to Requests for Production Nos. 13-16, 34 and 35.'",
    reads=("motion.requests_at_issue", "papers[].role"),
    notes="Compares request numbers of the motion's device found in the notice (in either "
    "direction). Only the device is compared, not the set.",
)
def notice_requests(ctx: Context) -> Iterator[Problem]:
    motion = ctx.case.motion
    device = ctx.case.motion.main_device
    papers = ctx.case.papers_with_role("notice")
    at = ("motion", "requests_at_issue")
    for path, doc in iter_docs(ctx, [p.path for p in papers]):
        mentioned = request_pages(doc, device)
        for req in missing_requests(motion.requests, mentioned):
            yield Problem(
                f"{format_requests([req])} is at issue in the manifest, but {path} does "
                f"not name it (searched {searched_pages(doc)})",
                at=at,
                requests=(req.number,),
                key=f"{path}:missing:{req.number}",
            )
        known = {r.number for r in motion.requests}
        for number in sorted(set(mentioned) - known, key=number_key):
            yield Problem(
                f"{path} names {format_requests([Req(device, number)])} "
                f"({page_list(mentioned[number])}), which `requests_at_issue` does not "
                "list",
                at=at,
                requests=(number,),
                key=f"{path}:extra:{number}",
            )


RULES = (separate_statement, notice_requests)
