"""The HTML page: case header, findings at a glance, timeline, coverage matrix, deadlines.

Every string that comes from the manifest, a paper or a finding goes through ``esc`` (escaping.py); element
ids are built from positions (``f-3``, ``ev-mc-1``), never from user text.
"""

from __future__ import annotations

from collections import Counter

from filelint.courtdays import Computation, fmt_date
from filelint.deadlines import Deadline
from filelint.findings import Severity
from filelint.manifest.requests import format_requests
from filelint.report.escaping import esc
from filelint.report.model import Column, FindingView, ReportData
from filelint.report.style import CSS, SCRIPT
from filelint.report.timeline import svg

CELL = {
    "raised": ("R", "raised"),
    "not-raised": ("-", "not raised"),
    "offered": ("O", "offered or asked on"),
    "answered": ("A", "answered (a reply that takes it up)"),
}
STATUS = {
    "met": "met",
    "late": "LATE",
    "gap": "between the two readings (unsettled)",
    "pending": "not done yet",
    "overdue": "NOT DONE, and the deadline has passed",
}


def page(sections: list[ReportData], title: str) -> str:
    """One self-contained page; several folders get one section each."""
    body = "".join(section(d, f"s{i}-" if len(sections) > 1 else "") for i, d in enumerate(sections))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>{body}"
        f'<p class="meta">Made by filelint. Not legal advice: it checks the facts the manifest '
        f"states against the rules filelint encodes.</p><script>{SCRIPT}</script></body></html>"
    )


def section(d: ReportData, p: str) -> str:
    head = (
        f'<section class="folder" aria-labelledby="{p}h"><h1 id="{p}h">{esc(d.title or d.folder)}</h1>'
        f'<p class="meta">{esc(d.case_number)} · {esc(d.court)} · {esc(d.motion)}</p>'
        f'<p class="meta">{esc(d.folder)} · report of {d.today.isoformat()}</p>'
    )
    if d.error:
        return head + f'<p class="glance">{esc(d.error)}</p>' + findings(d, p) + "</section>"
    return head + glance(d, p) + findings(d, p) + timeline(d, p) + matrix(d, p) + deadlines(d) + "</section>"


def glance(d: ReportData, p: str) -> str:
    items = []
    if d.never_raised:
        row = next(r.ident for r in d.rows if set(r.reqs) & set(d.never_raised))
        items.append(
            f'<li class="never-raised"><strong>Never raised</strong> in any meet-and-confer '
            f"communication before filing: {esc(format_requests(d.never_raised))} "
            f'(<a href="#{p}{row}">coverage</a>)</li>'
        )
    for ev in d.unanswered:
        items.append(
            f'<li class="unanswered-offer"><strong>Unanswered</strong>: '
            f'<a href="#{p}{ev.ident}">{esc(ev.label)} of {ev.date:%b} {ev.date.day}, {ev.date.year}</a>'
            f" ({esc(ev.detail)}): no answer from the moving side before filing</li>"
        )
    if not items:
        return ""
    return f'<div class="glance" role="note"><h2>At a glance</h2><ul>{"".join(items)}</ul></div>'


