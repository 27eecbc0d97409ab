"""FL106: where the declaration names the requests a communication raised, they are the ones
the manifest records; and it does not name some requests at issue and leave out others."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from filelint import Communication, Context, Problem, Req, format_requests, rule
from filelint.packs.core.papers.coverage import CCP_2016_040, FRCP_37
from filelint.packs.core.papers.systems import CALIFORNIA_AND_FEDERAL
from filelint.papers import PaperText, iter_docs, number_key, page_list, read_paper, searched_pages

if TYPE_CHECKING:
    from filelint.papers import DocumentText


@rule(
    "FL106",
    "declaration-requests-differ",
    "warning",
    systems=CALIFORNIA_AND_FEDERAL,
    summary="Where the meet-and-confer declaration names the requests a communication raised, "
    "they differ from the manifest's `raises:`; or the declaration names some requests "
    "at issue but never another.",
    why="The declaration must state facts showing an attempt to resolve each issue presented "
    "by the motion, and the court reads the declaration, not the manifest. A paragraph "
    "that says a letter raised Nos. 13-16, when the manifest records 13-16, 34 and 35, "
    "tells the court that Nos. 34 and 35 were not conferred on: in Palominos Cervantes v. "
    "General Motors (LASC 23STCV03596) the court read a letter that 'only specifically "
    "addresses Nos. 2, 3, 8, and 13-16' as no sufficient attempt to resolve Nos. 34 and "
    "35. Every other check trusted `raises:`.",
    authority=[CCP_2016_040, FRCP_37],
    fix="Make the declaration's paragraph on each communication name every request it "
    "raised (or describe them together: 'the requests at issue'), or correct `raises:`.",
    fail_example='meet_and_confer:\n  - {id: m1, date: 2023-08-17, ..., raises: "13-16, 34, '
    "35\"}\n# declaration: '7. On August 17, 2023, I sent a letter about Request "
    "Nos. 13-16.'",
    pass_example="# declaration: '7. On August 17, 2023, I sent a letter about the responses "
    "to the requests at issue.'  (collective: not compared)\n"
    "# or: '7. On August 17, 2023, I sent a letter about Request Nos. 13-16, 34 "
    "and 35.'",
    reads=(
        "papers[].role",
        "meet_and_confer[].date",
        "meet_and_confer[].raises",
        "motion.requests_at_issue",
        "motion.filed",
    ),
    notes="A warning, not an error: it reads prose, and a declaration may describe requests "
    "in ways a pattern misses. For each communication dated on or before filing (not "
    "channel: response) whose `raises:` is stated, it reads the passage of each "
    "declaration that starts at a mention of the communication's date and ends at the "
    "next numbered paragraph ('9.' at a line start) or blank line, at a mention of "
    "another communication's, response's or discovery's date, or after 1,500 "
    "characters. Only request numbers of the motion's device, or with no device ('Nos. "
    "13-16'), count; several mentions of the date are taken together, and "
    "communications of the same date share their passages. A passage that names no "
    "request number (the requests described together, 'the responses') is not "
    "compared. Otherwise it reports requests at issue the manifest records that the "
    "passages leave out, and requests at issue the passages name that the manifest does "
    "not record; requests the motion does not concern (a letter's Nos. 2, 3 and 8) are "
    "not compared, as the declaration need not name them. "
    "Then, once per paper: if the declaration names at least one request at issue by "
    "number, the requests at issue it never names are reported together (less those "
    "already reported for a passage): a paper that names some requests and describes "
    "the rest in general may be read as addressing only those it names (the court in "
    "Palominos Cervantes so read a letter); a declaration that names only "
    "requests not at issue, or none, is not. Not checked: which requests a passage that "
    "does not start at a date describes; sets; and what the declaration says about a "
    "request beyond a plain negation ('said nothing about No. 35', 'did not address "
    "No. 35', 'other than No. 35' right before the number: the passage does not count "
    "it as raised; other ways of saying so are not understood). A "
    "missing date is FL103's finding. Secondary sources cite CRC 3.1110(a) and 3.1345 for "
    "matching the request lists across papers; they govern the notice and separate "
    "statement (FL104, FL105), not the declaration.",
)
def declaration_requests(ctx: Context) -> Iterator[Problem]:
    device = ctx.case.motion.main_device
    decls = ctx.case.papers_with_role("declaration")
    for path, doc in iter_docs(ctx, [p.path for p in decls]):
        paper = read_paper(doc, device)
        reported: set[str] = set()
        for problem, missing in _passages(ctx, path, paper, device):
            reported |= missing
            yield problem
        yield from _never_named(ctx, path, doc, paper, device, reported)


def _groups(ctx: Context) -> dict[dt.date, list[Communication]]:
    """Communications before filing (not formal responses), by date."""
    groups: dict[dt.date, list[Communication]] = {}
    for comm in ctx.case.before_filing():
        if comm.channel != "response":
            groups.setdefault(comm.date, []).append(comm)
    return groups


def _stops(ctx: Context, paper: PaperText, day: dt.date) -> list[int]:
    """Where other events' dates are mentioned: a passage ends there."""
    days = {c.date for c in ctx.case.communications}
    days |= {r.served for r in ctx.case.responses if r.served}
    days |= {d.served for d in ctx.case.discovery}
    days.discard(day)
    return sorted(pos for other in days for pos in paper.date_hits(other))


