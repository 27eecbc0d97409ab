"""Where each timeline item goes: x from its date, a lane per band so no two labels overlap.

Pure geometry, no SVG. Labels are set in a monospace font, so their width is known here
(``CHAR_W`` per character, a little above DejaVu Sans Mono's 0.602 em); each band packs its labels
greedily into the first lane where they fit. A dense motion gets more lanes, never overlap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FONT_PX = 11
CHAR_W = 7.0  # px per character at FONT_PX in monospace, with margin
LANE_H = 20
MARK_GAP = 8  # from the mark's centre to the label's start
PAD = 6  # free space kept around each label
MIN_PPD = 5.0  # px per day at least
MIN_WIDTH = 1160
LEFT, TOP = 130, 8  # the left margin holds the side captions
RIGHT = 300  # room assumed for the last labels while choosing the scale
MAX_LABEL = 44
MAX_LANES = 12  # a denser side is stretched (more px per day, scrolled sideways) before it grows taller
MAX_PPD = 48.0
MAX_PLOT = 24000.0  # px: a manifest spanning decades (a typo'd year) gets more lanes, not a mile-wide page


@dataclass
class Placed:
    key: str
    x: float
    y: float  # centre of the lane
    label: str

    @property
    def label_end(self) -> float:
        return self.x + MARK_GAP + len(self.label) * CHAR_W


@dataclass
class Layout:
    start: dt.date
    ppd: float
    width: float
    height: float
    axis_y: float
    plot_top: float  # top of the moving band (spans are shaded from here)
    plot_bottom: float
    band_top: float  # top of the deadline band
    placed: dict[str, Placed]

    def x(self, date: dt.date) -> float:
        return LEFT + (date - self.start).days * self.ppd + self.ppd / 2


def clip(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "~"


def pack(items: list[tuple[str, float, str]]) -> dict[str, int]:
    """Lane index of each (key, x, label): the first lane whose last label ends before this one starts.
    A stem may pass behind a label of a lower lane; labels carry a halo (style.py) so it stays legible."""
    ends: list[float] = []
    lanes: dict[str, int] = {}
    for key, x, label in sorted(items, key=lambda t: t[1]):
        start, end = x - PAD, x + MARK_GAP + len(label) * CHAR_W + PAD
        lane = next((i for i, e in enumerate(ends) if e <= start), len(ends))
        if lane == len(ends):
            ends.append(end)
        ends[lane] = end
        lanes[key] = lane
    return lanes


def layout(bands: dict[str, list[tuple[str, dt.date, str]]], first: dt.date, last: dt.date) -> Layout:
    """Place the items of the bands ``court`` (top), ``moving`` (above the axis), ``responding`` (below)."""
    start = first - dt.timedelta(days=3)
    days = (last - start).days + 4
    ppd = min(max(MIN_PPD, (MIN_WIDTH - LEFT - RIGHT) / days), MAX_PLOT / days)
    while True:
        lay = Layout(start, ppd, LEFT + days * ppd + RIGHT, 0, 0, 0, 0, TOP, {})
        lanes = {name: pack([(k, lay.x(d), clip(t)) for k, d, t in items]) for name, items in bands.items()}
        count = {name: max(ln.values(), default=-1) + 1 for name, ln in lanes.items()}
        if max(count.values(), default=0) <= MAX_LANES or ppd >= MAX_PPD or days * ppd * 1.4 > MAX_PLOT:
            break
        ppd = min(MAX_PPD, ppd * 1.4)
    lay.plot_top = TOP + count.get("court", 0) * LANE_H + 6
    lay.axis_y = lay.plot_top + max(count.get("moving", 0), 1) * LANE_H + 10
    below = lay.axis_y + 26
    lay.plot_bottom = below + max(count.get("responding", 0), 1) * LANE_H + 4
    lay.height = lay.plot_bottom + 8
    for name, items in bands.items():
        n = count[name]
        for key, date, text in items:
            lane = lanes[name][key]
            if name == "court":
                y = TOP + (n - 1 - lane) * LANE_H + LANE_H / 2
            elif name == "moving":
                y = lay.plot_top + (n - 1 - lane) * LANE_H + LANE_H / 2
            else:
                y = below + lane * LANE_H + LANE_H / 2
            lay.placed[key] = Placed(key, lay.x(date), y, clip(text))
    ends = [p.label_end for p in lay.placed.values()]
    lay.width = max(LEFT + days * ppd, *ends, MIN_WIDTH) + 12  # as wide as the last label, no wider
    return lay


def month_ticks(lay: Layout, last: dt.date) -> list[tuple[float, str]]:
    """(x, "Aug 2023") at the first of each month in range; every few months when they would crowd."""
    ticks: list[tuple[float, str]] = []
    d = dt.date(lay.start.year, lay.start.month, 1)
    step = max(1, int(80 // (30 * lay.ppd)) + (1 if 30 * lay.ppd < 80 else 0))
    i = 0
    while d <= last + dt.timedelta(days=3):
        if d >= lay.start and i % step == 0:
            ticks.append((lay.x(d), f"{d:%b %Y}"))
        d = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        i += 1
    return ticks
