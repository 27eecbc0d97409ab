"""Timeline geometry: labels packed in lanes never overlap, whatever the dates and label lengths."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from filelint.report.layout import CHAR_W, LANE_H, MARK_GAP, MAX_LABEL, layout, month_ticks

DAY0 = dt.date(2024, 1, 1)
item = st.tuples(st.integers(0, 400), st.text(alphabet="abc m-+", min_size=1, max_size=60))


def boxes(placed: list[tuple[float, float, str]]) -> list[tuple[float, float, float, float]]:
    return [(x - 5, y - LANE_H / 2, x + MARK_GAP + len(t) * CHAR_W, y + LANE_H / 2) for x, y, t in placed]


@settings(max_examples=60, deadline=None)
@given(st.lists(item, max_size=120), st.lists(item, max_size=120), st.lists(item, max_size=20))
def test_no_two_items_of_the_timeline_overlap(
    moving: list[tuple[int, str]], responding: list[tuple[int, str]], court: list[tuple[int, str]]
) -> None:
    bands = {
        name: [(f"{name}-{i}", DAY0 + dt.timedelta(days=d), t) for i, (d, t) in enumerate(items)]
        for name, items in (("moving", moving), ("responding", responding), ("court", court))
    }
    dates = [date for items in bands.values() for _, date, _ in items] or [DAY0]
    lay = layout(bands, min(dates), max(dates))
    placed = list(lay.placed.values())
    assert len(placed) == sum(len(v) for v in bands.values())
    assert all(len(p.label) <= MAX_LABEL for p in placed)
    found = boxes([(p.x, p.y, p.label) for p in placed])
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    for p in placed:  # moving above the axis, responding below, court above the plot
        if p.key.startswith("moving"):
            assert lay.plot_top <= p.y < lay.axis_y
        elif p.key.startswith("responding"):
            assert lay.axis_y < p.y <= lay.plot_bottom
        else:
            assert p.y < lay.plot_top
        assert 0 <= p.x <= lay.width


def test_month_ticks_fall_on_the_first_of_each_month() -> None:
    lay = layout(
        {"moving": [("a", dt.date(2023, 7, 3), "x"), ("b", dt.date(2023, 12, 5), "y")]},
        dt.date(2023, 7, 3),
        dt.date(2023, 12, 5),
    )
    ticks = month_ticks(lay, dt.date(2023, 12, 5))
    assert [t for _, t in ticks] == ["Jul 2023", "Aug 2023", "Sep 2023", "Oct 2023", "Nov 2023", "Dec 2023"]
    assert ticks[1][0] == lay.x(dt.date(2023, 8, 1))


def test_a_typo_decades_away_keeps_the_page_bounded() -> None:
    from filelint.report.layout import MAX_PLOT

    items = [("a", dt.date(1923, 8, 17), "m1 letter"), ("b", dt.date(2023, 8, 30), "m2 letter")]
    lay = layout({"moving": items}, dt.date(1923, 8, 17), dt.date(2023, 8, 30))
    assert lay.width <= MAX_PLOT + 1000 and lay.placed["a"].x < lay.placed["b"].x