def _named(paper: PaperText, day: dt.date, stops: list[int]) -> tuple[list[str], list[int]]:
    """Request numbers the passages on ``day`` name, and the pages they are on."""
    numbers: list[str] = []
    pages: set[int] = set()
    for hit in paper.date_hits(day):
        for mention in paper.mentions_in(hit, paper.passage_end(hit, stops)):
            if mention.negated:
                continue  # "said nothing about Nos. 34 and 35": not what it raised
            numbers.extend(mention.numbers)
            pages |= {paper.page_of(hit), mention.page}
    return list(dict.fromkeys(numbers)), sorted(pages)


def _recorded(ctx: Context, comm: Communication, device: str) -> set[str] | None:
    """The numbers the manifest says ``comm`` raised; ``None`` when it does not say."""
    if not comm.raises_stated:
        return None
    reqs = comm.raises if comm.raises is not None else ctx.case.motion.requests
    return {r.number for r in reqs if r.device == device and r.numbered}


def _passages(ctx: Context, path: str, paper: PaperText, device: str) -> Iterator[tuple[Problem, set[str]]]:
    at_issue = {r.number for r in ctx.case.motion.requests if r.device == device and r.numbered}
    for day, comms in _groups(ctx).items():
        named, pages = _named(paper, day, _stops(ctx, paper, day))
        if not named:
            continue  # described together, or not at all (FL103): nothing to compare
        recorded = [_recorded(ctx, c, device) for c in comms]
        known = [r for r in recorded if r is not None]
        # at issue, but no communication of that date raised it; unknown if one does not say
        extra: set[str] = set()
        if len(known) == len(recorded):
            extra = (set(named) & at_issue).difference(*known)
        for comm, raised in zip(comms, recorded, strict=True):
            if raised is None:
                continue
            missing = (raised & at_issue) - set(named)
            if missing or extra:
                yield _problem(path, comm, named, pages, raised, missing, extra, device, shared=len(comms) > 1), missing
                extra = set()  # report it once, at the first communication of that date


def _problem(
    path: str,
    comm: Communication,
    named: list[str],
    pages: list[int],
    raised: set[str],
    missing: set[str],
    extra: set[str],
    device: str,
    *,
    shared: bool,
) -> Problem:
    def fmt(numbers: set[str] | list[str]) -> str:
        return format_requests(Req(device, n) for n in numbers) or "no request"

    parts = []
    if missing:
        parts.append(f"leaves out {fmt(missing)}")
    if extra:
        whom = "any communication of that date" if shared else comm.id
        parts.append(f"names {fmt(extra)}, which the manifest does not record {whom} as raising")
    return Problem(
        f"{path} describes {comm.id}, the {comm.channel} of {comm.date} ({page_list(pages)}), "
        f"as about {fmt(named)}, but the manifest records it as raising {fmt(raised)}: the "
        f"declaration {' and '.join(parts)}",
        at=(*comm.at, "raises"),
        communication=comm.id,
        requests=tuple(sorted(missing | extra, key=number_key)),
        key=f"{path}:{comm.id}",
    )


def _never_named(
    ctx: Context, path: str, doc: DocumentText, paper: PaperText, device: str, reported: set[str]
) -> Iterator[Problem]:
    """Requests at issue the declaration never names, when it names others at issue."""
    at_issue = [r for r in ctx.case.motion.requests if r.device == device and r.numbered]
    everywhere = {n for m in paper.mentions for n in m.numbers}
    named = [r for r in at_issue if r.number in everywhere]
    if not named:
        return  # no request at issue named: the declaration describes them together
    absent = [r for r in at_issue if r.number not in everywhere and r.number not in reported]
    if not absent:
        return
    numbers = {r.number for r in named}
    pages = sorted({m.page for m in paper.mentions if numbers & set(m.numbers)})
    verb = "is" if len(absent) == 1 else "are"
    yield Problem(
        f"{format_requests(absent)} {verb} at issue, but {path} never names "
        f"{'it' if len(absent) == 1 else 'them'} (searched {searched_pages(doc)}), "
        f"though it names {format_requests(named)} ({page_list(pages)})",
        at=("motion", "requests_at_issue"),
        requests=tuple(r.number for r in absent),
        key=f"{path}:never-named",
    )


RULES = (declaration_requests,)
