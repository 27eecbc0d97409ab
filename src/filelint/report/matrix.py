"""The coverage matrix: requests at issue by meet-and-confer communications.

A cell says what the communication did with the request: ``raised`` it, ``offered`` (an offer or
an ask about it), ``answered`` (a reply that takes it up again), or ``not-raised``. Consecutive
requests with identical cells share one row once the matrix is long (a 200-request motion stays
readable).
"""

from __future__ import annotations

import math

from filelint.manifest.requests import Req
from filelint.model import Case, Communication
from filelint.report.model import Column, Event, Row

#: Above this many requests, runs of identical rows are grouped into one.
GROUP_ABOVE = 40
#: Above this many communications, consecutive ones share a column (the page stays a few MB).
MAX_COLUMNS = 400
#: A folded cell shows the most telling state of the communications in it.
STRENGTH = {"not-raised": 0, "raised": 1, "answered": 2, "offered": 3}


def columns(case: Case, events: list[Event]) -> list[Column]:
    """One column per communication, in date order."""
    by_comm = {e.ident: e for e in events if e.kind == "communication"}
    filed = case.motion.filed
    cols = [
        Column(c.id, f"ev-mc-{i}", c.date, c.side, filed is not None and c.date > filed)
        for i, c in enumerate(case.communications)
        if f"ev-mc-{i}" in by_comm
    ]
    return sorted(cols, key=lambda c: c.date)


Raised = dict[tuple[str, str], list[int | None]]  # (device, Req.ref) -> the sets it was raised in


def _refs(r: Req) -> tuple[str, ...]:
    """A deposition item with a number and a name is raised by either."""
    return (r.ref, r.name_ref) if r.number and r.name else (r.ref,)


def raised_index(c: Communication) -> Raised | None:
    """What a communication raised, for O(1) look-ups (None: it raised everything)."""
    if c.raises is None:
        return None
    index: Raised = {}
    for r in c.raises:
        for ref in _refs(r):
            index.setdefault((r.device, ref), []).append(r.set)
    return index


def cell(c: Communication, raised: Raised | None, req: Req) -> str:
    if raised is not None:
        sets = [s for ref in _refs(req) for s in raised.get((req.device, ref), [])]
        if not any(s is None or req.set is None or s == req.set for s in sets):  # Req.matches
            return "not-raised"
    if c.offers or c.asks:
        return "offered"
    return "answered" if c.answers else "raised"


def rows(case: Case, cols: list[Column]) -> list[Row]:
    comms = {c.id: (c, raised_index(c)) for c in case.communications}
    picked = [comms[col.comm_id] for col in cols]
    single = [
        Row(f"rq-{i}", (req,), [cell(c, index, req) for c, index in picked], [False] * len(cols))
        for i, req in enumerate(case.motion.requests)
    ]
    return group(single) if len(single) > GROUP_ABOVE else single


def group(single: list[Row]) -> list[Row]:
    """Merge runs of consecutive requests (same device, next number) whose cells are identical."""
    out: list[Row] = []
    for row in single:
        last = out[-1] if out else None
        if last is not None and last.cells == row.cells and _next(last.reqs[-1], row.reqs[0]):
            out[-1] = Row(last.ident, (*last.reqs, *row.reqs), last.cells, last.flagged)
        else:
            out.append(row)
    return out


def _next(a: Req, b: Req) -> bool:
    return (
        a.device == b.device
        and a.set == b.set
        and a.item == b.item
        and not (a.name or b.name)
        and a.number.isdigit()
        and b.number.isdigit()
        and int(b.number) == int(a.number) + 1
    )


def never_raised(case: Case, table: list[Row], cols: list[Column]) -> list[Req]:
    """Requests at issue that no communication before filing raised at all."""
    out: list[Req] = []
    for row in table:
        before = [c for c, col in zip(row.cells, cols, strict=True) if not col.after_filing]
        if all(c == "not-raised" for c in before):
            out.extend(row.reqs)
    return out


def fold(cols: list[Column], table: list[Row]) -> list[Column]:
    """Fold runs of consecutive columns (never across filing) into one when there are too many.

    Cells keep their most telling state and stay flagged if any folded cell was; rows are changed in place.
    """
    if len(cols) <= MAX_COLUMNS:
        return cols
    size = math.ceil(len(cols) / MAX_COLUMNS)
    runs: list[list[int]] = []
    for j, col in enumerate(cols):
        if runs and len(runs[-1]) < size and cols[runs[-1][0]].after_filing == col.after_filing:
            runs[-1].append(j)
        else:
            runs.append([j])
    for row in table:
        row.cells = [max((row.cells[j] for j in run), key=STRENGTH.__getitem__) for run in runs]
        row.flagged = [any(row.flagged[j] for j in run) for run in runs]
    return [_folded([cols[j] for j in run]) for run in runs]


def _folded(run: list[Column]) -> Column:
    first, last = run[0], run[-1]
    if len(run) == 1:
        return first
    side = first.side if all(c.side == first.side for c in run) else "both"
    return Column(first.comm_id, first.event, first.date, side, first.after_filing, last.comm_id, len(run))
