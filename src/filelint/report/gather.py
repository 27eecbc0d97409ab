"""One folder's report data: the case's events, the matrix, the deadlines and what each finding concerns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from filelint.deadlines import Deadline, DeadlineReport
from filelint.report import events as ev_mod
from filelint.report import matrix
from filelint.report.model import (
    Column,
    DeadlineMark,
    Event,
    FindingView,
    ReportData,
    Row,
    Span,
)

if TYPE_CHECKING:
    from filelint.findings import Finding
    from filelint.model import Case
    from filelint.runner import FolderResult

#: Short names of the last days a pack's deadline kinds stand for (others use the deadline's title).
LAST_DAY = {
    "45-day": "last day to move (45 days)",
    "60-day": "last day to move (60 days)",
    "notice": "last day to serve the motion",
    "filing": "last day to file the motion",
    "cutoff": "discovery-motion cut-off",
    "ud-cutoff": "discovery completed (unlawful detainer)",
    "conference": "last day for the conference",
    "idc-form": "last day to file the IDC form",
}
#: Findings about these manifest keys are about meet-and-confer coverage: their cells are marked.
COVERAGE_KEYS = ("motion.requests_at_issue", "meet_and_confer")


def gather(result: FolderResult, report: DeadlineReport | None, today: dt.date, shown: str) -> ReportData:
    """Everything one folder's section shows; a folder whose manifest cannot be read shows its findings."""
    views = [FindingView(f, f"f-{i}") for i, f in enumerate(result.findings)]
    case: Case | None = result.case
    if case is None or result.loaded is None:
        return _unreadable(shown, views, today)
    loaded = result.loaded
    manifest = Path(shown).name if shown else "filelint.yaml"
    events = ev_mod.case_events(case, lambda at: loaded.mark_for(at).line, manifest)
    cols = matrix.columns(case, events)
    table = matrix.rows(case, cols)
    _link(views, events, table, cols)
    cols = matrix.fold(cols, table)
    deadlines = list(report.deadlines) if report is not None else []
    raw_case = case.raw.get("case", {})
    return ReportData(
        folder=shown,
        title=str(raw_case.get("title") or ""),
        case_number=case.case_number,
        court=_court(case),
        motion=str(case.motion.raw.get("title") or case.motion.kind),
        today=today,
        findings=views,
        events=events,
        spans=_spans(deadlines),
        deadline_marks=_marks(deadlines),
        columns=cols,
        rows=table,
        deadlines=deadlines,
        missing=list(report.missing) if report else [],
        never_raised=matrix.never_raised(case, table, cols),
        unanswered=[e for e in events if e.unanswered],
        deadlines_supported=report is not None,
    )


def _unreadable(shown: str, views: list[FindingView], today: dt.date) -> ReportData:
    return ReportData(
        folder=shown,
        title="",
        case_number="",
        court="",
        motion="",
        today=today,
        findings=views,
        events=[],
        spans=[],
        deadline_marks=[],
        columns=[],
        rows=[],
        deadlines=[],
        missing=[],
        never_raised=[],
        unanswered=[],
        deadlines_supported=False,
        error="the manifest cannot be read, so there is no timeline: fix the findings below",
    )


def _court(case: Case) -> str:
    county, dept = case.court.get("county"), case.court.get("department")
    return ", ".join([case.system] + ([str(county)] if county else []) + ([f"Dept. {dept}"] if dept else []))


def _concerns(f: Finding, ev: Event) -> bool:
    where = f.location.key_path
    if ev.comm_id is not None and f.extra.get("communication") == ev.comm_id:
        return True
    return bool(where) and (where == ev.key_path or where.startswith((ev.key_path + ".", ev.key_path + "[")))


def _link(views: list[FindingView], events: list[Event], table: list[Row], cols: list[Column]) -> None:
    for i, view in enumerate(views):
        for ev in events:
            if _concerns(view.finding, ev):
                view.events.append(ev.ident)
                ev.findings.append(i)
        if view.finding.location.key_path.startswith(COVERAGE_KEYS):
            _flag_cells(i, view, table, cols)


def _flag_cells(i: int, view: FindingView, table: list[Row], cols: list[Column]) -> None:
    numbers = {str(n) for n in view.finding.extra.get("requests") or ()}
    comm = view.finding.extra.get("communication")
    for row in table:
        if not numbers & {r.ref for r in row.reqs}:
            continue
        view.rows.append(row.ident)
        row.findings.append(i)
        for j, col in enumerate(cols):
            behind = col.comm_id == comm if comm else row.cells[j] == "not-raised" and not col.after_filing
            row.flagged[j] = row.flagged[j] or behind


def _marks(deadlines: list[Deadline]) -> list[DeadlineMark]:
    marks: list[DeadlineMark] = []
    for d in deadlines:
        what = LAST_DAY.get(d.kind, d.title)
        if d.latest != d.deadline:
            marks.append(DeadlineMark(d.deadline, f"{what} (safe)", d.title))
            marks.append(DeadlineMark(d.latest, f"{what} (legal, later reading)", d.title))
        else:
            marks.append(DeadlineMark(d.deadline, what, d.title))
    return marks


def _spans(deadlines: list[Deadline]) -> list[Span]:
    spans: list[Span] = []
    for d in deadlines:
        if d.kind == "notice":  # counted back from the hearing: the period before it
            spans.append(Span("notice", d.deadline, d.computation.trigger, "notice period"))
        elif d.kind != "filing" and d.computation.trigger < d.latest:  # a period that runs from its trigger
            spans.append(Span("window", d.computation.trigger, d.latest, f"{d.kind} window"))
    return spans
