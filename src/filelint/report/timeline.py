"""The timeline as inline SVG: one focusable mark per event, spans, last days, answer arrows.

Meaning never rests on colour alone: shapes tell the kind of event, labels say offer, ask and
UNANSWERED, spans carry hatch patterns and their own labels.
"""

from __future__ import annotations

import datetime as dt

from filelint.report.escaping import esc
from filelint.report.layout import FONT_PX, LANE_H, MARK_GAP, Layout, layout, month_ticks
from filelint.report.model import Event, ReportData

DEFS = (  # ids get the section's prefix: a page with several folders has several timelines
    "<defs>"
    '<pattern id="{p}hatch-window" width="8" height="8" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" class="hatch"/></pattern>'
    '<pattern id="{p}dots-notice" width="8" height="8" patternUnits="userSpaceOnUse">'
    '<circle cx="4" cy="4" r="1.2" class="dot"/></pattern>'
    '<marker id="{p}arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
    'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker>'
    "</defs>"
)
#: The shape of each kind of event (path around 0,0), so kinds differ without colour.
SHAPES = {
    "discovery": "M-5,4 L0,-5 L5,4 z",  # triangle
    "response": "M-5,-4 L5,-4 L0,5 z",  # inverted triangle
    "verification": "M-5,0 L-1,4 L5,-4 L3,-5 L-1,1 L-3,-2 z",  # check mark
    "extension": "M-5,-3 L5,-3 L5,3 L-5,3 z",  # bar
    "filed": "M-5,-5 L5,-5 L5,5 L-5,5 z",  # square
    "served": "M-5,-5 L5,-5 L5,5 L-5,5 z",
    "hearing": "M0,-6 L6,0 L0,6 L-6,0 z",  # diamond
    "trial": "M0,-6 L6,0 L0,6 L-6,0 z",
}
LETTER = "M-5,-4 L5,-4 L5,4 L-5,4 z M-5,-4 L0,1 L5,-4"  # an envelope: letters and emails


def label_of(ev: Event) -> str:
    flags = [w for w, on in (("OFFER", ev.offer), ("ASK", ev.ask)) if on]
    text = f"{ev.date:%b} {ev.date.day} {ev.label}"
    if flags:
        text += " +" + "+".join(flags)
    if ev.unanswered:
        text += " UNANSWERED"
    return text


def dates_of(data: ReportData) -> list[dt.date]:
    dates = [e.date for e in data.events] + [m.date for m in data.deadline_marks]
    return dates + [d for s in data.spans for d in (s.start, s.end)]


def build_layout(data: ReportData) -> Layout | None:
    dates = dates_of(data)
    if not dates:
        return None
    court = [(e.ident, e.date, label_of(e)) for e in data.events if e.side == "court"]
    court += [(f"dl-{i}", m.date, f"{m.date:%b} {m.date.day} {m.label}") for i, m in enumerate(data.deadline_marks)]
    court += [(f"sp-{i}", s.start, s.label) for i, s in enumerate(data.spans)]
    bands = {"court": court}
    for side in ("moving", "responding"):
        bands[side] = [(e.ident, e.date, label_of(e)) for e in data.events if e.side == side]
    return layout(bands, min(dates), max(dates))


def svg(data: ReportData, prefix: str) -> str:
    """The timeline of one folder; ``prefix`` keeps ids unique when a page holds several folders."""
    lay = build_layout(data)
    if lay is None:
        return '<p class="empty">No dated facts in the manifest.</p>'
    last = max(dates_of(data))
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{lay.width:.0f}" '
            f'height="{lay.height:.0f}" viewBox="0 0 {lay.width:.0f} {lay.height:.0f}" role="group" '
            f'aria-label="Timeline of the case: moving side above the axis, responding side below" '
            f'font-size="{FONT_PX}">'
        ),
        DEFS.format(p=prefix),
    ]
    parts += [_span(lay, data, i, prefix) for i in range(len(data.spans))]
    parts.append(f'<line class="axis" x1="0" y1="{lay.axis_y}" x2="{lay.width:.0f}" y2="{lay.axis_y}"/>')
    parts += [
        f'<g class="tick"><line x1="{x:.1f}" y1="{lay.axis_y - 4}" x2="{x:.1f}" y2="{lay.axis_y + 4}"/>'
        f'<text x="{x + 2:.1f}" y="{lay.axis_y + 16}">{esc(t)}</text></g>'
        for x, t in month_ticks(lay, last)
    ]
    parts += [_side_caption(lay)]
    parts += [_deadline(lay, data, i) for i in range(len(data.deadline_marks))]
    parts += [_arrow(lay, ev, prefix) for ev in data.events if ev.answers]
    parts += [_event(lay, ev, prefix) for ev in data.events]
    parts.append("</svg>")
    return "".join(parts)


