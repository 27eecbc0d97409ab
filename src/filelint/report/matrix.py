"""The coverage matrix: requests at issue by meet-and-confer communications.

A cell says what the communication did with the request: ``raised`` it, ``offered`` (an offer or
an ask about it), ``answered`` (a reply that takes it up again), or ``not-raised``. Consecutive
requests with identical cells share one row once the matrix is long (a 200-request motion stays
readable).
"""

from __future__ import annotations

from filelint.manifest.requests import Req
from filelint.model import Case, Communication
from filelint.report.model import Column, Event, Row

#: Above this many requests, runs of identical rows are grouped into one.
GROUP_ABOVE = 40


def columns(case: Case, events: list[Event]) -> list[Column]:
    """One column per communication, in date order."""
    by_comm = {e.ident: e for e in events if e.kind == "communication"}
    filed = case.motion.filed
    cols = [Column(c.id, f"ev-mc-{i}", c.date, c.side, filed is not None and c.date > filed)
            for i, c in enumerate(case.communications) if f"ev-mc-{i}" in by_comm]
    return sorted(cols, key=lambda c: c.date)


def cell(c: Communication, req: Req) -> str:
    if c.raises is not None and not any(r.matches(req) for r in c.raises):
        return "not-raised"
    if c.offers or c.asks:
        return "offered"
    return "answered" if c.answers else "raised"


def rows(case: Case, cols: list[Column]) -> list[Row]:
    comms = {c.id: c for c in case.communications}
    single = [Row(f"rq-{i}", (req,), [cell(comms[col.comm_id], req) for col in cols], [False] * len(cols))
              for i, req in enumerate(case.motion.requests)]
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
    return (a.device == b.device and a.set == b.set and a.number.isdigit() and b.number.isdigit()
            and int(b.number) == int(a.number) + 1)


def never_raised(case: Case, table: list[Row], cols: list[Column]) -> list[Req]:
    """Requests at issue that no communication before filing raised at all."""
    out: list[Req] = []
    for row in table:
        before = [c for c, col in zip(row.cells, cols, strict=True) if not col.after_filing]
        if all(c == "not-raised" for c in before):
            out.extend(row.reqs)
    return out