def findings(d: ReportData, p: str) -> str:
    counts = Counter(v.finding.severity for v in d.findings)
    chips = "".join(
        f'<li class="{s}">{counts.get(s, 0)} {s}{"s" if counts.get(s, 0) != 1 else ""}</li>'
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    order = sorted(d.findings, key=lambda v: (-v.finding.severity, v.finding.sort_key()))
    items = "".join(_finding(d, v, p) for v in order)
    empty = "" if d.findings else "<p>No findings.</p>"
    return (
        f'<h2>Findings</h2><ul class="counts" aria-label="findings by severity">{chips}</ul>{empty}'
        f'<ul class="findings">{items}</ul>'
    )


def _finding(d: ReportData, v: FindingView, p: str) -> str:
    f = v.finding
    loc = f.location
    links = []
    if v.events:
        names = {e.ident: f"{e.label}, {e.date:%b} {e.date.day}" for e in d.events}
        links.append(
            "timeline: "
            + ", ".join(
                f'<a href="#{p}{e}" aria-label="event on the timeline: {esc(names[e])}">{esc(names[e])}</a>'
                for e in v.events
            )
        )
    if v.rows:
        rows = {r.ident: format_requests(r.reqs) for r in d.rows}
        links.append("coverage: " + ", ".join(f'<a href="#{p}{r}">{esc(rows[r])}</a>' for r in dict.fromkeys(v.rows)))
    waived = f' <span class="sev">waived: {esc(f.waived)}</span>' if f.waived else ""
    return (
        f'<li class="{f.severity}" id="{p}{v.ident}"><span class="sev">{f.severity}</span> '
        f'<span class="code">{esc(f.code)}</span> {esc(f.rule)}{waived}<br>{esc(f.message)}'
        f'<br><span class="where">{esc(loc.path)}:{loc.line}:{loc.column}'
        f"{' ' + esc(loc.key_path) if loc.key_path else ''}</span> "
        f'<span class="auth">[{esc(f.authority)}]</span>'
        + (f'<br><span class="where">Fix: {esc(f.fix)}</span>' if f.fix else "")
        + (f'<br><span class="links">{" · ".join(links)}</span>' if links else "")
        + "</li>"
    )


def timeline(d: ReportData, p: str) -> str:
    legend = (
        '<p class="legend"><span>&#9651; discovery served</span> <span>&#9661; response</span>'
        "<span>&#10003; verification</span> <span>&#9633; motion filed / served</span> "
        "<span>envelope: letter or email</span> <span>&#9675; call, video or meeting</span> "
        "<span>&#9671; hearing</span> <span>dashed ring, bold: UNANSWERED offer or ask</span> "
        "<span>curved arrow: reply to the message it points at</span> <span>hatched: 45-day window</span> "
        "<span>dotted: notice period</span> <span>dashed line: last day</span></p>"
    )
    rows = "".join(
        f'<tr><td>{e.date.isoformat()}</td><td>{esc(e.side)}</td><td><a href="#{p}{e.ident}">'
        f"{esc(e.label)}</a>{' (UNANSWERED)' if e.unanswered else ''}</td><td>{esc(e.detail)}</td>"
        f"<td>{esc(e.source)}</td><td>{e.line}</td></tr>"
        for e in d.events
    )
    return (
        f'<div class="wide"><h2>Timeline</h2>{legend}<div class="scroll" tabindex="-1">{svg(d, p)}</div>'
        f'<div id="{p}tip" class="noprint" aria-live="polite">Hover over or tab to an event for its date, '
        f"source file and manifest line.</div>"
        f'<details class="noprint"><summary>Every event as a list</summary><table><thead><tr><th>date</th>'
        f"<th>side</th><th>event</th><th>what</th><th>source</th><th>manifest line</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></details></div>"
    )


def matrix(d: ReportData, p: str) -> str:
    if not d.rows or not d.columns:
        return "<h2>Coverage</h2><p>No requests at issue or no meet-and-confer communications recorded.</p>"
    months: list[list[object]] = []
    for col in d.columns:
        label = f"{col.date:%b %Y}"
        if months and months[-1][0] == label:
            months[-1][1] = int(str(months[-1][1])) + 1
        else:
            months.append([label, 1])
    month_row = "".join(f'<th colspan="{n}" scope="colgroup">{esc(str(m))}</th>' for m, n in months)
    head = "".join(
        f'<th scope="col" class="col{" after" if c.after_filing else ""}">'
        f'<a href="#{p}{c.event}">{_column_name(c)}{" (after filing)" if c.after_filing else ""}</a></th>'
        for c in d.columns
    )
    body = "".join(_row(d, r_i, p) for r_i in range(len(d.rows)))
    legend = (
        '<p class="legend"><span>R raised</span> <span>O offered or asked on</span>'
        '<span>A answered</span> <span>- not raised</span> <span>double outline, "!": behind a finding</span> '
        "<span>column M: moving side, R: responding side; on a very long record a column folds a run of "
        "communications (first-last (count)) and shows its most telling cell</span></p>"
    )
    return (
        f'<div class="wide"><h2>Coverage: requests at issue by communication</h2>{legend}'
        f'<div class="matrix-wrap" tabindex="0">'
        f'<table class="matrix"><thead><tr><th></th>{month_row}</tr><tr><th scope="col">request</th>{head}</tr>'
        f"</thead><tbody>{body}</tbody></table></div></div>"
    )


def _column_name(c: Column) -> str:
    side = {"moving": "M", "responding": "R"}.get(c.side, "M+R")
    if c.count == 1:
        return f"{esc(c.comm_id[:12])} {c.date:%m-%d} {side}"
    return f"{esc(c.comm_id[:12])}-{esc((c.last_id or '')[:12])} ({c.count}) {c.date:%m-%d} {side}"


def _row(d: ReportData, i: int, p: str) -> str:
    row = d.rows[i]
    codes = " ".join(
        f'<a href="#{p}{d.findings[k].ident}" class="code">{esc(d.findings[k].finding.code)}</a>'
        for k in dict.fromkeys(row.findings)
    )
    cells = "".join(
        # the few cells behind a finding say so in words; the rest rely on the legend
        f'<td class="{state} flagged" title="{CELL[state][1]}, behind a finding">{CELL[state][0]}!</td>'
        if flag
        else f'<td class="{state}">{CELL[state][0]}</td>'
        for state, flag in zip(row.cells, row.flagged, strict=True)
    )
    cls = ' class="has-finding"' if row.findings else ""
    return (
        f'<tr id="{p}{row.ident}"{cls}><th scope="row" class="req">{esc(format_requests(row.reqs))} '
        f"{codes}</th>{cells}</tr>"
    )


def deadlines(d: ReportData) -> str:
    if not d.deadlines_supported:
        return f"<h2>Deadlines</h2><p>No installed pack computes deadlines for this court ({esc(d.court)}).</p>"
    blocks = "".join(_deadline(x) for x in d.deadlines) or "<p>No deadline could be computed.</p>"
    missing = "".join(f"<li><code>{esc(m.field)}</code>: {esc(m.why)}</li>" for m in d.missing)
    if missing:
        missing = f"<h3>Facts the manifest does not state (these deadlines were not checked)</h3><ul>{missing}</ul>"
    return f"<h2>Deadlines</h2>{blocks}{missing}"


def _deadline(x: Deadline) -> str:
    when = fmt_date(x.deadline) + (f" (later reading {fmt_date(x.latest)})" if x.latest != x.deadline else "")
    fwd = ""
    if x.forward is not None:
        fwd = f"<p>Counted forward (used by some courts):</p>{_steps(x.forward)}"
    notes = "".join(f"<li>{esc(n)}</li>" for n in x.notes)
    return (
        f'<div class="deadline-block"><h3>{esc(x.title)}</h3><p>Last day: <strong>{esc(when)}</strong>'
        f' · {esc(x.act_label)}: <span class="status">{esc(STATUS.get(x.status, x.status))}</span></p>'
        f"{_steps(x.computation)}{fwd}{f'<ul>{notes}</ul>' if notes else ''}</div>"
    )


def _steps(c: Computation) -> str:
    items = [f"<li>Trigger: {esc(fmt_date(c.trigger))} ({esc(c.trigger_event)})</li>"]
    items += [
        f'<li>{esc(fmt_date(s.date))}: {esc(s.text)} <span class="auth">[{esc(s.authority)}]</span></li>'
        for s in c.steps
    ]
    items.append(f"<li>Result: <strong>{esc(fmt_date(c.result))}</strong></li>")
    if c.alternative is not None:
        items.append(f"<li>Alternative: {esc(fmt_date(c.alternative))}: {esc(c.alternative_note or '')}</li>")
    items += [
        f"<li>Warning: {esc(fmt_date(day))} was counted as a court day, but {esc(why)}</li>" for day, why in c.uncertain
    ]
    return f'<ol class="steps">{"".join(items)}</ol>'
