"""A generic court-day calendar.

A :class:`CourtCalendar` knows three kinds of non-court days:

* every Saturday and Sunday (CCP 12a, 135; FRCP 6(a)(3), (a)(6));
* observed holidays produced by a *holiday rule* (a function ``year -> {observed date: name}``),
  e.g. :func:`filelint.packs.california.calendar.california_holidays`;
* per-court closure dates supplied as data (CCP 12b: a day on which the office is closed for the
  whole day counts as a holiday).

It also carries *uncertain* dates: days on which some sources say the court was closed and others
do not (e.g. federal executive-order closures). They are counted as court days, but the calendar
reports them so that a rule can warn instead of silently relying on them.

Counting conventions follow CCP 12 / 12c and FRCP 6(a)(1): the start day is never counted.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

HolidayRule = Callable[[int], Mapping[dt.date, str]]
"""Observed holidays *belonging to* a year, as ``{observed date: name}``.

The observed date may fall in the adjacent year (New Year's Day 2028 is observed on 2027-12-31),
so a calendar asks the rule for the neighbouring years too.
"""

DateSource = Mapping[dt.date, str] | Iterable[dt.date]
"""Closure or uncertain dates: a mapping date -> reason, or bare dates."""

WEEKEND_NAMES: Mapping[int, str] = MappingProxyType({5: "Saturday", 6: "Sunday"})

# A calendar that never yields a court day would make the rolling helpers loop forever; no real
# court is closed for ten straight years, so stop and complain instead.
_MAX_SCAN_DAYS = 3660

_ONE_DAY = dt.timedelta(days=1)
#: Years counted by bisect over precomputed court days; outside them (the calendar's very ends) the
#: plain day-by-day walk keeps its own errors.
_ORDINAL_YEARS = (dt.MINYEAR + 1, dt.MAXYEAR - 1)

EXECUTIVE_ORDER_CLOSURES: Mapping[dt.date, str] = MappingProxyType(
    {
        dt.date(2024, 12, 24): "Christmas Eve 2024: federal offices closed by executive order",
        dt.date(2025, 1, 9): "National Day of Mourning for President Carter: federal offices closed by executive order",
        dt.date(2025, 12, 24): "Christmas Eve 2025: federal offices closed by executive order",
        dt.date(2025, 12, 26): "Day after Christmas 2025: federal offices closed by executive order",
    }
)
"""Days closed by presidential executive order where sources disagree on whether courts count them.

They are not in the published court-holiday tables (the Judicial Council's and the federal courts' holiday lists).
CCP 135 makes "any day appointed by the President ... for a holiday" a judicial holiday and FRCP 6(a)(6)(B)
counts "any day declared a holiday by the President", but an order closing executive departments
is not plainly such a day. Calendars count them as court days and report them as uncertain.
"""


# --------------------------------------------------------------------------- date helpers


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Mon=0 .. Sun=6) of ``month`` (n >= 1), e.g. 3rd Monday in Jan."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    first = dt.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    result = first + dt.timedelta(days=offset + 7 * (n - 1))
    if result.month != month:
        raise ValueError(f"there is no weekday #{n} of {weekday} in {year}-{month:02d}")
    return result


def last_weekday(year: int, month: int, weekday: int) -> dt.date:
    """The last ``weekday`` (Mon=0 .. Sun=6) of ``month``, e.g. last Monday of May."""
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - _ONE_DAY
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def observed_date(actual: dt.date) -> dt.date:
    """Weekend observance: Saturday -> the Friday before, Sunday -> the Monday after.

    CRC 1.11 for California judicial holidays; 5 U.S.C. 6103(b) and Executive Order 11582 for
    federal holidays. Weekdays are returned unchanged.
    """
    if actual.weekday() == 5:
        return actual - _ONE_DAY
    if actual.weekday() == 6:
        return actual + _ONE_DAY
    return actual


def fixed_date(month: int, day: int) -> Callable[[int], dt.date]:
    """Date function for a holiday on a fixed month/day (e.g. July 4)."""

    def date_for(year: int) -> dt.date:
        return dt.date(year, month, day)

    return date_for


def nth_weekday_date(month: int, weekday: int, n: int) -> Callable[[int], dt.date]:
    """Date function for the ``n``-th ``weekday`` of ``month`` (e.g. 4th Thursday of November)."""

    def date_for(year: int) -> dt.date:
        return nth_weekday(year, month, weekday, n)

    return date_for


def last_weekday_date(month: int, weekday: int) -> Callable[[int], dt.date]:
    """Date function for the last ``weekday`` of ``month`` (e.g. last Monday of May)."""

    def date_for(year: int) -> dt.date:
        return last_weekday(year, month, weekday)

    return date_for


# --------------------------------------------------------------------------- holiday rules


@dataclass(frozen=True)
class HolidayDef:
    """One holiday of a rule set: how to find its date, in which years it applies, and why.

    ``first_year``/``last_year`` are inclusive and refer to the holiday's own year (the year of the
    actual date, before any weekend observance moves it).
    """

    name: str
    date_for: Callable[[int], dt.date]
    authority: str
    first_year: int | None = None
    last_year: int | None = None

    def applies(self, year: int) -> bool:
        """Whether the holiday exists in ``year``."""
        if self.first_year is not None and year < self.first_year:
            return False
        return self.last_year is None or year <= self.last_year


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _observed_label(name: str, actual: dt.date) -> str:
    return f"{name} (observed; {actual:%b} {actual.day} falls on a {_DAY_NAMES[actual.weekday()]})"


def rule_from_definitions(definitions: Iterable[HolidayDef]) -> HolidayRule:
    """Build a :data:`HolidayRule` from holiday definitions, applying weekend observance.

    A holiday on Saturday is observed the Friday before and one on Sunday the Monday after
    (CRC 1.11; 5 U.S.C. 6103(b)). Two holidays observed on the same day share one entry.
    """
    defs = tuple(definitions)

    def rule(year: int) -> Mapping[dt.date, str]:
        out: dict[dt.date, str] = {}
        for holiday in defs:
            if not holiday.applies(year):
                continue
            actual = holiday.date_for(year)
            observed = observed_date(actual)
            label = holiday.name if observed == actual else _observed_label(holiday.name, actual)
            out[observed] = f"{out[observed]} / {label}" if observed in out else label
        return out

    return rule


def as_date_names(source: DateSource, default_name: str) -> dict[dt.date, str]:
    """Normalise closure/uncertain input (mapping or bare dates) to ``{date: name}``."""
    if isinstance(source, Mapping):
        return {d: str(name) for d, name in source.items()}
    return {d: default_name for d in source}


# --------------------------------------------------------------------------- the calendar


@dataclass(frozen=True, eq=False)
class CourtCalendar:
    """Court days for one court system.

    ``holiday_rule`` gives the observed holidays of a year; ``closures`` are extra whole-day
    closures of this court (CCP 12b); ``uncertain`` are days counted as court days that rules
    should warn about. Every Saturday and Sunday is a non-court day.
    """

    name: str
    holiday_rule: HolidayRule
    closures: Mapping[dt.date, str] = field(default_factory=dict)
    uncertain: Mapping[dt.date, str] = field(default_factory=dict)
    _cache: dict[int, Mapping[dt.date, str]] = field(default_factory=dict, init=False, repr=False)
    #: Sorted ordinals of each year's court days, so counting is a bisect, not a day-by-day walk.
    _court_days: dict[int, list[int]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        # Freeze the mappings so a shared calendar cannot be changed behind its users' backs.
        object.__setattr__(self, "closures", MappingProxyType(dict(self.closures)))
        object.__setattr__(self, "uncertain", MappingProxyType(dict(self.uncertain)))

    # -- holidays --------------------------------------------------------------------------

    def _observed(self, year: int) -> Mapping[dt.date, str]:
        """Observed holidays falling in ``year`` (cached; asks the rule for adjacent years too)."""
        cached = self._cache.get(year)
        if cached is not None:
            return cached
        merged: dict[dt.date, str] = {}
        for rule_year in (year - 1, year, year + 1):
            if not dt.MINYEAR < rule_year < dt.MAXYEAR:
                continue  # observance could step outside the range datetime supports
            for day, name in self.holiday_rule(rule_year).items():
                if day.year == year:
                    merged[day] = f"{merged[day]} / {name}" if day in merged else name
        frozen = MappingProxyType(merged)
        self._cache[year] = frozen
        return frozen

    def holidays(self, year: int) -> dict[dt.date, str]:
        """Observed holidays and court closures falling in ``year``, sorted by date.

        Saturdays and Sundays are not listed (every one is a non-court day).
        """
        out = dict(self._observed(year))
        for day, name in self.closures.items():
            if day.year == year and day not in out:
                out[day] = name
        return dict(sorted(out.items()))

    def holiday_name(self, d: dt.date) -> str | None:
        """Why ``d`` is not a court day: the holiday/closure name, "Saturday" or "Sunday".

        ``None`` when ``d`` is a court day.
        """
        name = self._observed(d.year).get(d) or self.closures.get(d)
        if name:
            return name
        return WEEKEND_NAMES.get(d.weekday())

    def is_court_day(self, d: dt.date) -> bool:
        """True unless ``d`` is a Saturday, Sunday, observed holiday or closure (CCP 12a, 12b)."""
        return self.holiday_name(d) is None

    # -- uncertain days --------------------------------------------------------------------

    def uncertain_name(self, d: dt.date) -> str | None:
        """The reason ``d`` is uncertain (counted as a court day, sources disagree), else None."""
        return self.uncertain.get(d)

    def uncertain_between(self, a: dt.date, b: dt.date) -> list[tuple[dt.date, str]]:
        """Uncertain days from ``a`` to ``b`` inclusive (either order) counted as court days."""
        lo, hi = min(a, b), max(a, b)
        return sorted((d, name) for d, name in self.uncertain.items() if lo <= d <= hi and self.is_court_day(d))

    # -- rolling and counting --------------------------------------------------------------

    def _roll(self, d: dt.date, step: dt.timedelta) -> dt.date:
        for _ in range(_MAX_SCAN_DAYS):
            if self.is_court_day(d):
                return d
            d += step
        raise ValueError(f"{self.name}: no court day within {_MAX_SCAN_DAYS} days of {d}")

    def next_court_day(self, d: dt.date) -> dt.date:
        """``d`` itself if a court day, else the first court day after it (CCP 12a roll)."""
        return self._roll(d, _ONE_DAY)

    def previous_court_day(self, d: dt.date) -> dt.date:
        """``d`` itself if a court day, else the last court day before it."""
        return self._roll(d, -_ONE_DAY)

    def add_court_days(self, d: dt.date, n: int) -> dt.date:
        """The ``n``-th court day after ``d`` (before it if ``n`` < 0); ``d`` is never counted.

        CCP 12 (forward) and 12c (backward: "counting backward from the hearing date, excluding
        the hearing date"). ``n == 0`` returns ``d`` unchanged.
        """
        if n == 0:
            return d
        if not _ORDINAL_YEARS[0] <= d.year <= _ORDINAL_YEARS[1]:
            return self._add_by_walking(d, n)  # the ends of the calendar: the plain walk, with its errors
        return self._add_forward(d, n) if n > 0 else self._add_backward(d, -n)

    def _add_forward(self, d: dt.date, n: int) -> dt.date:
        year, empty = d.year, 0
        days = self._year_court_days(year)
        i = bisect.bisect_right(days, d.toordinal())
        while n > len(days) - i:
            n -= len(days) - i
            year, i = year + 1, 0
            empty = empty + 1 if not days else 0
            if empty * 366 > _MAX_SCAN_DAYS or year > _ORDINAL_YEARS[1]:
                return self._add_by_walking(dt.date(year - 1, 12, 31), n)
            days = self._year_court_days(year)
        return dt.date.fromordinal(days[i + n - 1])

    def _add_backward(self, d: dt.date, n: int) -> dt.date:
        year, empty = d.year, 0
        days = self._year_court_days(year)
        i = bisect.bisect_left(days, d.toordinal())  # court days strictly before d: days[:i]
        while n > i:
            n -= i
            year = year - 1
            empty = empty + 1 if not days else 0
            if empty * 366 > _MAX_SCAN_DAYS or year < _ORDINAL_YEARS[0]:
                return self._add_by_walking(dt.date(year + 1, 1, 1), -n)
            days = self._year_court_days(year)
            i = len(days)
        return dt.date.fromordinal(days[i - n])

    def _add_by_walking(self, d: dt.date, n: int) -> dt.date:
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        for _ in range(abs(n)):
            d = self._roll(d + step, step)
        return d

    def _year_court_days(self, year: int) -> list[int]:
        """The ordinals of ``year``'s court days, ascending (computed once per calendar and year)."""
        days = self._court_days.get(year)
        if days is None:
            first, last = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
            days = [o for o in range(first, last + 1) if self.is_court_day(dt.date.fromordinal(o))]
            self._court_days[year] = days
        return days

    def court_days_between(self, a: dt.date, b: dt.date) -> int:
        """Court days in ``(a, b]`` (start excluded, end included, as CCP 12 counts).

        Negative when ``b`` is before ``a``:
        ``court_days_between(a, b) == -court_days_between(b, a)``.
        For ``a <= b`` and a court day ``b``: ``add_court_days(a, court_days_between(a, b)) == b``.
        """
        if b < a:
            return -self.court_days_between(b, a)
        if not (_ORDINAL_YEARS[0] <= a.year and b.year <= _ORDINAL_YEARS[1]):
            return sum(self.is_court_day(a + dt.timedelta(days=k)) for k in range(1, (b - a).days + 1))
        count = 0
        for year in range(a.year, b.year + 1):
            days = self._year_court_days(year)
            count += bisect.bisect_right(days, b.toordinal()) - bisect.bisect_right(days, a.toordinal())
        return count

    # -- variants --------------------------------------------------------------------------

    def with_closures(self, closures: DateSource) -> CourtCalendar:
        """A copy with extra whole-day closures of this court (CCP 12b)."""
        merged = {**self.closures, **as_date_names(closures, "court closure")}
        return replace(self, closures=merged)

    def treat_uncertain_as_closed(self) -> CourtCalendar:
        """A copy counting every uncertain day as a closure (to show the other reading)."""
        merged = {**self.uncertain, **self.closures}
        return replace(self, closures=merged, uncertain={})
