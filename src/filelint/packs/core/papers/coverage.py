"""FL101/FL102: what a meet-and-confer file says against what the manifest says it raised."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Communication, Context, Problem, Req, format_requests, rule
from filelint.packs.core.papers.systems import CALIFORNIA_AND_FEDERAL
from filelint.papers import (
    iter_docs,
    missing_requests,
    number_key,
    number_list,
    page_list,
    request_pages,
    searched_pages,
)

CCP_2016_040 = Authority(
    "CCP § 2016.040 ('each issue presented by the motion')",
    note="California; the federal counterpart is Fed. R. Civ. P. 37(a)(1)",
)
FRCP_37 = Authority("Fed. R. Civ. P. 37(a)(1)")


def _with_files(ctx: Context) -> list[Communication]:
    return [c for c in ctx.case.communications if c.file]


@rule(
    "FL101",
    "raised-request-not-in-file",
    "warning",
    systems=CALIFORNIA_AND_FEDERAL,
    summary="A meet-and-confer letter or email in the folder does not mention a request the manifest says it raised.",
    why="Rules such as CAL002 trust `raises:`; the court reads the letter. In Palominos Cervantes "
    "v. General Motors (LASC 23STCV03596) the court found the letter 'only specifically "
    "addresses Nos. 2, 3, 8, and 13-16' by reading it, so a manifest that claims more would "
    "hide the defect.",
    authority=[CCP_2016_040, FRCP_37],
    fix="Correct `raises:` to what the letter actually names, or send a letter that names the request.",
    fail_example='meet_and_confer:\n  - {id: m1, ..., raises: "13-16, 34", file: ex3.pdf}'
    "   # ex3.pdf names only Nos. 13-16",
    pass_example='meet_and_confer:\n  - {id: m1, ..., raises: "13-16", file: ex3.pdf}',
    reads=("meet_and_confer[].raises", "meet_and_confer[].file", "motion.requests_at_issue"),
    notes="Request references are found by `filelint.refs` ('Request No. 34', 'RFP Nos. 13-16', "
    "'Nos. 2, 3 and 8'); a bare number without 'No.' is not a reference. Pages without a "
    "text layer are not searched and the message says so (FL110/FL112 report them). "
    "`raises: all` is checked against the requests at issue.",
)
def raised_not_in_file(ctx: Context) -> Iterator[Problem]:
    comms = {c.file: c for c in _with_files(ctx) if c.raises_stated}
    device = ctx.case.motion.main_device
    for path, doc in iter_docs(ctx, comms):
        comm = comms[path]
        claimed = comm.raises if comm.raises is not None else ctx.case.motion.requests
        mentioned = request_pages(doc, device)
        for req in missing_requests(claimed, mentioned):
            yield Problem(
                f"{comm.id} ({comm.channel} of {comm.date}) is recorded as raising "
                f"{format_requests([req])}, but {path} does not mention it (searched "
                f"{searched_pages(doc)})",
                at=(*comm.at, "raises"),
                document=None,
                requests=(req.number,),
                communication=comm.id,
                key=f"{comm.id}:{req.number}",
            )


@rule(
    "FL102",
    "raises-derived-from-file",
    "info",
    systems=CALIFORNIA_AND_FEDERAL,
    summary="A meet-and-confer entry does not state `raises:`; filelint read the requests from its file instead.",
    why="Which requests each communication raised decides whether every issue was conferred "
    "on; the manifest should state it so a person has confirmed it.",
    authority=[CCP_2016_040, FRCP_37],
    fix="Add `raises:` with the request numbers the letter names (the message lists them).",
    fail_example="meet_and_confer:\n  - {id: m1, date: 2023-08-17, from: moving, channel: letter, file: ex3.pdf}",
    pass_example="meet_and_confer:\n  - {id: m1, date: 2023-08-17, from: moving, channel: letter, "
    'raises: "2, 3, 8, 13-16", file: ex3.pdf}',
    reads=("meet_and_confer[].raises", "meet_and_confer[].file"),
    notes="Info only: the derived list is a suggestion. Rules that need `raises:` (CAL002) still "
    "treat the entry as raising nothing until the manifest states it.",
)
def raises_derived(ctx: Context) -> Iterator[Problem]:
    comms = {c.file: c for c in _with_files(ctx) if not c.raises_stated}
    device = ctx.case.motion.main_device
    for path, doc in iter_docs(ctx, comms):
        comm = comms[path]
        mentioned = request_pages(doc, device)
        yield Problem(
            _derived_message(comm, path, mentioned, device, searched_pages(doc)),
            at=comm.at,
            communication=comm.id,
            key=comm.id,
            data={"derived_raises": sorted(mentioned, key=number_key)},
        )


def _derived_message(
    comm: Communication, path: str, mentioned: dict[str, list[int]], device: str, searched: str
) -> str:
    head = f"{comm.id} ({comm.channel} of {comm.date}) does not state `raises:`;"
    if not mentioned:
        return f"{head} {path} mentions no request number (searched {searched})"
    pages = sorted({p for ps in mentioned.values() for p in ps})
    listed = format_requests(Req(device, n) for n in mentioned)
    return (
        f"{head} {path} mentions {listed} ({page_list(pages)}); if that is what it raised, "
        f'add `raises: "{number_list(mentioned)}"`'
    )


RULES = (raised_not_in_file, raises_derived)