def _side_caption(lay: Layout) -> str:
    return (
        f'<text class="side-cap" x="4" y="{lay.axis_y - 4}">moving side above</text>'
        f'<text class="side-cap" x="4" y="{lay.axis_y + 30}">responding side below</text>'
    )


def _span(lay: Layout, data: ReportData, i: int, prefix: str) -> str:
    s = data.spans[i]
    x1, x2 = lay.x(s.start), lay.x(s.end)
    fill = "hatch-window" if s.kind == "window" else "dots-notice"
    p = lay.placed[f"sp-{i}"]
    return (
        f'<g class="span span-{esc(s.kind)}"><rect x="{x1:.1f}" y="{lay.plot_top}" '
        f'width="{max(x2 - x1, 1):.1f}" height="{lay.plot_bottom - lay.plot_top:.1f}" fill="url(#{prefix}{fill})"/>'
        f'<line class="span-edge" x1="{x1:.1f}" y1="{p.y}" x2="{x1:.1f}" y2="{lay.plot_bottom:.1f}"/>'
        f'<text class="lbl span-lbl" x="{p.x + MARK_GAP:.1f}" y="{p.y + 4:.1f}">{esc(p.label)}</text>'
        f"<title>{esc(s.label)}: {s.start} to {s.end}</title></g>"
    )


def _deadline(lay: Layout, data: ReportData, i: int) -> str:
    m = data.deadline_marks[i]
    p = lay.placed[f"dl-{i}"]
    return (
        f'<g class="deadline"><line x1="{p.x:.1f}" y1="{p.y - LANE_H / 2 + 2:.1f}" x2="{p.x:.1f}" '
        f'y2="{lay.plot_bottom:.1f}"/><path d="M{p.x - 5:.1f},{p.y - 5:.1f} h10 l-5,9 z" class="dl-mark"/>'
        f'<text class="lbl" x="{p.x + MARK_GAP:.1f}" y="{p.y + 4:.1f}">{esc(p.label)}</text>'
        f"<title>{esc(m.title)}: {m.date}</title></g>"
    )


def _arrow(lay: Layout, ev: Event, prefix: str) -> str:
    a, b = lay.placed.get(ev.ident), lay.placed.get(ev.answers or "")
    if a is None or b is None:
        return ""
    mid = (a.x + b.x) / 2
    return (
        f'<path class="answer-arrow" d="M{a.x:.1f},{a.y:.1f} Q{mid:.1f},{lay.axis_y:.1f} {b.x:.1f},{b.y:.1f}" '
        f'marker-end="url(#{prefix}arrow)"/>'
    )


def _event(lay: Layout, ev: Event, prefix: str) -> str:
    p = lay.placed[ev.ident]
    shape = SHAPES.get(ev.kind, "M-4,-4 L4,-4 L4,4 L-4,4 z")
    if ev.kind == "communication":
        shape = "M-5,0 a5,5 0 1,0 10,0 a5,5 0 1,0 -10,0" if ev.live else LETTER
    classes = " ".join(
        ["ev", f"ev-{ev.kind}", f"side-{ev.side}"]
        + (["unanswered"] if ev.unanswered else [])
        + (["has-finding"] if ev.findings else [])
    )
    stem_to = lay.axis_y if ev.side != "court" else lay.plot_bottom
    where = f"{ev.source}, manifest line {ev.line}"
    ring = '<circle class="ring" cx="0" cy="0" r="10"/>' if ev.unanswered else ""
    tip = f"{ev.date.isoformat()} · {ev.detail} · {where}"
    return (
        f'<g class="{classes}" id="{prefix}{ev.ident}" tabindex="0" role="img" '
        f'aria-label="{esc(tip)}" data-date="{ev.date.isoformat()}" data-source="{esc(ev.source)}" '
        f'data-line="{ev.line}" data-detail="{esc(ev.detail)}" data-tip="{prefix}tip">'
        f'<line class="stem" x1="{p.x:.1f}" y1="{p.y:.1f}" x2="{p.x:.1f}" y2="{stem_to:.1f}"/>'
        f'<g transform="translate({p.x:.1f},{p.y:.1f})">{ring}<path class="mark" d="{shape}"/></g>'
        f'<text class="lbl" x="{p.x + MARK_GAP:.1f}" y="{p.y + 4:.1f}">{esc(p.label)}</text>'
        f"<title>{esc(tip)}</title></g>"
    )
