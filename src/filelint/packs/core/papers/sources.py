"""FL114/FL115: a meet-and-confer entry checked against its source (the email or letter as
sent): date, side, requests raised and offers; and addresses that belong to neither side."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from filelint import Authority, Communication, Context, Problem, Req, format_requests, rule
from filelint.papers import iter_docs, number_key

if TYPE_CHECKING:
    from filelint.papers.correspondence import SourceFacts
    from filelint.papers.sides import Sides

CCP_2016_040 = Authority(
    "CCP § 2016.040 ('each issue presented by the motion')",
    note="California; the federal counterpart is Fed. R. Civ. P. 37(a)(1)",
)
SIDE_NAMES = {"moving": "the moving side", "responding": "the responding side", "other": "another party"}


def _sourced(ctx: Context) -> Iterator[tuple[Communication, SourceFacts]]:
    comms = [c for c in ctx.case.communications if c.source]
    if not comms:
        return
    from filelint.papers.correspondence import court_zone, source_facts

    zone = court_zone(ctx.case.court.get("timezone"))
    docs = dict(iter_docs(ctx, [c.source for c in comms]))
    for comm in comms:
        if comm.source in docs:
            yield comm, source_facts(docs[comm.source], zone, comm.message)


def _sides(ctx: Context) -> Sides:
    from filelint.papers.sides import sides_from

    return sides_from(ctx.case.raw.get("parties"))


FRCP_37 = Authority("Fed. R. Civ. P. 37(a)(1)")


@rule(
    "FL114",
    "communication-differs-from-source",
    "warning",
    summary="A meet-and-confer entry says something its source (the email or letter as sent) "
    "does not: another date, another side, other requests raised, other offers.",
    why="Every meet-and-confer rule (CAL002-CAL004) trusts the manifest's date, side, `raises:` "
    "and `offers:`; the court reads the messages themselves. In Palominos Cervantes v. "
    "General Motors the court found the only letter raised fewer requests than the motion "
    "argued, and an offer that went unanswered.",
    authority=[CCP_2016_040, FRCP_37],
    fix="Correct the entry to what the source shows (or point `source:` at the right message).",
    fail_example="meet_and_confer:\n  - {id: m1, date: 2023-08-18, from: moving, channel: email, "
    'raises: "13-16, 34", source: m1.eml}   # sent 2023-08-17, names Nos. 13-16 only',
    pass_example="meet_and_confer:\n  - {id: m1, date: 2023-08-17, from: moving, channel: email, "
    'raises: "13-16", source: m1.eml}',
    reads=(
        "meet_and_confer[].source",
        "meet_and_confer[].date",
        "meet_and_confer[].from",
        "meet_and_confer[].raises",
        "meet_and_confer[].offers",
        "meet_and_confer[].asks",
        "parties[].counsel[].email",
        "parties[].domains",
        "court.timezone",
    ),
    notes="Email (.eml, .msg): the Date header taken in the court's time zone (court.timezone, "
    "default America/Los_Angeles), the sender's side from the parties' counsel addresses "
    "and domains, and request references and offer words in the message's new text and "
    "its attachments, never in the earlier messages it quotes or forwards. A letter (.pdf, "
    ".docx): its first 'Month D, YYYY' date and its whole text. Offers are read clause by "
    "clause: words after 'if', 'in exchange for' are asks; an offer the entry lists but "
    "the source never words is reported, one the source seems to make is reported as "
    "'appears to'. A court.timezone this system does not know is reported here (dates are "
    "then read in UTC).",
)
def differs_from_source(ctx: Context) -> Iterator[Problem]:
    if not any(c.source for c in ctx.case.communications):
        return  # nothing to compare (and the message readers stay unimported)
    from filelint.papers.correspondence import unknown_zone

    zone = ctx.case.court.get("timezone")
    if unknown_zone(zone):
        yield Problem(
            f"court.timezone {zone!r} is not a time zone filelint knows (e.g. America/Los_Angeles); "
            "the sources' dates were read in UTC",
            at=("court", "timezone"),
            key="timezone",
        )
    sides = _sides(ctx)
    device = ctx.case.motion.main_device
    for comm, facts in _sourced(ctx):
        yield from _date(comm, facts)
        yield from _side(comm, facts, sides)
        yield from _requests(comm, facts, device, ctx.case.motion.requests)
        yield from _offers(comm, facts)


def _date(comm: Communication, facts: SourceFacts) -> Iterator[Problem]:
    if facts.date is not None and facts.date != comm.date:
        yield Problem(
            f"{comm.id} is dated {comm.date}, but its source {comm.source} is dated "
            f"{facts.date} (in the court's time zone)",
            at=(*comm.at, "date"),
            communication=comm.id,
            key=f"{comm.id}:date",
        )


def _side(comm: Communication, facts: SourceFacts, sides: Sides) -> Iterator[Problem]:
    side = sides.side_of(facts.sender) if facts.sender else None
    if side is not None and side != comm.side:
        yield Problem(
            f"{comm.id} is recorded `from: {comm.side}`, but its source {comm.source} was "
            f"sent by {facts.sender}, counsel for {SIDE_NAMES.get(side, side)}",
            at=(*comm.at, "from"),
            communication=comm.id,
            key=f"{comm.id}:side",
        )


def _requests(comm: Communication, facts: SourceFacts, device: str, at_issue: tuple[Req, ...]) -> Iterator[Problem]:
    if not comm.raises_stated:
        return
    from filelint.papers import find_request_refs

    found = {str(r.number) for r in find_request_refs(facts.text) if getattr(r, "device", None) in (None, device)}
    claimed = comm.raises if comm.raises is not None else at_issue
    where = f"its source {comm.source} (new text, not the messages it quotes)"
    for req in claimed:
        if req.numbered and req.number not in found:
            yield Problem(
                f"{comm.id} is recorded as raising {format_requests([req])}, but {where} does not mention it",
                at=(*comm.at, "raises"),
                communication=comm.id,
                requests=(req.number,),
                key=f"{comm.id}:missing:{req.number}",
            )
    listed = {r.number for r in claimed}
    extra = sorted(found - listed, key=number_key)
    if extra and comm.raises is not None:
        yield Problem(
            f"{where.capitalize()} also raises {format_requests(Req(device, n) for n in extra)}, "
            "which `raises:` does not list",
            at=(*comm.at, "raises"),
            communication=comm.id,
            requests=tuple(extra),
            key=f"{comm.id}:extra",
        )


def _offers(comm: Communication, facts: SourceFacts) -> Iterator[Problem]:
    for field, stated, seen in (("offers", comm.offers, facts.offers), ("asks", comm.asks, facts.asks)):
        for kind in stated:
            if kind != "other" and kind not in facts.mentioned:
                yield Problem(
                    f"{comm.id} lists `{field}: {kind}`, but its source {comm.source} never mentions it",
                    at=(*comm.at, field),
                    communication=comm.id,
                    key=f"{comm.id}:{field}:{kind}",
                )
        for kind in seen:
            if kind not in stated:
                verb = "offer" if field == "offers" else "ask for"
                yield Problem(
                    f"{comm.id}'s source {comm.source} appears to {verb} '{kind}', which `{field}:` does not list",
                    at=(*comm.at, field) if stated else comm.at,
                    communication=comm.id,
                    key=f"{comm.id}:{field}:unlisted:{kind}",
                )


@rule(
    "FL115",
    "address-of-neither-side",
    "warning",
    summary="A meet-and-confer email was sent from or to an address that belongs to no party's "
    "counsel in the manifest, or the manifest states no addresses to tell sides by.",
    why="Which side sent each message decides who failed to meet and confer; a message to the "
    "wrong lawyer, or from someone filelint cannot place, is not conferral with the other "
    "side, and a side that cannot be read is not checked.",
    authority=[CCP_2016_040, FRCP_37],
    fix="Add the address to that party's `counsel:` (email) or the firm's domain to the party's "
    "`domains:`; if the message went to someone who is not counsel, confer with counsel.",
    fail_example="parties:\n  - {name: GM, side: responding, domains: [defensefirm.com]}\n"
    "# m1.eml was sent to gm-claims@gm.com only",
    pass_example="parties:\n  - {name: GM, side: responding, domains: [defensefirm.com]}\n"
    "# m1.eml was sent to bob@defensefirm.com",
    reads=("meet_and_confer[].source", "parties[].counsel[].email", "parties[].domains"),
    notes="Only email sources (.eml, .msg, .mbox) have addresses. Domains match their subdomains.",
)
def neither_side(ctx: Context) -> Iterator[Problem]:
    if not any(c.source for c in ctx.case.communications):
        return  # no source to read addresses from (and the address book stays unimported)
    sides = _sides(ctx)
    for comm, facts in _sourced(ctx):
        addresses = [a for a in (facts.sender, *facts.recipients) if a]
        if not addresses:
            continue
        if not sides.known:
            yield Problem(
                f"{comm.source} was sent by {facts.sender or 'an unknown sender'}, but no party "
                "states counsel's email or domains, so its side cannot be checked",
                at=comm.at,
                communication=comm.id,
                key=f"{comm.id}:no-sides",
            )
            continue
        for address in dict.fromkeys(addresses):
            if sides.side_of(address) is None:
                role = "sent by" if address == facts.sender else "sent to"
                yield Problem(
                    f"{comm.id}'s source {comm.source} was {role} {address}, who is not counsel "
                    "of any party in `parties:`",
                    at=(*comm.at, "source"),
                    communication=comm.id,
                    key=f"{comm.id}:{address}",
                )


RULES = (differs_from_source, neither_side)
