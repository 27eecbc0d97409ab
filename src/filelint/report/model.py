"""The report's data: events, matrix, finding links; deadlines are the public :mod:`filelint.deadlines` types.

Plain data, no HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from filelint.deadlines import Deadline, Missing
from filelint.findings import Finding
from filelint.manifest.requests import Req

#: Which way an event sits on the timeline: the moving side above the axis, the responding side
#: below, the court (hearing, trial date) in the band with the deadlines.
SIDES = ("moving", "responding", "court")


@dataclass
class Event:
    """One dated fact of the manifest, drawn as one mark."""

    ident: str  # DOM id built from the manifest position, never from user text
    kind: str  # discovery, response, verification, extension, communication, filed, ...
    side: str
    date: dt.date
    label: str  # short text beside the mark
    detail: str  # one line: what happened
    source: str  # the file the fact comes from (the manifest when none is named)
    line: int  # manifest line stating it
    key_path: str  # e.g. meet_and_confer[1]: findings at or below it concern this event
    comm_id: str | None = None
    live: bool = False  # a call, video call or meeting, not a letter or email
    offer: bool = False
    ask: bool = False
    unanswered: bool = False
    answers: str | None = None  # ident of the event this one answers
    findings: list[int] = field(default_factory=list)  # indexes into ReportData.findings


@dataclass(frozen=True)
class Span:
    """A shaded period: the 45-day window, the notice period."""

    kind: str
    start: dt.date
    end: dt.date
    label: str


@dataclass(frozen=True)
class DeadlineMark:
    """A vertical line on the timeline at a last day."""

    date: dt.date
    label: str
    title: str


@dataclass
class Row:
    """One row of the coverage matrix: one request, or a run of requests with identical cells."""

    ident: str
    reqs: tuple[Req, ...]
    cells: list[str]  # raised, not-raised, offered, answered (one per column)
    flagged: list[bool]  # cell is behind a coverage finding
    findings: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Column:
    """One communication, or (on a very long record) a run of consecutive ones folded together."""

    comm_id: str
    event: str
    date: dt.date
    side: str
    after_filing: bool
    last_id: str | None = None  # the run's last communication when folded
    count: int = 1


@dataclass
class FindingView:
    finding: Finding
    ident: str
    events: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)


@dataclass
class ReportData:
    """Everything one folder's section of the page shows."""

    folder: str
    title: str
    case_number: str
    court: str
    motion: str
    today: dt.date
    findings: list[FindingView]
    events: list[Event]
    spans: list[Span]
    deadline_marks: list[DeadlineMark]
    columns: list[Column]
    rows: list[Row]
    deadlines: list[Deadline]
    missing: list[Missing]
    never_raised: list[Req]
    unanswered: list[Event]
    deadlines_supported: bool
    error: str | None = None
