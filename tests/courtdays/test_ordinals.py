"""Counting court days by bisect over precomputed ordinals gives exactly the day-by-day walk."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from filelint.packs.california.calendar import california_calendar

CAL = california_calendar(closures={dt.date(2025, 1, 13): "fire closure"})
DATES = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 12, 31))


def walk(d: dt.date, n: int) -> dt.date:
    step = dt.timedelta(days=1 if n > 0 else -1)
    for _ in range(abs(n)):
        d += step
        while not CAL.is_court_day(d):
            d += step
    return d


@settings(max_examples=300, deadline=None)
@given(DATES, st.integers(min_value=-400, max_value=400))
def test_add_court_days_matches_the_walk(d: dt.date, n: int) -> None:
    assert CAL.add_court_days(d, n) == walk(d, n)


@settings(max_examples=300, deadline=None)
@given(DATES, DATES)
def test_court_days_between_matches_the_walk(a: dt.date, b: dt.date) -> None:
    lo, hi = min(a, b), max(a, b)
    walked = sum(CAL.is_court_day(lo + dt.timedelta(days=k)) for k in range(1, (hi - lo).days + 1))
    assert CAL.court_days_between(a, b) == (walked if a <= b else -walked)


def test_known_values() -> None:
    # 16 court days before Tue 2025-02-25, skipping Presidents' Day (Feb. 17), Lincoln Day (Feb. 12)
    # and weekends: Thu 2025-01-30.
    assert CAL.add_court_days(dt.date(2025, 2, 25), -16) == dt.date(2025, 1, 30)
    # 5 court days after Fri 2024-12-20: Dec. 23, 24 (counted, though federal offices closed), 26, 27, 30.
    assert CAL.add_court_days(dt.date(2024, 12, 20), 5) == dt.date(2024, 12, 30)
    # A year boundary counted backward: 3 court days before Fri 2025-01-03 are Jan. 2, Dec. 31, Dec. 30.
    assert CAL.add_court_days(dt.date(2025, 1, 3), -3) == dt.date(2024, 12, 30)
