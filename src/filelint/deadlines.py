"""Court-neutral deadline reports: what a pack's ``filelint_deadlines`` hook returns.

A pack computes its jurisdiction's deadlines for a case (the California pack: the 45-day limits,
notice, filing and cut-off; the federal pack: local-rule windows; a New York pack: CPLR 2214(b)
notice) and returns a :class:`DeadlineReport`. ``filelint deadlines`` prints every pack's report,
and rules read their own pack's report from the per-folder cache so it is computed once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from filelint.courtdays import Computation, fmt_date
from filelint.manifest.requests import Req

At = tuple[str | int, ...]

#: ``Deadline.status`` values: ``met``; ``late`` (after ``latest``); ``gap`` (after ``deadline``
#: but not after ``latest``, where the law is read two ways); ``pending`` (not done yet, still
#: time); ``overdue`` (not done and ``latest`` has passed).
STATUSES = ("met", "late", "gap", "pending", "overdue")


@dataclass(frozen=True)
class Missing:
    """A fact a deadline needs that the manifest does not state."""

    field: str
    at: At
    why: str
    blocking: bool = True  # False: a settled fact (e.g. unverified) that only explains a gap


@dataclass(frozen=True)
class Deadline:
    """One deadline: how it was computed, the act measured against it, and the outcome.

    ``deadline`` is the safe (earlier) date and ``latest`` the legal one where readings differ;
    they are equal where the law is settled. ``status`` is one of :data:`STATUSES`.
    """

    kind: str  # e.g. "45-day", "60-day", "notice", "filing", "cutoff", "ud-cutoff"
    title: str
    computation: Computation
    deadline: dt.date
    latest: dt.date
    act: dt.date | None
    act_label: str
    status: str
    at: At
    key: str
    requests: tuple[Req, ...] = ()
    unsettled: bool = False
    notes: tuple[str, ...] = ()
    forward: Computation | None = None

    def steps(self) -> list[str]:
        """The computation, the extension and uncertainty notes: one line each."""
        lines = self.computation.explain()
        if self.deadline != self.computation.result:
            lines.append(f"Deadline: {fmt_date(self.deadline)}")
        return lines + list(self.notes)


@dataclass
class DeadlineReport:
    """All deadlines of one case from one pack, the facts still missing, and requests no
    response covers. ``source`` names the pack (shown by ``filelint deadlines``)."""

    deadlines: list[Deadline] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    uncovered: list[tuple[str, tuple[Req, ...]]] = field(default_factory=list)
    source: str = ""

    def add_missing(self, m: Missing) -> None:
        """Record a missing fact once; a second reason for the same field is appended."""
        for i, x in enumerate(self.missing):
            if x.field == m.field:
                if m.why not in x.why:
                    self.missing[i] = Missing(x.field, x.at, f"{x.why}; {m.why}", x.blocking)
                return
        self.missing.append(m)


def merge_reports(reports: list[DeadlineReport]) -> DeadlineReport | None:
    """One report from every pack's answer (usually one: the pack of the court's system); None for none."""
    if len(reports) <= 1:
        return reports[0] if reports else None
    out = DeadlineReport(source="; ".join(r.source for r in reports if r.source))
    for r in reports:
        out.deadlines += r.deadlines
        out.missing += r.missing
        out.uncovered += r.uncovered
    return out


def status_of(act: dt.date | None, deadline: dt.date, latest: dt.date, today: dt.date) -> str:
    """Where ``act`` stands against a deadline read two ways (see :data:`STATUSES`)."""
    if act is None:
        return "overdue" if today > latest else "pending"
    if act <= deadline:
        return "met"
    return "gap" if act <= latest else "late"


__all__ = ["STATUSES", "At", "Deadline", "DeadlineReport", "Missing", "merge_reports", "status_of"]
