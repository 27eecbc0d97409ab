"""Further meet-and-confer patterns courts weigh (reported by CAL004 as warnings, each with its reason).

Judgment calls, never errors: a meet and confer begun only days before the motion deadline, an
offered protective order or extension refused, a motion filed while promised responses were being
prepared, every request raised in one omnibus letter with no follow-up, and an offer made on the eve
of the deadline with no date and no written extension (which does not oblige the mover to wait:
CAL003 stays silent on it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from filelint import Case, Communication, Context, Problem, manifest_date
from filelint.packs.california.deadlines import report

#: filelint's thresholds, not rules of court: "days before the deadline" for a conferral that
#: starts late, and for an offer on the eve of the deadline.
LATE_START_DAYS = 7
EVE_DAYS = 7
#: An omnibus letter raises at least this many requests at once.
OMNIBUS_MIN = 10
REFUSALS = {"protective-order": "a protective order", "extension": "an extension"}
PROMISES = frozenset({"supplement", "production", "amend-responses"})


def raw_of(case: Case, comm: Communication) -> dict[str, Any]:
    entries = case.raw.get("meet_and_confer") or []
    index = comm.at[1] if isinstance(comm.at[1], int) else -1
    entry = entries[index] if 0 <= index < len(entries) else {}
    return entry if isinstance(entry, dict) else {}


def motion_deadline(ctx: Context) -> dt.date | None:
    """The earliest 45-day deadline of the motion (None when not computed)."""
    found = report(ctx)
    dates = [d.deadline for d in (found.deadlines if found else []) if d.kind == "45-day"]
    return min(dates, default=None)


def eve_of_deadline(ctx: Context, offer: Communication) -> dt.date | None:
    """The deadline, when ``offer`` came within EVE_DAYS of it with no date of its own and no written
    extension agreed since: the mover may file to preserve the motion (digest of trial-court rulings,
    [S])."""
    deadline = motion_deadline(ctx)
    case = ctx.case
    if deadline is None or raw_of(case, offer).get("promised_by"):
        return None
    if not 0 <= (deadline - offer.date).days <= EVE_DAYS:
        return None
    extended = any(
        e.in_writing and e.new_deadline is not None and (e.agreed_on is None or e.agreed_on >= offer.date)
        for e in case.extensions
    )
    return None if extended else deadline


def patterns(ctx: Context) -> Iterator[Problem]:
    yield from _late_start(ctx)
    yield from _refusals(ctx.case)
    yield from _promised(ctx.case)
    yield from _omnibus(ctx.case)
    yield from _eve_offers(ctx)


def _moving(case: Case) -> list[Communication]:
    return sorted((c for c in case.before_filing() if c.side == "moving" and c.substantive), key=lambda c: c.date)


def _late_start(ctx: Context) -> Iterator[Problem]:
    moving, deadline = _moving(ctx.case), motion_deadline(ctx)
    if not moving or deadline is None:
        return
    first = moving[0]
    days = (deadline - first.date).days
    if 0 <= days < LATE_START_DAYS:
        yield Problem(
            f"the moving side's first meet-and-confer message ({first.id}, {first.date}) came "
            f"{days} day{'s' if days != 1 else ''} before the 45-day deadline ({deadline}); "
            "conferring begun on the eve of the deadline leaves no time for a serious attempt "
            "(Obregon: the time available and who let it lapse are weighed)",
            at=first.at,
            communication=first.id,
            key="late-start",
            fix="Start meeting and conferring as soon as the responses arrive, or get a written "
            "extension of the deadline to a specific date.",
        )


def _refusals(case: Case) -> Iterator[Problem]:
    for c in _moving(case):
        refused = [REFUSALS[d] for d in raw_of(case, c).get("declines") or [] if d in REFUSALS]
        if refused:
            yield Problem(
                f"the moving side's {c.channel} of {c.date} ({c.id}) declined "
                f"{' and '.join(refused)} the other side offered; courts weigh a refusal to "
                "stipulate to a reasonable protective order or extension against the mover "
                "(SF Dept 302, CGC22603294, 2025: denied where the mover 'failed to reasonably "
                "engage' with a proposed protective order)",
                at=(*c.at, "declines"),
                communication=c.id,
                key=f"declines:{c.id}",
            )


def _promised(case: Case) -> Iterator[Problem]:
    filed = case.motion.filed
    if filed is None:
        return
    for c in case.before_filing():
        promised = manifest_date(raw_of(case, c).get("promised_by"))
        if c.side != "responding" or promised is None or promised <= filed:
            continue
        if not PROMISES & set(c.offers):
            continue
        yield Problem(
            f"the motion was filed {filed}, while the other side's promise of {c.date} ({c.id}) "
            f"to serve further responses or documents by {promised} was still running; "
            "filing while promised responses are being prepared is weighed against the mover",
            at=(*c.at, "promised_by"),
            communication=c.id,
            key=f"promised:{c.id}",
        )


def _omnibus(case: Case) -> Iterator[Problem]:
    """Every request at issue raised in one letter or email, and none raised again before filing."""
    reqs, moving = case.motion.requests, _moving(case)
    if len(reqs) < OMNIBUS_MIN or len(moving) < 2 or any(c.live for c in case.before_filing()):
        return  # one message in all is CAL004's one-letter pattern
    for c in moving:
        if not all(c.raises is None or any(r.matches(q) for r in c.raises) for q in reqs):
            continue
        later = [m for m in moving if m.date > c.date and (m.raises is None or m.raises)]
        if not later:
            yield Problem(
                f"every request at issue ({len(reqs)}) was raised in one omnibus {c.channel} "
                f"({c.id}, {c.date}) and none was taken up again before filing; an omnibus "
                "letter with no follow-up is not a serious attempt on each issue (Clement)",
                at=c.at,
                communication=c.id,
                key=f"omnibus:{c.id}",
            )
        return


def _eve_offers(ctx: Context) -> Iterator[Problem]:
    for offer in ctx.case.before_filing():
        if offer.side != "responding" or not offer.offers:
            continue
        deadline = eve_of_deadline(ctx, offer)
        if deadline is not None:
            days = (deadline - offer.date).days
            yield Problem(
                f"the other side's offer of {offer.date} ({offer.id}) came {days} "
                f"days before the 45-day deadline ({deadline}), named no date and came with no "
                "written extension; it did not oblige the mover to let the deadline pass, but "
                "answer it in writing (a court may weigh it)",
                at=offer.at,
                communication=offer.id,
                key=f"eve:{offer.id}",
            )
