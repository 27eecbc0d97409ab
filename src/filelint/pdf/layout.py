"""Find and remove pleading-paper line numbers by page geometry.

Pleading paper prints "1".."28" (transcripts "1".."25") right-aligned down
the left margin. pdfminer returns each number as its own text line, but not
always in a block: with some layouts a number lands mid-sentence. A regex on
the text cannot tell a margin number from a real one ("11 [Dkt. 854-2]"), so
we look for a right-aligned column of small integers in the left part of the
page and drop only lines inside that column.

Works on anything shaped like a pdfminer ``LTTextLine`` so it can be tested
without pdfminer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
# Pleading paper has 28 lines (some forms 26 or 32), transcripts 25.
_MAX_LINE_NUMBER = 32
# "28 " plus pdfminer's newline, with some slack for stray spaces.
_MAX_NUMBER_GLYPHS = 8
# A column must show at least this many distinct numbers to count.
_MIN_DISTINCT = 10
# Right edges of one column agree within this (pt); columns vary 60-99 pt.
_ALIGN_TOLERANCE = 2.0
# Slack around the measured column when deciding what lies inside it.
_MARGIN = 3.0
# The column sits in the left 30% of the page.
_LEFT_FRACTION = 0.3


class Glyph(Protocol):
    """One character of a text line (pdfminer ``LTChar``/``LTAnno``)."""

    def get_text(self) -> str:
        """The character."""
        ...


class TextLine(Protocol):
    """A positioned line of text (pdfminer ``LTTextLine``)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def get_text(self) -> str:
        """The line text, usually ending in a newline."""
        ...

    def __iter__(self) -> Iterator[Glyph]:
        """The glyphs of the line."""
        ...

    def __len__(self) -> int:
        """Number of glyphs."""
        ...


@dataclass(frozen=True)
class Column:
    """Extent of a line-number column: x with slack, y of its first and last
    numbers (the numbered body sits between ``bottom`` and ``top``)."""

    left: float
    right: float
    bottom: float = 0.0
    top: float = 0.0


def find_number_column(lines: Sequence[TextLine], page_width: float) -> Column | None:
    """Return the line-number column of one page, or None if it has none."""
    limit = _LEFT_FRACTION * page_width
    candidates: list[tuple[float, int, TextLine]] = []
    for line in lines:
        # Position first: get_text() joins every glyph, and this runs on
        # every line of every page.
        if line.x1 >= limit or len(line) > _MAX_NUMBER_GLYPHS:
            continue
        match = _NUMBER.match(line.get_text())
        if match and 1 <= int(match.group(1)) <= _MAX_LINE_NUMBER:
            candidates.append((line.x1, int(match.group(1)), line))
    best = _best_cluster(candidates)
    if len({n for _, n, _ in best}) < _MIN_DISTINCT or not _mostly_increasing(best):
        return None
    return Column(
        left=min(ln.x0 for _, _, ln in best) - _MARGIN,
        right=max(ln.x1 for _, _, ln in best) + _MARGIN,
        bottom=min(ln.y0 for _, _, ln in best),
        top=max(ln.y1 for _, _, ln in best),
    )


def _best_cluster(
    candidates: list[tuple[float, int, TextLine]],
) -> list[tuple[float, int, TextLine]]:
    """Group candidates by right edge (they are right-aligned); pick the
    group with the most distinct numbers."""
    clusters: list[list[tuple[float, int, TextLine]]] = []
    for cand in sorted(candidates, key=lambda c: c[0]):
        # Single-link grouping: fixed buckets would split a column whose
        # right edge straddles a bucket boundary.
        if clusters and cand[0] - clusters[-1][-1][0] <= _ALIGN_TOLERANCE:
            clusters[-1].append(cand)
        else:
            clusters.append([cand])
    return max(clusters, key=lambda c: len({n for _, n, _ in c}), default=[])


def _mostly_increasing(cluster: list[tuple[float, int, TextLine]]) -> bool:
    """Line numbers read top to bottom must (nearly) always increase."""
    seq = [n for _, n, ln in sorted(cluster, key=lambda c: -c[2].y0)]
    rises = sum(a < b for a, b in itertools.pairwise(seq))
    return rises >= 0.8 * (len(seq) - 1)


def is_number_line(line: TextLine, text: str, column: Column) -> bool:
    """True if the line (whose text is given) is a bare line number inside
    the column."""
    return column.left <= line.x0 and line.x1 <= column.right and bool(_NUMBER.match(text))


def strip_glued_number(line: TextLine, column: Column) -> str | None:
    """Text of a body line with a line number glued to its start, minus the
    number; None if the line does not start inside the column.

    Lines that start left of the column (the ECF stamp, a firm-name block in
    the margin) are never touched: a line number would be their first glyph.
    """
    if not (column.left <= line.x0 < column.right < line.x1):
        return None
    kept: list[str] = []
    in_prefix = True
    for glyph in line:
        text = glyph.get_text()
        x1 = getattr(glyph, "x1", None)
        if in_prefix and (text.isspace() or (text.isdigit() and x1 is not None and x1 <= column.right)):
            continue
        in_prefix = False
        kept.append(text)
    return "".join(kept)
